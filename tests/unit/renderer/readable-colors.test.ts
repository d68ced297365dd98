import { DEFAULT_THEME, mergeThemeOverrides, type MantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { readableColors } from '../../../renderer/src/app/readableColors';
import { theme } from '../../../renderer/src/app/englishTheme';

/** WCAG 2.x relative luminance and contrast, written out here so the test does not lean on the code's helper. */
function lum(color: string): number {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const hex = short
    ? `#${short
        .slice(1)
        .map((d) => d + d)
        .join('')}`
    : color;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const ratio = (a: string, b: string) => {
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** Mantine's colour helpers answer rgb()/rgba(); the test compares #rrggbb. */
function hex(color: string): string {
  if (color.startsWith('#')) return color;
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(color);
  if (!m) throw new Error(`unexpected colour ${color}`);
  return `#${m
    .slice(1, 4)
    .map((v) => Math.round(Number(v)).toString(16).padStart(2, '0'))
    .join('')}`;
}

// The defaults complete every field the overrides leave out.
const full = mergeThemeOverrides(DEFAULT_THEME, theme) as MantineTheme;
const vars = readableColors(full);
const { white, colors } = DEFAULT_THEME;
const { gray, dark } = colors;

describe('theme text colours (issue 19: 4.5:1 in the light and the dark scheme)', () => {
  it('Mantine’s defaults were under 4.5:1 where the scan found them', () => {
    // The scan's figures: grey secondary text 3.32:1, the OFI badge (yellow 9 on yellow 1) 2.7:1.
    expect(ratio(gray[6], white)).toBeCloseTo(3.32, 2);
    expect(ratio(colors.yellow[9], colors.yellow[1])).toBeLessThan(3);
  });

  it('secondary, link and placeholder text read at 4.5:1 on the surfaces they sit on', () => {
    for (const bg of [white, gray[0], gray[1]]) {
      expect(ratio(hex(vars.light['--mantine-color-dimmed']!), bg)).toBeGreaterThanOrEqual(4.5);
      expect(ratio(hex(vars.light['--mantine-color-anchor']!), bg)).toBeGreaterThanOrEqual(4.5);
    }
    for (const bg of [dark[7], dark[6], dark[5]]) {
      expect(ratio(hex(vars.dark['--mantine-color-dimmed']!), bg)).toBeGreaterThanOrEqual(4.5);
      expect(ratio(hex(vars.dark['--mantine-color-anchor']!), bg)).toBeGreaterThanOrEqual(4.5);
    }
    expect(ratio(hex(vars.light['--mantine-color-placeholder']!), white)).toBeGreaterThanOrEqual(4.5);
  });

  it('every colour’s light-variant text reads at 4.5:1 on its tint, outline and coloured text on the body', () => {
    for (const [name, shades] of Object.entries(colors)) {
      const tint = shades[1];
      expect(ratio(hex(vars.light[`--mantine-color-${name}-light-color`]!), tint), name).toBeGreaterThanOrEqual(4.5);
      expect(ratio(hex(vars.light[`--mantine-color-${name}-outline`]!), white), name).toBeGreaterThanOrEqual(4.5);
      expect(ratio(hex(vars.light[`--mantine-color-${name}-text`]!), white), name).toBeGreaterThanOrEqual(4.5);
      expect(ratio(hex(vars.dark[`--mantine-color-${name}-outline`]!), dark[7]), name).toBeGreaterThanOrEqual(4.5);
      expect(ratio(hex(vars.dark[`--mantine-color-${name}-text`]!), dark[7]), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});
