import type { Audit } from '#shared/domain/audit';
import type { Language } from '#shared/i18n/languages';
import type { ChecklistItem } from '#shared/domain/checklist';
import type { BrandImageKind } from '#shared/domain/branding';
import { getAudit } from '#core/repos/audits';
import { brandImagePng, getCertificationBody } from '#core/repos/branding';
import { getChecklist } from '#core/repos/checklist';
import { getClient } from '#core/repos/clients';
import type { RepoContext } from '#core/repos/context';
import { listFindings } from '#core/repos/findings/list';
import { getRecommendation } from '#core/repos/recommendation';
import { listDocuments } from '#core/repos/records/documents';
import { formatRequirement } from '#shared/domain/requirement-ref';
import { getReportDetails } from '#core/repos/report-details';
import { collectCarried, collectFindings } from './collect-findings';
import { collectProvenance } from './collect-provenance';
import { collectRecords, evidenceFiles, reportOverrides, soaExclusions } from './collect-records';
import { getMeetings } from '../../repos/meetings';
import { reportMeetings } from './sections-meetings';
import type { ReportGroup, ReportImage, ReportModel, ReportSample, SignOff } from './model';

function image(
  ctx: RepoContext,
  kind: BrandImageKind,
  info: { width: number; height: number } | null,
): ReportImage | null {
  const png = brandImagePng(ctx, kind);
  return png && info ? { pngBase64: png.toString('base64'), width: info.width, height: info.height } : null;
}

/** Checklist items grouped by clause, Annex A theme or topic, in checklist order. */
function groupsOf(items: readonly ChecklistItem[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const i of items) {
    let g = groups.get(i.groupId);
    if (!g) groups.set(i.groupId, (g = { id: i.groupId, title: i.groupTitle, kind: i.groupKind, items: [] }));
    g.items.push({
      number: formatRequirement(i),
      title: i.title,
      result: i.result,
      notes: i.notes,
      ...(i.soa?.applicable === false && { excluded: true as const }),
    });
  }
  return [...groups.values()];
}

/** Items where the team recorded a sample size or the records it picked. */
const samplesOf = (items: readonly ChecklistItem[]): ReportSample[] =>
  items
    .filter((i) => i.sampleSize !== null || i.samples.length > 0)
    .map((i) => ({
      number: formatRequirement(i),
      title: i.title,
      sampleSize: i.sampleSize,
      records: i.samples.map((s) => (s.description ? `${s.identifier}: ${s.description}` : s.identifier)),
    }));

/**
 * Everything the report shows, read through the repositories. Synchronous:
 * the caller runs it inside the export's transaction, so the model is one
 * consistent snapshot of the audit.
 */
export function collectReportModel(
  ctx: RepoContext,
  auditId: string,
  opts: {
    reportNumber: string;
    version: number;
    signOff: SignOff | null;
    /** Overrides of the audit's report languages (CLI --lang / --second-lang); absent: the audit's own. */
    language?: Language | undefined;
    secondLanguage?: Language | null | undefined;
  },
): ReportModel {
  const audit = getAudit(ctx, auditId);
  const client = getClient(ctx, audit.clientId);
  const body = getCertificationBody(ctx);
  const checklist = getChecklist(ctx, auditId);
  const details = getReportDetails(ctx, auditId);
  const { updatedAt: _at, updatedBy: _by, ...texts } = details;
  const siteNames = new Map(client.sites.map((s) => [s.id, s.name]));
  const issued = listFindings(ctx, { auditId }).filter((f) => f.status !== 'draft' && f.number !== null);
  const { findings, photos } = collectFindings(ctx, issued, siteNames);
  const rec = getRecommendation(ctx, auditId);
  const last = rec.decisions.at(-1);
  const inScope = new Set(audit.siteIds);
  const provenance = collectProvenance(ctx, auditId);
  const records = collectRecords(ctx, audit, siteNames, checklist.items);
  const excluded = soaExclusions(checklist.items);
  const overrides = reportOverrides(ctx, auditId);
  const evidence = evidenceFiles(ctx, audit, checklist.items);
  return {
    ...reportLanguages(audit, opts),
    reportNumber: opts.reportNumber,
    version: opts.version,
    signOff: opts.signOff,
    generatedAt: ctx.now().slice(0, 10),
    body: {
      name: body.name,
      address: body.address,
      accreditation: body.accreditation,
      website: body.website,
      primaryColour: body.primaryColour,
      accentColour: body.accentColour,
      logo: image(ctx, 'logo', body.logo),
      accreditationMark: image(ctx, 'accreditation_mark', body.accreditationMark),
    },
    client: {
      name: client.name,
      address: client.address,
      representative: client.representative,
      contacts: client.contacts.map((c) => ({ name: c.name, role: c.role })),
    },
    audit: {
      type: audit.type,
      standard: audit.standard,
      objectives: audit.objectives,
      criteria: audit.criteria,
      scope: audit.scope,
      startDate: audit.startDate,
      endDate: audit.endDate,
      mode: audit.mode,
      soaVersion: audit.soaVersion,
      checklistTitle: checklist.templateTitle,
      minutesRecorded: checklist.items.some((i) => i.minutesSpent !== null)
        ? checklist.items.reduce((sum, i) => sum + (i.minutesSpent ?? 0), 0)
        : null,
      sites: client.sites
        .filter((s) => inScope.has(s.id))
        .map((s) => ({ name: s.name, address: s.address, headcount: s.headcount, processes: s.processes })),
      team: audit.team.map((m) => ({ name: m.name, role: m.role })),
    },
    texts,
    records: {
      documents: listDocuments(ctx, auditId).map((d) => ({
        title: d.title,
        identifier: d.identifier,
        revision: d.revision,
      })),
      ...records,
    },
    samples: samplesOf(checklist.items),
    groups: groupsOf(checklist.items),
    findings,
    carried: collectCarried(ctx, auditId),
    recommendation: {
      suggested: rec.suggested,
      reasons: rec.reasons,
      decided: last
        ? {
            recommendation: last.recommendation,
            overridden: last.overridden,
            reason: last.reason,
            by: last.decidedBy,
            on: last.decidedAt.slice(0, 10),
          }
        : null,
    },
    photos,
    // Each left out when empty, so reports without them keep their content hash (see ReportModel).
    ...(excluded.length > 0 && { soaExclusions: excluded }),
    ...(overrides.length > 0 && { overrides }),
    ...(evidence.length > 0 && { evidence }),
    // Left out, not null, when solo: see ReportModel.provenance.
    ...(provenance && { provenance }),
    ...reportMeetings(getMeetings(ctx, auditId)),
  };
}

/** The languages a document is written in: the export's override, else the audit's setting; never twice the same. */
export function reportLanguages(
  audit: Pick<Audit, 'reportLanguage' | 'reportSecondLanguage'>,
  o: { language?: Language | undefined; secondLanguage?: Language | null | undefined },
): { language: Language; secondLanguage: Language | null } {
  const language = o.language ?? audit.reportLanguage;
  const second = o.secondLanguage === undefined ? audit.reportSecondLanguage : o.secondLanguage;
  return { language, secondLanguage: second === language ? null : second };
}
