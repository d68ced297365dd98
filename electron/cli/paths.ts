import { readFileSync } from 'node:fs';

/**
 * Where the running CLI's files are. The CLI runs only built (`out/main/cli.js`, from `electron/cli/entry.ts`),
 * and once bundled a module's own `import.meta.url` may be a shared chunk's, so the entry, whose location is
 * known, sets these once before any command runs.
 */
export interface CliPaths {
  /** The folder holding package.json and out/ (the project folder, or the app's resources/app.asar). */
  root: URL;
  /** The export and SoA worker threads, built beside the entry by electron-vite: the ones the app runs. */
  exportWorkerUrl: URL;
  soaWorkerUrl: URL;
}

let current: CliPaths | undefined;

export function setCliPaths(paths: CliPaths): void {
  current = paths;
}

export function cliPaths(): CliPaths {
  if (!current) throw new Error('The CLI paths are set by its entry (electron/cli/entry.ts); run the built CLI.');
  return current;
}

export const appVersion = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', cliPaths().root), 'utf8')) as { version: string };
  return pkg.version;
};
