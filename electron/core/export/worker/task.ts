import type { KeyObject } from 'node:crypto';
import type { ExportFormat, ExportKind } from '#shared/domain/report';
import type { PlanDocModel } from '../plan/model';
import type { ReportModel } from '../report/model';
import type { PlacedPhoto } from '../report/photos';
import type { TemplateTask } from '../../report-templates/write';

/** What the export worker is given: everything it needs, so it never touches the database. */
export interface ExportTask {
  kind: ExportKind;
  format: ExportFormat;
  /** DOCX documents are built from the report model. */
  model: ReportModel | null;
  /** The audit plan's document (kind 'plan'). */
  plan?: PlanDocModel;
  /** XLSX/CSV NC lists: the table rows, header first for CSV. */
  table: { header: string[]; rows: string[][]; sheet: string } | null;
  signer: { certificateDer: Uint8Array; privateKey: KeyObject; signingTime: string } | null;
  /** The certification body's Word template to render instead of the built-in layout (report-templates/). */
  template?: TemplateTask | null;
  /** Written here first, then renamed to finalPath: a cancelled or failed export leaves no partial file. */
  tmpPath: string;
  finalPath: string;
  /**
   * An encrypted data folder's file key (crypto/file-cipher.ts): the temporary file is written sealed as it is
   * built, so no plaintext of the document ever reaches the disk; size and SHA-256 are still the plaintext's.
   */
  sealWith?: Uint8Array | null;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; stage: string }
  | { type: 'done'; size: number; sha256: string; warnings: string[] }
  | { type: 'error'; code: string; message: string };

/** The export worker's entry run as a report's XML thread: builds the parts (`reportParts`) and posts them. */
export interface PartsTask {
  parts: { model: ReportModel; placed: PlacedPhoto[] };
}
