import { z } from 'zod';
import { Download, DownloadInput } from '../domain/bytes';
import {
  Audit,
  AuditCreateInput,
  AuditListQuery,
  AuditPage,
  AuditPageQuery,
  AuditSummary,
  AuditUpdateInput,
} from '../domain/audit';
import {
  Checklist,
  ChecklistItem,
  ChecklistItemPatch,
  Dashboard,
  SamplingCandidate,
  SoaImportInput,
  SoaPreview,
} from '../domain/checklist';
import { AuditStatusInput } from '../domain/gates';
import { TemplateSummary } from '../domain/template';
import {
  ReportTemplate,
  ReportTemplateImport,
  ReportTemplateList,
  ReportTemplateSetDefault,
} from '../domain/report-templates';
import {
  DocumentInput,
  DocumentPatch,
  DocumentReviewed,
  Interview,
  InterviewInput,
  InterviewPatch,
  Observation,
  ObservationInput,
  ObservationPatch,
} from '../domain/records';
import {
  Evidence,
  EvidenceLinkInput,
  EvidenceListInput,
  EvidenceRead,
  EvidenceReadInput,
  EvidenceUnlink,
  EvidenceUpdateInput,
  Thumbnail,
  UploadBegin,
  UploadBeginInput,
  UploadChunk,
  UploadChunkInput,
  UploadCommit,
  UploadCommitInput,
} from '../domain/evidence';
import { EvidencePage, EvidencePageQuery } from '../domain/evidence-page';
import {
  UploadBeginMany,
  UploadBeginManyInput,
  UploadCommitMany,
  UploadCommitManyInput,
} from '../domain/evidence-batch';
import {
  PathImport,
  PathImportInput,
  PathImportRef,
  PathImportStatus,
  type PathImportTarget,
} from '../domain/evidence-paths';
import {
  BackupCreateInput,
  BackupJob,
  BackupJobRef,
  BackupList,
  BackupRestoreInput,
  BackupSettings,
} from '../domain/backup';
import { SearchHit, SearchInput, SearchPage, SearchPageQuery } from '../domain/search';
import { DraftKey } from '../domain/draft-key';
import {
  EncryptInput,
  IdleLockInput,
  NewPassphrase,
  SecurityStatus,
  ConversionStatus,
  KeychainUnlockInput,
  StatusInput,
  UnlockInput,
} from '../domain/security';
import {
  Actor,
  Finding,
  FindingInput,
  FindingListQuery,
  FindingPage,
  FindingPageQuery,
  FindingPatch,
  FindingSettings,
  FindingSettingsInput,
  FindingSummary,
  FindingType,
  ResponseDecisionInput,
  ResponseInput,
  TrailEntry,
  VerificationInput,
} from '../domain/finding';
import {
  CarriedFinding,
  CertificationInput,
  Comparison,
  CreateNextInput,
  Programme,
  RecommendationInput,
  RecommendationState,
} from '../domain/programme';
import { Client, ClientInput, ClientSummary } from '../domain/client';
import {
  AuditPlan,
  ItemSession,
  PlanSaveInput,
  PlanSession,
  PlanSessionAddInput,
  PlanSessionRef,
  PlanSessionUpdateInput,
} from '../domain/plan';
import { MeetingInput, Meetings } from '../domain/meetings';
import { DecisionInput, ReviewInput, ReviewState } from '../domain/review';
import {
  BrandImage,
  BrandImageInput,
  BrandImageKind,
  CertificationBody,
  CertificationBodyInput,
} from '../domain/branding';
import { SigningIdentity, SigningIdentityCreate, SigningIdentityImport, VerifyResult } from '../domain/signing';
import {
  CertificateInspection,
  SignerTrust,
  TrustedCertificate,
  TrustedCertificateImport,
  TrustedCertificateInspect,
} from '../domain/trust';
import {
  ExportJob,
  ExportStartInput,
  FileChunk,
  FileChunkInput,
  JobRef,
  ReportDetails,
  ReportState,
  SaveReportDetailsInput,
  DocumentCheck,
  VerifyBeginInput,
  VerifyChunkInput,
  VerifyRef,
} from '../domain/report';
import {
  ConflictListInput,
  ConflictPage,
  ConflictResolveInput,
  ImportPreview,
  MergeSummary,
  TeamExportEstimate,
  TeamEstimateInput,
  TeamExportInput,
  TeamExportResult,
  TeamImportInput,
  TeamJob,
  TeamJobRef,
  TeamStatus,
  TeamUploadBegin,
  TeamUploadChunk,
  TeamUploadRef,
} from '../domain/team';
import { Id } from '../domain/common';
import { DemoLoaded, DemoProgress } from '../domain/demo';
import type { Result } from './result';
import type { OpName } from './ops';

const ById = z.strictObject({ id: Id });
const Nothing = z.strictObject({});
const ByAudit = z.strictObject({ auditId: Id });
const Deleted = z.object({ id: Id });

/**
 * The API contract: one entry per operation, each with the schema its input
 * must pass and the schema of what it returns. The backend implements exactly
 * this map; transports (IPC, HTTP) only carry the op name and the input.
 */
export const contract = {
  'app.info': {
    input: Nothing,
    output: z.object({
      version: z.string(),
      deviceId: z.string(),
      schemaVersion: z.number().int(),
      /** Things the user should know about this start-up (e.g. the data folder's permissions were tightened). */
      notices: z.array(z.string()),
    }),
  },
  'clients.list': { input: Nothing, output: z.array(ClientSummary) },
  'clients.get': { input: ById, output: Client },
  'clients.create': { input: ClientInput, output: Client },
  'clients.update': { input: z.strictObject({ id: Id, client: ClientInput }), output: Client },
  'clients.delete': { input: ById, output: z.object({ id: Id }) },
  'audits.list': { input: AuditListQuery, output: z.array(AuditSummary) },
  /** The Audits home and a client's audits: a page at a time, filtered in SQL. */
  'audits.page': { input: AuditPageQuery, output: AuditPage },
  'audits.get': { input: ById, output: Audit },
  'audits.create': { input: AuditCreateInput, output: Audit },
  'audits.update': { input: AuditUpdateInput, output: Audit },
  'audits.setStatus': { input: AuditStatusInput, output: Audit },
  'audits.delete': { input: ById, output: z.object({ id: Id }) },
  'audits.samplingCandidates': {
    input: z.strictObject({ clientId: Id, templateId: z.string().min(1).max(100).optional() }),
    output: z.object({ templateId: z.string(), templateVersion: z.string(), items: z.array(SamplingCandidate) }),
  },
  'audits.dashboard': { input: z.strictObject({ auditId: Id }), output: Dashboard },
  'templates.list': { input: Nothing, output: z.array(TemplateSummary) },
  /** The template is validated against ChecklistTemplate in the backend, so errors name the field at fault. */
  'templates.import': { input: z.strictObject({ template: z.unknown() }), output: TemplateSummary },
  'checklist.get': { input: z.strictObject({ auditId: Id }), output: Checklist },
  /** `by`: who changed it, for the audit trail of results. */
  'checklist.updateItem': {
    input: z.strictObject({ id: Id, patch: ChecklistItemPatch, by: Actor }),
    output: ChecklistItem,
  },
  'soa.preview': { input: SoaImportInput, output: SoaPreview },
  'soa.apply': { input: SoaImportInput, output: Checklist },

  'interviews.list': { input: ByAudit, output: z.array(Interview) },
  'interviews.create': { input: z.strictObject({ auditId: Id, interview: InterviewInput }), output: Interview },
  'interviews.update': { input: z.strictObject({ id: Id, patch: InterviewPatch }), output: Interview },
  'interviews.delete': { input: ById, output: Deleted },
  'observations.list': { input: ByAudit, output: z.array(Observation) },
  'observations.create': {
    input: z.strictObject({ auditId: Id, observation: ObservationInput }),
    output: Observation,
  },
  'observations.update': { input: z.strictObject({ id: Id, patch: ObservationPatch }), output: Observation },
  'observations.delete': { input: ById, output: Deleted },
  'documents.list': { input: ByAudit, output: z.array(DocumentReviewed) },
  'documents.create': { input: z.strictObject({ auditId: Id, document: DocumentInput }), output: DocumentReviewed },
  'documents.update': { input: z.strictObject({ id: Id, patch: DocumentPatch }), output: DocumentReviewed },
  'documents.delete': { input: ById, output: Deleted },

  /** Evidence files arrive in ordered chunks: begin, chunk…, then commit (or abort to cancel). */
  'evidence.uploadBegin': { input: UploadBeginInput, output: UploadBegin },
  'evidence.uploadChunk': { input: UploadChunkInput, output: UploadChunk },
  'evidence.uploadCommit': { input: UploadCommitInput, output: UploadCommit },
  'evidence.uploadAbort': { input: z.strictObject({ uploadId: z.string().min(1).max(100) }), output: Nothing },
  /** The same for a group of files: one begin and one commit per group, each file answered on its own. */
  'evidence.uploadBeginMany': { input: UploadBeginManyInput, output: UploadBeginMany },
  'evidence.uploadCommitMany': { input: UploadCommitManyInput, output: UploadCommitMany },
  /**
   * Desktop only, sent by the main process alone (MAIN_ONLY_OPS): files the user chose, read from disk by the
   * backend; answers once every file is in or refused. Its progress and Cancel by the app's import id.
   */
  'evidence.importPaths': { input: PathImportInput, output: PathImport },
  'evidence.importStatus': { input: PathImportRef, output: PathImportStatus },
  'evidence.importCancel': { input: PathImportRef, output: Nothing },
  'evidence.list': { input: EvidenceListInput, output: z.array(Evidence) },
  /** The evidence library: an audit's attachments a page at a time, filtered in SQL. */
  'evidence.page': { input: EvidencePageQuery, output: EvidencePage },
  'evidence.get': { input: ById, output: Evidence },
  'evidence.update': { input: EvidenceUpdateInput, output: Evidence },
  'evidence.link': { input: EvidenceLinkInput, output: Evidence },
  'evidence.unlink': { input: EvidenceLinkInput, output: EvidenceUnlink },
  'evidence.delete': { input: ById, output: Deleted },
  'evidence.read': { input: EvidenceReadInput, output: EvidenceRead },
  /** A file an operation may hand out, offered for streaming through the transport's byte channel (`/bytes/<id>`). */
  'bytes.download': { input: DownloadInput, output: Download },
  'evidence.thumbnail': { input: ById, output: Thumbnail },
  /** Desktop only: the main process opens the file with the OS's app; elsewhere 'unsupported'. */
  'evidence.openExternal': { input: ById, output: Nothing },
  /** Desktop only: a read-only copy shown in the file manager (for files Fieldwork will not open). */
  'evidence.showInFolder': { input: ById, output: Nothing },

  'search.query': { input: SearchInput, output: z.array(SearchHit) },
  /** The search palette: the same ranking a page at a time, the count on the first page. */
  'search.page': { input: SearchPageQuery, output: SearchPage },

  /** Findings. Every write records who acted (`by`) in the append-only audit trail. */
  'findings.list': { input: FindingListQuery, output: z.array(FindingSummary) },
  /** The Nonconformities page: short rows a page at a time, filtered in SQL (findings.get has the rest). */
  'findings.page': { input: FindingPageQuery, output: FindingPage },
  'findings.get': { input: ById, output: Finding },
  'findings.create': { input: z.strictObject({ auditId: Id, finding: FindingInput, by: Actor }), output: Finding },
  /** A draft from a checklist item flagged NC or OFI: its requirement and its attachments pre-filled. */
  'findings.fromItem': {
    input: z.strictObject({ itemId: Id, type: FindingType.optional(), by: Actor }),
    output: Finding,
  },
  'findings.update': { input: z.strictObject({ id: Id, patch: FindingPatch, by: Actor }), output: Finding },
  /** Drafts only: an issued finding is part of the record and is never deleted. */
  'findings.delete': { input: ById, output: Deleted },
  /** Numbers the draft (e.g. NC-03) once it is complete; refused with what is missing otherwise. */
  'findings.issue': { input: z.strictObject({ id: Id, by: Actor }), output: Finding },
  'findings.respond': { input: z.strictObject({ id: Id, response: ResponseInput, by: Actor }), output: Finding },
  'findings.decideResponse': { input: ResponseDecisionInput, output: Finding },
  'findings.verify': {
    input: z.strictObject({ id: Id, verification: VerificationInput, by: Actor }),
    output: Finding,
  },
  'findings.close': { input: z.strictObject({ id: Id, by: Actor }), output: Finding },
  'findings.trail': {
    input: z.strictObject({ recordType: z.enum(['finding', 'checklist_item', 'recommendation']), recordId: Id }),
    output: z.array(TrailEntry),
  },
  'findings.settings': { input: ByAudit, output: FindingSettings },
  'findings.setSettings': { input: FindingSettingsInput, output: FindingSettings },

  /** The client's certification cycle. */
  'programme.get': { input: z.strictObject({ clientId: Id }), output: Programme },
  'programme.setCertification': { input: CertificationInput, output: Programme },
  /** The next audit of the cycle: team, scope and sites copied; open findings carried into it. */
  'programme.createNext': { input: CreateNextInput, output: z.object({ id: Id }) },
  'programme.carried': { input: ByAudit, output: z.array(CarriedFinding) },
  'programme.compare': { input: ByAudit, output: Comparison },
  'recommendation.get': { input: ByAudit, output: RecommendationState },
  'recommendation.decide': { input: RecommendationInput, output: RecommendationState },

  /** The audit plan (ISO/IEC 17021-1 9.2.3): the audit's objectives, scope and criteria, notes, the timetable. */
  'plan.get': { input: ByAudit, output: AuditPlan },
  'plan.save': { input: PlanSaveInput, output: AuditPlan },
  'plan.addSession': { input: PlanSessionAddInput, output: PlanSession },
  'plan.updateSession': { input: PlanSessionUpdateInput, output: PlanSession },
  'plan.deleteSession': { input: PlanSessionRef, output: z.object({ id: Id }) },
  /** The sessions that plan a checklist item. */
  'plan.itemSessions': { input: z.strictObject({ itemId: Id }), output: z.array(ItemSession) },
  /** Opening and closing meetings (9.4.6, 9.4.7). */
  'meetings.get': { input: ByAudit, output: Meetings },
  'meetings.save': { input: MeetingInput, output: Meetings },
  /** Technical review and certification decision (9.5), by people outside the audit team. */
  'review.get': { input: ByAudit, output: ReviewState },
  'review.record': { input: ReviewInput, output: ReviewState },
  'review.decide': { input: DecisionInput, output: ReviewState },

  /** The certification body's identity and look, carried by every report. */
  'branding.get': { input: Nothing, output: CertificationBody },
  'branding.update': { input: CertificationBodyInput, output: CertificationBody },
  /** The image is checked and normalised to PNG; anything that is not a readable image is refused. */
  'branding.setImage': { input: BrandImageInput, output: CertificationBody },
  'branding.removeImage': { input: z.strictObject({ kind: BrandImageKind }), output: CertificationBody },
  'branding.image': { input: z.strictObject({ kind: BrandImageKind }), output: BrandImage },

  /** Auditors' signing identities (certificate + encrypted private key). */
  'signing.list': { input: Nothing, output: z.array(SigningIdentity) },
  'signing.create': { input: SigningIdentityCreate, output: SigningIdentity },
  'signing.importPkcs12': { input: SigningIdentityImport, output: SigningIdentity },
  'signing.delete': { input: ById, output: Deleted },
  /** The certificate as PEM, to hand to whoever wants to check a signature's fingerprint. */
  'signing.certificate': { input: ById, output: z.object({ pem: z.string() }) },
  /** Desktop main process only: the safeStorage-wrapped secret of an 'os_keychain' identity. */
  'signing.keyWrap': { input: ById, output: z.object({ wrapped: z.string().nullable() }) },

  /**
   * Certificates trusted besides this folder's identities (a colleague's, the
   * certification body's): a signature by one reads as signed by someone known.
   * Inspect shows a file's fingerprint to compare; import needs that fingerprint back.
   */
  'trust.list': { input: Nothing, output: z.array(TrustedCertificate) },
  'trust.inspect': { input: TrustedCertificateInspect, output: CertificateInspection },
  'trust.import': { input: TrustedCertificateImport, output: TrustedCertificate },
  'trust.remove': { input: ById, output: Deleted },

  /**
   * The certification body's own Word templates (issue 17 §3): imported after a trial render (unknown
   * placeholders and missing report contents refused unless accepted), one default per type and language.
   */
  'reportTemplates.list': { input: ReportTemplateList, output: z.array(ReportTemplate) },
  'reportTemplates.import': { input: ReportTemplateImport, output: ReportTemplate },
  'reportTemplates.remove': { input: ById, output: Deleted },
  'reportTemplates.setDefault': { input: ReportTemplateSetDefault, output: ReportTemplate },

  /** The audit report: its details, issued versions and what it still lacks. */
  'reports.get': { input: ByAudit, output: ReportState },
  'reports.saveDetails': { input: SaveReportDetailsInput, output: ReportDetails },
  'reports.readIssue': { input: FileChunkInput.extend({ issueId: Id }), output: FileChunk },
  /** Checks the stored file of an issued version: its SHA-256 and its package signature. */
  'reports.verify': { input: z.strictObject({ issueId: Id }), output: VerifyResult },

  /** Exports run in a worker: start, poll status for progress, cancel; then read the file in chunks. */
  'exports.start': { input: ExportStartInput, output: ExportJob },
  'exports.status': { input: JobRef, output: ExportJob },
  'exports.cancel': { input: JobRef, output: ExportJob },
  'exports.read': { input: FileChunkInput.extend({ jobId: JobRef.shape.jobId }), output: FileChunk },

  /**
   * Checks any DOCX handed over (a client's copy, a mailed file): begin, send
   * it in ordered chunks, finish for the signature's verdict and the issued
   * version of this data folder with the same SHA-256, if any.
   */
  'verify.begin': { input: VerifyBeginInput, output: z.object({ checkId: z.string(), chunkBytes: z.number() }) },
  'verify.chunk': { input: VerifyChunkInput, output: z.object({ received: z.number().int() }) },
  'verify.finish': { input: VerifyRef, output: DocumentCheck },
  'verify.abort': { input: VerifyRef, output: Nothing },
  /**
   * What this data folder knows of a file checked elsewhere (`fieldwork verify --data-dir`): the issued version
   * with this SHA-256, and whether the signing certificate is one of its identities or trusted certificates.
   */
  'verify.lookUp': {
    input: z.strictObject({
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 is 64 lower-case hex digits'),
      fingerprint: z.string().max(200).nullable(),
    }),
    output: z.object({ issued: DocumentCheck.shape.issued, trust: SignerTrust.nullable() }),
  },

  /**
   * Team audits (issue 13). The lead sends the audit out as a signed package,
   * auditors return what changed, the lead merges: export writes the package
   * into this session's exports folder (read it with team.read); import sends
   * a package in ordered chunks, previews it (nothing written) and imports it
   * in one transaction.
   */
  'team.status': { input: z.strictObject({ auditId: Id }), output: TeamStatus },
  'team.estimate': { input: TeamEstimateInput, output: TeamExportEstimate },
  'team.export': { input: TeamExportInput, output: TeamExportResult },
  'team.read': { input: FileChunkInput.extend({ fileId: z.string().min(1).max(100) }), output: FileChunk },
  'team.uploadBegin': { input: TeamUploadBegin, output: z.object({ uploadId: z.string(), chunkBytes: z.number() }) },
  'team.uploadChunk': { input: TeamUploadChunk, output: z.object({ received: z.number().int() }) },
  'team.uploadAbort': { input: TeamUploadRef, output: Nothing },
  'team.preview': { input: TeamUploadRef, output: ImportPreview },
  'team.import': { input: TeamImportInput, output: MergeSummary },
  /** The Team tab's preview and import as jobs: progress, and cancel until the merge runs. */
  'team.previewStart': { input: TeamUploadRef, output: TeamJob },
  'team.importStart': { input: TeamImportInput, output: TeamJob },
  'team.jobStatus': { input: TeamJobRef, output: TeamJob },
  'team.jobCancel': { input: TeamJobRef, output: TeamJob },
  /** Open conflicts of an audit, paged; resolve one by choosing a value, a combined text, keep or delete. */
  'conflicts.list': { input: ConflictListInput, output: ConflictPage },
  'conflicts.resolve': {
    input: ConflictResolveInput,
    output: z.object({ remaining: z.number().int().nonnegative() }),
  },

  /**
   * Backups of the data folder (issue 15): the files in its backups/ with what each holds; a backup or a restore
   * into a new folder runs as a job (poll status for progress, cancel); settings keep the newest N.
   */
  'backups.list': { input: Nothing, output: BackupList },
  'backups.create': { input: BackupCreateInput, output: BackupJob },
  'backups.status': { input: BackupJobRef, output: BackupJob },
  'backups.cancel': { input: BackupJobRef, output: BackupJob },
  'backups.restore': { input: BackupRestoreInput, output: BackupJob },
  'backups.settings': { input: BackupSettings, output: BackupSettings },

  /**
   * The data folder's encryption (issue 15): whether it is encrypted and how unlocked; a recovery passphrase set
   * or changed (re-wraps the key, nothing re-encrypted); a plain folder encrypted; the app locked (key and
   * database dropped) and unlocked; the idle time it locks after. Every answer is the status.
   */
  'security.status': { input: StatusInput, output: SecurityStatus },
  'security.setPassphrase': { input: NewPassphrase, output: SecurityStatus },
  'security.encrypt': { input: EncryptInput, output: SecurityStatus },
  'security.lock': { input: Nothing, output: SecurityStatus },
  'security.unlock': { input: UnlockInput, output: SecurityStatus },
  'security.setIdleLock': { input: IdleLockInput, output: SecurityStatus },
  /** Keychain unlocking on or off (off: the key is wrapped by the passphrase only, asked at every start). */
  'security.setKeychainUnlock': { input: KeychainUnlockInput, output: SecurityStatus },
  /** The draft journal's key (renderer IndexedDB), derived for this folder; refused while locked. */
  'security.draftKey': { input: Nothing, output: DraftKey },
  /** The start-up encryption of a plain folder (desktop: answered by the main process while it runs). */
  'security.conversion': { input: Nothing, output: ConversionStatus },

  /**
   * The demo data (`fieldwork demo`) from the first-run list: refused unless the folder holds no client; a
   * failure part-way removes what it added. Takes several seconds: progress counts its operations done.
   */
  'demo.load': { input: Nothing, output: DemoLoaded },
  'demo.progress': { input: Nothing, output: DemoProgress },
} as const satisfies Record<OpName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
/** What a caller passes (defaults may be omitted). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
/** What the backend receives after parsing (defaults filled in). */
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

/** A file the user chose or dropped (the DOM's File; shared/ has no DOM types). */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
}

/** What only the desktop app's preload offers (electron/preload): absent in the browser preview. */
export interface DesktopApi {
  /**
   * Imports files the user chose or dropped by their paths on disk (`evidence.importPaths`): the preload looks
   * the paths up itself, so a file made by a script (no path) is refused. Progress and Cancel: `evidence.importStatus`
   * and `evidence.importCancel` with the target's importId.
   */
  importFiles(
    files: readonly ChosenFile[],
    target: PathImportTarget,
  ): Promise<Result<OpOutput<'evidence.importPaths'>>>;
  /** Whether a file is on this computer's disk (chosen or dropped), so importFiles can take it; a pasted image is not. */
  isOnDisk(file: ChosenFile): boolean;
  /** Shows the data folder in the OS's file manager (the damaged-folder screen); main decides the folder. */
  showDataFolder(): Promise<Result<Record<string, never>>>;
  /** Quits the app. */
  quit(): Promise<Result<Record<string, never>>>;
}

/** The shape every transport exposes to the renderer. */
export interface FieldworkApi {
  invoke<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** The desktop app only. */
  desktop?: DesktopApi;
}
