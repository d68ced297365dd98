import type { Catalogue } from '#shared/i18n/catalogue';
import type { templatesEn } from './en';

export const templatesDe: Catalogue<typeof templatesEn> = {
  title: 'Checklistenvorlagen',
  description:
    'Ein neues Audit übernimmt seine Checkliste aus einer dieser Vorlagen. Spätere Änderungen an einer Vorlage ändern bereits geplante Audits nie.',
  importHint:
    'Ihre Zertifizierungsstelle kann eine eigene Vorlage importieren: eine JSON-Datei mit ID, Version, Titel, Sprache, Stufe, Gruppen und Prüfpunkten (jeweils mit Nummer, Titel, Auditfragen und Hinweisen zu Nachweisen).',
  empty: 'Keine Vorlagen',
  emptyHint:
    'Die eingebauten Vorlagen fehlen in dieser Installation. Importieren Sie eine Vorlagendatei, um Audits zu planen.',
  tableLabel: 'Vorlagen',
  columns: {
    title: 'Titel',
    id: 'ID',
    version: 'Version',
    for: 'Für',
    language: 'Sprache',
    source: 'Herkunft',
    items: 'Prüfpunkte',
  },
  stage: { stage1: 'Stufe 1', stage2: 'Stufe 2 und später' },
  builtin: 'Eingebaut',
  imported: 'Importiert',
  import: {
    button: 'Vorlage importieren',
    fileLabel: 'Vorlagendatei',
    tooLarge: 'Die Datei ist {{size}} groß; eine Vorlage hat höchstens 2 MB.',
    notJson: 'Die Datei ist kein gültiges JSON: {{reason}}.',
    unreadable: 'nicht lesbar',
    done: 'Vorlage „{{title}}“ Version {{version}} importiert',
    failed: '„{{file}}“ wurde nicht importiert',
    formatProblems:
      'Die Datei entspricht nicht dem Vorlagenformat von Fieldwork. Korrigieren Sie diese Stellen darin und importieren Sie sie erneut:',
    problemsLabel: 'Probleme in der Datei',
    theFile: '(die Datei)',
    dismiss: 'Schließen',
  },
};
