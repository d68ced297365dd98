import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/serve';

// electron-builder's own reader and fuse mapping (CommonJS, no exports map), so the test sees what packaging sees.
const require = createRequire(import.meta.url);
// The package's entry first: its modules require each other in a cycle that only this order resolves.
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<number, unknown>> } };
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, path: string | null, extra: null): Promise<{ electronFuses?: unknown; asar?: unknown }>;
  validateConfiguration(config: unknown, log: unknown): Promise<void>;
};
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };

it('electron-builder.yml flips every fuse the threat model relies on', { timeout: 60_000 }, async () => {
  const config = await getConfig(REPO_ROOT, null, null);
  // A misspelt key would be dropped silently by the mapping below; the schema check refuses it.
  await validateConfiguration(config, { isEnabled: false, add: () => {} });
  // asar is electron-builder's default; onlyLoadAppFromAsar and the integrity check need it.
  expect(config.asar ?? true).toBe(true);
  const wire = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
  expect({
    RunAsNode: wire[FuseV1Options.RunAsNode!],
    EnableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable!],
    EnableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments!],
    OnlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar!],
    EnableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!],
    EnableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption!],
    GrantFileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges!],
  }).toEqual({
    // The installed `fieldwork` command starts the app with --fieldwork-cli instead (build/launchers/).
    RunAsNode: false,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    OnlyLoadAppFromAsar: true,
    EnableEmbeddedAsarIntegrityValidation: true,
    EnableCookieEncryption: true,
    GrantFileProtocolExtraPrivileges: false,
  });
});
