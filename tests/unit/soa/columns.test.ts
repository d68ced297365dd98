import { describe, expect, it } from 'vitest';
import { headerKind, parseApplicability, parseControlNumber, versionInRow } from '#core/soa/columns';
import { parseSoaFile } from '#core/soa/parse';

describe('SoA cell rules', () => {
  it.each([
    ['5.1', '5.1', '5.1'],
    ['A.5.1', '5.1', 'A.5.1'],
    ['A 5.1', '5.1', 'A 5.1'],
    ['a.5.1', '5.1', 'a.5.1'],
    ['A5.1', '5.1', 'A5.1'],
    ['05.01', '5.1', '05.01'],
    ['A.5.01', '5.1', 'A.5.01'],
    ['5.10', '5.10', '5.10'],
    ['8.34', '8.34', '8.34'],
    ['Control 5.1', '5.1', '5.1'],
    ['Annex A 8.1', '8.1', '8.1'],
    ['ISO 27001:2022 A.5.15', '5.15', 'A.5.15'],
    ['5.1 Policies for information security', '5.1', '5.1'],
    ['A.5.1: Policies', '5.1', 'A.5.1'],
    ['5.1.', '5.1', '5.1'],
  ])('reads control number %j as %s', (text, number, written) => {
    expect(parseControlNumber(text)).toEqual({ number, written });
  });

  it.each(['', 'Policies', 'A.5 Organizational controls', 'A.9.1.1', '9.1.1 Access control policy', '5', 'Asset 5.1'])(
    'does not read %j as a control number',
    (text) => {
      expect(parseControlNumber(text)).toBeNull();
    },
  );

  it('reads yes and no in the usual spellings', () => {
    const yes = ['yes', 'Y', 'TRUE', '1', 'x', 'Applicable', 'included', 'Ja', 'oui', 'Yes - partly', 'Yes.'];
    const no = [
      'no',
      'N',
      'false',
      '0',
      'Not applicable',
      'excluded',
      'n/a',
      'NA',
      'nein',
      'Non',
      'No, see justification',
    ];
    expect(yes.map((v) => parseApplicability(v).value)).toEqual(yes.map(() => true));
    expect(no.map((v) => parseApplicability(v).value)).toEqual(no.map(() => false));
    expect(parseApplicability('maybe')).toEqual({
      value: null,
      problem: 'Applicability "maybe" is neither yes nor no',
    });
    expect(parseApplicability('  ')).toEqual({ value: null, problem: 'Applicability is empty; expected yes or no' });
  });

  it('recognises header names case-insensitively and with remarks', () => {
    const kinds = [
      'Control',
      'CONTROL NUMBER',
      'Control No.',
      'Ref',
      'Annex A',
      'ID',
      'Nr.',
      'Applicable? (Y/N)',
      'Applicability',
      'Included',
      'Selected',
      'Justification for inclusion/exclusion',
      'Reason',
      'Rationale',
      'Implementation status',
      'Status',
      'Implemented',
      'Version',
      'Control title',
      'Owner',
    ].map(headerKind);
    expect(kinds).toEqual([
      ...Array<string>(7).fill('control'),
      ...Array<string>(4).fill('applicable'),
      ...Array<string>(3).fill('justification'),
      ...Array<string>(3).fill('status'),
      'version',
      null,
      null,
    ]);
  });

  it('finds the document version in the ways it is written above a header', () => {
    expect(versionInRow(['Version: 2.1'])).toBe('2.1');
    expect(versionInRow(['Document version;3.0'])).toBe('3.0');
    expect(versionInRow(['SoA version 1.4'])).toBe('1.4');
    expect(versionInRow(['Version', '', 'v2'])).toBe('v2');
    expect(versionInRow(['Version history follows'])).toBeNull();
    expect(versionInRow(['Statement of Applicability'])).toBeNull();
  });
});

describe('SoA columns in a file', () => {
  it('takes the control column whose cells hold numbers when two are named like one', async () => {
    const text = 'Control,Control ID,Applicable\nPolicies for information security,A.5.1,yes\n';
    const parsed = await parseSoaFile('soa.csv', Buffer.from(text));
    expect(parsed.rows).toEqual([
      { line: 2, number: '5.1', written: 'A.5.1', applicable: true, justification: '', status: '' },
    ]);
  });

  it('joins separate justification columns for inclusion and exclusion', async () => {
    const text = [
      'Control;Applicable;Justification for inclusion;Justification for exclusion',
      '5.1;yes;Required by policy;',
      '5.2;no;;Outsourced',
    ].join('\n');
    const parsed = await parseSoaFile('soa.csv', Buffer.from(text));
    expect(parsed.rows.map((r) => r.justification)).toEqual(['Required by policy', 'Outsourced']);
  });

  it('reads the version from a version column and reports a row that disagrees', async () => {
    const text = 'Control\tApplicable\tVersion\n5.1\tyes\t1.2\n5.2\tyes\t1.2\n5.3\tyes\t1.3\n';
    const parsed = await parseSoaFile('soa.txt', Buffer.from(text));
    expect(parsed.version).toBe('1.2');
    expect(parsed.problems).toEqual([{ line: 4, message: 'Version "1.3" differs from "1.2" on line 2' }]);
  });

  it('reports a row with an answer but no control number', async () => {
    const parsed = await parseSoaFile('soa.csv', Buffer.from('Control,Applicable\n5.1,yes\n,no\n'));
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems).toEqual([{ line: 3, message: 'No control number on this row' }]);
  });
});
