import { darken, DEFAULT_THEME, lighten, luminance, type CSSVariablesResolver } from '@mantine/core';

/** WCAG 2.x contrast ratio of two colours (any CSS colour Mantine parses). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A little over WCAG AA's 4.5:1, so rounding in the browser never lands under it. */
const TARGET = 4.6;

/**
 * `color`, darkened (or lightened) in small steps until it reads at `TARGET` on every one of `backgrounds`.
 * Mantine's palettes put text shades (the 6th, the 9th on tinted backgrounds) near 3:1 for several hues.
 */
export function readable(color: string, backgrounds: string[], direction: 'darker' | 'lighter'): string {
  const shift = direction === 'darker' ? darken : lighten;
  for (let step = 0; step <= 20; step++) {
    const candidate = step === 0 ? color : shift(color, step * 0.05);
    if (backgrounds.every((bg) => contrast(candidate, bg) >= TARGET)) return candidate;
  }
  return direction === 'darker' ? '#000000' : '#ffffff';
}

const { colors, white } = DEFAULT_THEME;
const gray = colors.gray;
const dark = colors.dark;

/**
 * The theme's text colours that fall under 4.5:1 with Mantine's defaults, made readable in both schemes:
 * dimmed (secondary) text, the "light" variant's text on its tint (badges, alerts) and the "outline" variant's
 * text. The surfaces checked are the ones these colours sit on: the body, the grey of cards, code and
 * striped rows, and the variant's own tint.
 */
export const readableColors: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readable(gray[6], [white, gray[0], gray[1]], 'darker'),
  };
  const darkVars: Record<string, string> = {
    '--mantine-color-dimmed': readable(dark[2], [dark[7], dark[6], dark[5]], 'lighter'),
  };
  const lightShade = typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light;

  const darkShade = typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.dark;
  const primary = theme.colors[theme.primaryColor] ?? colors.indigo;
  // Links sit on the body and on the grey of hovered and striped rows.
  light['--mantine-color-anchor'] = readable(primary[lightShade] ?? primary[7], [white, gray[0], gray[1]], 'darker');
  // Placeholders (and the empty file inputs that show one) are read as text too.
  light['--mantine-color-placeholder'] = readable(gray[5], [white, gray[0]], 'darker');
  darkVars['--mantine-color-anchor'] = readable(primary[4], [dark[7], dark[6], dark[5]], 'lighter');
  darkVars['--mantine-color-placeholder'] = readable(dark[3], [dark[6], dark[7]], 'lighter');
  for (const [name, shades] of Object.entries(theme.colors)) {
    // Coloured text (`c="red"`): the filled shade in the light scheme, shade 4 in the dark one.
    light[`--mantine-color-${name}-text`] = readable(
      shades[lightShade] ?? shades[7],
      [white, gray[0], gray[1]],
      'darker',
    );
    darkVars[`--mantine-color-${name}-text`] = readable(shades[4], [dark[7], dark[6], dark[5]], 'lighter');
    // Light scheme: the light variant is shade 9 on shade 1; outline is the primary shade on the body.
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], [shades[1], white], 'darker');
    light[`--mantine-color-${name}-outline`] = readable(shades[lightShade], [white, gray[0]], 'darker');
    // Dark scheme: the light variant is shade 0 on shade 9 darkened by half; outline is 4 shades lighter.
    darkVars[`--mantine-color-${name}-light-color`] = readable(shades[0], [darken(shades[9], 0.5), dark[7]], 'lighter');
    darkVars[`--mantine-color-${name}-outline`] = readable(
      shades[Math.max(darkShade - 4, 0)] ?? shades[4],
      [dark[7], dark[6], dark[5]],
      'lighter',
    );
  }
  return { variables: {}, light, dark: darkVars };
};
