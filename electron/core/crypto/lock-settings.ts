import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#shared/api/result';
import { DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_MINUTES, type IdleLockMinutes } from '#shared/domain/security';
import { fsyncDirSync } from './key-file';

/**
 * The idle time the app locks after, beside the key file in plain JSON: it holds nothing about clients, and the
 * host needs it when no key (and so no database) is open. A missing or odd file reads as the default.
 */
const FILE = 'security.json';

export function readIdleLockMinutes(dataDir: string): IdleLockMinutes {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { idleLockMinutes?: unknown };
    const minutes = parsed.idleLockMinutes;
    if ((IDLE_LOCK_MINUTES as readonly unknown[]).includes(minutes)) return minutes as IdleLockMinutes;
  } catch {
    // None yet, or unreadable: the default.
  }
  return DEFAULT_IDLE_LOCK_MINUTES;
}

/** Written whole to a temp file and renamed, so a crash leaves the old setting or the new. */
export function writeIdleLockMinutes(dataDir: string, minutes: IdleLockMinutes): void {
  const target = join(dataDir, FILE);
  const temp = `${target}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify({ idleLockMinutes: minutes })}\n`, { mode: 0o600, flush: true });
    renameSync(temp, target);
    fsyncDirSync(dataDir);
  } catch (e) {
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new DomainError('storage', `The lock setting could not be saved (${code}); it is unchanged.`);
  }
}
