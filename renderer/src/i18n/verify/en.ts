/** Check a document: is a Word file handed back exactly as signed, and issued from this data folder? */
export const verifyEn = {
  title: 'Check a document',
  description:
    'Is a report or nonconformity list exactly as the lead auditor signed it? Choose the Word file to find out.',
  intro:
    'The file is checked on this computer and not kept. Any change after signing — one character, a picture, a part added or removed — shows as an invalid signature. An intact signature counts as someone known only if its certificate is one of your signing identities or trusted certificates. Up to {{size}}.',
  choose: 'Choose a DOCX file…',
  inProgress: 'Check in progress',
  checking: 'Checking {{name}}…',
  reading: 'Reading {{name}}',
  idle: 'No document checked yet. Choose a .docx file above; the result appears here.',
  failed: '{{name}} could not be checked',
  result: 'Check result',
  nameSize: '{{name}} · {{size}}',
  issuedTitle: 'Issued from this data folder',
  issued: '{{kind}} version {{version}}, report {{number}}, for {{client}} ({{type}}), issued {{date}}.',
  current: 'It is the current version.',
  newer: 'A newer version has been issued since.',
  openReport: 'Open the audit’s report',
  notIssued:
    'This file is not a version issued from this data folder (its SHA-256 matches none). The signature above still says whether it is intact and whether its signer is known here.',
  sha256: 'SHA-256',
} as const;
