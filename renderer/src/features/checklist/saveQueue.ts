import type { ChecklistItem, ChecklistItemPatch } from '#shared/domain/checklist';
import { SaveQueue as RecordSaveQueue } from '../../lib/drafts/saveQueue';

export type { SaveStatus } from '../../lib/drafts/saveQueue';

/**
 * The checklist's autosave: the one save queue (lib/drafts/saveQueue), for
 * checklist items. An item's edits are merged into one patch, sent after a
 * pause (results at once), one request per item at a time, retried while
 * the backend is unreachable.
 */
export class SaveQueue extends RecordSaveQueue<ChecklistItem, ChecklistItemPatch> {}
