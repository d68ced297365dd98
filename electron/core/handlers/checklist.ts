import { DomainError } from '#shared/api/result';
import { getChecklist, updateItem } from '../repos/checklist';
import type { RepoContext } from '../repos/context';
import { applySoa, soaControls } from '../repos/soa';
import { soaReader } from '../soa/off-thread';
import { buildSoaPreview } from '../soa/preview';
import type { Handlers, Tx } from './types';

type ChecklistOps = 'checklist.get' | 'checklist.updateItem' | 'soa.preview' | 'soa.apply';

/** Padded standard base64, checked without a repeating regex group (which overflows the stack on MBs). */
function isBase64(s: string): boolean {
  if (s.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(s)) return false;
  const pad = s.indexOf('=');
  return pad === -1 || (pad >= s.length - 2 && /^=+$/.test(s.slice(pad)));
}

/** Strict base64: Buffer.from would silently skip junk and hand the parser garbage. */
export function decodeUpload(contentBase64: string): Buffer {
  const compact = contentBase64.replace(/\s+/g, '');
  if (!isBase64(compact)) {
    throw new DomainError('invalid_input', 'The uploaded file could not be read (its content is not valid base64).', [
      { path: ['file', 'contentBase64'], message: 'Not valid base64' },
    ]);
  }
  // The size limit is checked by parseSoaFile, with the message the user sees for every oversized file.
  return Buffer.from(compact, 'base64');
}

export const checklistHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, ChecklistOps> => {
  /** The file is read in a worker thread before the transaction, which then sees a consistent checklist. */
  const parse = ({ file }: { file: { name: string; contentBase64: string } }) =>
    soaReader(ctx).read(file.name, decodeUpload(file.contentBase64));
  return {
    'checklist.get': tx(({ auditId }) => getChecklist(ctx, auditId)),
    'checklist.updateItem': tx(({ id, patch, by }) => updateItem(ctx, id, patch, by)),
    'soa.preview': async (input) => {
      const parsed = await parse(input);
      return tx(() => buildSoaPreview(parsed, soaControls(ctx, input.auditId)))(undefined);
    },
    'soa.apply': async (input) => {
      const parsed = await parse(input);
      return tx(() => {
        const preview = buildSoaPreview(parsed, soaControls(ctx, input.auditId));
        applySoa(ctx, input.auditId, preview);
        return getChecklist(ctx, input.auditId);
      })(undefined);
    },
  };
};
