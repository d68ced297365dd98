import { HIT_END, HIT_START, type SearchHit, type SearchKind } from '#shared/domain/search';

export const KIND_LABELS: Record<SearchKind, string> = {
  checklist_item: 'Checklist',
  interview: 'Interviews',
  observation: 'Observations',
  document: 'Documents reviewed',
  evidence: 'Evidence',
  finding: 'Findings',
  sample: 'Sampled records',
};

const SECTIONS: Record<Exclude<SearchKind, 'checklist_item' | 'sample'>, string> = {
  interview: 'interviews',
  observation: 'observations',
  document: 'documents',
  evidence: 'evidence',
  finding: 'findings',
};

type Target = Pick<SearchHit, 'kind' | 'auditId' | 'recordId' | 'itemId'>;

/**
 * Where a hit opens, as a router path ('/audits/…'); the page opens and
 * highlights that record. A sampled record opens its checklist item, whose
 * panel lists the samples.
 */
export function hitPath(hit: Target): string {
  const audit = `/audits/${encodeURIComponent(hit.auditId)}`;
  if (hit.kind === 'checklist_item') return `${audit}/checklist?item=${encodeURIComponent(hit.recordId)}`;
  if (hit.kind === 'sample') return `${audit}/checklist?item=${encodeURIComponent(hit.itemId ?? '')}`;
  return `${audit}/${SECTIONS[hit.kind]}?open=${encodeURIComponent(hit.recordId)}`;
}

/** The same as a link: '#/audits/…'. */
export const hitHref = (hit: Target): string => `#${hitPath(hit)}`;

export interface SnippetPart {
  text: string;
  /** A matched word: shown in <mark>. */
  hit: boolean;
}

/**
 * Splits a snippet at the backend's match markers. The markers are control
 * characters, never HTML, so the text is rendered as text and can inject
 * nothing; a marker without its partner is dropped.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let inHit = false;
  let text = '';
  const push = () => {
    if (text) {
      const last = parts[parts.length - 1];
      if (last && last.hit === inHit) last.text += text;
      else parts.push({ text, hit: inHit });
    }
    text = '';
  };
  for (const ch of snippet) {
    if (ch === HIT_START || ch === HIT_END) {
      push();
      inHit = ch === HIT_START;
    } else text += ch;
  }
  push();
  return parts;
}

/** Hits grouped by kind, groups in the order of their best hit, ranking kept inside each group. */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; label: string; hits: SearchHit[] }[] {
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.kind);
    if (list) list.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups].map(([kind, list]) => ({ kind, label: KIND_LABELS[kind], hits: list }));
}
