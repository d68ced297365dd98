import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictView } from '#shared/domain/team';
import { i18n, initI18n } from '../../../renderer/src/i18n/instance';
import { combinedDraft } from '../../../renderer/src/features/team/combine';
import { fieldLabel, isTextField, roleText, shortId, valueInWords } from '../../../renderer/src/features/team/labels';

const conflict = (values: (string | null)[], deleted: boolean[] = []): ConflictView => ({
  table: 'checklist_items',
  rowId: 'item-1',
  field: 'notes',
  kind: 'checklist',
  label: '4.2 Interested parties',
  candidates: values.map((value, i) => ({
    deleted: deleted[i] ?? false,
    value,
    clock: `000000000000${i}-000000-dev${i}`,
    at: '2026-05-11T09:00:00.000Z',
    device: `dev${i}`,
    author: `Auditor ${i}`,
  })),
});

beforeAll(() => initI18n()); // Node: no navigator, so English.

describe('Team tab words', () => {
  it('names fields as the forms do, and falls back to the column name', () => {
    expect(fieldLabel('notes')).toBe('Notes');
    expect(fieldLabel('result')).toBe('Result');
    expect(fieldLabel('statement')).toBe('Statement');
    expect(fieldLabel('some_new_column')).toBe('some_new_column');
  });

  it('shows coded values in words, per table where codes collide', () => {
    expect(valueInWords('checklist_items', 'result', 'minor_nc')).toBe('Minor nonconformity');
    expect(valueInWords('findings', 'type', 'major')).toBe('Major nonconformity');
    expect(valueInWords('audits', 'status', 'planned')).toBe('Planned');
    expect(valueInWords('checklist_items', 'notes', 'minor_nc')).toBe('minor_nc');
    expect(valueInWords('checklist_items', 'soa_applicable', true)).toBe('Yes');
    expect(valueInWords('checklist_items', 'notes', null)).toBe('(empty)');
    expect(valueInWords('checklist_items', 'sample_size', 12)).toBe('12');
  });

  it('offers combining only for free text', () => {
    expect(isTextField('notes')).toBe(true);
    expect(isTextField('result')).toBe(false);
    expect(isTextField(null)).toBe(false);
  });

  it('says the role with the lead folder short enough to read out', () => {
    // UUID v7: two folders made the same minute share the start, never the random end.
    expect(shortId('019af0e2-1b2c-7d5e-8f90-123456789abc')).toBe('56789abc');
    expect(roleText({ role: 'member', leadFolderId: '019af0e2-1b2c-7d5e-8f90-123456789abc' })).toContain(
      'Team copy — led from data folder 56789abc',
    );
    expect(roleText({ role: 'lead', leadFolderId: 'x' })).toContain('You lead this audit’s team');
    expect(roleText({ role: 'solo', leadFolderId: null })).toContain('Solo');
  });
});

describe('Team tab words in German', () => {
  beforeAll(() => i18n.changeLanguage('de'));
  afterAll(() => i18n.changeLanguage('en'));

  it('names fields, coded values and the role from the catalogues, numbers grouped the German way', () => {
    expect(fieldLabel('corrective_action')).toBe('Korrekturmaßnahme');
    expect(valueInWords('findings', 'type', 'minor')).toBe('Nebenabweichung');
    expect(valueInWords('checklist_items', 'soa_applicable', false)).toBe('Nein');
    expect(roleText({ role: 'member', leadFolderId: '019af0e2-1b2c-7d5e-8f90-123456789abc' })).toBe(
      'Teamkopie — geleitet von Datenordner 56789abc. Geben Sie Ihre Arbeit an die Leitung zurück, wenn Sie fertig sind.',
    );
    expect(i18n.t('team:send.values', { count: 2762 })).toBe('2.762 Werte');
    expect(i18n.t('team:tab.openConflicts', { count: 1 })).toBe('1 offener Konflikt');
    expect(i18n.t('team:import.summary', { records: '1 Datensatz', changed: 0, count: 3 })).toBe(
      '1 Datensatz hinzugefügt, 0 geändert, 3 Konflikte',
    );
  });
});

describe('combined text draft', () => {
  it('holds each distinct text once, in clock order, blank lines between', () => {
    expect(combinedDraft(conflict(['Tom’s notes', 'Sara’s notes', 'Tom’s notes']))).toBe('Tom’s notes\n\nSara’s notes');
  });

  it('leaves out deletions and empty values', () => {
    expect(combinedDraft(conflict(['Kept', null, '  ', 'Gone'], [false, false, false, true]))).toBe('Kept');
  });
});
