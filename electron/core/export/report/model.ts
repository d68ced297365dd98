import type { ReportMeetings } from './sections-meetings';
import type { AuditMode, AuditType, TeamRole } from '#shared/domain/audit';
import type { ItemResult } from '#shared/domain/checklist';
import type { FindingStatus, FindingType, VerificationMethod } from '#shared/domain/finding';
import type { Recommendation } from '#shared/domain/programme';
import type { Language } from '#shared/i18n/languages';
import type { ReportDetails } from '#shared/domain/report';
import type { GateStage } from '#shared/rules/gates/gates';

/**
 * Everything the audit report and the nonconformity list show, read from the
 * database in one transaction and posted to the export worker. Plain JSON: no
 * functions, classes or Buffers. Enumerations stay codes; the language's
 * strings module turns them into words, so other languages can be added.
 */

export interface ReportPhoto {
  evidenceId: string;
  sha256: string;
  /** Absolute file path in the evidence store. */
  path: string;
  /** The content key when the file is sealed (an encrypted data folder); not part of the content hash. */
  fileKey?: Uint8Array | null;
  caption: string;
  /** The attachment's file name, for warnings about a missing file. */
  fileName: string;
  /** e.g. "E-3f2a9c1b": the first 8 hex digits of the SHA-256. */
  ref: string;
  mediaType: string;
}

export interface SignOff {
  signerName: string;
  signerRole: string;
  /** ISO date. */
  signedOn: string;
  fingerprint: string;
}

/** A PNG logo or mark, base64, with its pixel size (to keep the aspect ratio). */
export interface ReportImage {
  pngBase64: string;
  width: number;
  height: number;
}

export interface ReportBody {
  name: string;
  address: string;
  accreditation: string;
  website: string;
  /** "#1F4E79" */
  primaryColour: string;
  accentColour: string;
  logo: ReportImage | null;
  accreditationMark: ReportImage | null;
}

export interface ReportClient {
  name: string;
  address: string;
  representative: string;
  contacts: { name: string; role: string }[];
}

export interface ReportSite {
  name: string;
  address: string;
  headcount: number;
  processes: string;
}

export interface ReportAudit {
  type: AuditType;
  standard: string;
  objectives: string;
  criteria: string;
  scope: string;
  startDate: string;
  endDate: string;
  mode: AuditMode;
  soaVersion: string | null;
  checklistTitle: string;
  /** Minutes the team booked against checklist items (null when none were). */
  minutesRecorded: number | null;
  sites: ReportSite[];
  team: { name: string; role: TeamRole }[];
}

/** One checklist item as the results tables show it. */
export interface ReportItem {
  /** As shown everywhere: "Clause 7.2", "A.7.2" (shared/domain/requirement-ref.ts); empty for a Stage 1 topic. */
  number: string;
  title: string;
  result: ItemResult;
  notes: string;
  /** The client's SoA excludes this control (absent when not: earlier content hashes stay the same). */
  excluded?: true;
}

/** A clause (4–10), an Annex A theme, or a Stage 1 topic, with its items. */
export interface ReportGroup {
  id: string;
  title: string;
  kind: 'clause' | 'theme' | 'topic';
  items: ReportItem[];
}

/** What was sampled for one item: records picked and how many. */
export interface ReportSample {
  number: string;
  title: string;
  sampleSize: number | null;
  records: string[];
}

export interface ReportResponse {
  receivedAt: string;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  responsible: string;
  correctionDue: string | null;
  actionDue: string | null;
  decision: 'pending' | 'accepted' | 'returned';
}

export interface ReportVerification {
  method: VerificationMethod;
  notes: string;
  verifiedOn: string;
  verifiedBy: string;
}

export interface ReportFinding {
  number: string;
  type: FindingType;
  status: FindingStatus;
  /** "8.1 Operational planning and control" */
  requirements: string[];
  statement: string;
  evidenceText: string;
  /** Interviews, observations and documents cited, as labels. */
  records: string[];
  site: string;
  raisedBy: string;
  raisedAt: string;
  /** When the client's response is due (NCs only). */
  responseDue: string | null;
  /** Indexes into ReportModel.photos (0-based), in the order cited. */
  photos: number[];
  /** Attachments that are not pictures: name and evidence reference. */
  attachments: { name: string; ref: string }[];
  latestResponse: ReportResponse | null;
  verification: ReportVerification | null;
}

/** A finding of an earlier audit carried into this one, with its status now. */
export interface ReportCarried {
  /** The number in its own audit ("NC-01"); the report shows it with the audit's prefix ("ST2-NC-01"). */
  number: string;
  fromAuditType: AuditType;
  fromAuditStart: string;
  type: FindingType;
  status: FindingStatus;
  statement: string;
  verification: ReportVerification | null;
}

export interface ReportRecommendation {
  suggested: Recommendation;
  reasons: string[];
  /** The latest decision recorded by the lead auditor; null while only suggested. */
  decided: { recommendation: Recommendation; overridden: boolean; reason: string; by: string; on: string } | null;
}

/** An interview as the report lists it: who, where, when, who of the team was there, and what it covered. */
export interface ReportInterview {
  name: string;
  role: string;
  department: string;
  /** The site's name, or '' when none was given. */
  site: string;
  /** Local wall-clock time as recorded ("2026-03-14T09:30"). */
  heldAt: string;
  auditors: string[];
  /** "Clause 7.2 Competence", "A.5.15 Access control". */
  requirements: string[];
}

export interface ReportObservation {
  site: string;
  location: string;
  observedAt: string;
  description: string;
  requirements: string[];
}

export interface ReportRecords {
  documents: { title: string; identifier: string; revision: string }[];
  interviews: ReportInterview[];
  observations: ReportObservation[];
}

/** An Annex A control the client's Statement of Applicability excludes, and why. */
export interface ReportSoaExclusion {
  /** "A.7.4" */
  number: string;
  title: string;
  justification: string;
}

/** A decision to go ahead with completeness gaps open (repos/gate-facts.ts), as the trail keeps it. */
export interface ReportOverride {
  stage: GateStage;
  gaps: string[];
  reason: string;
  by: string;
  /** ISO 8601 */
  at: string;
}

/** What an evidence file is linked to; `name` is a finding's number, a person, a place or a requirement. */
export interface EvidenceSupport {
  kind: 'finding' | 'verification' | 'interview' | 'observation' | 'item' | 'library' | 'draft';
  name: string;
}

/** One file of the audit's evidence, identified by its full digest, and what it supports. */
export interface ReportEvidenceFile {
  name: string;
  sha256: string;
  /** "E-3f2a9c1b" */
  ref: string;
  size: number;
  /** What the file is linked to, in link order: findings by number ("NC-01", or "ST2-NC-02" from an earlier audit). */
  supports: EvidenceSupport[];
}

export type ReportTexts = Omit<ReportDetails, 'updatedAt' | 'updatedBy'>;

/** A team member's return package merged into this audit (issue 13). */
export interface ReportMergedPackage {
  /** The sender's name as the package gave it. */
  auditor: string;
  /** The sender's device (data folder) id, in full; the builder shortens it. */
  device: string;
  /** SHA-256 of the package file, hex: identifies the exact file merged. */
  sha256: string;
  /** ISO 8601: when it was merged. */
  at: string;
}

/** What the team contributed: the returns merged, oldest first, and the conflicts decided. */
export interface ReportProvenance {
  packages: ReportMergedPackage[];
  conflictsResolved: number;
}

export interface ReportModel {
  language: Language;
  /** A bilingual report's second language (our wording side by side; the auditor's texts once), else null. */
  secondLanguage?: Language | null;
  /** 'DRAFT' when not issued. */
  reportNumber: string;
  version: number;
  signOff: SignOff | null;
  /** ISO date the document was produced. */
  generatedAt: string;
  body: ReportBody;
  client: ReportClient;
  audit: ReportAudit;
  texts: ReportTexts;
  records: ReportRecords;
  samples: ReportSample[];
  groups: ReportGroup[];
  findings: ReportFinding[];
  carried: ReportCarried[];
  recommendation: ReportRecommendation;
  photos: ReportPhoto[];
  /**
   * The controls the SoA excludes; absent when none does (or no SoA was
   * imported: `audit.soaVersion` is then null), so reports of audits without
   * exclusions keep their content hash.
   */
  soaExclusions?: ReportSoaExclusion[];
  /** Decisions to record the recommendation or issue the report with gaps open, oldest first; absent when none. */
  overrides?: ReportOverride[];
  /** The audit's evidence files, in the order they were added; absent when none. */
  evidence?: ReportEvidenceFile[];
  /** The opening and closing meetings; absent when neither is recorded (export/report/sections-meetings.ts). */
  meetings?: ReportMeetings;
  /**
   * Absent for an audit no return was merged into: the sign-off page then says
   * nothing of a team, and the content hash of reports issued before team
   * audits existed stays the same.
   */
  provenance?: ReportProvenance;
}
