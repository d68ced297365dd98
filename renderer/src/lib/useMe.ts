import { useCallback, useState } from 'react';

const key = (auditId: string) => `fieldwork.checklist.me.${auditId}`;

function read(auditId: string): string | null {
  try {
    return localStorage.getItem(key(auditId));
  } catch {
    return null;
  }
}

/**
 * Which team member is using this computer, for the "Mine" filter. Fieldwork
 * has no sign-in: each auditor says once per audit who they are, and this
 * browser profile remembers it.
 */
export function useMe(auditId: string, teamIds: readonly string[]): [string | null, (id: string | null) => void] {
  const [me, setMeState] = useState<string | null>(() => read(auditId));
  const setMe = useCallback(
    (id: string | null) => {
      setMeState(id);
      try {
        if (id) localStorage.setItem(key(auditId), id);
        else localStorage.removeItem(key(auditId));
      } catch {
        // Storage may be disabled; the choice then lasts for this visit only.
      }
    },
    [auditId],
  );
  // Someone removed from the team is no longer "me".
  return [me && teamIds.includes(me) ? me : null, setMe];
}
