import { DomainError } from '#shared/api/result';
import {
  DEFAULT_CERTIFICATION_BODY,
  type BrandImageKind,
  type CertificationBody,
  type CertificationBodyInput,
} from '#shared/domain/branding';
import type { Language } from '#shared/i18n/languages';
import type { z } from 'zod';
import { stamp, type RepoContext } from './context';

type BodyData = z.output<typeof CertificationBodyInput>;

interface SettingsRow {
  name: string;
  address: string;
  accreditation: string;
  website: string;
  primary_colour: string;
  accent_colour: string;
  report_number_pattern: string;
  language: Language;
  updated_at: string;
}

function imageInfo(ctx: RepoContext, kind: BrandImageKind) {
  const row = ctx.db.prepare('SELECT width, height, length(bytes) AS size FROM cb_images WHERE kind = ?').get(kind) as
    { width: number; height: number; size: number } | undefined;
  return row ?? null;
}

export function getCertificationBody(ctx: RepoContext): CertificationBody {
  const row = ctx.db.prepare('SELECT * FROM cb_settings WHERE id = 1').get() as SettingsRow | undefined;
  const base = row
    ? {
        name: row.name,
        address: row.address,
        accreditation: row.accreditation,
        website: row.website,
        primaryColour: row.primary_colour,
        accentColour: row.accent_colour,
        reportNumberPattern: row.report_number_pattern,
        language: row.language,
      }
    : DEFAULT_CERTIFICATION_BODY;
  return {
    ...base,
    logo: imageInfo(ctx, 'logo'),
    accreditationMark: imageInfo(ctx, 'accreditation_mark'),
    updatedAt: row?.updated_at ?? null,
  };
}

/** The language a new audit's report starts in: the certification body's, English until it is saved. */
export function defaultReportLanguage(ctx: RepoContext): Language {
  const saved = ctx.db.prepare('SELECT language FROM cb_settings WHERE id = 1').pluck().get() as Language | undefined;
  return saved ?? DEFAULT_CERTIFICATION_BODY.language;
}

export function updateCertificationBody(ctx: RepoContext, data: BodyData): CertificationBody {
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `INSERT INTO cb_settings (id, name, address, accreditation, website, primary_colour, accent_colour,
         report_number_pattern, language, created_at, updated_at, device_id)
       VALUES (1, @name, @address, @accreditation, @website, @primaryColour, @accentColour,
         @reportNumberPattern, @language, @now, @now, @device)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,
         accreditation = excluded.accreditation, website = excluded.website,
         primary_colour = excluded.primary_colour, accent_colour = excluded.accent_colour,
         report_number_pattern = excluded.report_number_pattern, language = excluded.language,
         updated_at = excluded.updated_at, device_id = excluded.device_id`,
    )
    .run({ ...data, language: data.language ?? defaultReportLanguage(ctx), now: s.now, device: s.device });
  return getCertificationBody(ctx);
}

export interface NormalisedImage {
  png: Buffer;
  width: number;
  height: number;
}

export function saveBrandImage(ctx: RepoContext, kind: BrandImageKind, image: NormalisedImage): CertificationBody {
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `INSERT INTO cb_images (kind, media_type, width, height, bytes, created_at, updated_at, device_id)
       VALUES (?, 'image/png', ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind) DO UPDATE SET width = excluded.width, height = excluded.height, bytes = excluded.bytes,
         updated_at = excluded.updated_at, device_id = excluded.device_id`,
    )
    .run(kind, image.width, image.height, image.png, s.now, s.now, s.device);
  return getCertificationBody(ctx);
}

export function removeBrandImage(ctx: RepoContext, kind: BrandImageKind): CertificationBody {
  ctx.db.prepare('DELETE FROM cb_images WHERE kind = ?').run(kind);
  return getCertificationBody(ctx);
}

/** The stored PNG, or null when none was uploaded. */
export function brandImagePng(ctx: RepoContext, kind: BrandImageKind): Buffer | null {
  const row = ctx.db.prepare('SELECT bytes FROM cb_images WHERE kind = ?').get(kind) as { bytes: Buffer } | undefined;
  return row?.bytes ?? null;
}

/** Settings must name the certification body before a report can carry it. */
export function requireNamedBody(ctx: RepoContext): CertificationBody {
  const body = getCertificationBody(ctx);
  if (body.name === '') {
    throw new DomainError(
      'invalid_input',
      'Name the certification body first (Settings → Certification body): every report carries it.',
    );
  }
  return body;
}
