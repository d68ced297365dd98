import { z } from 'zod';
import {
  ReportTemplate,
  ReportTemplateImport,
  ReportTemplateList,
  ReportTemplateSetDefault,
} from '../../domain/report-templates';
import {
  BrandImage,
  BrandImageInput,
  BrandImageKind,
  CertificationBody,
  CertificationBodyInput,
} from '../../domain/branding';
import { SigningIdentity, SigningIdentityCreate, SigningIdentityImport, VerifyResult } from '../../domain/signing';
import {
  CertificateInspection,
  SignerTrust,
  TrustedCertificate,
  TrustedCertificateImport,
  TrustedCertificateInspect,
} from '../../domain/trust';
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
} from '../../domain/report';
import { Id } from '../../domain/common';
import { ById, Nothing, ByAudit, Deleted } from './common';
import type { OpShapes } from './common';

/** Branding, signing identities and trusted certificates, report templates, reports, exports and their verification. */
export const reportingOps = {
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
} as const satisfies OpShapes;
