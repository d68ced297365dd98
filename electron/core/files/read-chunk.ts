import { open, type FileHandle } from 'node:fs/promises';

/** Up to `length` bytes at `offset` of an open file (fewer only at its end). */
export async function readFully(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buffer, got, length - got, offset + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buffer.subarray(0, got);
}

/**
 * Reads up to `length` bytes at `offset`: chunks keep every answer small,
 * whatever the file's size. Null when the file does not exist.
 */
export async function readChunk(path: string, offset: number, length: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return await readFully(handle, offset, length);
  } finally {
    await handle.close();
  }
}
