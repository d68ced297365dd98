/**
 * Writes resources/report-templates/sample-report.docx: a certification body's
 * Word template as a starting point, with every kind of placeholder the app fills
 * (docs/REPORT-TEMPLATES.md). Built with the `docx` library so the file is made,
 * not hand-edited; run `node build/make-sample-report-template.mjs` after
 * changing it and commit both.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const out = fileURLToPath(new URL('../resources/report-templates/sample-report.docx', import.meta.url));

const p = (text, opts = {}) => new Paragraph({ children: [new TextRun(text)], ...opts });
const h1 = (text) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const h2 = (text) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const cell = (text, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const row = (label, value) => new TableRow({ children: [cell(label, true), cell(value)] });
const table = (rows) => new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });

const doc = new Document({
  creator: 'Fieldwork',
  title: 'Audit report template',
  description: 'Sample certification body template for Fieldwork',
  sections: [
    {
      children: [
        p('{cbName}', { alignment: AlignmentType.RIGHT }),
        p('{cbAddress} · {cbWebsite}', { alignment: AlignmentType.RIGHT }),
        p('{cbAccreditation}', { alignment: AlignmentType.RIGHT }),
        new Paragraph({ text: 'Audit report {reportNumber}', heading: HeadingLevel.TITLE }),
        p('{#draft}DRAFT — not issued{/draft}{^draft}Version {version}, signed by {signedBy} on {signedOn}{/draft}'),
        h1('1 Audit'),
        table([
          row('Client', '{clientName}, {clientAddress}'),
          row('Representative', '{clientRepresentative}'),
          row('Audit type', '{auditType} ({auditMode})'),
          row('Standard', '{standard}'),
          row('Criteria', '{auditCriteria}'),
          row('Objectives', '{auditObjectives}'),
          row('Scope', '{auditScope}'),
          row('Dates', '{auditStartDate} – {auditEndDate}'),
          row('Places', '{places}'),
          row('Statement of Applicability', '{soaVersion}'),
        ]),
        h2('Audit team'),
        p('{#team}{name} — {role}{/team}'),
        h2('Sites'),
        p('{#sites}{name}, {address} ({headcount} people): {processes}{/sites}'),
        h2('How the audit was done'),
        p('Sampling: {sampling}'),
        p('Deviations from the plan: {deviations}'),
        h1('2 Findings'),
        p(
          '{findingsCount} findings: {majorCount} major, {minorCount} minor nonconformities, {ofiCount} opportunities for improvement.',
        ),
        p('{#findings}'),
        h2('{number} {type}'),
        p('Requirement: {requirement}'),
        p('{statement}'),
        p('Evidence: {evidence}'),
        p('Status: {status}'),
        p('{/findings}'),
        h1('3 Checklist results'),
        p('{#checklistByClause}'),
        h2('{clause}'),
        p('{#items}{number} {title}: {result}. {notes}{/items}'),
        p('{/checklistByClause}'),
        h1('4 Interviews'),
        p('{#interviews}{heldAt} {name} ({role}, {department}), {site}: {requirements}{/interviews}'),
        h1('5 Photos'),
        p('{#photos}'),
        p('{%photo}'),
        p('{ref} {caption}'),
        p('{/photos}'),
        h1('6 Conclusions'),
        p('Objectives: {conclusionObjectives}'),
        p('Scope: {conclusionScope}'),
        p('Internal audit: {conclusionInternalAudit}'),
        p('Management review: {conclusionManagementReview}'),
        p('Unresolved issues: {unresolvedIssues}'),
        h2('Recommendation'),
        p('{recommendation}'),
        p('{#recommendationReasons}{text}{/recommendationReasons}'),
        p('Template {templateName}, SHA-256 {templateSha256}.'),
      ],
    },
  ],
});

const bytes = await Packer.toBuffer(doc);
writeFileSync(out, bytes);
process.stdout.write(`Wrote ${out} (${bytes.length} bytes)\n`);
