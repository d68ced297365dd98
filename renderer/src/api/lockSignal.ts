import type { FieldworkApi } from '#shared/api/contract';

/** Fired on window when any call is refused because Fieldwork is locked (an idle lock, another window's). */
export const LOCKED_EVENT = 'fieldwork:locked';

/**
 * The app's API, telling the lock screen when a call answers `locked`: the backend locked (idle time, another
 * window) and this window has not polled its status yet. The answer itself still goes to the caller.
 */
export function watchLocked(api: FieldworkApi): FieldworkApi {
  return {
    invoke: async (op, input) => {
      const result = await api.invoke(op, input);
      if (!result.ok && result.error.code === 'locked') window.dispatchEvent(new Event(LOCKED_EVENT));
      return result;
    },
  };
}
