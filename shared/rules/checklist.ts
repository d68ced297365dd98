import type { AuditType } from '../domain/audit';
import type { ItemResult } from '../domain/checklist';

/** Nonconformities and OFIs must be written up as findings. */
export const needsFinding = (r: ItemResult): boolean => r === 'minor_nc' || r === 'major_nc' || r === 'ofi';

export const isAudited = (r: ItemResult): boolean => r !== 'not_audited';

/** "Needs a finding" clears once a finding (of any status) is linked to the item. */
export const stillNeedsFinding = (r: ItemResult, hasFinding: boolean): boolean => needsFinding(r) && !hasFinding;

/**
 * Clauses 4 to 10 are requirements of every ISMS (ISO/IEC 27001 1): never
 * excludable, so never "not applicable". Annex A controls and Stage 1 topics may be.
 */
export function notApplicableRefused(item: { kind: string; number: string }): string | null {
  if (item.kind !== 'clause') return null;
  const main = Number(item.number.split('.')[0]);
  if (!Number.isInteger(main) || main < 4 || main > 10) return null;
  return `Clause ${item.number} is a requirement of every ISMS (clauses 4 to 10 can never be excluded), so it cannot be not applicable. Record what you found, or leave it not yet audited.`;
}

/** Built-in template ids: Stage 1 audits review documentation, every other audit type checks the whole ISMS. */
export const STAGE1_TEMPLATE_ID = 'iso27001-2022-stage1';
export const STAGE2_TEMPLATE_ID = 'iso27001-2022-stage2';
export const defaultTemplateFor = (type: AuditType): string =>
  type === 'stage1' ? STAGE1_TEMPLATE_ID : STAGE2_TEMPLATE_ID;

export const isSurveillance = (type: AuditType): boolean => type === 'surveillance1' || type === 'surveillance2';

/** Sampled in every surveillance audit: internal audit, management review, continual improvement. */
export const ALWAYS_SAMPLED_PREFIXES = ['9.2', '9.3', '10.2'] as const;
export const isAlwaysSampled = (ref: string): boolean =>
  ALWAYS_SAMPLED_PREFIXES.some((p) => ref === p || ref.startsWith(`${p}.`));

export interface Progress {
  total: number;
  audited: number;
  /** 0..100, rounded down so 100 means everything is audited. */
  percent: number;
}

export function progressOf(results: readonly ItemResult[]): Progress {
  const audited = results.filter(isAudited).length;
  const total = results.length;
  return { total, audited, percent: total === 0 ? 0 : Math.floor((audited / total) * 100) };
}
