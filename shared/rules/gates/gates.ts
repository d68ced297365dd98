import type { AuditType } from '../../domain/audit';
import type { ItemResult } from '../../domain/checklist';
import type { Recommendation } from '../../domain/programme';
import type { ItemKind } from '../../domain/template';
import { formatRequirement } from '../../domain/requirement-ref';
import { needsFinding } from '../checklist';
import { countPhrase } from './words';

/**
 * What an audit needs before the team's recommendation, before its report is
 * issued and before it is closed (ISO/IEC 17021-1 9.4.8–9.4.9, 9.5). The same
 * rules are read by the Report tab's gaps list, recommendation.decide,
 * report issuing and audits.setStatus → closed: going ahead with gaps open
 * needs a typed reason, which the caller records in the audit trail.
 */
export type GateStage = 'recommend' | 'issue' | 'close';
export const GATE_STAGES: readonly GateStage[] = ['recommend', 'issue', 'close'];

export interface GateItem {
  kind: ItemKind;
  number: string;
  title: string;
  result: ItemResult;
  /** The client's SoA excludes this control: outside what the audit must cover. */
  excludedBySoa: boolean;
  /** A finding (any status) is linked to this item. */
  hasFinding: boolean;
}

export interface GateFacts {
  type: AuditType;
  scope: string;
  objectives: string;
  criteria: string;
  /**
   * The checklist as instantiated. A surveillance audit's checklist holds only
   * the items sampled for the visit (repos/sampling.ts), so the items it lacks
   * are outside the visit and nothing here asks for them.
   */
  items: readonly GateItem[];
  draftFindings: number;
  /** Issued major nonconformities not yet verified or closed (this audit's and those carried into it). */
  openMajors: readonly string[];
  /** The recommendation in force, null before the team records one. */
  recommendation: Recommendation | null;
  reportIssued: boolean;
}

export interface Gap {
  /** Stable code, for tests and the UI's grouping. */
  code:
    | 'not_audited'
    | 'finding_missing'
    | 'objectives_missing'
    | 'scope_missing'
    | 'criteria_missing'
    | 'recommendation_missing'
    | 'draft_findings'
    | 'open_majors'
    | 'report_not_issued';
  message: string;
}

/** How far the listed refs go in one message before "and N more". */
const LIST_AT_MOST = 8;
const listed = (refs: readonly string[]): string =>
  refs.length <= LIST_AT_MOST
    ? refs.join(', ')
    : `${refs.slice(0, LIST_AT_MOST).join(', ')} and ${refs.length - LIST_AT_MOST} more`;

const refOf = (i: GateItem): string => (i.kind === 'topic' ? i.title : formatRequirement(i));

/** Items the audit must cover: everything on its checklist the SoA does not exclude. */
export const isApplicableItem = (i: GateItem): boolean => !i.excludedBySoa;

function recommendGaps(f: GateFacts): Gap[] {
  const gaps: Gap[] = [];
  if (f.scope.trim() === '') gaps.push({ code: 'scope_missing', message: 'The audit scope is not recorded.' });
  if (f.objectives.trim() === '')
    gaps.push({ code: 'objectives_missing', message: 'The audit objectives are not recorded (Audit details).' });
  if (f.criteria.trim() === '')
    gaps.push({ code: 'criteria_missing', message: 'The audit criteria are not recorded (Audit details).' });
  const open = f.items.filter((i) => isApplicableItem(i) && i.result === 'not_audited');
  if (open.length > 0) {
    const audited = f.items.filter(isApplicableItem).length - open.length;
    gaps.push({
      code: 'not_audited',
      message: `${countPhrase(open.length, 'checklist item has', 'checklist items have')} no result (${audited} of ${audited + open.length} audited): ${listed(open.map(refOf))}.`,
    });
  }
  const unwritten = f.items.filter((i) => needsFinding(i.result) && !i.hasFinding);
  if (unwritten.length > 0) {
    gaps.push({
      code: 'finding_missing',
      message: `${countPhrase(unwritten.length, 'nonconformity or improvement result has', 'nonconformity or improvement results have')} no finding written: ${listed(unwritten.map(refOf))}.`,
    });
  }
  return gaps;
}

function issueGaps(f: GateFacts): Gap[] {
  const gaps = recommendGaps(f);
  // A gap analysis (pre-assessment) recommends nothing: it is outside the certification cycle.
  const recommends = (f.type as string) !== 'gap_analysis';
  if (recommends && f.recommendation === null) {
    gaps.push({
      code: 'recommendation_missing',
      message:
        f.type === 'stage1'
          ? 'The Stage 1 conclusion (ready for Stage 2 or not) has not been recorded yet (Cycle tab).'
          : "The team's recommendation has not been confirmed yet (Cycle tab).",
    });
  }
  if (f.draftFindings > 0) {
    gaps.push({
      code: 'draft_findings',
      message: `${countPhrase(f.draftFindings, 'draft finding is', 'draft findings are')} not issued and will not appear in the report.`,
    });
  }
  // A recorded "do not recommend" (or "not ready") is the team's acknowledgement of the open majors.
  if (recommends && f.openMajors.length > 0 && f.recommendation !== 'not_recommended') {
    gaps.push({
      code: 'open_majors',
      message: `${countPhrase(f.openMajors.length, 'major nonconformity is', 'major nonconformities are')} still open (${listed(f.openMajors)}) and the recommendation does not say so.`,
    });
  }
  return gaps;
}

/** What stands in the way at one stage, in words for the lead auditor; empty when nothing does. */
export function gatesFor(stage: GateStage, f: GateFacts): Gap[] {
  if (stage === 'recommend') return recommendGaps(f);
  const gaps = issueGaps(f);
  if (stage === 'close' && !f.reportIssued)
    gaps.push({ code: 'report_not_issued', message: 'The audit report has not been issued.' });
  return gaps;
}

/** A typed reason to go ahead with gaps open: required when there are any, whitespace is no reason. */
export function overrideError(stage: GateStage, gaps: readonly Gap[], reason: string | undefined): string | null {
  if (gaps.length === 0 || (reason ?? '').trim() !== '') return null;
  const what = { recommend: 'Recording the recommendation', issue: 'Issuing the report', close: 'Closing the audit' }[
    stage
  ];
  return `${what} with ${countPhrase(gaps.length, 'gap', 'gaps')} open needs a reason: ${gaps.map((g) => g.message).join(' ')}`;
}
