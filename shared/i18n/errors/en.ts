/**
 * Every DomainError text in English (the source catalogue), one group per
 * backend folder. The English text of each key is exactly the message the
 * error carried before it had a key, so logs, the CLI and tests that read
 * `message` see what they always saw (tests/unit/i18n/errors.test.ts).
 */
export const errorsEn = {
  unknown: 'Something went wrong: {{message}}',
  audits: {
    notFound: 'This audit does not exist (it may have been deleted).',
    closedReadOnly: 'A closed audit is part of the certification record and cannot be edited.',
    otherClient: 'An audit cannot be moved to another client.',
    deletePlannedOnly: 'Only a planned audit can be deleted; once fieldwork has started its records are kept.',
    sameReportLanguages: 'The second report language must differ from the first.',
    clientMissing: 'The chosen client does not exist (it may have been deleted).',
    siteNotClients: 'A site in scope does not belong to this client.',
  },
  exports: {
    tooLarge: 'The document is too large to save (over 4 GB).',
    cancelled: 'The export was cancelled.',
    planDocxOnly: 'The audit plan is written as DOCX only.',
    twoRunning: 'Two exports are already running: wait for one to finish, or cancel it.',
    jobNotFound: 'That export does not exist (the app may have been restarted).',
    stillRunning: 'The export is still running.',
    noFile: 'The export produced no file.',
    noLead: 'The audit has no lead auditor; add one to the team before issuing.',
    notTheLead:
      'Only the audit\'s lead auditor, {{lead}}, can issue its documents; "{{identity}}" is another person\'s identity.',
    notYetValid: 'The certificate of "{{identity}}" is not valid yet (from {{from}}).',
    expired:
      'The certificate of "{{identity}}" expired on {{on}}. Readers will see the signature was made with an expired certificate. Confirm to sign anyway, or create a new identity.',
  },
} as const;
