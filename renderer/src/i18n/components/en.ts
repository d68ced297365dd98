/**
 * Widgets several features show (renderer/src/components): the drafted text's save state, the requirement and
 * sampling pickers, hashes, signer fields, a package signature's verdict and the record editors' buttons. The
 * editors' sentences are whole per kind of record (German and French inflect the noun and its article).
 */
export const componentsEn = {
  draft: {
    idle: 'Saved as you type',
    saving: 'Saving…',
    saved: 'All changes saved',
    failed: 'Not saved yet — kept on this computer',
  },
  gaps: {
    title: '{{title}} ({{count, number}})',
  },
  requirements: {
    label: 'Requirements covered',
    removed: 'Removed item',
    other: 'Other',
    noChecklist: 'This audit has no checklist to link to',
    hint: 'Type a number or words to find items',
    placeholder: 'e.g. 7.2, clause 7.2, A.7.2 or access control',
    nothingFound: 'No checklist item matches',
  },
  sampling: {
    chooseClientFirst: 'Choose the client first: what to sample depends on its earlier audits.',
    loading: 'Loading the requirements and controls…',
    label: 'Sampled in this audit',
    description:
      '{{chosen, number}} of {{total, number}} selected. Clauses 9.2, 9.3 and 10.2 are sampled in every surveillance audit; “Not covered yet” marks what earlier audits of this certification cycle did not audit.',
    selectSuggested: 'Select suggested ({{count, number}})',
    onlyRequired: 'Only the required ones',
    selectAll: 'Select all',
    always: 'Always sampled',
    notCovered: 'Not covered yet in this cycle',
  },
  hash: {
    copied: 'Copied',
    copyFull: 'Copy the full {{label}}',
    copyShort: 'Copy {{label}} {{short}}',
  },
  signer: {
    identity: 'Signing identity',
    option: '{{name}} ({{details}})',
    optionExpired: '{{name}} ({{details}}) · expired',
    passphrase: 'Passphrase',
    keychain: 'This key is unlocked by the OS keychain; no passphrase needed.',
  },
  verify: {
    known: {
      known_identity:
        'Signature valid — signed by {{name}}, known here as the signing identity {{matched}} of this data folder.',
      known_identityAt:
        'Signature valid — signed by {{name}} at {{at}}, known here as the signing identity {{matched}} of this data folder.',
      trusted_certificate: 'Signature valid — signed by {{name}}, known here as the trusted certificate {{matched}}.',
      trusted_certificateAt:
        'Signature valid — signed by {{name}} at {{at}}, known here as the trusted certificate {{matched}}.',
      given_fingerprint: 'Signature valid — signed by {{name}}, known here as a fingerprint you gave.',
      given_fingerprintAt: 'Signature valid — signed by {{name}} at {{at}}, known here as a fingerprint you gave.',
    },
    nameless: 'a certificate without a name',
    fingerprint: 'Certificate fingerprint {{fingerprint}}',
    unknownTitle: 'Unchanged, but the signer is not known',
    unknown:
      'The document is unchanged since it was signed, but by a certificate this data folder does not know. The certificate calls itself <b>{{name}}</b> — anyone can make a certificate with any name in it.',
    unknownAt:
      'The document is unchanged since it was signed, but by a certificate this data folder does not know. The certificate calls itself <b>{{name}}</b>, signed at {{at}} — anyone can make a certificate with any name in it.',
    noName: '(no name)',
    callTheSigner: 'Call the signer on a number you already know and compare this SHA-256 fingerprint:',
    fingerprintLabel: 'Certificate fingerprint (SHA-256)',
    importUnder: 'If it matches, import their certificate under <go>Signing identities → Trusted certificates</go>.',
    notSigned: 'Not signed',
    notValid: 'Signature not valid',
    noSignature: 'The file carries no signature.',
  },
  editor: {
    unsaved: 'Unsaved changes',
    saveChanges: 'Save changes',
    cancel: 'Cancel',
    interview: {
      create: 'Create interview',
      attachLater: 'Photos and files can be attached once the interview is created.',
      deleteTitle: 'Delete this interview?',
      delete: 'Delete interview',
      notDeleted: 'The interview was not deleted',
      deleted: 'Interview deleted',
    },
    observation: {
      create: 'Create observation',
      attachLater: 'Photos and files can be attached once the observation is created.',
      deleteTitle: 'Delete this observation?',
      delete: 'Delete observation',
      notDeleted: 'The observation was not deleted',
      deleted: 'Observation deleted',
    },
    document: {
      create: 'Create document',
      attachLater: 'Photos and files can be attached once the document is created.',
      deleteTitle: 'Delete this document?',
      delete: 'Delete document',
      notDeleted: 'The document was not deleted',
      deleted: 'Document deleted',
    },
    finding: {
      create: 'Create finding',
      attachLater: 'Photos and files can be attached once the finding is created.',
      deleteTitle: 'Delete this finding?',
      delete: 'Delete finding',
      notDeleted: 'The finding was not deleted',
      deleted: 'Finding deleted',
    },
    draftFinding: {
      create: 'Create draft finding',
      attachLater: 'Photos and files can be attached once the draft finding is created.',
      deleteTitle: 'Delete this draft finding?',
      delete: 'Delete draft finding',
      notDeleted: 'The draft finding was not deleted',
      deleted: 'Draft finding deleted',
    },
  },
} as const;
