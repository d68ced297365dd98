import type { FieldworkApi } from '#shared/api/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser preview. */
    fieldwork?: FieldworkApi;
  }
}

export {};
