import type { OpName } from '#shared/api/ops';
import { BRAND_IMAGE_LABELS } from '#shared/domain/branding';
import { normaliseBrandImage } from '../export/brand-image';
import {
  brandImagePng,
  getCertificationBody,
  removeBrandImage,
  saveBrandImage,
  updateCertificationBody,
} from '../repos/branding';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type BrandingOps = Extract<OpName, `branding.${string}`>;

export const brandingHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, BrandingOps> => ({
  'branding.get': tx(() => getCertificationBody(ctx)),
  'branding.update': tx((input) => updateCertificationBody(ctx, input)),
  // The image is decoded and re-encoded before the transaction: it may take a moment.
  'branding.setImage': async ({ kind, dataBase64 }) => {
    const image = await normaliseBrandImage(dataBase64, BRAND_IMAGE_LABELS[kind].toLowerCase());
    return tx(() => saveBrandImage(ctx, kind, image))(undefined);
  },
  'branding.removeImage': tx(({ kind }) => removeBrandImage(ctx, kind)),
  'branding.image': tx(({ kind }) => {
    const png = brandImagePng(ctx, kind);
    return png ? { mediaType: 'image/png' as const, dataBase64: png.toString('base64') } : null;
  }),
});
