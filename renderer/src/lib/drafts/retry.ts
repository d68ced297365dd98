import type { ApiError, Result } from '#shared/api/result';

/**
 * When an autosave tries again — the one policy of the save queue and the
 * drafted text fields. Network trouble or a crashed backend may pass; a
 * refused value will not until it changes, so it is not resent.
 */
export const isRetryable = (error: ApiError): boolean => error.code === 'unavailable' || error.code === 'internal';

/** 1 s after the first failure in a row, doubling, at most 15 s. */
export const retryDelay = (attempt: number): number => Math.min(1000 * 2 ** (attempt - 1), 15_000);

/** The answer of a save whose request failed before the backend could answer. */
export const UNREACHED: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'The save did not reach Fieldwork.' },
};
