import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the preview host and CLI keep data when no --data-dir is given:
 * FIELDWORK_DATA_DIR, else the platform's per-user data folder (the same
 * folder Electron's app.getPath('userData') uses for an app named Fieldwork).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.FIELDWORK_DATA_DIR) return env.FIELDWORK_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Fieldwork');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Fieldwork');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Fieldwork');
}
