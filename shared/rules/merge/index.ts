/** The merge rules of team audits (issue 13): pure functions over replica states. */
export * from './types';
export { rowKey, canonical } from './keys';
export { emptyReplica, localEdit, localDelete, exportPackage } from './replica';
export type { LocalEdit } from './replica';
export { applyPackage, checkPackage, listConflicts } from './apply';
export { splitFresh, freshView, type FreshRow } from './fresh';
export { resolveConflict } from './resolve';
export { deriveRow } from './view';
