import { i18n } from './instance';

/** An error as the backend sends it: English `message`, and since issue 17 a catalogue `key` with its `params`. */
export interface TranslatableError {
  message: string;
  key?: string;
  params?: Record<string, unknown>;
}

/**
 * The words to show for an error: its catalogue entry in the UI language when
 * the backend named one (and the catalogue has it), else the backend's own message.
 */
export function errorText(error: TranslatableError): string {
  if (error.key && i18n.exists(error.key)) return i18n.t(error.key, error.params ?? {});
  return error.message;
}
