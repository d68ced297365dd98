/** The Nonconformities list (findings of every audit) and the finding badges shared by the findings screens. */
export const findingsEn = {
  typeShort: { major: 'Major NC', minor: 'Minor NC', ofi: 'OFI', positive: 'Good practice' },
  draft: 'Draft',
  overdue: 'Overdue',
  newStage2: 'New Stage 2 needed',
  /** The finding drawer (FindingEditor); the delete button's sentences come from the shared editor form. */
  drawer: {
    summary: 'Finding summary',
    dismiss: 'Dismiss',
    saveFirst: 'Save your changes first',
    issuedAsSaved: 'The finding is issued as saved.',
    notIssued: 'The finding was not issued',
    issued: 'Finding issued',
    evidenceFiles: 'Evidence files',
    draftHint: 'A draft has no number yet. Issuing numbers it for good; an issued finding can no longer be deleted.',
    deleteDescription:
      'This draft finding and the links to its evidence will be deleted. Files attached only to it are deleted too. This cannot be undone.',
    issue: 'Issue finding',
  },
  /** The auditor's check that the corrective action worked. */
  verify: {
    label: 'Verification',
    whoVerified: 'Who verified it?',
    failed: 'The finding was not verified',
    done: 'Finding verified effective',
    method: 'Method',
    methodLabel: 'Verification method',
    notes: 'Verification notes',
    notesHint: 'What you checked and what showed the action worked',
    on: 'Verified on',
    by: 'Verified by',
    submit: 'Verify',
  },
  /** How to grade, in our own words, next to the type being chosen (the finding drawer). */
  grading: {
    whenToChoose: 'When to choose: {{title}}',
    major: {
      title: 'Major nonconformity',
      text: 'Grade as major when the finding puts in doubt whether the management system can achieve what it is meant to — for example a requirement that is not addressed at all, or several minor lapses against one requirement that together show the system is failing there. Certification waits until it is corrected and verified.',
    },
    minor: {
      title: 'Minor nonconformity',
      text: 'A requirement is not fully met, but the lapse is isolated and does not put the management system’s ability to achieve its intended results in doubt. The client answers with a correction and a corrective action plan.',
    },
    ofi: {
      title: 'Opportunity for improvement',
      text: 'Nothing is out of line with a requirement, but you see a way the client could do better or a risk of a future lapse. No response is required; it is noted and closed.',
    },
    positive: {
      title: 'Good practice',
      text: 'Something the client does notably well, worth recording in the report. It needs no response.',
    },
  },
  /** On a checklist item: its findings and "Raise finding". */
  item: {
    label: 'Findings for this item',
    title: 'Findings',
    raise: 'Raise finding',
    raiseFailed: 'The finding was not started',
    raiseBlocked: 'Findings are raised once fieldwork has started: use “Start fieldwork” on the audit first.',
    none: 'None raised yet.',
  },
  register: {
    title: 'Nonconformities',
    description: 'Findings of every audit: follow responses, verifications and what is overdue',
    filters: 'Filter findings',
    status: 'Status',
    anyStatus: 'Any status',
    type: 'Type',
    anyType: 'Any type',
    requirement: 'Requirement',
    requirementPlaceholder: 'e.g. 8.5 or A.5.15',
    overdueOnly: 'Overdue only',
    noMatch: 'No finding matches these filters',
    noMatchHint: 'Clear a filter to see more.',
    empty: 'No findings yet',
    emptyHint:
      'Findings raised in any audit appear here. Open an audit’s Findings tab, or raise one from a checklist item marked as a nonconformity.',
    clearFilters: 'Clear filters',
    openAudits: 'Open the audits',
    tableLabel: 'Nonconformities and other findings',
    number: 'Number',
    client: 'Client',
    audit: 'Audit',
    requirements: 'Requirements',
    statement: 'Statement',
    responseDue: 'Response due',
    count_one: '{{count, number}} finding',
    count_other: '{{count, number}} findings',
  },
} as const;
