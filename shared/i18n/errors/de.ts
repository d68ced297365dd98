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
