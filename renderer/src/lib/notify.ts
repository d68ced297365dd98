import { notifications } from '@mantine/notifications';
import type { ApiError } from '#shared/api/result';

const TITLES: Partial<Record<ApiError['code'], string>> = {
  invalid_input: 'Some fields need attention',
  not_found: 'Not found',
  conflict: 'Not possible',
  unavailable: 'Fieldwork is not reachable',
  unauthorized: 'Not signed in to this preview',
};

/** Shows the server's own message: it says what went wrong in the user's terms. */
export function notifyError(error: ApiError, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? TITLES[error.code] ?? 'Something went wrong',
    message: error.message,
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}
