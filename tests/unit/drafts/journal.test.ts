import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DraftJournal,
  draftKey,
  type DraftRef,
  type DraftWrite,
  type StoredDraft,
} from '../../../renderer/src/lib/drafts/journal';
import { testDraftKey } from './key';

/** The journal's key, as the renderer holds it once the backend gave it; OTHER: another data folder's. */
const KEY = await testDraftKey();
const OTHER = await testDraftKey();

const NOTES: DraftRef = { recordType: 'checklist_item', recordId: 'item-1', field: 'notes' };
const entry = (text: string, ref: DraftRef = NOTES): DraftWrite => ({
  ...ref,
  auditId: 'audit-1',
  text,
  baseText: 'saved',
});

let dbCount = 0;
const open: DraftJournal[] = [];
/** A journal on a database of its own; `schedule` decides when queued writes reach IndexedDB. */
function journal(schedule: (fn: () => void) => void = () => undefined, name = `drafts-test-${++dbCount}`) {
  const j = new DraftJournal({ name, schedule, now: () => new Date('2026-03-03T10:15:00Z'), key: KEY });
  open.push(j);
  return j;
}

afterEach(() => {
  for (const j of open.splice(0)) j.close();
});

describe('draft journal', () => {
  it('keys one entry per record type, record and field', () => {
    expect(draftKey(NOTES)).toBe('checklist_item/item-1/notes');
    expect(draftKey({ ...NOTES, field: 'summary' })).not.toBe(draftKey(NOTES));
    expect(draftKey({ ...NOTES, recordType: 'interview' })).not.toBe(draftKey(NOTES));
  });

  it('keeps the latest text of a field, written to IndexedDB in one go', async () => {
    const name = 'drafts-test-persist';
    const j = journal(undefined, name);
    j.write(entry('a'));
    j.write(entry('ab'));
    j.write(entry('abc'));
    // Not yet written: still readable.
    expect((await j.get(NOTES))?.text).toBe('abc');
    await j.flush();
    j.close();

    // A new page (a reload) finds it in the database.
    const again = journal(undefined, name);
    const got = await again.get(NOTES);
    expect(got).toMatchObject({
      key: draftKey(NOTES),
      auditId: 'audit-1',
      text: 'abc',
      baseText: 'saved',
      updatedAt: '2026-03-03T10:15:00.000Z',
    });
    expect(await again.get({ ...NOTES, recordId: 'item-2' })).toBeUndefined();
  });

  it('writes queued keystrokes when the schedule runs', async () => {
    const tasks: (() => void)[] = [];
    const name = 'drafts-test-scheduled';
    const j = journal((fn) => tasks.push(fn), name);
    j.write(entry('x'));
    j.write(entry('xy'));
    expect(tasks).toHaveLength(1);
    tasks[0]?.();
    await j.get(NOTES);
    const other = journal(undefined, name);
    expect((await other.get(NOTES))?.text).toBe('xy');
  });

  it('removes an entry only when its current text is the saved one', async () => {
    const j = journal();
    j.write(entry('draft one'));
    await j.flush();
    expect(await j.removeIfText(NOTES, 'something else')).toBe(false);
    expect((await j.get(NOTES))?.text).toBe('draft one');
    expect(await j.removeIfText(NOTES, 'draft one')).toBe(true);
    expect(await j.get(NOTES)).toBeUndefined();
  });

  it('keeps the entry when a newer keystroke came after the saved text', async () => {
    const j = journal();
    j.write(entry('abc'));
    await j.flush();
    // The backend confirms "abc" while "abcd" waits to be written.
    j.write(entry('abcd'));
    expect(await j.removeIfText(NOTES, 'abc')).toBe(false);
    await j.flush();
    expect((await j.get(NOTES))?.text).toBe('abcd');
  });

  it('lets unwritten text decide over an older row in the database', async () => {
    const j = journal();
    j.write(entry('ab'));
    await j.flush();
    j.write(entry('abc'));
    // The save of "abc" is confirmed before "abc" reached IndexedDB: the stale "ab" row goes too.
    expect(await j.removeIfText(NOTES, 'abc')).toBe(true);
    expect(await j.get(NOTES)).toBeUndefined();
  });

  it('removes whatever the entry holds when the draft is discarded', async () => {
    const j = journal();
    const other: DraftRef = { ...NOTES, recordId: 'item-2' };
    j.write(entry('x'));
    j.write(entry('y', other));
    await j.flush();
    j.write(entry('newer'));
    await j.remove(NOTES);
    await j.flush();
    expect(await j.get(NOTES)).toBeUndefined();
    expect((await j.get(other))?.text).toBe('y');
  });

  it("lists an audit's drafts, newest first", async () => {
    let clock = Date.parse('2026-03-03T10:00:00Z');
    const j = new DraftJournal({
      name: `drafts-test-${++dbCount}`,
      schedule: () => undefined,
      now: () => new Date((clock += 1000)),
      key: KEY,
    });
    open.push(j);
    j.write(entry('first', { ...NOTES, recordId: 'a' }));
    j.write(entry('second', { ...NOTES, recordId: 'b' }));
    j.write({ ...entry('elsewhere', { ...NOTES, recordId: 'c' }), auditId: 'audit-2' });
    const list = await j.forAudit('audit-1');
    expect(list.map((e) => e.text)).toEqual(['second', 'first']);
  });

  it('carries on in memory, and says so once, when IndexedDB is not available', async () => {
    const problems: unknown[] = [];
    const broken = {
      open: () => {
        throw new Error('The user denied permission to access the database.');
      },
    };
    const j = new DraftJournal({
      name: `drafts-test-${++dbCount}`,
      schedule: () => undefined,
      indexedDB: broken,
      onUnavailable: (e) => problems.push(e),
      key: KEY,
    });
    open.push(j);
    expect(j.available).toBe(true);
    j.write(entry('kept for this page'));
    await j.flush();
    expect(j.available).toBe(false);
    expect((await j.get(NOTES))?.text).toBe('kept for this page');
    expect(await j.removeIfText(NOTES, 'other')).toBe(false);
    expect(await j.removeIfText(NOTES, 'kept for this page')).toBe(true);
    expect(await j.get(NOTES)).toBeUndefined();
    j.write(entry('again'));
    await j.flush();
    expect(problems).toHaveLength(1);
  });
});

/** The journal's rows as IndexedDB holds them, read past the journal's code. */
async function rawRows(name: string): Promise<StoredDraft[]> {
  const raw = new Dexie(name);
  raw.version(1).stores({ drafts: 'key, auditId, updatedAt' });
  try {
    return await raw.table<StoredDraft, string>('drafts').toArray();
  } finally {
    raw.close();
  }
}

/** Every string and byte a row holds, as one buffer: what `strings` on the browser profile could see. */
function everyByte(value: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value);
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value && typeof value === 'object') return Buffer.concat(Object.values(value).map(everyByte));
  return Buffer.alloc(0);
}

const SECRET = 'Interview with the CISO: backup tapes kept in her car boot';
const BASE = 'Backups are offsite.';

describe('draft journal sealed at rest', () => {
  it('stores no plaintext: the text and base text are sealed, the keys stay readable', async () => {
    const name = `drafts-sealed-${++dbCount}`;
    const j = journal(undefined, name);
    j.write({ ...NOTES, auditId: 'audit-1', text: SECRET, baseText: BASE });
    await j.flush();
    const [row, ...more] = await rawRows(name);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ key: draftKey(NOTES), recordId: 'item-1', auditId: 'audit-1' });
    expect(row).not.toHaveProperty('text');
    expect(row).not.toHaveProperty('baseText');
    const bytes = everyByte(row);
    for (const plain of [SECRET, BASE, 'CISO', 'offsite']) expect(bytes.includes(plain)).toBe(false);
    // And it reads back whole.
    expect(await j.get(NOTES)).toMatchObject({ text: SECRET, baseText: BASE });
  });

  it('another key reads nothing and breaks nothing: the entry stays for the key that sealed it', async () => {
    const name = `drafts-wrong-key-${++dbCount}`;
    const j = journal(undefined, name);
    j.write({ ...entry(SECRET) });
    await j.flush();
    j.close();

    const wrong = new DraftJournal({ name, schedule: () => undefined, key: OTHER });
    open.push(wrong);
    expect(await wrong.get(NOTES)).toBeUndefined();
    expect(await wrong.forAudit('audit-1')).toEqual([]);
    expect(await wrong.removeIfText(NOTES, SECRET)).toBe(false);
    expect(wrong.available).toBe(true);
    wrong.close();

    expect((await journal(undefined, name).get(NOTES))?.text).toBe(SECRET);
  });

  it('a row altered on disk (moved to another audit) does not open', async () => {
    const name = `drafts-moved-${++dbCount}`;
    const j = journal(undefined, name);
    j.write(entry(SECRET));
    await j.flush();
    const raw = new Dexie(name);
    raw.version(1).stores({ drafts: 'key, auditId, updatedAt' });
    await raw.table('drafts').update(draftKey(NOTES), { auditId: 'audit-9' });
    raw.close();
    expect(await j.get(NOTES)).toBeUndefined();
  });

  it('without the key yet: keystrokes wait in memory, stored entries are offered once it comes', async () => {
    const name = `drafts-keyless-${++dbCount}`;
    const before = journal(undefined, name);
    before.write(entry('typed last session'));
    await before.flush();
    before.close();

    // A new page whose backend has not answered yet.
    const j = new DraftJournal({ name, schedule: (fn) => fn() });
    open.push(j);
    const other: DraftRef = { ...NOTES, recordId: 'item-2' };
    j.write(entry('typed while unreachable', other));
    await j.flush();
    expect((await j.get(other))?.text).toBe('typed while unreachable');
    expect((await rawRows(name)).map((r) => r.recordId)).toEqual(['item-1']);
    let offered: string | undefined = 'not yet';
    const reading = j.get(NOTES).then((e) => (offered = e?.text));
    await new Promise((r) => setTimeout(r, 0));
    expect(offered).toBe('not yet');

    j.setKey(KEY);
    await reading;
    expect(offered).toBe('typed last session');
    await j.flush();
    const rows = await rawRows(name);
    expect(rows.map((r) => r.recordId).sort()).toEqual(['item-1', 'item-2']);
    expect(everyByte(rows).includes('unreachable')).toBe(false);
  });

  it('seals the plain entries earlier versions wrote, once the key is there', async () => {
    const name = `drafts-legacy-${++dbCount}`;
    const raw = new Dexie(name);
    raw.version(1).stores({ drafts: 'key, auditId, updatedAt' });
    await raw.table('drafts').put({
      ...NOTES,
      key: draftKey(NOTES),
      auditId: 'audit-1',
      text: SECRET,
      baseText: BASE,
      updatedAt: '2026-03-01T09:00:00.000Z',
    });
    raw.close();

    const j = journal(undefined, name);
    expect(await j.get(NOTES)).toMatchObject({ text: SECRET, baseText: BASE, updatedAt: '2026-03-01T09:00:00.000Z' });
    await j.flush();
    const [row] = await rawRows(name);
    expect(row).not.toHaveProperty('text');
    expect(everyByte(row).includes('CISO')).toBe(false);
    j.close();
    expect((await journal(undefined, name).get(NOTES))?.text).toBe(SECRET);
  });
});
