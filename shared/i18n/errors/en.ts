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
  clients: {
    notFound: 'This client does not exist (it may have been deleted).',
    hasAudits_one:
      "{{client}} has {{count}} audit; an audited client's record is kept. Delete its planned audits first.",
    hasAudits_other:
      "{{client}} has {{count}} audits; an audited client's record is kept. Delete its planned audits first.",
    siteInScope: 'Site "{{site}}" is in the scope of an audit. Remove it from the audit\'s scope before deleting it.',
  },
  checklist: {
    itemNotFound: 'This checklist item does not exist (its audit may have been deleted).',
    assigneeNotOnTeam: "The assigned auditor is not on this audit's team.",
  },
  evidence: {
    notFound: 'This attachment does not exist (it may have been deleted).',
    notLinked: 'The attachment is not linked there.',
    evidenceOfIssued:
      'This attachment is evidence of issued finding {{numbers}}; it cannot be deleted. Remove it from the finding instead: that change is kept in the finding’s history.',
    targetMissing: {
      checklist_item: 'The checklist item to link the attachment to does not exist (it may have been deleted).',
      finding: 'The finding to link the attachment to does not exist (it may have been deleted).',
      interview: 'The interview to link the attachment to does not exist (it may have been deleted).',
      observation: 'The observation to link the attachment to does not exist (it may have been deleted).',
      audit: 'The audit to link the attachment to does not exist (it may have been deleted).',
    },
    targetOtherAudit: {
      checklist_item: 'The checklist item belongs to another audit; attachments stay within their audit.',
      finding: 'The finding belongs to another audit; attachments stay within their audit.',
      interview: 'The interview belongs to another audit; attachments stay within their audit.',
      observation: 'The observation belongs to another audit; attachments stay within their audit.',
      audit: 'The audit belongs to another audit; attachments stay within their audit.',
    },
  },
  findings: {
    notFound: 'This finding does not exist (it may have been deleted as a draft).',
    notInProgress:
      'Findings are raised once the audit is in progress; start the audit first (set its status to In progress).',
    auditClosed: 'This audit is closed: its findings are part of the certification record.',
    closedAuditFinding:
      'This finding belongs to a closed audit and can no longer be edited; its lifecycle (response, verification, closing) continues.',
    notRequirement_one: 'The chosen requirement is not a requirement of this audit (pick from its checklist).',
    notRequirement_other:
      '{{count}} of the chosen requirements are not a requirement of this audit (pick from its checklist).',
    linkedMissing: {
      interview: 'The linked interview does not exist (it may have been deleted).',
      observation: 'The linked observation does not exist (it may have been deleted).',
      document: 'The linked document reviewed does not exist (it may have been deleted).',
    },
    linkedOtherAudit: {
      interview: 'The linked interview belongs to another audit; a finding cites evidence from its own audit.',
      observation: 'The linked observation belongs to another audit; a finding cites evidence from its own audit.',
      document: 'The linked document reviewed belongs to another audit; a finding cites evidence from its own audit.',
    },
    citedByIssued: {
      interview: 'This interview is objective evidence of issued finding {{numbers}} and cannot be deleted.',
      observation: 'This observation is objective evidence of issued finding {{numbers}} and cannot be deleted.',
      document: 'This document reviewed is objective evidence of issued finding {{numbers}} and cannot be deleted.',
    },
    auditHasIssued_one:
      'This audit has an issued finding; it is part of the certification record and cannot be deleted.',
    auditHasIssued_other:
      'This audit has {{count}} issued findings; it is part of the certification record and cannot be deleted.',
    verifiedHere:
      'Findings of earlier audits were verified in this audit; it is part of the certification record and cannot be deleted.',
    closingBeforeStart: 'The closing meeting cannot be before the audit starts ({{start}}).',
    noSuchRecord: 'There is no such record, and nothing was ever recorded about it.',
  },
  records: {
    notFound: {
      interview: 'This interview does not exist (it or its audit may have been deleted).',
      observation: 'This observation does not exist (it or its audit may have been deleted).',
      document: 'This document does not exist (it or its audit may have been deleted).',
    },
    noSuchEntry: 'No such entry to update in this record ({{id}})',
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
