import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupSummary } from '#shared/domain/backup';
import { i18n, initI18n } from '../../../renderer/src/i18n/instance';
import { holds, sizeText, stageText } from '../../../renderer/src/features/backups/describe';

const counts = (c: Partial<BackupSummary['counts']>) =>
  ({
    counts: {
      clients: 1,
      audits: 0,
      findings: 0,
      evidenceFiles: 0,
      evidenceBytes: 0,
      reports: 0,
      missingFiles: 0,
      ...c,
    },
  }) as BackupSummary;

/** What a backup holds, in the UI language: counts pluralised by its rules, sizes written its way. */
describe('backup words', () => {
  beforeAll(() => initI18n()); // Node: no navigator, so English.
  afterAll(() => i18n.changeLanguage('en'));

  it('reads as before in English', () => {
    expect(holds(counts({}))).toBe('1 client, 0 audits, 0 findings, 0 evidence files, 0 issued reports');
    expect(sizeText(1.25 * 1024 ** 3)).toBe('1.3 GB');
    expect(stageText('Checking and unpacking')).toBe('Checking and unpacking');
  });

  it('says it in French: 0 is singular, a decimal comma, Go for GB, the backend step in French', async () => {
    await i18n.changeLanguage('fr');
    expect(holds(counts({ clients: 2, evidenceFiles: 1, evidenceBytes: 1.5 * 1024 ** 2 }))).toBe(
      '2 clients, 0 audit, 0 constat, 1 fichier de preuve (1,5 Mo), 0 rapport émis',
    );
    expect(stageText('Checking and unpacking')).toBe('Vérification et décompression');
    expect(stageText('Something new')).toBe('Something new');
  });
});
