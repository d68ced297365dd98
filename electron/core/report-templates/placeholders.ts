import type { Language } from '#shared/i18n/languages';
import { labelsEn } from '#shared/i18n/labels/en';
import { labelsDe } from '#shared/i18n/labels/de';
import { labelsFr } from '#shared/i18n/labels/fr';
import type { ReportModel } from '../export/report/model';

/**
 * The placeholders a certification body's Word template can use, and the
 * values the report model gives them. Flat on purpose: a template author types
 * `{clientName}`, not a path into our model; lists are docxtemplater loops
 * (`{#findings}…{/findings}`) whose items are flat too. Enumerations arrive as
 * words in the template's language (`{type}` → "Nebenabweichung"). Every
 * placeholder is documented in docs/REPORT-TEMPLATES.md (its test holds the two
 * alike).
 */

/** A placeholder: a value, or a loop whose items have placeholders of their own. */
export interface PlaceholderDoc {
  doc: string;
  items?: Readonly<Record<string, PlaceholderDoc>>;
}

const v = (doc: string): PlaceholderDoc => ({ doc });
const loop = (doc: string, items: Record<string, PlaceholderDoc>): PlaceholderDoc => ({ doc, items });

const FINDING_ITEMS = {
  number: v('The finding’s number, e.g. NC-01'),
  type: v('Its type in words (major or minor nonconformity, opportunity for improvement, good practice)'),
  typeCode: v('Its type as a code: major, minor, ofi or positive (for conditions in your own layout)'),
  status: v('Its status in words'),
  requirement: v('The requirements it concerns, joined by "; "'),
  statement: v('The statement of the finding'),
  evidence: v('The objective evidence the finding rests on'),
  site: v('The site where it was raised (empty when none)'),
  raisedBy: v('Who raised it'),
  raisedAt: v('When it was raised (date)'),
  responseDue: v('When the client’s response is due (nonconformities; empty otherwise)'),
};

export const PLACEHOLDERS: Readonly<Record<string, PlaceholderDoc>> = {
  reportNumber: v('The report number, or DRAFT before the report is issued'),
  version: v('The issued version (1, 2, …; 0 for a draft)'),
  draft: v('True for a draft: use {#draft}…{/draft} for a draft notice, {^draft}…{/draft} for issued-only text'),
  generatedAt: v('The date the document was produced'),
  signedBy: v('The lead auditor who signed the issued report (empty in a draft)'),
  signedOn: v('The date it was signed (empty in a draft)'),
  signerFingerprint: v('The SHA-256 fingerprint of the signing certificate (empty in a draft)'),
  templateName: v('This template’s name as imported'),
  templateSha256: v('The SHA-256 of this template file (also kept in the document’s properties)'),
  cbName: v('The certification body’s name'),
  cbAddress: v('The certification body’s address'),
  cbAccreditation: v('Its accreditation statement'),
  cbWebsite: v('Its website'),
  clientName: v('The client organisation’s name'),
  clientAddress: v('The client’s address'),
  clientRepresentative: v('The client’s representative'),
  clientContacts: loop('The client’s contacts', { name: v('Name'), role: v('Role') }),
  auditType: v('The type of audit in words (Stage 1, Stage 2, Surveillance 1, …)'),
  standard: v('The standard audited against, e.g. ISO/IEC 27001:2022'),
  auditObjectives: v('The audit objectives'),
  auditCriteria: v('The audit criteria'),
  auditScope: v('The audit scope'),
  auditStartDate: v('The first day of the audit'),
  auditEndDate: v('The last day of the audit'),
  auditMode: v('On-site or remote, in words'),
  soaVersion: v('The version of the client’s Statement of Applicability (empty when none)'),
  checklistTitle: v('The checklist the audit followed'),
  leadAuditor: v('The lead auditor’s name'),
  team: loop('The audit team', { name: v('Name'), role: v('Role in the team, in words') }),
  sites: loop('The sites audited', {
    name: v('Site name'),
    address: v('Address'),
    headcount: v('People at the site'),
    processes: v('Processes at the site'),
  }),
  places: v('Dates and places of the audit activities, as written on the Report tab'),
  processes: v('Processes and functions covered'),
  ismsDocumentation: v('The client’s ISMS documentation the audit was held against'),
  deviations: v('Deviations from the audit plan and why'),
  documentsSummary: v('Summary of the documents reviewed'),
  riskAssessment: v('How risk assessment and treatment were audited'),
  sampling: v('What was sampled, and that the audit was based on samples'),
  auditorDays: v('Time spent, in auditor-days (empty when not given)'),
  conclusionInternalAudit: v('Conclusion on the internal audit'),
  conclusionManagementReview: v('Conclusion on the management review'),
  conclusionScope: v('Conclusion on the scope'),
  conclusionObjectives: v('Conclusion on whether the audit objectives were met'),
  certificateMarkUse: v('Use of the certificate and marks'),
  unresolvedIssues: v('Issues left unresolved between the team and the client'),
  recommendation: v('The recommendation in words (the lead auditor’s decision, else the suggested one)'),
  recommendationReasons: loop('Why: one line each', { text: v('A reason') }),
  findingsCount: v('How many findings the report holds'),
  majorCount: v('Major nonconformities'),
  minorCount: v('Minor nonconformities'),
  ofiCount: v('Opportunities for improvement'),
  findings: loop('The findings, in number order', FINDING_ITEMS),
  nonconformities: loop('The major and minor nonconformities only (same placeholders as findings)', FINDING_ITEMS),
  checklistByClause: loop('The checklist results, a clause, Annex A theme or Stage 1 topic at a time', {
    clause: v('The clause or theme, e.g. "Clause 7 Support"'),
    items: loop('Its items', {
      number: v('The requirement’s number, e.g. "Clause 7.2" or "A.5.15"'),
      title: v('Its title'),
      result: v('The result in words'),
      notes: v('The auditor’s notes'),
      excluded: v('True when the SoA excludes the control'),
    }),
  }),
  interviews: loop('The interviews held', {
    name: v('Who was interviewed'),
    role: v('Their role'),
    department: v('Their department'),
    site: v('Where'),
    heldAt: v('When (local date and time as recorded)'),
    auditors: v('The auditors present, joined by ", "'),
    requirements: v('The requirements covered, joined by "; "'),
  }),
  photos: loop('The audit’s photos, shrunk as in the built-in report', {
    photo: v('The picture itself: write {%photo} alone in its own paragraph'),
    caption: v('Its caption'),
    ref: v('Its evidence reference, e.g. E-3f2a9c1b'),
  }),
};

const LABELS = { en: labelsEn, de: labelsDe, fr: labelsFr } as const;

/** The photo's marker text, replaced by the picture after rendering (render.ts). */
export const photoMarker = (n: number): string => `\u2063FWPHOTO${n}\u2063`;

const date = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');

/** The values for a template in `language` (its labels), from the report model. */
export function templateData(
  m: ReportModel,
  language: Language,
  template: { name: string; sha256: string },
): Record<string, unknown> {
  const l = LABELS[language];
  const findings = m.findings.map((f) => ({
    number: f.number,
    type: l.findingType[f.type],
    typeCode: f.type,
    status: l.findingStatus[f.status],
    requirement: f.requirements.join('; '),
    statement: f.statement,
    evidence: f.evidenceText,
    site: f.site,
    raisedBy: f.raisedBy,
    raisedAt: date(f.raisedAt),
    responseDue: date(f.responseDue),
  }));
  const count = (t: string) => m.findings.filter((f) => f.type === t).length;
  const decided = m.recommendation.decided?.recommendation ?? m.recommendation.suggested;
  const t = m.texts;
  return {
    reportNumber: m.reportNumber,
    version: String(m.version),
    draft: m.signOff === null,
    generatedAt: date(m.generatedAt),
    signedBy: m.signOff?.signerName ?? '',
    signedOn: m.signOff?.signedOn ?? '',
    signerFingerprint: m.signOff?.fingerprint ?? '',
    templateName: template.name,
    templateSha256: template.sha256,
    cbName: m.body.name,
    cbAddress: m.body.address,
    cbAccreditation: m.body.accreditation,
    cbWebsite: m.body.website,
    clientName: m.client.name,
    clientAddress: m.client.address,
    clientRepresentative: m.client.representative,
    clientContacts: m.client.contacts.map((c) => ({ name: c.name, role: c.role })),
    auditType: l.auditType[m.audit.type],
    standard: m.audit.standard,
    auditObjectives: m.audit.objectives,
    auditCriteria: m.audit.criteria,
    auditScope: m.audit.scope,
    auditStartDate: date(m.audit.startDate),
    auditEndDate: date(m.audit.endDate),
    auditMode: l.auditMode[m.audit.mode],
    soaVersion: m.audit.soaVersion ?? '',
    checklistTitle: m.audit.checklistTitle,
    leadAuditor: m.audit.team.find((p) => p.role === 'lead_auditor')?.name ?? '',
    team: m.audit.team.map((p) => ({ name: p.name, role: l.teamRole[p.role] })),
    sites: m.audit.sites.map((s) => ({
      name: s.name,
      address: s.address,
      headcount: String(s.headcount),
      processes: s.processes,
    })),
    places: t.places,
    processes: t.processes,
    ismsDocumentation: t.ismsDocumentation,
    deviations: t.deviations,
    documentsSummary: t.documentsSummary,
    riskAssessment: t.riskAssessment,
    sampling: t.sampling,
    auditorDays: t.auditorDays === null ? '' : String(t.auditorDays),
    conclusionInternalAudit: t.conclusionInternalAudit,
    conclusionManagementReview: t.conclusionManagementReview,
    conclusionScope: t.conclusionScope,
    conclusionObjectives: t.conclusionObjectives,
    certificateMarkUse: t.certificateMarkUse,
    unresolvedIssues: t.unresolvedIssues,
    recommendation: l.recommendation[decided],
    recommendationReasons: m.recommendation.reasons.map((text) => ({ text })),
    findingsCount: String(m.findings.length),
    majorCount: String(count('major')),
    minorCount: String(count('minor')),
    ofiCount: String(count('ofi')),
    findings,
    nonconformities: findings.filter((f) => f.typeCode === 'major' || f.typeCode === 'minor'),
    checklistByClause: m.groups.map((g) => ({
      clause: g.title,
      items: g.items.map((i) => ({
        number: i.number,
        title: i.title,
        result: l.result[i.result],
        notes: i.notes,
        excluded: i.excluded === true,
      })),
    })),
    interviews: m.records.interviews.map((i) => ({
      name: i.name,
      role: i.role,
      department: i.department,
      site: i.site,
      heldAt: i.heldAt.replace('T', ' '),
      auditors: i.auditors.join(', '),
      requirements: i.requirements.join('; '),
    })),
    photos: m.photos.map((p, i) => ({ photo: photoMarker(i + 1), caption: p.caption, ref: p.ref })),
  };
}
