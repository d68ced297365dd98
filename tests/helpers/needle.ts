/**
 * A window of `length` bytes to search other files for, taken at `from` or the first place after it (wrapping
 * round) where at least five in six of its bytes differ from one another. A window of a ZIP's headers, of zero
 * padding or of small integers also occurs in files that never held the plaintext (a WAL index is mostly such
 * numbers), so a leak check on it fails by chance; 40 distinct bytes in 48 do not occur anywhere by chance.
 */
export function distinctiveWindow(bytes: Uint8Array, from = bytes.length >> 1, length = 48): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const distinct = Math.ceil((length * 5) / 6);
  for (let step = 0; step + length <= buf.length; step++) {
    const at = (from + step) % (buf.length - length + 1);
    const window = buf.subarray(at, at + length);
    if (new Set(window).size >= distinct) return window;
  }
  throw new Error(`no distinctive ${length}-byte window in ${buf.length} bytes`);
}
