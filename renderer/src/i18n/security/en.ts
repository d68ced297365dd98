/** Settings → Security, the lock screen and the start-up encryption's progress (features/security). */
export const securityEn = {
  page: {
    title: 'Security',
    description:
      "Encryption of the data folder on this computer's disk, the passphrase that opens it anywhere, and locking.",
  },
  state: {
    title: 'Data folder',
    encrypted: 'Encrypted',
    notEncrypted: 'Not encrypted',
    encryptedByKeychain:
      'The database, evidence and issued reports are encrypted on disk. This session was unlocked by the OS keychain of this computer.',
    encryptedByPassphrase:
      'The database, evidence and issued reports are encrypted on disk. This session was unlocked with its passphrase.',
    plain: 'The database, evidence and issued reports are plain files: anyone holding this disk can read them.',
    noRecoveryTitle: 'No recovery passphrase yet',
    noRecovery:
      "Only this computer's keychain can open the folder. If this computer dies, neither the folder nor its backups can be opened anywhere else. Set a recovery passphrase below.",
  },
  recovery: {
    title: 'Recovery passphrase',
    isSet:
      'A passphrase is set. Changing it re-wraps the folder’s key; nothing is re-encrypted. Backups made before the change keep the passphrase they were made with.',
    notSet: 'Opens this folder and its backups on any computer, and at the lock screen.',
    change: 'Change passphrase',
    set: 'Set recovery passphrase',
    changed: 'Passphrase changed',
    setDone: 'Recovery passphrase set',
    failed: 'The passphrase was not changed',
  },
  encrypt: {
    title: 'Encrypt this folder',
    withKeychain:
      'The key is kept by this computer’s keychain; the passphrase opens the folder and its backups anywhere else.',
    withoutKeychain:
      'This computer has no OS keychain Fieldwork can use, so the folder is opened with a passphrase you choose.',
    confirmTitle: 'Encrypt the data folder now?',
    confirmText:
      'Fieldwork closes the database, writes an encrypted copy, checks it and puts it in place of the plain one. A large folder takes a while; nothing else can be done meanwhile. If the computer stops half-way, the plain folder is still whole.',
    confirm: 'Encrypt now',
    running: 'Encrypting the data folder… Keep Fieldwork open.',
    submit: 'Encrypt with this passphrase',
    done: 'The data folder is encrypted',
    failed: 'The folder was not encrypted',
  },
  start: {
    title: 'Starting',
    askEveryTime: 'Ask for the passphrase every time Fieldwork starts',
    noKeychain: 'This computer has no OS keychain Fieldwork can use, so it always asks.',
    noPassphrase: 'Set a recovery passphrase first: it is what you would type at every start.',
    passphraseOnly: 'The key is kept by the passphrase only: nobody can open the folder at this computer without it.',
    keychainOpens: 'This computer’s keychain opens the folder when you log in; the passphrase is asked only elsewhere.',
    failed: 'The setting was not changed',
    willAsk: 'Fieldwork will ask for the passphrase at every start',
    keychainAgain: 'The keychain opens the folder again',
  },
  lock: {
    title: 'Locking',
    hintPassphrase:
      'Lock after this long without typing or clicking. A locked Fieldwork closes the folder and forgets its key until the passphrase opens it again.',
    hintKeychain:
      'Lock after this long without typing or clicking. A locked Fieldwork closes the folder and forgets its key until the keychain opens it again.',
    off: 'Off',
    minutes: '{{minutes}} min',
    timeFailed: 'The lock time was not changed',
    now: 'Lock now',
    failed: 'Fieldwork was not locked',
  },
  passphrase: {
    new: 'New passphrase',
    newHint: 'At least {{min}} characters; a few unrelated words are easy to type and hard to guess.',
    again: 'Type it again',
    keepIt: 'Fieldwork cannot show it again or recover it. Write it down and keep it apart from this computer.',
    notSame: 'The two passphrases are not the same.',
    empty: 'Enter a passphrase.',
    tooShort: 'A passphrase needs at least {{min}} characters; a few unrelated words work well.',
    tooFewDistinct: 'A passphrase needs at least {{min}} different characters.',
  },
  lockScreen: {
    title: 'Fieldwork is locked',
    text: 'The data folder is encrypted and closed. Enter its passphrase to open it again; anything you were typing is still there.',
    passphrase: 'Passphrase',
    enter: 'Enter the passphrase.',
    keychain: 'Unlock with the OS keychain',
    unlock: 'Unlock',
  },
  conversion: {
    title: 'Encrypting your data folder',
    text: 'Fieldwork now encrypts what it stores on this computer. Your database is being converted once; the evidence files and issued reports follow when it opens. This takes a moment for a large folder.',
    starting: 'Starting',
    percent: '{{percent}}%',
    done: '{{percent}}% done',
    noCancel:
      'There is no cancel: the conversion cannot be stopped safely half-way. If the computer stops anyway, nothing is lost — the plain folder stays usable and the next start converts it again.',
    /** The backend's steps (electron/core/crypto/convert.ts), named in English there: shown in the UI language. */
    stage: {
      copy: 'Copying the database',
      encrypt: 'Encrypting the copy of the database',
      check: 'Checking the encrypted copy',
      key: 'Saving the key',
      replace: 'Replacing the plain database',
      done: 'Done',
    },
  },
} as const;
