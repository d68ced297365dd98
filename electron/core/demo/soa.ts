import type { ChecklistItem } from '#shared/domain/checklist';

/** One demo client's Statement of Applicability: who it is, its version, the controls it excludes and why. */
export interface DemoSoa {
  organisation: string;
  version: string;
  /** Control number → the justification for excluding it. */
  exclusions: Readonly<Record<string, string>>;
  /** Applicable controls still being rolled out. */
  inProgress: ReadonlySet<string>;
}

/**
 * The first demo client's SoA: it develops no software itself and outsources
 * none, so the three development controls are excluded, each with its
 * justification. Everything else is applicable; a few controls are still
 * being rolled out, as in a real first certification.
 */
export const NORDLICHT_SOA: DemoSoa = {
  organisation: 'Nordlicht Logistics GmbH',
  version: '2.1',
  exclusions: {
    '8.25':
      'No software is developed by or for the organisation; business applications are licensed standard products.',
    '8.28': 'No source code is written or maintained in-house; configuration changes follow A.8.32 Change management.',
    '8.30': 'No software development is outsourced.',
  },
  inProgress: new Set(['5.7', '8.12', '8.16']),
};

/**
 * The certified demo client's SoA (findings.ts) as seen at Stage 2; its
 * Surveillance 1 imports the next revision. Its warehouse and ERP systems are
 * vendor-run standard products, so it writes no code and commissions none.
 */
export const HAVELWERK_SOA: DemoSoa = {
  organisation: 'Havelwerk Medical Supplies GmbH',
  version: '1.1',
  exclusions: {
    '8.28':
      'The organisation writes no source code: the ERP and warehouse systems are vendor-run standard products, ' +
      'changed only through A.8.32 Change management.',
    '8.30': 'No software development is commissioned from third parties; vendors maintain their own products.',
  },
  inProgress: new Set(),
};

/** Kept for the demo's first client, which most tests and benches read. */
export const DEMO_SOA_VERSION = NORDLICHT_SOA.version;
export const DEMO_EXCLUSIONS = NORDLICHT_SOA.exclusions;

const csvCell = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The SoA as the client would export it from a spreadsheet: a version line, a header row, one row per control. */
export function demoSoaCsv(
  controls: readonly Pick<ChecklistItem, 'number' | 'title'>[],
  soa: DemoSoa = NORDLICHT_SOA,
): string {
  const rows = [
    [`Statement of Applicability — ${soa.organisation}`, `Version ${soa.version}`],
    ['Control', 'Title', 'Applicable', 'Justification', 'Implementation status'],
    ...controls.map((c) => {
      const excluded = soa.exclusions[c.number];
      return excluded
        ? [`A.${c.number}`, c.title, 'No', excluded, 'Not applicable']
        : [
            `A.${c.number}`,
            c.title,
            'Yes',
            'Required to treat risks in the risk register and by customer contracts.',
            soa.inProgress.has(c.number) ? 'Partially implemented' : 'Implemented',
          ];
    }),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
