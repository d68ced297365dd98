import type { Catalogue } from '#shared/i18n/catalogue';
import type { shellEn } from './en';

export const shellDe: Catalogue<typeof shellEn> = {
  skipToMain: 'Zum Hauptinhalt springen',
  appName: 'Fieldwork',
  tagline: 'Zertifizierungsaudits nach ISO/IEC 27001',
  toggleNavigation: 'Navigation ein- oder ausblenden',
  mainNavigation: 'Hauptnavigation',
  nav: {
    audits: 'Audits',
    clients: 'Kunden',
    nonconformities: 'Abweichungen',
    templates: 'Vorlagen',
    verify: 'Dokument prüfen',
  },
  settings: {
    heading: 'Einstellungen',
    branding: 'Zertifizierungsstelle',
    signing: 'Signaturidentitäten',
    reportTemplates: 'Berichtsvorlagen',
    backups: 'Sicherungen',
    security: 'Sicherheit',
  },
  appearance: {
    label: 'Darstellung',
    light: 'Hell',
    dark: 'Dunkel',
    system: 'System',
  },
  language: {
    label: 'Sprache',
    system: 'Systemstandard',
  },
  search: {
    button: 'Suche',
    dialogTitle: 'Suche',
    fieldLabel: 'Suchbegriff',
    placeholder: 'Feststellungen, Notizen, Stichproben, Interviews, Dokumente, Nachweise durchsuchen…',
    thisAudit: 'diesem Audit',
    allAudits: 'allen Audits',
    intro:
      'Geben Sie ein Wort oder eine Feststellungsnummer (NC-01) ein, um Feststellungen, Checklistennotizen, Stichproben, Interviews, Beobachtungen, geprüfte Dokumente und Nachweise in {{where}} zu durchsuchen. Mit <key>↑</key> <key>↓</key> wählen Sie aus, mit <key>Enter</key> öffnen Sie.',
    failed: 'Die Suche wurde nicht ausgeführt',
    nothing: 'In {{where}} passt nichts zu „{{query}}“.',
    searchAll: 'In allen Audits suchen',
    searching: 'Suche läuft…',
    results: 'Suchergebnisse',
    searchingIn: 'Suche in {{where}}',
    count_one: '{{count, number}} Treffer',
    count_other: '{{count, number}} Treffer',
    loadedOf: '{{loaded, number}} von {{total, number}} Treffern geladen, weitere beim Scrollen',
    beyond:
      '{{said}}: die besten der neuesten {{total, number}} Treffer; fügen Sie ein Wort hinzu, um ältere zu finden.',
    kinds: {
      checklist_item: 'Checkliste',
      interview: 'Interviews',
      observation: 'Beobachtungen',
      document: 'Geprüfte Dokumente',
      evidence: 'Nachweise',
      finding: 'Feststellungen',
      sample: 'Stichproben',
    },
  },
  notices: {
    dataFolder: 'Datenordner',
  },
  theme: {
    close: 'Schließen',
    eyeDropper: 'Eine Farbe vom Bildschirm übernehmen',
    passwordToggle: 'Eingabe anzeigen oder verbergen',
  },
  refreshFailed: 'Konnte nicht aktualisiert werden',
};
