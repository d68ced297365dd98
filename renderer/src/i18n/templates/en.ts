/** Templates (features/templates): the checklist templates audits start from, and importing one. */
export const templatesEn = {
  title: 'Checklist templates',
  description:
    'A new audit copies its checklist from one of these. Later changes to a template never alter audits already planned.',
  importHint:
    'Your certification body can import its own template: a JSON file with an id, version, title, language, stage, groups and items (each with a number, title, audit questions and evidence hints).',
  empty: 'No templates',
  emptyHint: 'The built-in templates are missing from this installation. Import a template file to plan audits.',
  tableLabel: 'Templates',
  columns: {
    title: 'Title',
    id: 'Id',
    version: 'Version',
    for: 'For',
    language: 'Language',
    source: 'Source',
    items: 'Items',
  },
  stage: { stage1: 'Stage 1', stage2: 'Stage 2 and later' },
  builtin: 'Built-in',
  imported: 'Imported',
  import: {
    button: 'Import template',
    fileLabel: 'Template file',
    tooLarge: 'The file is {{size}}; a template is at most 2 MB.',
    notJson: 'The file is not valid JSON: {{reason}}.',
    unreadable: 'unreadable',
    done: 'Template “{{title}}” version {{version}} imported',
    failed: '“{{file}}” was not imported',
    formatProblems:
      'The file does not follow Fieldwork’s template format. Correct these places in it and import it again:',
    problemsLabel: 'Problems in the file',
    theFile: '(the file)',
    dismiss: 'Dismiss',
  },
} as const;
