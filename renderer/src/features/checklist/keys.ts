import { RESULT_KEYS, type ItemResult } from '#shared/domain/checklist';

const NOT_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True while the user types into a field: shortcuts must leave those keys alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.has(target.type);
  const role = target.getAttribute('role');
  return role === 'textbox' || role === 'combobox' || role === 'spinbutton' || role === 'searchbox';
}

/** '0'…'5' → the result in RESULT_KEYS order, else null. */
export function resultForKey(key: string): ItemResult | null {
  if (!/^[0-9]$/.test(key)) return null;
  return RESULT_KEYS[Number(key)] ?? null;
}

/** Focuses an item's row and brings it into view without jumping the page. */
export function focusRow(id: string | null): void {
  if (!id) return;
  const row = document.getElementById(`item-${id}`);
  if (!row) return;
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
}

/**
 * Focuses a field inside the sticky editor panel. The browser's own scrolling
 * would move the page (and the list) instead of the panel, so scroll the panel.
 */
export function focusInPanel(id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  field.focus({ preventScroll: true });
  const panel = field.closest<HTMLElement>('[data-editor-panel]');
  if (!panel) return;
  const f = field.getBoundingClientRect();
  const p = panel.getBoundingClientRect();
  if (f.top < p.top || f.bottom > p.bottom) panel.scrollTop += f.top - p.top - 48;
}
