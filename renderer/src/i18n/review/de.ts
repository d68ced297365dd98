import type { Catalogue } from '#shared/i18n/catalogue';
import type { reviewEn } from './en';

export const reviewDe: Catalogue<typeof reviewEn> = {
  title: 'Technische Prüfung und Zertifizierungsentscheidung',
  issueFirst:
    'Die technische Prüfung erfolgt anhand des ausgegebenen Berichts. Geben Sie zuerst den Bericht aus (Reiter „Bericht“).',
  onReport: 'Zu Bericht {{number}}, Version {{version}}, ausgegeben am {{date}}.',
  recorded: 'Erfasste Prüfung',
  reviewedBy: 'Geprüft von <b>{{name}}</b> am {{date}}: {{conclusion}}.',
  decidedBy: 'Entscheidung: <b>{{decision}}</b> von {{name}} am {{date}}.',
  notRecorded: 'Nicht erfasst',
  reviewer: 'Prüfer',
  notOnTeam: 'Nicht Mitglied des Auditteams',
  reviewerEmail: 'E-Mail des Prüfers',
  reviewedOn: 'Geprüft am',
  conclusion: 'Ergebnis',
  reviewNotes: 'Notizen zur Prüfung',
  recordReview: 'Prüfung erfassen',
  reviewRecorded: 'Technische Prüfung erfasst',
  decision: 'Entscheidung',
  decidedByLabel: 'Entschieden von',
  decidedOn: 'Entschieden am',
  decisionNotes: 'Notizen zur Entscheidung',
  final: 'Nach dem Erfassen endgültig.',
  recordDecision: 'Entscheidung erfassen',
  decisionRecorded: 'Zertifizierungsentscheidung erfasst',
};
