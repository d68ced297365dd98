import type { Catalogue } from '#shared/i18n/catalogue';
import type { securityEn } from './en';

export const securityDe: Catalogue<typeof securityEn> = {
  page: {
    title: 'Sicherheit',
    description:
      'Verschlüsselung des Datenordners auf der Festplatte dieses Computers, die Passphrase, die ihn überall öffnet, und das Sperren.',
  },
  state: {
    title: 'Datenordner',
    encrypted: 'Verschlüsselt',
    notEncrypted: 'Nicht verschlüsselt',
    encryptedByKeychain:
      'Datenbank, Nachweise und ausgegebene Berichte sind auf der Festplatte verschlüsselt. Diese Sitzung wurde über den Schlüsselbund des Betriebssystems dieses Computers entsperrt.',
    encryptedByPassphrase:
      'Datenbank, Nachweise und ausgegebene Berichte sind auf der Festplatte verschlüsselt. Diese Sitzung wurde mit der Passphrase entsperrt.',
    plain:
      'Datenbank, Nachweise und ausgegebene Berichte liegen als unverschlüsselte Dateien vor: Wer diese Festplatte hat, kann sie lesen.',
    noRecoveryTitle: 'Noch keine Wiederherstellungs-Passphrase',
    noRecovery:
      'Nur der Schlüsselbund dieses Computers kann den Ordner öffnen. Fällt dieser Computer aus, lassen sich weder der Ordner noch seine Sicherungen anderswo öffnen. Legen Sie unten eine Wiederherstellungs-Passphrase fest.',
  },
  recovery: {
    title: 'Wiederherstellungs-Passphrase',
    isSet:
      'Eine Passphrase ist festgelegt. Eine Änderung verpackt den Schlüssel des Ordners neu; nichts wird neu verschlüsselt. Sicherungen von vor der Änderung behalten ihre damalige Passphrase.',
    notSet: 'Öffnet diesen Ordner und seine Sicherungen auf jedem Computer sowie im Sperrbildschirm.',
    change: 'Passphrase ändern',
    set: 'Wiederherstellungs-Passphrase festlegen',
    changed: 'Passphrase geändert',
    setDone: 'Wiederherstellungs-Passphrase festgelegt',
    failed: 'Die Passphrase wurde nicht geändert',
  },
  encrypt: {
    title: 'Diesen Ordner verschlüsseln',
    withKeychain:
      'Der Schlüssel wird im Schlüsselbund dieses Computers verwahrt; die Passphrase öffnet den Ordner und seine Sicherungen überall sonst.',
    withoutKeychain:
      'Dieser Computer hat keinen Schlüsselbund, den Fieldwork nutzen kann; der Ordner wird daher mit einer Passphrase Ihrer Wahl geöffnet.',
    confirmTitle: 'Den Datenordner jetzt verschlüsseln?',
    confirmText:
      'Fieldwork schließt die Datenbank, schreibt eine verschlüsselte Kopie, prüft sie und setzt sie an die Stelle der unverschlüsselten. Ein großer Ordner braucht eine Weile; währenddessen ist nichts anderes möglich. Bricht der Computer mittendrin ab, bleibt der unverschlüsselte Ordner vollständig.',
    confirm: 'Jetzt verschlüsseln',
    running: 'Der Datenordner wird verschlüsselt… Lassen Sie Fieldwork geöffnet.',
    submit: 'Mit dieser Passphrase verschlüsseln',
    done: 'Der Datenordner ist verschlüsselt',
    failed: 'Der Ordner wurde nicht verschlüsselt',
  },
  start: {
    title: 'Start',
    askEveryTime: 'Bei jedem Start von Fieldwork nach der Passphrase fragen',
    noKeychain: 'Dieser Computer hat keinen Schlüsselbund, den Fieldwork nutzen kann; daher wird immer gefragt.',
    noPassphrase:
      'Legen Sie zuerst eine Wiederherstellungs-Passphrase fest: Sie ist das, was Sie bei jedem Start eingeben würden.',
    passphraseOnly:
      'Der Schlüssel wird nur durch die Passphrase verwahrt: Ohne sie kann niemand den Ordner an diesem Computer öffnen.',
    keychainOpens:
      'Der Schlüsselbund dieses Computers öffnet den Ordner bei Ihrer Anmeldung; nach der Passphrase wird nur anderswo gefragt.',
    failed: 'Die Einstellung wurde nicht geändert',
    willAsk: 'Fieldwork fragt bei jedem Start nach der Passphrase',
    keychainAgain: 'Der Schlüsselbund öffnet den Ordner wieder',
  },
  lock: {
    title: 'Sperren',
    hintPassphrase:
      'Nach dieser Zeit ohne Tippen oder Klicken sperren. Ein gesperrtes Fieldwork schließt den Ordner und vergisst seinen Schlüssel, bis die Passphrase ihn wieder öffnet.',
    hintKeychain:
      'Nach dieser Zeit ohne Tippen oder Klicken sperren. Ein gesperrtes Fieldwork schließt den Ordner und vergisst seinen Schlüssel, bis der Schlüsselbund ihn wieder öffnet.',
    off: 'Aus',
    minutes: '{{minutes}} Min.',
    timeFailed: 'Die Sperrzeit wurde nicht geändert',
    now: 'Jetzt sperren',
    failed: 'Fieldwork wurde nicht gesperrt',
  },
  passphrase: {
    new: 'Neue Passphrase',
    newHint: 'Mindestens {{min}} Zeichen; einige Wörter ohne Zusammenhang sind leicht zu tippen und schwer zu erraten.',
    again: 'Erneut eingeben',
    keepIt:
      'Fieldwork kann sie weder erneut anzeigen noch wiederherstellen. Schreiben Sie sie auf und bewahren Sie sie getrennt von diesem Computer auf.',
    notSame: 'Die beiden Passphrasen stimmen nicht überein.',
    empty: 'Geben Sie eine Passphrase ein.',
    tooShort: 'Eine Passphrase braucht mindestens {{min}} Zeichen; einige Wörter ohne Zusammenhang eignen sich gut.',
    tooFewDistinct: 'Eine Passphrase braucht mindestens {{min}} verschiedene Zeichen.',
  },
  lockScreen: {
    title: 'Fieldwork ist gesperrt',
    text: 'Der Datenordner ist verschlüsselt und geschlossen. Geben Sie seine Passphrase ein, um ihn wieder zu öffnen; was Sie gerade eingegeben hatten, ist noch da.',
    passphrase: 'Passphrase',
    enter: 'Geben Sie die Passphrase ein.',
    keychain: 'Mit dem Schlüsselbund des Betriebssystems entsperren',
    unlock: 'Entsperren',
  },
  conversion: {
    title: 'Ihr Datenordner wird verschlüsselt',
    text: 'Fieldwork verschlüsselt jetzt, was es auf diesem Computer speichert. Ihre Datenbank wird einmalig umgewandelt; die Nachweisdateien und ausgegebenen Berichte folgen, sobald sie geöffnet ist. Bei einem großen Ordner dauert das einen Moment.',
    starting: 'Start',
    percent: '{{percent}} %',
    done: '{{percent}} % erledigt',
    noCancel:
      'Ein Abbrechen gibt es nicht: Die Umwandlung lässt sich mittendrin nicht sicher anhalten. Stoppt der Computer dennoch, geht nichts verloren — der unverschlüsselte Ordner bleibt nutzbar, und der nächste Start wandelt ihn erneut um.',
    stage: {
      copy: 'Die Datenbank wird kopiert',
      encrypt: 'Die Kopie der Datenbank wird verschlüsselt',
      check: 'Die verschlüsselte Kopie wird geprüft',
      key: 'Der Schlüssel wird gespeichert',
      replace: 'Die unverschlüsselte Datenbank wird ersetzt',
      done: 'Fertig',
    },
  },
};
