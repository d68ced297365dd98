import { formatLocale, onFormatLocaleChange } from '../i18n/locale';

/**
 * Record times are wall-clock times on site ('2026-03-14T09:30', no zone):
 * shown as typed, in the user's locale. Formatting them as UTC keeps the
 * clock reading the same on any computer.
 */
let dateTimeFormat: Intl.DateTimeFormat | undefined;
onFormatLocaleChange(() => (dateTimeFormat = undefined));
// Made when first used: a formatter takes milliseconds to build, and the app's first chunk imports this module.
const dateTimeFormatter = () =>
  (dateTimeFormat ??= new Intl.DateTimeFormat(formatLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }));

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

export function formatLocalDateTime(value: string): string {
  const m = LOCAL.exec(value);
  if (!m) return value;
  const d = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}Z`);
  return Number.isNaN(d.getTime()) ? value : dateTimeFormatter().format(d);
}

/** When a photo was taken: a wall-clock time (EXIF) or an instant with a zone. */
export function formatCapturedAt(value: string): string {
  if (LOCAL.test(value)) return formatLocalDateTime(value);
  const d = new Date(value);
  return Number.isNaN(d.getTime())
    ? value
    : new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** This computer's clock now, as a LocalDateTime for a new record. */
export function nowLocalDateTime(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}`
  );
}

/**
 * When a new record most likely happened: now during the audit, else the
 * morning of its first day (a record typed up after the audit, or before it).
 */
export function defaultRecordTime(startDate: string, endDate: string, now = new Date()): string {
  const current = nowLocalDateTime(now);
  const today = current.slice(0, 10);
  return today >= startDate && today <= endDate ? current : `${startDate}T09:00`;
}
