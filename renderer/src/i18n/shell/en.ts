/** The app's frame: header, navigation, the search palette, start-up notices. */
export const shellEn = {
  skipToMain: 'Skip to main content',
  appName: 'Fieldwork',
  tagline: 'ISO/IEC 27001 certification audits',
  toggleNavigation: 'Toggle navigation',
  mainNavigation: 'Main',
  nav: {
    audits: 'Audits',
    clients: 'Clients',
    nonconformities: 'Nonconformities',
    templates: 'Templates',
    verify: 'Check a document',
  },
  settings: {
    heading: 'Settings',
    branding: 'Certification body',
    signing: 'Signing identities',
    reportTemplates: 'Report templates',
    backups: 'Backups',
    security: 'Security',
  },
  appearance: {
    label: 'Appearance',
    light: 'Light',
    dark: 'Dark',
    system: 'System',
  },
  language: {
    label: 'Language',
    system: 'System default',
  },
  search: {
    button: 'Search',
    dialogTitle: 'Search',
    fieldLabel: 'Search',
    placeholder: 'Search findings, notes, samples, interviews, documents, evidence…',
    thisAudit: 'this audit',
    allAudits: 'all audits',
    intro:
      'Type a word or a finding number (NC-01) to search the findings, checklist notes, sampled records, interviews, observations, documents reviewed and evidence of {{where}}. Use <key>↑</key> <key>↓</key> to choose and <key>Enter</key> to open.',
    failed: 'The search did not run',
    nothing: 'Nothing in {{where}} matches “{{query}}”.',
    searchAll: 'Search all audits',
    searching: 'Searching…',
    results: 'Search results',
    searchingIn: 'Searching {{where}}',
    count_one: '{{count, number}} result',
    count_other: '{{count, number}} results',
    loadedOf: '{{loaded, number}} of {{total, number}} results loaded, more as you scroll',
    beyond: '{{said}}: the best of the newest {{total, number}} matches; add a word to find older ones.',
    kinds: {
      checklist_item: 'Checklist',
      interview: 'Interviews',
      observation: 'Observations',
      document: 'Documents reviewed',
      evidence: 'Evidence',
      finding: 'Findings',
      sample: 'Sampled records',
    },
  },
  notices: {
    dataFolder: 'Data folder',
  },
  /** Names the theme gives Mantine's own icon-only buttons. */
  theme: {
    close: 'Close',
    eyeDropper: 'Pick a colour from the screen',
    passwordToggle: 'Toggle password visibility',
  },
  /** A refresh that failed over the data still shown. */
  refreshFailed: 'Could not refresh',
} as const;
