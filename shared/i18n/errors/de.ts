import type { Catalogue } from '../catalogue';
import type { errorsEn } from './en';

/** Every DomainError text in German (formal address). */
export const errorsDe: Catalogue<typeof errorsEn> = {
  unknown: 'Etwas ist schiefgegangen: {{message}}',
  audits: {
    notFound: 'Dieses Audit existiert nicht (es wurde möglicherweise gelöscht).',
    closedReadOnly:
      'Ein abgeschlossenes Audit ist Teil der Zertifizierungsaufzeichnungen und kann nicht bearbeitet werden.',
    otherClient: 'Ein Audit kann nicht zu einem anderen Kunden verschoben werden.',
    deletePlannedOnly:
      'Nur ein geplantes Audit kann gelöscht werden; sobald die Auditdurchführung begonnen hat, bleiben seine Aufzeichnungen erhalten.',
    sameReportLanguages: 'Die zweite Berichtssprache muss sich von der ersten unterscheiden.',
    clientMissing: 'Der gewählte Kunde existiert nicht (er wurde möglicherweise gelöscht).',
    siteNotClients: 'Ein Standort im Geltungsbereich gehört nicht zu diesem Kunden.',
  },
  clients: {
    notFound: 'Dieser Kunde existiert nicht (er wurde möglicherweise gelöscht).',
    hasAudits_one:
      '{{client}} hat {{count}} Audit; die Aufzeichnungen eines auditierten Kunden bleiben erhalten. Löschen Sie zuerst seine geplanten Audits.',
    hasAudits_other:
      '{{client}} hat {{count}} Audits; die Aufzeichnungen eines auditierten Kunden bleiben erhalten. Löschen Sie zuerst seine geplanten Audits.',
    siteInScope:
      'Der Standort „{{site}}“ gehört zum Geltungsbereich eines Audits. Entfernen Sie ihn aus dem Geltungsbereich des Audits, bevor Sie ihn löschen.',
  },
  checklist: {
    itemNotFound: 'Dieser Prüfpunkt existiert nicht (sein Audit wurde möglicherweise gelöscht).',
    assigneeNotOnTeam: 'Der zugewiesene Auditor gehört nicht zum Team dieses Audits.',
  },
  evidence: {
    notFound: 'Dieser Anhang existiert nicht (er wurde möglicherweise gelöscht).',
    notLinked: 'Der Anhang ist dort nicht verknüpft.',
    evidenceOfIssued:
      'Dieser Anhang ist Nachweis der ausgestellten Feststellung {{numbers}}; er kann nicht gelöscht werden. Entfernen Sie ihn stattdessen aus der Feststellung: Diese Änderung bleibt in der Historie der Feststellung erhalten.',
    targetMissing: {
      checklist_item:
        'Der Prüfpunkt, mit dem der Anhang verknüpft werden soll, existiert nicht (er wurde möglicherweise gelöscht).',
      finding:
        'Die Feststellung, mit der der Anhang verknüpft werden soll, existiert nicht (sie wurde möglicherweise gelöscht).',
      interview:
        'Das Interview, mit dem der Anhang verknüpft werden soll, existiert nicht (es wurde möglicherweise gelöscht).',
      observation:
        'Die Beobachtung, mit der der Anhang verknüpft werden soll, existiert nicht (sie wurde möglicherweise gelöscht).',
      audit: 'Das Audit, mit dem der Anhang verknüpft werden soll, existiert nicht (es wurde möglicherweise gelöscht).',
    },
    targetOtherAudit: {
      checklist_item: 'Der Prüfpunkt gehört zu einem anderen Audit; Anhänge bleiben in ihrem Audit.',
      finding: 'Die Feststellung gehört zu einem anderen Audit; Anhänge bleiben in ihrem Audit.',
      interview: 'Das Interview gehört zu einem anderen Audit; Anhänge bleiben in ihrem Audit.',
      observation: 'Die Beobachtung gehört zu einem anderen Audit; Anhänge bleiben in ihrem Audit.',
      audit: 'Das Audit gehört zu einem anderen Audit; Anhänge bleiben in ihrem Audit.',
    },
  },
  findings: {
    notFound: 'Diese Feststellung existiert nicht (sie wurde möglicherweise als Entwurf gelöscht).',
    notInProgress:
      'Feststellungen werden erhoben, sobald das Audit in Durchführung ist; starten Sie zuerst das Audit (setzen Sie seinen Status auf „In Durchführung“).',
    auditClosed: 'Dieses Audit ist abgeschlossen: Seine Feststellungen sind Teil der Zertifizierungsaufzeichnungen.',
    closedAuditFinding:
      'Diese Feststellung gehört zu einem abgeschlossenen Audit und kann nicht mehr bearbeitet werden; ihr Lebenszyklus (Stellungnahme, Verifizierung, Abschluss) geht weiter.',
    notRequirement_one:
      'Die gewählte Anforderung ist keine Anforderung dieses Audits (wählen Sie aus seiner Checkliste).',
    notRequirement_other:
      '{{count}} der gewählten Anforderungen sind keine Anforderungen dieses Audits (wählen Sie aus seiner Checkliste).',
    linkedMissing: {
      interview: 'Das verknüpfte Interview existiert nicht (es wurde möglicherweise gelöscht).',
      observation: 'Die verknüpfte Beobachtung existiert nicht (sie wurde möglicherweise gelöscht).',
      document: 'Das verknüpfte geprüfte Dokument existiert nicht (es wurde möglicherweise gelöscht).',
    },
    linkedOtherAudit: {
      interview:
        'Das verknüpfte Interview gehört zu einem anderen Audit; eine Feststellung stützt sich auf Nachweise ihres eigenen Audits.',
      observation:
        'Die verknüpfte Beobachtung gehört zu einem anderen Audit; eine Feststellung stützt sich auf Nachweise ihres eigenen Audits.',
      document:
        'Das verknüpfte geprüfte Dokument gehört zu einem anderen Audit; eine Feststellung stützt sich auf Nachweise ihres eigenen Audits.',
    },
    citedByIssued: {
      interview:
        'Dieses Interview ist objektiver Nachweis der ausgestellten Feststellung {{numbers}} und kann nicht gelöscht werden.',
      observation:
        'Diese Beobachtung ist objektiver Nachweis der ausgestellten Feststellung {{numbers}} und kann nicht gelöscht werden.',
      document:
        'Dieses geprüfte Dokument ist objektiver Nachweis der ausgestellten Feststellung {{numbers}} und kann nicht gelöscht werden.',
    },
    auditHasIssued_one:
      'Dieses Audit hat eine ausgestellte Feststellung; es ist Teil der Zertifizierungsaufzeichnungen und kann nicht gelöscht werden.',
    auditHasIssued_other:
      'Dieses Audit hat {{count}} ausgestellte Feststellungen; es ist Teil der Zertifizierungsaufzeichnungen und kann nicht gelöscht werden.',
    verifiedHere:
      'In diesem Audit wurden Feststellungen früherer Audits verifiziert; es ist Teil der Zertifizierungsaufzeichnungen und kann nicht gelöscht werden.',
    closingBeforeStart: 'Das Abschlussgespräch kann nicht vor dem Beginn des Audits ({{start}}) liegen.',
    noSuchRecord: 'Diesen Datensatz gibt es nicht, und es wurde nie etwas darüber aufgezeichnet.',
  },
  records: {
    notFound: {
      interview: 'Dieses Interview existiert nicht (es oder sein Audit wurde möglicherweise gelöscht).',
      observation: 'Diese Beobachtung existiert nicht (sie oder ihr Audit wurde möglicherweise gelöscht).',
      document: 'Dieses Dokument existiert nicht (es oder sein Audit wurde möglicherweise gelöscht).',
    },
    noSuchEntry: 'Kein solcher Eintrag in diesem Datensatz zum Aktualisieren ({{id}})',
  },
  exports: {
    tooLarge: 'Das Dokument ist zu groß zum Speichern (über 4 GB).',
    cancelled: 'Der Export wurde abgebrochen.',
    planDocxOnly: 'Der Auditplan wird nur als DOCX geschrieben.',
    twoRunning: 'Es laufen bereits zwei Exporte: Warten Sie, bis einer fertig ist, oder brechen Sie einen ab.',
    jobNotFound: 'Dieser Export existiert nicht (die App wurde möglicherweise neu gestartet).',
    stillRunning: 'Der Export läuft noch.',
    noFile: 'Der Export hat keine Datei erzeugt.',
    noLead: 'Das Audit hat keinen Auditleiter; fügen Sie vor der Freigabe einen zum Team hinzu.',
    notTheLead:
      'Nur der Auditleiter des Audits, {{lead}}, kann seine Dokumente freigeben; „{{identity}}“ ist die Identität einer anderen Person.',
    notYetValid: 'Das Zertifikat von „{{identity}}“ ist noch nicht gültig (ab {{from}}).',
    expired:
      'Das Zertifikat von „{{identity}}“ ist am {{on}} abgelaufen. Leser sehen, dass die Signatur mit einem abgelaufenen Zertifikat erstellt wurde. Bestätigen Sie, um trotzdem zu signieren, oder erstellen Sie eine neue Identität.',
  },
};
