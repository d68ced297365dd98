import type { Catalogue } from '#shared/i18n/catalogue';
import type { commonEn } from './en';

export const commonDe: Catalogue<typeof commonEn> = {
  confirm: 'Bestätigen',
  cancel: 'Abbrechen',
  save: 'Speichern',
  delete: 'Löschen',
  edit: 'Bearbeiten',
  add: 'Hinzufügen',
  close: 'Schließen',
  notRecorded: 'Nicht erfasst',
  loading: 'Wird geladen',
  loadingDots: 'Wird geladen…',
  tryAgain: 'Erneut versuchen',
  notFound: 'Nicht gefunden',
  couldNotLoad: 'Diese Seite konnte nicht geladen werden',
  serveToken: 'Öffnen Sie die vollständige Adresse, die `fieldwork serve` ausgegeben hat, einschließlich des Tokens.',
  pageNotFound: 'Seite nicht gefunden',
  pageNotFoundHint: 'Diese Adresse führt zu keiner Ansicht von Fieldwork.',
  goToAudits: 'Zu den Audits',
  documentTitle: '{{title}} · Fieldwork',
  errorTitles: {
    invalid_input: 'Einige Felder bedürfen Ihrer Aufmerksamkeit',
    not_found: 'Nicht gefunden',
    conflict: 'Nicht möglich',
    unavailable: 'Fieldwork ist nicht erreichbar',
    unauthorized: 'Bei dieser Vorschau nicht angemeldet',
    fallback: 'Etwas ist schiefgegangen',
  },
};
