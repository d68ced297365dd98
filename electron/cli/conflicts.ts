import type { ConflictCandidate, ConflictView } from '#shared/domain/team';
import { must, openExistingForCli, resolveDataDir } from './open';

const PAGE = 200;
/** Longest value shown in the table; --json prints values whole. */
const SHOWN_CHARS = 60;

export interface ConflictsOptions {
  audit: string;
  json?: boolean;
  dataDir?: string;
}

/** `fieldwork conflicts --audit ID`: conflicts.list through dispatch, every page. */
export async function conflictsCommand(o: ConflictsOptions): Promise<void> {
  const backend = openExistingForCli(resolveDataDir(o.dataDir));
  try {
    const all: ConflictView[] = [];
    for (;;) {
      const page = must(await backend.call('conflicts.list', { auditId: o.audit, offset: all.length, limit: PAGE }));
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.total) break;
    }
    process.stdout.write(o.json ? `${JSON.stringify(all)}\n` : describeConflicts(all));
  } finally {
    backend.close();
  }
}

/** A value on one line, shortened: line breaks shown as ⏎, the middle of long texts left out. */
export function shorten(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
  const flat = text.replace(/\\r\\n|\\n|\\r/g, '⏎');
  const chars = [...flat];
  if (chars.length <= SHOWN_CHARS) return flat;
  return `${chars.slice(0, SHOWN_CHARS - 11).join('')}…${chars.slice(-10).join('')}`;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

function candidateLine(c: ConflictCandidate, shown: boolean): string {
  const what = c.deleted ? '(deleted)' : shorten(c.value);
  return `    ${shown ? '▸' : ' '} ${what} — ${c.author || 'unknown author'}, ${when(c.at)}${shown ? ' (shown)' : ''}`;
}

export function describeConflicts(all: readonly ConflictView[]): string {
  if (all.length === 0) return 'No open conflicts in this audit.\n';
  const lines = [`${all.length} open conflict${all.length === 1 ? '' : 's'}; decide them in the app's Team tab.`];
  for (const c of all) {
    lines.push('', `${c.label} — ${c.field ?? 'deleted on one side, edited on another'}`);
    c.candidates.forEach((cand, i) => lines.push(candidateLine(cand, i === c.candidates.length - 1)));
  }
  return `${lines.join('\n')}\n`;
}
