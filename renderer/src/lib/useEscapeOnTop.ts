import { useEffect, useRef } from 'react';

/**
 * Esc for a modal or drawer that may have others opened over it (the viewer
 * over a record's drawer, a confirmation over the viewer). Mantine closes
 * every open one on the same key press unless they share a stack; this
 * closes ours only when the key was pressed inside it — the focus trap keeps
 * focus in the topmost — or outside every dialog while ours is the only one
 * open, and not while a dropdown inside it is open.
 * Give the modal `id={rootId}` and `closeOnEscape={false}`.
 */
export function useEscapeOnTop(rootId: string, opened: boolean, onEscape: () => void): void {
  const latest = useRef(onEscape);
  useEffect(() => {
    latest.current = onEscape;
  }, [onEscape]);

  useEffect(() => {
    if (!opened) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing) return;
      const root = document.getElementById(rootId);
      const target = e.target instanceof Element ? e.target : null;
      if (!root || !target) return;
      if (!root.contains(target)) {
        // Focus left on the page (a closed dialog could not hand it back): ours if no other dialog is open.
        if (target.closest('[role="dialog"]')) return;
        // Only dialogs still on screen count: one that is closing (or kept mounted hidden) must not swallow the key.
        const open = [...document.querySelectorAll('[role="dialog"][aria-modal="true"]')].filter(isShown);
        if (open.length > 1) return;
      }
      if (target.getAttribute('aria-expanded') === 'true') return;
      latest.current();
    };
    // Capturing, before React runs the dropdown's handler: an open dropdown is still marked expanded here.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [rootId, opened]);
}

function isShown(el: Element): boolean {
  if (!(el instanceof HTMLElement)) return false;
  // A closing Mantine dialog gets its target opacity 0 inline at once, while the computed value is still
  // fading: without this, Esc pressed just after confirming a nested dialog was swallowed (seen in e2e).
  if (el.style.opacity === '0') return false;
  const style = getComputedStyle(el);
  return (
    style.display !== 'none' &&
    style.visibility !== 'hidden' &&
    Number(style.opacity) > 0.05 &&
    el.getClientRects().length > 0
  );
}
