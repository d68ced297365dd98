import type { Observation } from '#shared/domain/records';

/** The first line of the description, as a short name for the observation. */
export function observationName(o: Observation): string {
  const line = o.description.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || 'Observation';
}
