import { notifications } from '@mantine/notifications';
import { getApi } from '../../api/client';
import { keepDraftKey } from './draftKey';
import { DraftJournal } from './journal';

let journal: DraftJournal | undefined;

function warnUnprotected(): void {
  notifications.show({
    id: 'drafts-unprotected',
    color: 'yellow',
    title: 'Unsaved text is not protected',
    message:
      'This browser does not let Fieldwork keep drafts on this computer (a private window, or storage is full). Everything still saves as you type, but text typed while Fieldwork is unreachable is lost if this page closes.',
    autoClose: false,
  });
}

/**
 * The renderer's one journal. Keystrokes still waiting are written as soon as the page is hidden or closed —
 * sealed, so once the journal has its key from the backend (asked for here, kept for the page's life).
 */
export function getDraftJournal(): DraftJournal {
  if (journal) return journal;
  const created = new DraftJournal({ onUnavailable: warnUnprotected });
  keepDraftKey(created, () => getApi().invoke('security.draftKey', {}));
  const flush = () => void created.flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  journal = created;
  return created;
}
