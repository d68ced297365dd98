/**
 * IPC channels of the desktop app's extras (FieldworkApi.desktop), beside the
 * op channels (`fieldwork:<op>`): each is handled by the main process itself,
 * and only for the main window's own page (main/desktop-ipc.ts).
 */
export const DESKTOP_CHANNELS = {
  /** The paths of files the user chose, looked up by the preload; main sends `evidence.importPaths`. */
  importPaths: 'fieldwork-desktop:import-paths',
  /** Shows the data folder in the file manager; main decides which folder. */
  showDataFolder: 'fieldwork-desktop:show-data-folder',
  quit: 'fieldwork-desktop:quit',
} as const;
