import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface TemplateFile {
  items: { kind: string; number: string; title: string }[];
}

/** The Annex A controls of the built-in Stage 2 template: [number, title]. */
export function annexAControls(): [string, string][] {
  const file = fileURLToPath(new URL('../../resources/templates/iso27001-2022-stage2.json', import.meta.url));
  const template = JSON.parse(readFileSync(file, 'utf8')) as TemplateFile;
  return template.items.filter((i) => i.kind === 'control').map((i) => [i.number, i.title]);
}

const quote = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A Statement of Applicability as a client would export it: a version line, a header, one row per control. */
export function soaCsv(opts: { version?: string; exclude?: Record<string, string>; omit?: string[] } = {}): string {
  const lines = [
    `Statement of Applicability,Version ${opts.version ?? '2.1'}`,
    'Control,Title,Applicable,Justification,Status',
  ];
  for (const [number, title] of annexAControls()) {
    if (opts.omit?.includes(number)) continue;
    const why = opts.exclude?.[number];
    lines.push(
      [`A.${number}`, title, why ? 'No' : 'Yes', why ?? 'Required by the risk treatment plan', why ? '' : 'Implemented']
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const soaFile = (csv: string, name = 'soa.csv') => ({
  name,
  contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
});
