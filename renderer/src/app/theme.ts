import { ActionIcon, createTheme, rem } from '@mantine/core';
import { readableColors } from './readableColors';

/** The names the theme gives Mantine's icon-only buttons, in the UI language (shell:theme). */
export interface ThemeWords {
  close: string;
  eyeDropper: string;
  passwordToggle: string;
}

/** The app's theme, its button names in `words` (start.tsx makes it again when the language changes). */
export const themeWith = (words: ThemeWords) =>
  createTheme({
    primaryColor: 'indigo',
    // Indigo 6 under white text is 4.3:1; 7 is 5.1:1 (WCAG AA wants 4.5:1). The dark scheme keeps Mantine's 8.
    primaryShade: { light: 7, dark: 8 },
    // Filled buttons and badges of any colour take black or white text, whichever contrasts more: 0.179 is the
    // luminance at which both give the same ratio (Mantine's default of 0.3 leaves white on yellow and orange).
    autoContrast: true,
    // Someone who asked their system for less motion gets dialogs and drawers without the slide and fade.
    respectReducedMotion: true,
    luminanceThreshold: 0.179,
    defaultRadius: 'md',
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    headings: { fontWeight: '650' },
    components: {
      // Tables of records read better with a little more air and a hover cue.
      Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
      Card: { defaultProps: { withBorder: true, padding: 'lg' } },
      // Closed dropdowns stay out of the DOM: a mounted one is positioned on mount, which forces a
      // full style recalculation per select — on the checklist screen that cost ~150 ms per visit.
      Combobox: { defaultProps: { keepMounted: false } },
      // Icon-only buttons Mantine draws itself carry no text: name them once here for screen readers.
      // A dialog's <header> is not the page's banner landmark (Mantine draws one for its title bar).
      Modal: {
        defaultProps: { closeButtonProps: { 'aria-label': words.close }, attributes: { header: { role: 'none' } } },
      },
      Drawer: {
        defaultProps: { closeButtonProps: { 'aria-label': words.close }, attributes: { header: { role: 'none' } } },
      },
      // WCAG 2.2 wants pointer targets of at least 24 px: the two smallest icon buttons grow to that.
      ActionIcon: ActionIcon.extend({
        vars: (_theme, props) =>
          props.size === 'xs' || props.size === 'sm' ? { root: { '--ai-size': rem(24) } } : { root: {} },
      }),
      ColorInput: { defaultProps: { eyeDropperButtonProps: { 'aria-label': words.eyeDropper } } },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': words.passwordToggle } } },
      // Key caps: Mantine's grey 7 on its grey key face is 4.28:1 (axe's scan of the Ctrl+K hints); body text reads.
      Kbd: { styles: { root: { color: 'var(--mantine-color-text)' } } },
    },
  });

/** Text colours that reach 4.5:1 in the light and the dark scheme (see readableColors). */
export const cssVariablesResolver = readableColors;
