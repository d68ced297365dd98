import { z } from 'zod';
import { requiredText, text } from './common';
import { labelsEn } from '#shared/i18n/labels/en';
import { LANGUAGES } from '#shared/i18n/languages';

/** The certification body whose identity, logo and colours the reports carry. */
export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1F4E79');

/** Placeholders a report number pattern may use; {seq} is required so numbers never repeat. */
export const REPORT_NUMBER_TOKENS = ['{year}', '{seq}', '{type}', '{client}'] as const;

export const ReportNumberPattern = requiredText(100, 'Report number pattern')
  .refine((p) => p.includes('{seq}'), 'The report number pattern needs {seq}, so that no two reports share a number')
  .refine(
    (p) => (p.match(/\{[^}]*\}/g) ?? []).every((t) => (REPORT_NUMBER_TOKENS as readonly string[]).includes(t)),
    `Use only these placeholders: ${REPORT_NUMBER_TOKENS.join(' ')}`,
  );

/** The report languages: every shipped language (issue 17). */
export const REPORT_LANGUAGES = LANGUAGES;
export const ReportLanguage = z.enum(REPORT_LANGUAGES, { error: 'Choose English, German or French for reports' });

export const CertificationBodyInput = z.strictObject({
  name: requiredText(200, 'Certification body name'),
  address: text(1000, 'Address').default(''),
  /** e.g. the accreditation body and number, shown beside the mark. */
  accreditation: text(500, 'Accreditation').default(''),
  website: text(200, 'Website').default(''),
  primaryColour: HexColour.default('#1F4E79'),
  accentColour: HexColour.default('#C55A11'),
  reportNumberPattern: ReportNumberPattern.default('{client}-{year}-{seq}'),
  /** The report language a new audit starts with (each audit can change its own); left out: kept as saved. */
  language: ReportLanguage.optional(),
});
export type CertificationBodyInput = z.input<typeof CertificationBodyInput>;

/** The settings' fields without images; what a fresh install shows until they are saved. */
export type CertificationBodyFields = Omit<CertificationBody, 'logo' | 'accreditationMark' | 'updatedAt'>;
export const DEFAULT_CERTIFICATION_BODY: CertificationBodyFields = {
  name: '',
  address: '',
  accreditation: '',
  website: '',
  primaryColour: '#1F4E79',
  accentColour: '#C55A11',
  reportNumberPattern: '{client}-{year}-{seq}',
  language: 'en',
};

export const BRAND_IMAGE_KINDS = ['logo', 'accreditation_mark'] as const;
export const BrandImageKind = z.enum(BRAND_IMAGE_KINDS, { error: 'Unknown image kind' });
export type BrandImageKind = z.infer<typeof BrandImageKind>;
/** English; other languages: labelsIn(language).brandImage (#shared/i18n/labels/index). */
export const BRAND_IMAGE_LABELS: Record<BrandImageKind, string> = labelsEn.brandImage;

/** Largest logo or mark accepted (the file as chosen, before it is normalised to PNG). */
export const BRAND_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(BRAND_IMAGE_MAX_BYTES / 3) * 4;

export const BrandImageInput = z.strictObject({
  kind: BrandImageKind,
  fileName: text(255, 'File name').default(''),
  dataBase64: z
    .string()
    .min(1, 'The image file is empty')
    .max(
      MAX_BASE64,
      `The image is too large: logos and marks can be at most ${BRAND_IMAGE_MAX_BYTES / 1024 / 1024} MB`,
    ),
});
export type BrandImageInput = z.input<typeof BrandImageInput>;

export const BrandImageInfo = z.object({ width: z.number().int(), height: z.number().int(), size: z.number().int() });

export const CertificationBody = z.object({
  name: z.string(),
  address: z.string(),
  accreditation: z.string(),
  website: z.string(),
  primaryColour: z.string(),
  accentColour: z.string(),
  reportNumberPattern: z.string(),
  language: ReportLanguage,
  logo: BrandImageInfo.nullable(),
  accreditationMark: BrandImageInfo.nullable(),
  /** Null until the settings were saved once (the defaults are shown until then). */
  updatedAt: z.string().nullable(),
});
export type CertificationBody = z.infer<typeof CertificationBody>;

export const BrandImage = z.object({ mediaType: z.literal('image/png'), dataBase64: z.string() }).nullable();
