import type { ConversionStatus } from '#shared/domain/security';
import { isConversionMessage } from './host-unlock';

const IDLE: ConversionStatus = { active: false, fraction: 1, stage: '' };

/**
 * The start-up encryption of a plain data folder, as the window sees it. The backend process converts
 * synchronously and cannot answer calls meanwhile, so it sends its progress to main (`{type:'conversion'}`
 * messages, backend-host.ts) and main answers the window's `security.conversion` from the last one.
 */
export function createConversionTracker(): {
  /** Takes a backend message if it is a conversion's; answers whether it was. */
  take(message: unknown): boolean;
  status(): ConversionStatus;
} {
  let current: ConversionStatus = IDLE;
  return {
    take(message) {
      if (!isConversionMessage(message)) return false;
      current = message.done
        ? IDLE
        : { active: true, fraction: Math.min(1, Math.max(0, message.fraction)), stage: message.stage.slice(0, 200) };
      return true;
    },
    status: () => current,
  };
}
