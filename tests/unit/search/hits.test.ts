import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, type SearchHit } from '#shared/domain/search';
import { groupHits, hitHref, hitPath, splitSnippet } from '../../../renderer/src/features/search/hits';

const hit = (kind: SearchHit['kind'], recordId: string): SearchHit => ({
  kind,
  recordId,
  auditId: 'aud-1',
  auditLabel: 'Acme Ltd — Stage 2 (2026-03-14)',
  title: `${kind} ${recordId}`,
  snippet: '',
});

describe('search hits', () => {
  it('link to the page that opens each kind of record', () => {
    expect(hitPath(hit('checklist_item', 'it-1'))).toBe('/audits/aud-1/checklist?item=it-1');
    expect(hitPath(hit('interview', 'in-1'))).toBe('/audits/aud-1/interviews?open=in-1');
    expect(hitPath(hit('observation', 'ob-1'))).toBe('/audits/aud-1/observations?open=ob-1');
    expect(hitPath(hit('document', 'do-1'))).toBe('/audits/aud-1/documents?open=do-1');
    expect(hitPath(hit('evidence', 'ev-1'))).toBe('/audits/aud-1/evidence?open=ev-1');
    expect(hitHref(hit('evidence', 'ev-1'))).toBe('#/audits/aud-1/evidence?open=ev-1');
    expect(hitPath(hit('finding', 'fi-1'))).toBe('/audits/aud-1/findings?open=fi-1');
  });

  it('open a sampled record on its checklist item (issue 19, defect 7)', () => {
    expect(hitPath({ ...hit('sample', 'sa-1'), itemId: 'it-7' })).toBe('/audits/aud-1/checklist?item=it-7');
  });

  it('split a snippet at the match markers, as text', () => {
    const s = `Asked about ${HIT_START}backup${HIT_END} tests and <b>${HIT_START}restore${HIT_END}</b>`;
    expect(splitSnippet(s)).toEqual([
      { text: 'Asked about ', hit: false },
      { text: 'backup', hit: true },
      { text: ' tests and <b>', hit: false },
      { text: 'restore', hit: true },
      { text: '</b>', hit: false },
    ]);
  });

  it('cope with snippets without, or with unbalanced, markers', () => {
    expect(splitSnippet('')).toEqual([]);
    expect(splitSnippet('plain')).toEqual([{ text: 'plain', hit: false }]);
    expect(splitSnippet(`…${HIT_START}cut off`)).toEqual([
      { text: '…', hit: false },
      { text: 'cut off', hit: true },
    ]);
    expect(splitSnippet(`stray${HIT_END} end`)).toEqual([{ text: 'stray end', hit: false }]);
  });

  it('group by kind in the order of the best hit of each', () => {
    const groups = groupHits([hit('interview', '1'), hit('checklist_item', '2'), hit('interview', '3')]);
    expect(groups.map((g) => [g.label, g.hits.map((h) => h.recordId)])).toEqual([
      ['Interviews', ['1', '3']],
      ['Checklist', ['2']],
    ]);
  });
});
