import { formatLocale, onFormatLocaleChange } from '../i18n/locale';

/**
 * Dates in the user's own locale (the UI language's; see i18n/locale). Audit dates are calendar days
 * ('YYYY-MM-DD') with no time zone: format them as UTC so a day never
 * shifts to the day before west of Greenwich.
 */
let days: Intl.DateTimeFormat | undefined;
let timestamps: Intl.DateTimeFormat | undefined;
let instantDays: Intl.DateTimeFormat | undefined;
// Made when first used: each takes milliseconds to build, on the way to a screen's first paint.
const dayFormat = () => (days ??= new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeZone: 'UTC' }));
const timestampFormat = () =>
  (timestamps ??= new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }));
// An instant (a certificate's validity) falls on a day of the user's own time zone, not UTC's.
const instantDayFormat = () => (instantDays ??= new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium' }));
onFormatLocaleChange(() => {
  days = undefined;
  timestamps = undefined;
  instantDays = undefined;
});

const parseDay = (iso: string): Date | null => {
  const d = new Date(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(d.getTime()) ? d : null;
};

export function formatDay(iso: string): string {
  const d = parseDay(iso);
  return d ? dayFormat().format(d) : iso;
}

export function formatDayRange(start: string, end: string): string {
  const a = parseDay(start);
  const b = parseDay(end);
  if (!a || !b) return `${start} – ${end}`;
  return a.getTime() <= b.getTime()
    ? dayFormat().formatRange(a, b)
    : `${dayFormat().format(a)} – ${dayFormat().format(b)}`;
}

export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timestampFormat().format(d);
}

/** The day an instant falls on, in the user's time zone and locale. */
export function formatInstantDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : instantDayFormat().format(d);
}

/** Calendar days covered by the audit, both ends included. */
export function dayCount(start: string, end: string): number | null {
  const a = parseDay(start);
  const b = parseDay(end);
  if (!a || !b || b < a) return null;
  return Math.round((b.getTime() - a.getTime()) / 86_400_000) + 1;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
