import type { Catalogue } from '#shared/i18n/catalogue';
import type { findingsEn } from './en';

export const findingsDe: Catalogue<typeof findingsEn> = {
  typeShort: {
    major: 'Hauptabweichung',
    minor: 'Nebenabweichung',
    ofi: 'Verbesserungspotenzial',
    positive: 'Gute Praxis',
  },
  draft: 'Entwurf',
  overdue: 'Überfällig',
  newStage2: 'Neues Stufe-2-Audit nötig',
  item: {
    label: 'Feststellungen zu diesem Prüfpunkt',
    title: 'Feststellungen',
    raise: 'Feststellung erfassen',
    raiseFailed: 'Die Feststellung wurde nicht angelegt',
    raiseBlocked:
      'Feststellungen werden erfasst, sobald die Auditdurchführung begonnen hat: Wählen Sie zuerst „Auditdurchführung beginnen“ beim Audit.',
    none: 'Noch keine erfasst.',
  },
  register: {
    title: 'Abweichungen',
    description: 'Feststellungen aller Audits: Stellungnahmen, Verifizierungen und Überfälliges verfolgen',
    filters: 'Feststellungen filtern',
    status: 'Status',
    anyStatus: 'Jeder Status',
    type: 'Art',
    anyType: 'Jede Art',
    requirement: 'Anforderung',
    requirementPlaceholder: 'z. B. 8.5 oder A.5.15',
    overdueOnly: 'Nur überfällige',
    noMatch: 'Keine Feststellung passt zu diesen Filtern',
    noMatchHint: 'Entfernen Sie einen Filter, um mehr zu sehen.',
    empty: 'Noch keine Feststellungen',
    emptyHint:
      'Feststellungen aus allen Audits erscheinen hier. Öffnen Sie den Reiter „Feststellungen“ eines Audits oder erfassen Sie eine an einem Checklistenpunkt, der als Abweichung bewertet ist.',
    clearFilters: 'Filter zurücksetzen',
    openAudits: 'Zu den Audits',
    tableLabel: 'Abweichungen und weitere Feststellungen',
    number: 'Nummer',
    client: 'Kunde',
    audit: 'Audit',
    requirements: 'Anforderungen',
    statement: 'Feststellung',
    responseDue: 'Stellungnahme fällig',
    count_one: '{{count, number}} Feststellung',
    count_other: '{{count, number}} Feststellungen',
  },
};
