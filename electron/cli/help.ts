// Exit codes and help texts, apart from the commands so `fieldwork --help` loads no command's code.

/** Exit codes of `fieldwork call`, also listed in its help. */
export const CALL_EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const CALL_HELP = `
Prints the operation's answer as one line of JSON: {"ok":true,"value":…} or
{"ok":false,"error":{"code":…,"message":…}}. The input is checked exactly as
the app checks it. JSON may be given as an argument, or as - to read stdin.

Exit codes:
  0  the operation succeeded
  1  the operation answered an error (printed as JSON on stdout)
  2  usage error: the input is not JSON, or there is no data folder`;

export const CONFLICTS_HELP = `
Lists the audit's open conflicts: a field two team members changed to
different values, or a record deleted on one laptop and edited on another.
Every candidate is kept; the one marked "shown" (the latest) shows until the
lead decides in the app's Team tab (or with fieldwork call conflicts.resolve).
--json prints the array of conflicts (table, rowId, field, kind, label, and
candidates with value, deleted, clock, at, device and author), values whole.
Exit 0, also when there are none; 1 when the audit is not found; 2 usage error.`;

/** Exit codes of `fieldwork package`, also listed in its help. */
export const PACKAGE_EXIT = { ok: 0, refused: 1, usage: 2, unknownSigner: 4 } as const;

export const PACKAGE_EXPORT_HELP = `
Packages are always signed. The signing identity is the data folder's only
one, or the one named (id or name) with --identity or --sign; its passphrase is
the first line of --passphrase-file, or of the file named by
$FIELDWORK_PASSPHRASE_FILE. The lead's package sends the audit out (to one
member with --for, or to everyone); a team member's package returns what
changed since their last exchange with the lead. The file is written whole or
not at all, and an existing file is kept unless --force.

Exit codes:
  0  the package was written
  1  refused (the message says why); nothing was written
  2  usage error, or no data folder`;

export const PACKAGE_IMPORT_HELP = `
The package's signature and every file's SHA-256 are checked before anything
is written, and the import is one transaction: a refused or cancelled import
changes nothing. A package signed by a certificate not known here (not one of
this folder's signing identities or trusted certificates) is refused with its
SHA-256 fingerprint: compare it with the sender (by phone), then confirm by
passing that fingerprint to --accept-unknown-signer.

--json prints exactly {"added":N,"changed":N,"conflicts":N,"alreadyImported":B}.

Exit codes:
  0  imported (or, with --dry-run, what an import would do)
  1  refused (the message says why); nothing was changed
  2  usage error, the file cannot be read, or no data folder
  4  signed by a certificate not known here, and not accepted`;

/** Exit codes of `fieldwork verify`, also listed in its help. */
export const VERIFY_EXIT = { valid: 0, invalid: 1, usage: 2, unsigned: 3, unknownSigner: 4 } as const;

export const VERIFY_HELP = `
Who signed: the name in a certificate proves nothing, anyone can make one.
The signer counts as known only when the certificate's SHA-256 fingerprint is
one of the data folder's signing identities or trusted certificates
(--data-dir), is given with --trust-fingerprint, or is that of a certificate
in the --trusted-certs folder. Compare an unknown fingerprint with the signer
by phone before you rely on the document.

Exit codes:
  0  the signature is valid and the signer is known: every part is exactly as
     signed, by a certificate you trust
  1  the signature is invalid (each problem is listed)
  2  usage error, or a file or folder cannot be read, or it is not a DOCX
  3  the document is not signed
  4  the document is intact, but signed by a certificate not known here`;
