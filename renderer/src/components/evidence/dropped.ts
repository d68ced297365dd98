import { pastedName } from './upload';

/** Folders nested deeper than this are not walked: a drop of "/" should not hang the app. */
const MAX_DEPTH = 16;
/** A drop of a whole photo library is refused above this many files. */
export const MAX_DROPPED_FILES = 5000;

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => {
    entry.file(resolve, reject);
  });

/** A directory reader hands entries out in batches; it is done when a batch is empty. */
async function childrenOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => {
      reader.readEntries(resolve, reject);
    });
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, depth: number, out: File[]): Promise<void> {
  if (out.length >= MAX_DROPPED_FILES) return;
  if (entry.isFile) {
    // Hidden files a camera or the OS leaves behind (.DS_Store, ._IMG_0001.JPG) are not evidence.
    if (!entry.name.startsWith('.')) out.push(await fileOf(entry as FileSystemFileEntry));
    return;
  }
  if (entry.isDirectory && depth < MAX_DEPTH) {
    for (const child of await childrenOf(entry as FileSystemDirectoryEntry)) await walk(child, depth + 1, out);
  }
}

/**
 * The files of a drop, whole folders included. The entries must be taken
 * while the drop event is being handled (the list empties afterwards); the
 * folders are read after that.
 */
export function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  const plain: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) plain.push(file);
    }
  }
  if (entries.length === 0 && plain.length === 0) plain.push(...Array.from(data.files));
  return (async () => {
    const out = [...plain];
    for (const entry of entries) await walk(entry, 0, out);
    return out.slice(0, MAX_DROPPED_FILES);
  })();
}

/** Files picked with a folder chooser, without the hidden ones. */
export const visibleFiles = (list: FileList | null): File[] =>
  Array.from(list ?? []).filter((f) => !f.name.startsWith('.'));

/**
 * The images of a paste, each given a name. Text pasted into a text field is
 * left to the field: Office copies both a picture and the text of a selection.
 */
export function pastedImages(event: ClipboardEvent): File[] {
  const data = event.clipboardData;
  if (!data) return [];
  const target = event.target;
  const inField =
    target instanceof HTMLElement &&
    (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement);
  if (inField && data.types.includes('text/plain')) return [];
  const now = new Date();
  return Array.from(data.items)
    .filter((i) => i.kind === 'file' && i.type.startsWith('image/'))
    .map((i) => i.getAsFile())
    .filter((f): f is File => f !== null)
    .map((f, n) => {
      const name = pastedName(f.type, now);
      return new File([f], n === 0 ? name : name.replace(/(\.\w+)$/, `-${n + 1}$1`), { type: f.type });
    });
}
