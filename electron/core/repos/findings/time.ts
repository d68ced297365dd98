/**
 * The backend's clock is an ISO instant; findings speak in the auditor's wall
 * clock (raised at 09:30 on site) and calendar dates (due on 2026-04-03).
 * The backend runs on the auditor's own machine, so its local zone is theirs.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function localDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const localDate = (iso: string): string => localDateTime(iso).slice(0, 10);
