/**
 * Runs `fn` right after the next frame is painted, so work started by a key
 * press (a request, an IndexedDB write) never delays the key on screen; a
 * timer covers windows that do not paint (hidden, minimised).
 */
export function afterPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  // Typed loosely: this also compiles without the DOM library (unit tests run in Node).
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => unknown }).requestAnimationFrame;
  if (typeof raf === 'function') raf(() => setTimeout(once, 0));
  setTimeout(once, 50);
}
