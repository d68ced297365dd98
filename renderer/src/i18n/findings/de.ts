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
  drawer: {
    summary: 'Überblick über die Feststellung',
    dismiss: 'Schließen',
    saveFirst: 'Speichern Sie zuerst Ihre Änderungen',
    issuedAsSaved: 'Die Feststellung wird so ausgegeben, wie sie gespeichert ist.',
    notIssued: 'Die Feststellung wurde nicht ausgegeben',
    issued: 'Feststellung ausgegeben',
    evidenceFiles: 'Nachweisdateien',
    draftHint:
      'Ein Entwurf hat noch keine Nummer. Mit der Ausgabe erhält er sie endgültig; eine ausgegebene Feststellung kann nicht mehr gelöscht werden.',
    deleteDescription:
      'Dieser Entwurf einer Feststellung und die Verknüpfungen zu seinen Nachweisen werden gelöscht. Dateien, die nur daran hängen, werden ebenfalls gelöscht. Dies kann nicht rückgängig gemacht werden.',
    issue: 'Feststellung ausgeben',
  },
  verify: {
    label: 'Verifizierung',
    whoVerified: 'Wer hat verifiziert?',
    failed: 'Die Feststellung wurde nicht verifiziert',
    done: 'Feststellung als wirksam verifiziert',
    method: 'Methode',
    methodLabel: 'Verifizierungsmethode',
    notes: 'Notizen zur Verifizierung',
    notesHint: 'Was Sie geprüft haben und was gezeigt hat, dass die Maßnahme wirkt',
    on: 'Verifiziert am',
    by: 'Verifiziert von',
    submit: 'Verifizieren',
  },
  grading: {
    whenToChoose: 'Wann zu wählen: {{title}}',
    major: {
      title: 'Hauptabweichung',
      text: 'Stufen Sie als Hauptabweichung ein, wenn die Feststellung in Frage stellt, ob das Managementsystem erreichen kann, wofür es gedacht ist – etwa eine Anforderung, die gar nicht umgesetzt ist, oder mehrere kleinere Mängel zu einer Anforderung, die zusammen zeigen, dass das System dort versagt. Die Zertifizierung wartet, bis sie korrigiert und verifiziert ist.',
    },
    minor: {
      title: 'Nebenabweichung',
      text: 'Eine Anforderung ist nicht vollständig erfüllt, doch der Mangel ist vereinzelt und stellt nicht in Frage, dass das Managementsystem seine beabsichtigten Ergebnisse erreichen kann. Der Kunde antwortet mit einer Korrektur und einem Plan für Korrekturmaßnahmen.',
    },
    ofi: {
      title: 'Verbesserungspotenzial',
      text: 'Nichts widerspricht einer Anforderung, aber Sie sehen, wie der Kunde es besser machen könnte, oder ein Risiko für einen künftigen Mangel. Eine Stellungnahme ist nicht erforderlich; es wird festgehalten und geschlossen.',
    },
    positive: {
      title: 'Gute Praxis',
      text: 'Etwas, das der Kunde besonders gut macht und das im Bericht festgehalten werden sollte. Es braucht keine Stellungnahme.',
    },
  },
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
