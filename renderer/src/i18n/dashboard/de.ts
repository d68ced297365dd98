import type { Catalogue } from '#shared/i18n/catalogue';
import type { dashboardEn } from './en';

export const dashboardDe: Catalogue<typeof dashboardEn> = {
  nothing: 'Noch nichts anzuzeigen',
  nothingHint: 'Dieses Audit hat keine Checklistenpunkte, daher gibt es keine Ergebnisse zu zählen.',
  byGroup: 'Ergebnisse nach Abschnitt und Thema',
  items: 'Punkte',
  chartLabel: 'Ergebnisse nach Abschnitt und Thema, gestapelt nach Ergebnis',
  perAuditor: 'Noch nicht auditiert, je Auditor',
  counts: 'Anzahl je Ergebnis',
  needFinding: 'Feststellung nötig',
  count: '{{label}}: {{value, number}}',
  progress: 'Fortschritt nach Abschnitt und Thema',
  group: 'Gruppe',
  audited: 'Auditiert',
  nonconformities: 'Abweichungen',
  ofis: 'Verbesserungspotenziale',
  allDone: 'Jeder Punkt hat ein Ergebnis',
  perAuditorLabel: 'Noch nicht auditiert je Auditor',
  auditor: 'Auditor',
  itemsLeft: 'Noch nicht auditierte Punkte',
  unassigned: 'Nicht zugewiesen',
  caption: '<open>Öffnen Sie die Checkliste</open> und filtern Sie nach Auditor, um sie abzuarbeiten.',
  clause: 'Abschn. {{id}}',
};
