import { DomainError } from '../../api/result';
import type { VersionVector } from '../../domain/sync';

/** One string per row; JSON keeps table and id apart whatever characters they hold. */
export const rowKey = (table: string, rowId: string): string => JSON.stringify([table, rowId]);
export const parseRowKey = (key: string): [string, string] => JSON.parse(key) as [string, string];

/** A clock is 'wall-counter-device': the device starts after the 13 + 1 + 6 + 1 characters. */
export const clockDevice = (clock: string): string => clock.slice(21);

/** Object keys sorted, so equal JSON values give equal strings. */
export const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
};

export const maxClock = (a: string | undefined, b: string): string => (a !== undefined && a >= b ? a : b);

export const mergeVectors = (a: VersionVector, b: VersionVector): VersionVector => {
  const out: VersionVector = { ...a };
  for (const [device, clock] of Object.entries(b)) out[device] = maxClock(out[device], clock);
  return out;
};

export const invalid = (message: string): DomainError => new DomainError('invalid_input', message);
