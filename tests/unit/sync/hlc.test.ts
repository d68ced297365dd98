import { describe, expect, it } from 'vitest';
import { HLC_PATTERN } from '#shared/domain/sync';
import { parseHlc, receiveHlc, tickHlc } from '#core/sync/hlc';

const DEV = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OTHER = 'ffffffff-0000-7000-8000-000000000000';
const T = 1_733_350_000_000;

describe('hybrid logical clock', () => {
  it('starts at the wall time, in the shared clock format', () => {
    const c = tickHlc(null, T, DEV);
    expect(c).toBe(`1733350000000-000000-${DEV}`);
    expect(HLC_PATTERN.test(c)).toBe(true);
  });

  it('keeps moving forward when the wall clock steps backwards', () => {
    let c = tickHlc(null, T, DEV);
    const seen = [c];
    for (const now of [T - 5_000, T - 10_000, T, T - 1]) {
      const next = tickHlc(c, now, DEV);
      expect(next > c).toBe(true);
      c = next;
      seen.push(c);
    }
    expect(parseHlc(c)).toEqual({ wall: T, counter: 4, device: DEV });
    // Once the wall clock passes the last value again, the counter starts over.
    expect(tickHlc(c, T + 1, DEV)).toBe(`1733350000001-000000-${DEV}`);
  });

  it('carries a full counter into the next millisecond', () => {
    const full = `1733350000000-999999-${DEV}`;
    const next = tickHlc(full, T - 3, DEV);
    expect(next).toBe(`1733350000001-000000-${DEV}`);
    expect(next > full).toBe(true);
  });

  it('a received clock from the future moves this clock past it, and later ticks stay past it', () => {
    const mine = tickHlc(null, T, DEV);
    const remote = `${T + 60_000}-000007-${OTHER}`;
    const after = receiveHlc(mine, remote, T, DEV);
    expect(after).toBe(`${T + 60_000}-000008-${DEV}`);
    expect(after > remote && after > mine).toBe(true);
    expect(tickHlc(after, T + 1, DEV) > after).toBe(true);
  });

  it('a received clock from the past changes only the counter or wall as a local tick would', () => {
    const mine = `${T}-000003-${DEV}`;
    expect(receiveHlc(mine, `${T - 1000}-000050-${OTHER}`, T - 2, DEV)).toBe(`${T}-000004-${DEV}`);
    expect(receiveHlc(mine, `${T - 1000}-000050-${OTHER}`, T + 5, DEV)).toBe(`${T + 5}-000000-${DEV}`);
  });

  it('refuses a clock more than a day ahead of this computer', () => {
    expect(() => receiveHlc(null, `${T + 25 * 3_600_000}-000000-${OTHER}`, T, DEV)).toThrow(/more than a day/);
  });

  it('string order is clock order: wall first, then counter, then device', () => {
    const parts: [number, number, string][] = [
      [T, 0, OTHER],
      [T - 1, 999_999, OTHER],
      [T, 1, DEV],
      [T, 0, DEV],
      [T + 1, 0, '0'],
      [99, 5, DEV],
    ];
    const byParts = [...parts].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    const fmt = ([w, c, d]: [number, number, string]) =>
      `${String(w).padStart(13, '0')}-${String(c).padStart(6, '0')}-${d}`;
    const byString = parts.map(fmt).sort();
    expect(byString).toEqual(byParts.map(fmt));
    // …and the clock functions produce exactly that format.
    expect(tickHlc(null, 99, DEV)).toBe(`0000000000099-000000-${DEV}`);
  });
});
