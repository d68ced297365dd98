import { notifications } from '@mantine/notifications';
import type { ApiError } from '#shared/api/result';
import { errorText } from '../i18n/errorText';
import { i18n } from '../i18n/instance';

const TITLED = new Set<ApiError['code']>(['invalid_input', 'not_found', 'conflict', 'unavailable', 'unauthorized']);

/** Shows the server's own message (in the UI language when it names a catalogue key): it says what went wrong in the user's terms. */
export function notifyError(error: ApiError, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? i18n.t(`common:errorTitles.${TITLED.has(error.code) ? error.code : 'fallback'}`),
    message: errorText(error),
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}
