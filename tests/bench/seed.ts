import { openBackend } from '#core/backend';
import { RESULT_KEYS, RESULT_LABELS, type ItemResult } from '#shared/domain/checklist';
import { notApplicableRefused } from '#shared/rules/checklist';
import { value } from '../helpers/backend';

const LOREM =
  'Interviewed the process owner and walked through the procedure step by step. Records were complete, approvals ' +
  'were present and dated, and exceptions had documented reasons. Compared the written procedure with practice on ' +
  'the floor; staff knew where to find it and could explain the escalation path. ';

/** About 2 KB of distinct notes per item. */
const notesFor = (i: number) => `Item ${i}. ${LOREM.repeat(Math.ceil(2048 / LOREM.length))}`.slice(0, 2048);

/**
 * A Stage 2 audit whose checklist is filled the way a busy auditor leaves it:
 * every item with 2 KB of notes and five sampled records, mixed results.
 */
/** What each row shows, for the plain-HTML baseline. */
export interface RowText {
  number: string;
  title: string;
  result: string;
  assignee: string;
  samples: number;
}

export async function seedFullChecklist(dataDir: string): Promise<{ auditId: string; rows: RowText[] }> {
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  try {
    const client = value(
      await backend.call('clients.create', {
        name: 'Benchmark Industries plc',
        address: '',
        representative: '',
        contacts: [],
        sites: [{ name: 'HQ', address: '', headcount: 500, processes: 'Everything' }],
      }),
    );
    const audit = value(
      await backend.call('audits.create', {
        clientId: client.id,
        type: 'stage2',
        scope: 'The whole ISMS',
        startDate: '2026-03-02',
        endDate: '2026-03-06',
        team: [
          { name: 'Lena Lead', role: 'lead_auditor' },
          { name: 'Arno Auditor', role: 'auditor' },
          { name: 'Tia Technical', role: 'technical_expert' },
        ],
      }),
    );
    const checklist = value(await backend.call('checklist.get', { auditId: audit.id }));
    for (const [i, item] of checklist.items.entries()) {
      // Every fourth item still open, the rest spread over the other results
      // (clauses 4 to 10 cannot be not applicable: those are conforming instead).
      const spread: ItemResult = i % 4 === 0 ? 'not_audited' : (RESULT_KEYS[1 + (i % 5)] ?? 'conforming');
      const result = spread === 'not_applicable' && notApplicableRefused(item) ? 'conforming' : spread;
      value(
        await backend.call('checklist.updateItem', {
          id: item.id,
          patch: {
            result,
            notes: notesFor(i),
            assigneeId: audit.team[i % audit.team.length]?.id ?? null,
            sampleSize: 25,
            minutesSpent: 20,
            samples: Array.from({ length: 5 }, (_, s) => ({
              identifier: `REC-${i}-${s}`,
              description: `Sampled record ${s + 1} for item ${i}: checked approval, date and owner.`,
            })),
          },
        }),
      );
    }
    const filled = value(await backend.call('checklist.get', { auditId: audit.id }));
    const names = new Map(audit.team.map((m) => [m.id, m.name]));
    const rows = filled.items.map((i) => ({
      number: i.number,
      title: i.title,
      result: RESULT_LABELS[i.result],
      assignee: (i.assigneeId && names.get(i.assigneeId)) ?? '',
      samples: i.samples.length,
    }));
    return { auditId: audit.id, rows };
  } finally {
    backend.close();
  }
}
