import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OP_NAMES, type OpName } from '#shared/api/ops';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { evidenceCases } from '../core/malformed/evidence';
import type { World } from '../core/malformed/types';
import { filesIn } from './helpers';

/**
 * The shared malformed-input table checks the database; this runs the
 * evidence cases again and checks that the evidence folder on disk (stored
 * files, previews, uploads in progress) is left exactly as it was too.
 */
const EVIDENCE_OPS = OP_NAMES.filter((op): op is Extract<OpName, `evidence.${string}`> => op.startsWith('evidence.'));

describe('bad evidence requests change no file', { timeout: 30_000 }, () => {
  const t = tempBackend();
  let w: World;
  beforeAll(async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const planned = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    const closed = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    const items = (auditId: string) => t.backend.call('checklist.get', { auditId });
    const itemId = value(await items(planned.id)).items[0]!.id;
    const closedItemId = value(await items(closed.id)).items[0]!.id;
    for (const status of ['in_progress', 'reporting', 'closed'] as const) {
      value(await t.backend.call('audits.setStatus', { id: closed.id, status, reason: 'Closed for the test' }));
    }
    w = {
      ...{ emptyClientId: '', otherSiteId: '', stage1Id: '', sampleId: '', otherTeamMemberId: '', siteIds: [] },
      clientId: client.id,
      plannedId: planned.id,
      closedId: closed.id,
      itemId,
      closedItemId,
      x: {},
    };
    Object.assign(w.x, await evidenceCases.seed(t.backend, w));
  });
  afterAll(() => t.cleanup());

  const disk = () => ({
    blobs: filesIn(t.dataDir, 'blobs'),
    thumbs: filesIn(t.dataDir, 'thumbs'),
    tmp: filesIn(t.dataDir, 'tmp'),
  });

  for (const op of EVIDENCE_OPS) {
    it(op, async () => {
      const valid = evidenceCases.valid(w)[op]!;
      const cases = [
        ['null', null, undefined],
        ['an extra field', { ...valid, sneaky: 1 }, undefined],
        ...(evidenceCases.cases(w, 'x'.repeat(1024 * 1024))[op] ?? []),
      ] as const;
      expect(cases.length).toBeGreaterThan(2);
      for (const [label, input, code] of cases) {
        const before = { db: dumpDatabase(t.backend.db), disk: disk() };
        const r = await t.backend.dispatch(op, input);
        expect(r.ok ? 'ok' : r.error.code, `${op} with ${label}`).toBe(code ?? 'invalid_input');
        expect({ db: dumpDatabase(t.backend.db), disk: disk() }, `${op} with ${label}`).toEqual(before);
      }
    });
  }
});
