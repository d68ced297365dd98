import type { Result } from '#shared/api/result';
import type { DraftKey } from '#shared/domain/draft-key';
import type { DraftJournal } from './journal';
import { importDraftKey } from './seal';

/** Between tries while the backend is unreachable or locked: soon at first, then every few seconds. */
export const keyRetryDelay = (attempt: number): number => Math.min(3000, 250 * 2 ** attempt);

/**
 * Gets the journal its key (`security.draftKey`) once per page: asked at once, and again after a pause while the
 * backend is unreachable (the page loaded before it started, or it is restarting) or locked (the lock screen's
 * unlock lets the next try through). Keystrokes wait in the journal's memory meanwhile. The key is imported
 * non-extractable and handed to the journal; the base64 answer is dropped. Returns a stop (tests).
 */
export function keepDraftKey(
  journal: DraftJournal,
  fetchKey: () => Promise<Result<DraftKey>>,
  delay: (attempt: number) => number = keyRetryDelay,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = async (n: number) => {
    if (stopped || journal.keyed) return;
    let answer: Result<DraftKey>;
    try {
      answer = await fetchKey();
    } catch {
      answer = { ok: false, error: { code: 'unavailable', message: 'unreachable' } };
    }
    if (stopped) return;
    if (answer.ok) {
      try {
        journal.setKey(await importDraftKey(answer.value.key));
        return;
      } catch {
        // Not a key WebCrypto takes (cannot happen with the contract's check): ask again as if refused.
      }
    }
    timer = setTimeout(() => void attempt(n + 1), delay(n));
  };
  void attempt(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
