/**
 * The locale dates and numbers are formatted in: the UI language, with the
 * system's own region when the system speaks that language (en-GB keeps its
 * day-month order, de-AT its own conventions), otherwise the bare language.
 * Kept apart from the i18next instance so lib/format (in the first chunk)
 * can read it without loading i18next.
 */
let current: string | undefined;
const listeners = new Set<() => void>();

export function formatLocale(): string | undefined {
  return current;
}

export function setFormatLocale(locale: string): void {
  if (locale === current) return;
  current = locale;
  for (const listener of listeners) listener();
}

/** Called when the locale changes (formatters cached for the old locale are dropped). */
export function onFormatLocaleChange(listener: () => void): void {
  listeners.add(listener);
}
