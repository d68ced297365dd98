import type { Catalogue } from '#shared/i18n/catalogue';
import type { verifyEn } from './en';

export const verifyDe: Catalogue<typeof verifyEn> = {
  title: 'Dokument prüfen',
  description:
    'Ist ein Bericht oder eine Abweichungsliste genau so, wie der Auditleiter sie signiert hat? Wählen Sie die Word-Datei, um es herauszufinden.',
  intro:
    'Die Datei wird auf diesem Computer geprüft und nicht aufbewahrt. Jede Änderung nach dem Signieren – ein Zeichen, ein Bild, ein hinzugefügter oder entfernter Teil – erscheint als ungültige Signatur. Eine intakte Signatur gilt nur dann als von jemand Bekanntem, wenn ihr Zertifikat eine Ihrer Signaturidentitäten oder vertrauenswürdigen Zertifikate ist. Bis zu {{size}}.',
  choose: 'DOCX-Datei wählen…',
  inProgress: 'Prüfung läuft',
  checking: '{{name}} wird geprüft…',
  reading: '{{name}} wird gelesen',
  idle: 'Noch kein Dokument geprüft. Wählen Sie oben eine .docx-Datei; das Ergebnis erscheint hier.',
  failed: '{{name}} konnte nicht geprüft werden',
  result: 'Ergebnis der Prüfung',
  nameSize: '{{name}} · {{size}}',
  issuedTitle: 'Aus diesem Datenordner ausgegeben',
  issued: '{{kind}} Version {{version}}, Bericht {{number}}, für {{client}} ({{type}}), ausgegeben am {{date}}.',
  current: 'Es ist die aktuelle Version.',
  newer: 'Seitdem wurde eine neuere Version ausgegeben.',
  openReport: 'Bericht des Audits öffnen',
  notIssued:
    'Diese Datei ist keine aus diesem Datenordner ausgegebene Version (ihr SHA-256 passt zu keiner). Die Signatur oben sagt trotzdem, ob sie intakt ist und ob ihr Unterzeichner hier bekannt ist.',
  sha256: 'SHA-256',
};
