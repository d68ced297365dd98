import { useMemo } from 'react';
import type { TeamMember } from '#shared/domain/audit';
import { useMe } from './useMe';

/**
 * Who the audit trail records as acting: the team member this computer said
 * it is (the checklist's "I am"), else the audit's lead auditor.
 */
export function useActor(audit: { id: string; team: readonly TeamMember[] }): string {
  const teamIds = useMemo(() => audit.team.map((m) => m.id), [audit.team]);
  const [me] = useMe(audit.id, teamIds);
  const mine = audit.team.find((m) => m.id === me);
  const lead = audit.team.find((m) => m.role === 'lead_auditor');
  return mine?.name ?? lead?.name ?? '';
}
