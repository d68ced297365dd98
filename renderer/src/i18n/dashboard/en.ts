/** An audit's Dashboard tab: counts by result, progress by clause and theme, work left per auditor. */
export const dashboardEn = {
  nothing: 'Nothing to show yet',
  nothingHint: 'This audit has no checklist items, so there are no results to count.',
  byGroup: 'Results by clause and theme',
  items: 'Items',
  chartLabel: 'Results by clause and theme, stacked by result',
  perAuditor: 'Not yet audited, per auditor',
  counts: 'Counts by result',
  needFinding: 'Need a finding',
  count: '{{label}}: {{value, number}}',
  progress: 'Progress by clause and theme',
  group: 'Group',
  audited: 'Audited',
  nonconformities: 'Nonconformities',
  ofis: 'OFIs',
  allDone: 'Every item has a result',
  perAuditorLabel: 'Not yet audited per auditor',
  auditor: 'Auditor',
  itemsLeft: 'Items not yet audited',
  unassigned: 'Unassigned',
  caption: '<open>Open the checklist</open> and filter by auditor to work through them.',
  clause: 'Cl. {{id}}',
  /** First-run setup: what a new data folder needs before the first audit, or the demo instead. */
  firstRun: {
    title: 'Set up Fieldwork',
    left_one: 'One step before your first audit. This list goes away once they are done.',
    left_other: '{{count, number}} steps before your first audit. This list goes away once they are done.',
    done: 'done',
    body: {
      title: 'Your certification body',
      description: 'Its name, address and accreditation as the reports show them, and how reports are numbered.',
      action: 'Set up the certification body',
    },
    signing: {
      title: 'Your signing identity',
      description: 'The certificate your issued reports are signed with, so clients can check they are genuine.',
      action: 'Create a signing identity',
    },
    client: {
      title: 'Your first client',
      description: 'The organisation seeking certification, its sites and contacts; then plan its first audit.',
      action: 'Add a client',
    },
    passphrase: {
      title: 'Your recovery passphrase',
      keychainOnly:
        'Only this computer’s keychain opens the encrypted folder: without a passphrase its backups are unreadable elsewhere.',
      notEncrypted:
        'The data folder is not encrypted: choose a passphrase to encrypt it on this disk and open it anywhere else.',
      set: 'Set a recovery passphrase',
      encrypt: 'Encrypt with a passphrase',
    },
    demo: {
      intro:
        'Just looking around? Load the demo instead: two fictional clients with their audits, checklists, findings and a signed report, and the demo lead auditor’s signing identity (passphrase “demo-passphrase”). A certification body you have already set up is kept.',
      load: 'Load the demo',
      progressLabel: 'Loading the demo: {{percent}}% done',
      progress: 'Loading the demo… {{percent}}% (this takes a little while: it writes the audits the way you would).',
      loaded: 'Demo loaded: {{clients}} clients and {{audits}} audits.',
      failed: 'The demo was not loaded',
    },
  },
} as const;
