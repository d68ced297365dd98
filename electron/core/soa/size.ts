/** The checks on an SoA file that need no reading: before anything is decoded, unpacked or sent to a worker. */
import { DomainError } from '#shared/api/result';
import { SOA_MAX_BYTES } from '#shared/domain/checklist';

export const EMPTY_FILE = 'The file is empty.';

export function sizeMessage(bytes: number): string {
  // Rounded up, so a file just over the limit does not read "5.0 MB".
  const mb = Math.ceil((bytes / 1024 / 1024) * 10) / 10;
  return `The file is ${mb.toFixed(1)} MB; a Statement of Applicability file must be at most ${SOA_MAX_BYTES / 1024 / 1024} MB.`;
}

export function checkSoaSize(bytes: Buffer): void {
  if (bytes.length > SOA_MAX_BYTES) throw new DomainError('too_large', sizeMessage(bytes.length));
  if (bytes.length === 0) throw new DomainError('invalid_input', EMPTY_FILE);
}
