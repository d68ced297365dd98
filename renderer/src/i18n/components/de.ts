import type { Catalogue } from '#shared/i18n/catalogue';
import type { componentsEn } from './en';

/** Widgets several features show, in German (formal address). */
export const componentsDe: Catalogue<typeof componentsEn> = {
  draft: {
    idle: 'Wird beim Tippen gespeichert',
    saving: 'Wird gespeichert…',
    saved: 'Alle Änderungen gespeichert',
    failed: 'Noch nicht gespeichert — auf diesem Computer aufbewahrt',
  },
  gaps: {
    title: '{{title}} ({{count, number}})',
  },
  requirements: {
    label: 'Abgedeckte Anforderungen',
    removed: 'Entfernter Prüfpunkt',
    other: 'Sonstige',
    noChecklist: 'Dieses Audit hat keine Checkliste, mit der verknüpft werden kann',
    hint: 'Geben Sie eine Nummer oder Wörter ein, um Prüfpunkte zu finden',
    placeholder: 'z. B. 7.2, A.7.2 oder ein Wort aus dem Titel',
    nothingFound: 'Kein Prüfpunkt der Checkliste passt',
  },
  sampling: {
    chooseClientFirst:
      'Wählen Sie zuerst den Kunden: Was in die Stichprobe kommt, hängt von seinen früheren Audits ab.',
    loading: 'Anforderungen und Maßnahmen werden geladen…',
    label: 'In diesem Audit in der Stichprobe',
    description:
      '{{chosen, number}} von {{total, number}} ausgewählt. Die Abschnitte 9.2, 9.3 und 10.2 gehören in jedem Überwachungsaudit zur Stichprobe; „In diesem Zyklus noch nicht abgedeckt“ markiert, was frühere Audits dieses Zertifizierungszyklus nicht auditiert haben.',
    selectSuggested: 'Vorgeschlagene auswählen ({{count, number}})',
    onlyRequired: 'Nur die verpflichtenden',
    selectAll: 'Alle auswählen',
    always: 'Immer in der Stichprobe',
    notCovered: 'In diesem Zyklus noch nicht abgedeckt',
  },
  hash: {
    copied: 'Kopiert',
    copyFull: 'Vollständigen {{label}} kopieren',
    copyShort: '{{label}} {{short}} kopieren',
  },
  signer: {
    identity: 'Signaturidentität',
    option: '{{name}} ({{details}})',
    optionExpired: '{{name}} ({{details}}) · abgelaufen',
    passphrase: 'Passphrase',
    keychain: 'Dieser Schlüssel wird über den Schlüsselbund des Betriebssystems entsperrt; keine Passphrase nötig.',
  },
  verify: {
    known: {
      known_identity:
        'Signatur gültig — signiert von {{name}}, hier bekannt als die Signaturidentität {{matched}} dieses Datenordners.',
      known_identityAt:
        'Signatur gültig — signiert von {{name}} am {{at}}, hier bekannt als die Signaturidentität {{matched}} dieses Datenordners.',
      trusted_certificate:
        'Signatur gültig — signiert von {{name}}, hier bekannt als das vertrauenswürdige Zertifikat {{matched}}.',
      trusted_certificateAt:
        'Signatur gültig — signiert von {{name}} am {{at}}, hier bekannt als das vertrauenswürdige Zertifikat {{matched}}.',
      given_fingerprint:
        'Signatur gültig — signiert von {{name}}, hier bekannt über einen von Ihnen angegebenen Fingerabdruck.',
      given_fingerprintAt:
        'Signatur gültig — signiert von {{name}} am {{at}}, hier bekannt über einen von Ihnen angegebenen Fingerabdruck.',
    },
    nameless: 'einem Zertifikat ohne Namen',
    fingerprint: 'Fingerabdruck des Zertifikats {{fingerprint}}',
    unknownTitle: 'Unverändert, aber der Unterzeichner ist nicht bekannt',
    unknown:
      'Das Dokument ist seit der Signatur unverändert, aber signiert mit einem Zertifikat, das dieser Datenordner nicht kennt. Das Zertifikat nennt sich <b>{{name}}</b> — jeder kann ein Zertifikat mit einem beliebigen Namen erstellen.',
    unknownAt:
      'Das Dokument ist seit der Signatur unverändert, aber signiert mit einem Zertifikat, das dieser Datenordner nicht kennt. Das Zertifikat nennt sich <b>{{name}}</b>, signiert am {{at}} — jeder kann ein Zertifikat mit einem beliebigen Namen erstellen.',
    noName: '(kein Name)',
    callTheSigner:
      'Rufen Sie den Unterzeichner unter einer Nummer an, die Sie bereits kennen, und vergleichen Sie diesen SHA-256-Fingerabdruck:',
    fingerprintLabel: 'Fingerabdruck des Zertifikats (SHA-256)',
    importUnder:
      'Wenn er übereinstimmt, importieren Sie das Zertifikat unter <go>Signaturidentitäten → Vertrauenswürdige Zertifikate</go>.',
    notSigned: 'Nicht signiert',
    notValid: 'Signatur ungültig',
    noSignature: 'Die Datei trägt keine Signatur.',
  },
  editor: {
    unsaved: 'Ungespeicherte Änderungen',
    saveChanges: 'Änderungen speichern',
    cancel: 'Abbrechen',
    interview: {
      create: 'Interview anlegen',
      attachLater: 'Fotos und Dateien können angehängt werden, sobald das Interview angelegt ist.',
      deleteTitle: 'Dieses Interview löschen?',
      delete: 'Interview löschen',
      notDeleted: 'Das Interview wurde nicht gelöscht',
      deleted: 'Interview gelöscht',
    },
    observation: {
      create: 'Beobachtung anlegen',
      attachLater: 'Fotos und Dateien können angehängt werden, sobald die Beobachtung angelegt ist.',
      deleteTitle: 'Diese Beobachtung löschen?',
      delete: 'Beobachtung löschen',
      notDeleted: 'Die Beobachtung wurde nicht gelöscht',
      deleted: 'Beobachtung gelöscht',
    },
    document: {
      create: 'Dokument anlegen',
      attachLater: 'Fotos und Dateien können angehängt werden, sobald das Dokument angelegt ist.',
      deleteTitle: 'Dieses Dokument löschen?',
      delete: 'Dokument löschen',
      notDeleted: 'Das Dokument wurde nicht gelöscht',
      deleted: 'Dokument gelöscht',
    },
    finding: {
      create: 'Feststellung anlegen',
      attachLater: 'Fotos und Dateien können angehängt werden, sobald die Feststellung angelegt ist.',
      deleteTitle: 'Diese Feststellung löschen?',
      delete: 'Feststellung löschen',
      notDeleted: 'Die Feststellung wurde nicht gelöscht',
      deleted: 'Feststellung gelöscht',
    },
    draftFinding: {
      create: 'Feststellungsentwurf anlegen',
      attachLater: 'Fotos und Dateien können angehängt werden, sobald der Feststellungsentwurf angelegt ist.',
      deleteTitle: 'Diesen Feststellungsentwurf löschen?',
      delete: 'Feststellungsentwurf löschen',
      notDeleted: 'Der Feststellungsentwurf wurde nicht gelöscht',
      deleted: 'Feststellungsentwurf gelöscht',
    },
  },
};
