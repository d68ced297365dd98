import { DomainError } from '#shared/api/result';
import type { PackageManifest } from '#shared/domain/package';
import { normalizeFingerprint } from '#shared/domain/trust';
import type { MergeChange, MergeTombstone } from '#shared/rules/merge/index';
import type { Signer } from '../packages/signature';
import type { RepoContext } from '../repos/context';
import { signerTrust } from '../repos/trusted-certs';
import { packagedTable } from './tables';

/**
 * What the database must say before a package is merged: that it is for
 * this data folder (a 'send' reaches a team member, never its lead; a
 * 'return' reaches the lead that sent the audit out), and what its records
 * name exists in this version.
 */
export function checkDestination(ctx: RepoContext, m: PackageManifest): 'new_member' | 'member' | 'lead' {
  const team = ctx.db.prepare('SELECT role, lead_folder_id FROM team_audits WHERE audit_id = ?').get(m.auditId) as
    { role: 'lead' | 'member'; lead_folder_id: string } | undefined;
  const exists = ctx.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(m.auditId) !== undefined;
  if (m.kind === 'send') {
    if (m.leadFolderId === ctx.deviceId) {
      throw new DomainError(
        'invalid_input',
        "This package was sent out from this data folder; it is for a team member's data folder.",
      );
    }
    if (!exists) return 'new_member';
    if (team?.role === 'member' && team.lead_folder_id === m.leadFolderId) return 'member';
    if (team?.role === 'member') {
      throw new DomainError(
        'conflict',
        "This audit is here as a team copy of another lead's audit; the package was not imported.",
      );
    }
    throw new DomainError(
      'conflict',
      "This audit already exists here and is not a team copy of that lead's audit; the package was not imported.",
    );
  }
  if (m.leadFolderId !== ctx.deviceId) {
    throw new DomainError(
      'invalid_input',
      "This package was returned to another lead's data folder; only the lead who sent the audit out can import it.",
    );
  }
  if (!exists || team?.role !== 'lead') {
    throw new DomainError('not_found', 'This package is for an audit that is not here; nothing was imported.');
  }
  return 'lead';
}

/** Known: an identity of this folder or a trusted certificate; or the user compared and confirmed its fingerprint. */
export function checkSigner(
  ctx: RepoContext,
  signer: Signer,
  acceptFingerprint: string | undefined,
  refuseUnknown: boolean,
): { known: boolean; accept: boolean } {
  if (signerTrust(ctx, signer.fingerprint)) return { known: true, accept: false };
  const accepted = acceptFingerprint !== undefined && normalizeFingerprint(acceptFingerprint) === signer.fingerprint;
  if (accepted) return { known: false, accept: true };
  if (!refuseUnknown) return { known: false, accept: false };
  throw new DomainError(
    'unknown_signer',
    `This package is signed by “${signer.name || 'an unnamed certificate'}”, whose certificate is not known here. ` +
      `Its fingerprint is ${signer.fingerprint}: compare it with the sender (by phone, for example), then confirm it to import.`,
  );
}

/** Every entry must name a table and field this version logs and packages: else a newer version wrote it. */
export function checkRecords(changes: readonly MergeChange[], tombstones: readonly MergeTombstone[]): void {
  const newer = (what: string) =>
    new DomainError(
      'unsupported',
      `This package holds records this version of Fieldwork does not know (${what}); it was probably written by a newer version. Update Fieldwork, then import it again.`,
    );
  for (const c of changes) {
    const t = packagedTable(c.table);
    if (!t) throw newer(c.table);
    if (!t.columns.includes(c.field)) throw newer(`${c.table}.${c.field}`);
  }
  for (const t of tombstones) if (!packagedTable(t.table)) throw newer(t.table);
}
