import type { ChecklistItem } from '#shared/domain/checklist';

/**
 * The demo client's Statement of Applicability: the client develops no
 * software itself and outsources none, so the three development controls are
 * excluded, each with its justification. Everything else is applicable.
 */
export const DEMO_SOA_VERSION = '2.1';
export const DEMO_EXCLUSIONS: Readonly<Record<string, string>> = {
  '8.25': 'No software is developed by or for the organisation; business applications are licensed standard products.',
  '8.28': 'No source code is written or maintained in-house; configuration changes follow change management (8.32).',
  '8.30': 'No software development is outsourced.',
};

/** Most controls are in place; a few are still being rolled out, as in a real first certification. */
const IN_PROGRESS = new Set(['5.7', '8.12', '8.16']);

const csvCell = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The SoA as the client would export it from a spreadsheet: a version line, a header row, one row per control. */
export function demoSoaCsv(controls: readonly Pick<ChecklistItem, 'number' | 'title'>[]): string {
  const rows = [
    ['Statement of Applicability — Nordlicht Logistics GmbH', `Version ${DEMO_SOA_VERSION}`],
    ['Control', 'Title', 'Applicable', 'Justification', 'Implementation status'],
    ...controls.map((c) => {
      const excluded = DEMO_EXCLUSIONS[c.number];
      return excluded
        ? [`A.${c.number}`, c.title, 'No', excluded, 'Not applicable']
        : [
            `A.${c.number}`,
            c.title,
            'Yes',
            'Required to treat risks in the risk register and by customer contracts.',
            IN_PROGRESS.has(c.number) ? 'Partially implemented' : 'Implemented',
          ];
    }),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
