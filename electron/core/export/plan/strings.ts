import { translator } from '#shared/i18n/instance';
import { labelsIn } from '#shared/i18n/labels/index';
import type { Language } from '#shared/i18n/languages';
import { SHARED_RESOURCES } from '#shared/i18n/resources';

/** The plan document's fixed texts in one language, from the `report` catalogue's plan part and the labels. */
export function planStrings(language: Language) {
  const t = translator(language);
  const c = SHARED_RESOURCES[language].report;
  const p = c.plan;
  const l = labelsIn(language);
  const r = (key: string, params: Record<string, unknown>): string => t(`report:plan.${key}`, params);
  return {
    title: p.title,
    header: (body: string, client: string, audit: string) => r('header', { body, client, audit }),
    facts: p.facts,
    modes: l.auditMode as Record<string, string>,
    objectives: p.objectives,
    scope: p.scope,
    criteria: p.criteria,
    team: p.team,
    teamCols: Object.values(c.details.teamCols),
    timetable: p.timetable,
    timetableCols: Object.values(p.timetableCols),
    noSessions: p.noSessions,
    notes: p.notes,
    none: p.none,
    requirements: (refs: string[]) => r('requirements', { refs: refs.join(', ') }),
    dates: (from: string, to: string) => (from === to ? from : r('dates', { from, to })),
    /** ISO/IEC 17021-1 9.2.3: the plan is communicated and agreed before the audit. */
    agreement: p.agreement,
    issuedBy: (name: string, on: string) => r('issuedBy', { name, on }),
    draft: p.draft,
    roles: l.teamRole as Record<string, string>,
    types: { ...l.auditType, ...c.labels.auditType } as Record<string, string>,
  };
}

/** The English plan texts (kept for callers that name English directly). */
export const PLAN_STRINGS = planStrings('en');
