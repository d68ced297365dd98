import type { AuditStatus, AuditType } from '#shared/domain/audit';

export type AuditSort = 'start_asc' | 'start_desc';

export interface AuditListFilters {
  sort: AuditSort;
  search?: string;
  status?: AuditStatus | null;
  type?: AuditType | null;
}

/**
 * The Audits screen's audits.page input for its filters. Its own small module:
 * the app's start-up asks for the first page with it while the screen's code
 * is still loading, under the very key the screen reads.
 */
export const auditListInput = ({ sort, search, status, type }: AuditListFilters) => ({
  sort,
  limit: 100,
  ...(search ? { search } : {}),
  ...(status ? { status } : {}),
  ...(type ? { type } : {}),
});
