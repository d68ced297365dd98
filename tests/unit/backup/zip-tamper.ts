import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { openPromise } from 'yauzl';
import { ZipFile } from 'yazl';

/** Copies a ZIP entry by entry through `change` (a valid ZIP again: new CRCs), as a tamperer with zip tools would. */
export async function rewriteZip(from: string, to: string, change: (name: string, data: Buffer) => Buffer) {
  const zip = await openPromise(from, { lazyEntries: true, autoClose: false });
  const out = new ZipFile();
  const done = pipeline(out.outputStream as Readable, createWriteStream(to));
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const parts: Buffer[] = [];
    for await (const chunk of stream) parts.push(chunk as Buffer);
    out.addBuffer(change(entry.fileName, Buffer.concat(parts)), entry.fileName);
  }
  zip.close();
  out.end();
  await done;
}
