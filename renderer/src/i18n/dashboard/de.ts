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
  firstRun: {
    title: 'Fieldwork einrichten',
    left_one: 'Noch ein Schritt vor Ihrem ersten Audit. Diese Liste verschwindet, sobald alles erledigt ist.',
    left_other:
      'Noch {{count, number}} Schritte vor Ihrem ersten Audit. Diese Liste verschwindet, sobald alles erledigt ist.',
    done: 'erledigt',
    body: {
      title: 'Ihre Zertifizierungsstelle',
      description:
        'Ihr Name, ihre Anschrift und Akkreditierung, wie die Berichte sie zeigen, und wie Berichte nummeriert werden.',
      action: 'Zertifizierungsstelle einrichten',
    },
    signing: {
      title: 'Ihre Signaturidentität',
      description:
        'Das Zertifikat, mit dem Ihre ausgegebenen Berichte signiert werden, damit Kunden deren Echtheit prüfen können.',
      action: 'Signaturidentität anlegen',
    },
    client: {
      title: 'Ihr erster Kunde',
      description:
        'Die Organisation, die die Zertifizierung anstrebt, mit ihren Standorten und Kontakten; danach planen Sie ihr erstes Audit.',
      action: 'Kunden hinzufügen',
    },
    passphrase: {
      title: 'Ihre Wiederherstellungs-Passphrase',
      keychainOnly:
        'Nur der Schlüsselbund dieses Computers öffnet den verschlüsselten Ordner: Ohne Passphrase sind seine Sicherungen anderswo nicht lesbar.',
      notEncrypted:
        'Der Datenordner ist nicht verschlüsselt: Wählen Sie eine Passphrase, um ihn auf dieser Festplatte zu verschlüsseln und überall sonst öffnen zu können.',
      set: 'Wiederherstellungs-Passphrase festlegen',
      encrypt: 'Mit einer Passphrase verschlüsseln',
    },
    demo: {
      intro:
        'Sie möchten sich nur umsehen? Laden Sie stattdessen die Demo: zwei fiktive Kunden mit ihren Audits, Checklisten, Feststellungen und einem signierten Bericht sowie die Signaturidentität des Demo-Auditleiters (Passphrase „demo-passphrase“). Eine bereits eingerichtete Zertifizierungsstelle bleibt erhalten.',
      load: 'Demo laden',
      progressLabel: 'Demo wird geladen: {{percent}} % erledigt',
      progress:
        'Demo wird geladen… {{percent}} % (das dauert etwas: Die Audits werden so geschrieben, wie Sie es tun würden).',
      loaded: 'Demo geladen: {{clients}} Kunden und {{audits}} Audits.',
      failed: 'Die Demo wurde nicht geladen',
    },
  },
};
