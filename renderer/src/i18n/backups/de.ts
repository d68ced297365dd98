import type { Catalogue } from '#shared/i18n/catalogue';
import type { backupsEn } from './en';

export const backupsDe: Catalogue<typeof backupsEn> = {
  reason: {
    manual: 'Von Ihnen erstellt',
    daily: 'Täglich',
    migration: 'Vor einem Update',
    import: 'Vor einem Paketimport',
  },
  size: { gb: '{{size}} GB', mb: '{{size}} MB', kb: '{{size}} KB' },
  holds: {
    clients_one: '{{count}} Kunde',
    clients_other: '{{count}} Kunden',
    audits_one: '{{count}} Audit',
    audits_other: '{{count}} Audits',
    findings_one: '{{count}} Feststellung',
    findings_other: '{{count}} Feststellungen',
    evidence_one: '{{count}} Nachweisdatei',
    evidence_other: '{{count}} Nachweisdateien',
    evidenceSized_one: '{{count}} Nachweisdatei ({{size}})',
    evidenceSized_other: '{{count}} Nachweisdateien ({{size}})',
    reports_one: '{{count}} ausgegebener Bericht',
    reports_other: '{{count}} ausgegebene Berichte',
    all: '{{clients}}, {{audits}}, {{findings}}, {{evidence}}, {{reports}}',
  },
  page: {
    title: 'Sicherungen',
    description:
      'Sicherungen dieses Datenordners — die Datenbank, jede Nachweisdatei und jeder ausgegebene Bericht —, abgelegt in <folder/>. Eine Wiederherstellung erfolgt immer in einen neuen Ordner; dieser hier wird nie überschrieben.',
    backUpNow: 'Jetzt sichern',
    notMade: 'Die Sicherung wurde nicht erstellt',
    made: 'Sicherung erstellt',
    empty: 'Noch keine Sicherungen',
    emptyHint:
      '„Jetzt sichern“ erstellt die erste. Fieldwork erstellt außerdem eine beim ersten Start jedes Tages, bevor ein Update die Datenbank ändert und bevor es ein Teampaket importiert.',
    unreadable: 'Einige Sicherungsdateien sind nicht verwendbar',
    damaged: 'Die Datenbank dieses Datenordners ist beschädigt',
  },
  table: {
    label: 'Sicherungen',
    made: 'Erstellt',
    why: 'Anlass',
    holds: 'Inhalt',
    size: 'Größe',
    actions: 'Aktionen',
    version: 'Fieldwork {{version}}',
    missingFiles_one: '{{count}} Datei fehlte bereits im Datenordner, als sie erstellt wurde.',
    missingFiles_other: '{{count}} Dateien fehlten bereits im Datenordner, als sie erstellt wurde.',
    restore: 'Wiederherstellen…',
    restoreOf: 'Die Sicherung vom {{date}} wiederherstellen',
  },
  job: {
    backingUp: 'Sicherung: {{stage}}',
    restoring: 'Wiederherstellung: {{stage}}',
    backupProgress: 'Fortschritt der Sicherung',
    restoreProgress: 'Fortschritt der Wiederherstellung',
    backupFailed: 'Die Sicherung ist fehlgeschlagen',
    restoreFailed: 'Die Wiederherstellung ist fehlgeschlagen',
    cancelled: 'Abgebrochen',
    noBackupKept: 'Es wurde keine Sicherung behalten.',
    nothingRestored: 'Nichts wurde wiederhergestellt.',
    restored: 'Wiederhergestellt',
    restoredText:
      'Die Sicherung wurde geprüft und in <folder/> wiederhergestellt. Um darin zu arbeiten: In der Desktop-App schließen Sie Fieldwork, legen seinen Datenordner beiseite und setzen diesen Ordner an seine Stelle; in der Browser-Vorschau führen Sie <command/> aus.',
    stage: {
      waiting: 'Wartet',
      database: 'Datenbank',
      files: 'Dateien',
      done: 'Fertig',
      unpacking: 'Prüfen und entpacken',
    },
  },
  restore: {
    title: 'In einen neuen Ordner wiederherstellen',
    text: 'Die Sicherung vom <made/> ({{holds}}) wird in einen neuen Ordner entpackt, und jede Datei wird mit der Liste der Sicherung abgeglichen, bevor sie als wiederhergestellt gilt. Der Datenordner, in dem Sie arbeiten, wird nicht verändert. Eine beschädigte Sicherung wird abgelehnt und hinterlässt nichts.',
    folder: 'Neuer Ordner',
    folderHint:
      'Sein vollständiger Pfad. Er darf noch nicht existieren (oder muss leer sein); der übergeordnete Ordner muss existieren.',
    folderPlaceholder: '/home/ich/Fieldwork wiederhergestellt',
    passphrase: 'Passphrase der Sicherung',
    passphraseHint:
      'Diese Sicherung stammt aus einem verschlüsselten Datenordner mit einem anderen Schlüssel: Ihre Passphrase wird geprüft, bevor etwas kopiert wird.',
    submit: 'In diesen Ordner wiederherstellen',
    failed: 'Die Sicherung wurde nicht wiederhergestellt',
  },
  keep: {
    label: 'Aufzubewahrende Sicherungen',
    hint: 'Nach jeder neuen Sicherung werden die ältesten über dieser Anzahl gelöscht.',
    failed: 'Die Einstellung wurde nicht gespeichert',
    saved_one: 'Fieldwork behält die neueste {{count}} Sicherung',
    saved_other: 'Fieldwork behält die neuesten {{count}} Sicherungen',
  },
  damaged: {
    noBackup: 'Es gibt keine Sicherung zum Wiederherstellen',
    noBackupHint:
      'Bewahren Sie eine Kopie des Datenordners so auf, wie er ist, und holen Sie Hilfe, bevor Sie darin etwas ändern.',
    title: 'Die Datenbank von Fieldwork ist beschädigt',
    textLatest:
      'Fieldwork hat seine Datenbank beim Start geprüft und beschädigt vorgefunden; daher hat es nichts geöffnet und nichts geändert. Stellen Sie die neueste Sicherung vom <made/> in einen neuen Ordner wieder her und starten Sie Fieldwork dann mit diesem Ordner. Der beschädigte Ordner bleibt, wie er ist.',
    textNone:
      'Fieldwork hat seine Datenbank beim Start geprüft und beschädigt vorgefunden; daher hat es nichts geöffnet und nichts geändert. Es wurde keine Sicherung dieses Ordners gefunden. Der beschädigte Ordner bleibt, wie er ist.',
    folders: 'Der beschädigte Datenordner ist <folder/>; seine Sicherungen liegen in <backups/>.',
    copied: 'Kopiert',
    copyPath: 'Pfad des Datenordners kopieren',
    showFolder: 'Im Ordner zeigen',
    quit: 'Fieldwork beenden',
    restoreLatest: 'Neueste Sicherung wiederherstellen…',
    backups: 'Sicherungen',
    checkSaid: 'Ergebnis der Prüfung: {{problem}}',
  },
};
