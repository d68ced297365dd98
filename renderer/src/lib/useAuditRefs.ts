import { useMemo } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { ChecklistItem } from '#shared/domain/checklist';
import { useOp } from '../api/ops';
import { formatRequirement, requirementLabel } from '#shared/domain/requirement-ref';

export interface Option {
  value: string;
  label: string;
}

/** What records of an audit refer to by id, with the names to show for them. */
export interface AuditRefs {
  /** Undefined while loading; empty when the audit has no checklist. */
  items: ChecklistItem[] | undefined;
  itemsError: ApiError | undefined;
  itemById: ReadonlyMap<string, ChecklistItem>;
  sites: Option[];
  siteName: (id: string | null) => string;
  team: Option[];
  memberName: (id: string) => string;
}

/** "Clause 5.1 Leadership", "A.5.15 Access control" (shared/domain/requirement-ref); Stage 1 topics have no number. */
export const itemLabel = (i: Pick<ChecklistItem, 'kind' | 'number' | 'title'>): string => requirementLabel(i);

/** The short form on a badge: "Clause 5.1", "A.5.15"; a topic's ref. */
export const itemShort = (i: Pick<ChecklistItem, 'kind' | 'number' | 'ref'>): string => formatRequirement(i) || i.ref;

export function useAuditRefs(audit: Audit): AuditRefs {
  const checklist = useOp('checklist.get', { auditId: audit.id });
  const client = useOp('clients.get', { id: audit.clientId });
  const noChecklist = checklist.error?.code === 'not_found';
  const loadedItems = checklist.data?.items;
  const items = useMemo(() => (noChecklist ? [] : loadedItems), [noChecklist, loadedItems]);
  const clientSites = client.data?.sites;

  return useMemo(() => {
    const itemById = new Map((items ?? []).map((i) => [i.id, i]));
    const inScope = new Set(audit.siteIds);
    const siteNames = new Map((clientSites ?? []).map((s) => [s.id, s.name]));
    const sites = (clientSites ?? []).filter((s) => inScope.has(s.id)).map((s) => ({ value: s.id, label: s.name }));
    const memberNames = new Map(audit.team.map((m) => [m.id, m.name]));
    return {
      items,
      itemsError: noChecklist ? undefined : checklist.error,
      itemById,
      sites,
      siteName: (id) => (id ? (siteNames.get(id) ?? 'Unknown site') : ''),
      team: audit.team.map((m) => ({ value: m.id, label: m.name })),
      memberName: (id) => memberNames.get(id) ?? 'Former team member',
    };
  }, [items, noChecklist, checklist.error, clientSites, audit.siteIds, audit.team]);
}
