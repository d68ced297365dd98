/**
 * Team audits (issue 13), the backend's entry points for the handlers
 * (handlers/team.ts), the CLI (`fieldwork package export|import`, `fieldwork
 * conflicts`) and the merge bench. These signatures are stable:
 *
 *   exportTeamPackage(ctx, input & { out? })  → TeamExportResult & { file }
 *     Writes a signed .fwpkg (kind 'send' from a lead or solo folder, 'return'
 *     from a member copy) into this session's exports folder, or to `out`
 *     (written whole or not at all). Records a team_exchanges row.
 *   estimateTeamPackage(ctx, input)           → TeamExportEstimate (writes nothing)
 *   importTeamPackage(ctx, file, opts)        → ImportPreview
 *     Reads and checks the package (refuses hostile files, another audit or
 *     lead, an unknown signer unless opts.acceptFingerprint names it), places
 *     its evidence, then merges in ONE transaction; opts.dryRun rolls back and
 *     only reports. The summary says alreadyImported for a package merged before.
 *   listConflicts(ctx, auditId, page)         → ConflictPage
 *   resolveConflict(ctx, input)               → { remaining }
 *
 * `ctx` is the backend's RepoContext (Backend.context); the evidence store and
 * the export sessions are found from it.
 */
export type { TeamExportOptions, ImportOptions } from './types';
export { exportTeamPackage, estimateTeamPackage } from './export';
export { importTeamPackage } from './import';
export { listConflicts, resolveTeamConflict as resolveConflict } from './conflicts';
export { closeTeam } from './team-files';
