/**
 * The windowed tables draw their badges as plain spans (components/windowed/cells) whose colours come from
 * cells.module.css, one rule per tone. A colour the findings or audit badges use without a rule there would
 * draw that badge in Mantine's default primary colour, silently: every colour they use must have its rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/serve';

// .tsx modules, outside this project's TypeScript files (so named by a variable): typed here by what the test reads.
const LABELS = '../../../renderer/src/components/findings/labels';
const AUDIT_BADGE = '../../../renderer/src/components/AuditStatusBadge';
type Colours = Record<string, string>;
const { STATUS_COLORS, TYPE_COLORS } = (await import(/* @vite-ignore */ LABELS)) as unknown as {
  STATUS_COLORS: Colours;
  TYPE_COLORS: Colours;
};
const { AUDIT_STATUS_COLORS } = (await import(/* @vite-ignore */ AUDIT_BADGE)) as unknown as {
  AUDIT_STATUS_COLORS: Colours;
};

const css = readFileSync(join(REPO_ROOT, 'renderer/src/components/windowed/cells.module.css'), 'utf8');
/** The tones cells.module.css defines, with the variables each variant reads. */
const tones = new Map(
  [...css.matchAll(/\.badge\[data-tone='([a-z]+)'\]\s*\{([^}]*)\}/g)].map((m) => [m[1]!, m[2]!] as const),
);

describe('windowed table cell badges', () => {
  const used = {
    'finding types': [Object.values(TYPE_COLORS), ['light', 'outline']],
    'finding statuses': [Object.values(STATUS_COLORS), ['light', 'outline']],
    'audit statuses': [Object.values(AUDIT_STATUS_COLORS), ['light', 'outline']],
  } as const;
  for (const [what, [colors, looks]] of Object.entries(used)) {
    it(`has a tone for every colour of the ${what}, with each variant's variables`, () => {
      for (const color of colors) {
        const rule = tones.get(color);
        expect(rule, `no .badge[data-tone='${color}'] rule`).toBeDefined();
        for (const look of looks) {
          const variable =
            look === 'light' ? `--mantine-color-${color}-light-color` : `--mantine-color-${color}-outline`;
          expect(rule, `${color}: ${look}`).toContain(variable);
        }
      }
    });
  }
  it('draws the filled tone (the Overdue badge) in red', () => {
    expect(tones.get('red')).toContain('--tone-filled: var(--mantine-color-red-filled)');
  });
});
