import { Command, CommanderError } from 'commander';
import type { ConflictsOptions } from './conflicts';
import { UserError } from './errors';
import type { ExportNcListOptions } from './export-nc-list';
import type { ExportPlanOptions } from './export-plan';
import type { ExportReportOptions } from './export-report';
import {
  CALL_EXIT,
  CALL_HELP,
  CONFLICTS_HELP,
  PACKAGE_EXIT,
  PACKAGE_EXPORT_HELP,
  PACKAGE_IMPORT_HELP,
  VERIFY_EXIT,
  VERIFY_HELP,
} from './help';
import type { ImportEvidenceOptions } from './import-evidence';
import type { ImportReportTemplateOptions } from './import-report-template';
import type { PackageExportOptions, PackageImportOptions } from './package';
import { appVersion } from './paths';
import { DATA_PASSPHRASE_ENV, setDataPassphraseFile } from './data-unlock';
import type { VerifyOptions } from './verify';

// Each command's code is imported when it runs: `fieldwork audits` should not pay for loading the report
// builder, the demo's images or the preview server (npm run bench cli-startup).
const DATA_DIR_HELP = 'data folder (default: $FIELDWORK_DATA_DIR, else the platform user data folder)';

export function buildProgram(): Command {
  const program = new Command('fieldwork')
    .description('Fieldwork — ISO/IEC 27001 audit fieldwork, from the command line')
    .version(appVersion())
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .option(
      '--data-passphrase-file <file>',
      `an encrypted data folder's passphrase: the file's first line (default: $${DATA_PASSPHRASE_ENV}); ` +
        'not --passphrase-file, which names a signing key passphrase',
    )
    .hook('preAction', (root) =>
      setDataPassphraseFile(root.opts<{ dataPassphraseFile?: string }>().dataPassphraseFile),
    );

  program
    .command('serve')
    .description('serve the app in your browser on 127.0.0.1 (the preview host)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--port <n>', 'port to listen on (0 or absent: a free port)')
    .action(async (o: { dataDir?: string; port?: string }) => (await import('./serve')).serve(o));

  program
    .command('demo')
    .description('fill an empty data folder with a realistic demo client and audits')
    .requiredOption('--data-dir <dir>', 'the empty folder to fill')
    .action(async (o: { dataDir?: string }) => (await import('./demo')).demoCommand(o));

  program
    .command('audits')
    .description('list audits: id, client, type, status, dates')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print JSON instead of a table')
    .action(async (o: { dataDir?: string; json?: boolean }) => (await import('./audits')).listAuditsCommand(o));

  program
    .command('import-template')
    .description("import a certification body's checklist template (JSON); invalid files name the field at fault")
    .argument('<file>', 'the template JSON file')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (file: string, o: { dataDir?: string }) =>
      (await import('./import-template')).importTemplateCommand(file, o),
    );

  program
    .command('import-report-template')
    .description("import a certification body's Word template (.docx) for the report, the NC list or the plan")
    .argument('<file>', 'the .docx template (placeholders: docs/REPORT-TEMPLATES.md)')
    .requiredOption('--type <type>', 'report, nc-list or plan')
    .requiredOption('--lang <xx>', 'the language it is written in: en, de or fr')
    .option('--name <name>', 'its name in the app (default: the file name)')
    .option('--default', 'use it for every export of its type and language')
    .option('--accept-warnings', 'keep it although it has unknown placeholders or lacks required report contents')
    .option('--by <name>', 'who imported it, for the record')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (file: string, o: ImportReportTemplateOptions) =>
      (await import('./import-report-template')).importReportTemplateCommand(file, o),
    );

  program
    .command('import-evidence')
    .description("add files and folders (walked recursively) to an audit's evidence library")
    .argument('<path...>', 'files or folders to import')
    .requiredOption('--audit <id>', 'the audit to add them to (see `fieldwork audits`)')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--added-by <name>', 'who added them, as shown in the app')
    .option('--description <text>', 'a description for every imported file')
    .option('--progress', 'print one progress line per file on stderr')
    .action(async (paths: string[], o: ImportEvidenceOptions) =>
      (await import('./import-evidence')).importEvidenceCommand(paths, o),
    );

  const signing = (c: Command) =>
    c
      .option('--sign', "issue it: freeze it as the next version and sign it with the lead auditor's identity")
      .option('--passphrase-file <file>', 'file whose first line is the signing key passphrase (with --sign)')
      .option('--identity <id>', 'the signing identity to use (default: the one named like the lead auditor)')
      .option('--accept-expired', 'sign even though the certificate has expired')
      .option('--by <name>', 'who is issuing it, for the record (default: the signer)')
      .option('--progress', 'print progress lines on stderr')
      .option('--data-dir <dir>', DATA_DIR_HELP);

  signing(
    program
      .command('export-report')
      .description("write an audit's report as DOCX; with --sign, issue and sign it")
      .requiredOption('--audit <id>', 'the audit (see `fieldwork audits`)')
      .requiredOption('--out <file>', 'the .docx file to write (replaced if it exists)'),
  )
    .option('--lang <xx>', "write it in en, de or fr (default: the audit's report language)")
    .option('--second-lang <xx>', 'bilingual: a second language side by side (en, de or fr), or none')
    .option('--template <id>', "a report template's id, or builtin (default: the default template, else built-in)")
    .option('--confirm-template', 'with --sign: issue in a template that lacks required report contents')
    .option(
      '--override-reason <text>',
      'with --sign: why the report is issued although the audit has gaps (kept in the audit trail, printed in the report)',
    )
    .action(async (o: ExportReportOptions) => (await import('./export-report')).exportReportCommand(o));

  signing(
    program
      .command('export-nc-list')
      .description("write an audit's issued findings (the nonconformity list) as DOCX, XLSX or CSV")
      .requiredOption('--audit <id>', 'the audit (see `fieldwork audits`)')
      .requiredOption('--format <format>', 'docx, xlsx or csv')
      .requiredOption('--out <file>', 'the file to write (replaced if it exists)'),
  )
    .option('--lang <xx>', "write it in en, de or fr (default: the audit's report language)")
    .action(async (o: ExportNcListOptions) => (await import('./export-nc-list')).exportNcListCommand(o));

  signing(
    program
      .command('export-plan')
      .description("write an audit's plan as DOCX for the client; with --sign, sign it as the lead auditor")
      .requiredOption('--audit <id>', 'the audit (see `fieldwork audits`)')
      .requiredOption('--out <file>', 'the .docx file to write (replaced if it exists)'),
  )
    .option('--lang <xx>', "write it in en, de or fr (default: the audit's report language)")
    .action(async (o: ExportPlanOptions) => (await import('./export-plan')).exportPlanCommand(o));

  program
    .command('verify')
    .description("check a DOCX's package signature: whether every part is as signed, and whether the signer is known")
    .argument('<file>', 'the .docx file')
    .option(
      '--trust-fingerprint <sha256>',
      'trust a signer with this certificate SHA-256 fingerprint (colons optional; repeat for more)',
      (v: string, all: string[] | undefined) => [...(all ?? []), v],
    )
    .option('--trusted-certs <dir>', 'trust the certificates in the .pem, .crt, .cer and .der files of this folder')
    .option(
      '--data-dir <dir>',
      'trust its signing identities and trusted certificates, and say which version issued from it the file is',
    )
    .addHelpText('after', VERIFY_HELP)
    // Usage errors exit 2 here, so scripts can tell them from an invalid signature (1).
    .exitOverride((e) => {
      throw e.exitCode === 0 ? e : new CommanderError(VERIFY_EXIT.usage, e.code, e.message);
    })
    .action(async (file: string, o: VerifyOptions) => (await import('./verify')).verifyCommand(file, o));

  program
    .command('call')
    .description('run any operation of the app (e.g. clients.list) and print its answer as JSON, for scripts')
    .argument('<op>', 'the operation, e.g. audits.get')
    .argument('[json]', 'its input as JSON (default {}); - reads it from stdin')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText('after', CALL_HELP)
    .exitOverride((e) => {
      throw e.exitCode === 0 ? e : new CommanderError(CALL_EXIT.usage, e.code, e.message);
    })
    .action(async (op: string, json: string | undefined, o: { dataDir?: string }) =>
      (await import('./call')).callCommand(op, json, o),
    );

  // Team audits (issue 13). Usage errors exit 2, so scripts can tell them from a refused package (1).
  const usageExit2 = (e: CommanderError) => {
    throw e.exitCode === 0 ? e : new CommanderError(PACKAGE_EXIT.usage, e.code, e.message);
  };
  const pkg = program
    .command('package')
    .description('team audits: write a signed package for your team, or import one from a team member')
    .exitOverride(usageExit2);
  pkg
    .command('export')
    .description("write an audit's signed team package (.fwpkg): the lead's send-out, or a member's return")
    .requiredOption('--audit <id>', 'the audit (see `fieldwork audits`)')
    .requiredOption('--out <file>', 'the .fwpkg file to write')
    .option('--for <name>', 'lead: the team member it is for (only what changed since their last return)')
    .option('--full', 'everything, not only what changed since the last exchange')
    .option('--no-evidence', 'lead: leave the evidence files out (a return always carries the ones the lead lacks)')
    .option('--identity <id-or-name>', "the signing identity (default: the data folder's only one)")
    .option('--sign [id-or-name]', 'accepted for clarity (packages are always signed); a value names the identity')
    .option(
      '--passphrase-file <file>',
      "file whose first line is the signing key's passphrase (default: $FIELDWORK_PASSPHRASE_FILE)",
    )
    .option('--accept-expired', 'sign even though the certificate has expired')
    .option('--by <name>', 'who is exporting it, for the record (default: the signer)')
    .option('--force', 'replace FILE if it exists')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText('after', PACKAGE_EXPORT_HELP)
    .exitOverride(usageExit2)
    .action(async (o: PackageExportOptions) => (await import('./package')).packageExportCommand(o));
  pkg
    .command('import')
    .description("merge a team package into this data folder's audit, in one transaction")
    .argument('<file>', 'the .fwpkg file')
    .option('--dry-run', 'check the package and say what importing it would do; change nothing')
    .option('--json', 'print only {"added","changed","conflicts","alreadyImported"} as JSON')
    .option(
      '--accept-unknown-signer <sha256>',
      "import although the signer's certificate is not known here: give its SHA-256 fingerprint, as compared with the sender",
    )
    .option('--by <name>', 'who is importing it, for the record')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText('after', PACKAGE_IMPORT_HELP)
    .exitOverride(usageExit2)
    .action(async (file: string, o: PackageImportOptions) => (await import('./package')).packageImportCommand(file, o));

  program
    .command('backup')
    .description('back up the data folder (database, evidence, issued reports) into its backups/, or also to --out')
    .option('--out <file>', 'also copy the backup to this file (.fwbackup)')
    .option('--progress', 'print progress lines on stderr')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (o: { dataDir?: string; out?: string; progress?: boolean }) =>
      (await import('./backup')).backupCommand(o),
    );

  program
    .command('restore')
    .description('restore a backup file into a NEW data folder (never over an existing one), checking every file first')
    .argument('<file>', 'the .fwbackup file')
    .requiredOption('--data-dir <dir>', 'the new folder to create (it must not exist, or be empty)')
    .action(async (file: string, o: { dataDir: string }) => (await import('./backup')).restoreCommand(file, o));

  program
    .command('encrypt')
    .description('encrypt a plain data folder with a passphrase (--data-passphrase-file); safe if interrupted')
    .option('--progress', 'print progress lines on stderr')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (o: { dataDir?: string; progress?: boolean }) => (await import('./encrypt')).encryptCommand(o));

  program
    .command('passphrase')
    .description("change an encrypted data folder's passphrase (the old one from --data-passphrase-file)")
    .requiredOption('--new-passphrase-file <file>', "file whose first line is the folder's new passphrase")
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .action(async (o: { dataDir?: string; newPassphraseFile?: string }) =>
      (await import('./encrypt')).passphraseCommand(o),
    );

  program
    .command('conflicts')
    .description("list an audit's open conflicts from merged team packages")
    .requiredOption('--audit <id>', 'the audit (see `fieldwork audits`)')
    .option('--json', 'print the conflicts as a JSON array')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .addHelpText('after', CONFLICTS_HELP)
    .exitOverride(usageExit2)
    .action(async (o: ConflictsOptions) => (await import('./conflicts')).conflictsCommand(o));

  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode; // commander already printed help or the usage error
    if (e instanceof UserError) {
      process.stderr.write(`fieldwork: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(
      `fieldwork: unexpected failure (${e instanceof Error ? e.name : 'unknown'}); nothing was changed.\n`,
    );
    return 70;
  }
}
