import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '#core/db/migrations';
import { openDatabase } from '#core/db/open';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/**
 * The certification body's report language: saved in any shipped language (migration 5 let SQLite refuse all but
 * English after validation had passed, answered as a "conflict"), and the language a new audit's report starts in.
 */
describe("the certification body's report language", () => {
  let t: ReturnType<typeof tempBackend>;
  beforeEach(() => {
    t = tempBackend();
  });
  afterEach(() => t.cleanup());

  const audits = () => t.backend.db.prepare('SELECT count(*) FROM audits').pluck().get() as number;

  it('is saved in German and kept when a later save leaves it out', async () => {
    const saved = value(await t.backend.call('branding.update', { name: 'Zertifizierung GmbH', language: 'de' }));
    expect(saved.language).toBe('de');
    value(await t.backend.call('branding.update', { name: 'Zertifizierung GmbH', website: 'https://cb.example' }));
    expect(value(await t.backend.call('branding.get', {})).language).toBe('de');
    const refused = await t.backend.call('branding.update', { name: 'CB', language: 'it' as 'de' });
    expect(refused.ok).toBe(false);
    expect(value(await t.backend.call('branding.get', {})).language).toBe('de');
  });

  it("starts a new audit's report in it unless the audit names its own", async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const before = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    expect(before.reportLanguage).toBe('en');

    value(await t.backend.call('branding.update', { name: 'Organisme', language: 'fr' }));
    const plain = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    expect([plain.reportLanguage, plain.reportSecondLanguage]).toEqual(['fr', null]);
    const own = value(await t.backend.call('audits.create', { ...sampleAudit(client.id), reportLanguage: 'de' }));
    expect(own.reportLanguage).toBe('de');
    const both = value(
      await t.backend.call('audits.create', { ...sampleAudit(client.id), reportSecondLanguage: 'en' }),
    );
    expect([both.reportLanguage, both.reportSecondLanguage]).toEqual(['fr', 'en']);
    // The audit made before the change keeps its language.
    expect(value(await t.backend.call('audits.get', { id: before.id })).reportLanguage).toBe('en');
  });

  it('refuses a second language equal to the default first, by field, and creates nothing', async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    value(await t.backend.call('branding.update', { name: 'Zertifizierung GmbH', language: 'de' }));
    const count = audits();
    const r = await t.backend.call('audits.create', { ...sampleAudit(client.id), reportSecondLanguage: 'de' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues?.map((i) => i.path.join('.'))).toEqual(['reportSecondLanguage']);
    expect(audits()).toBe(count);
  });
});

describe('migration 20: the report language column takes every shipped language', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fieldwork-m20-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the saved settings row and accepts German and French after it', () => {
    const file = join(dir, 'fieldwork.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 19));
    const row = {
      id: 1,
      name: 'CB Ltd',
      address: '2 High Street',
      accreditation: 'UKAS 1234',
      website: 'https://cb.example',
      primary_colour: '#112233',
      accent_colour: '#445566',
      report_number_pattern: '{client}-{year}-{seq}',
      language: 'en',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-02-01T00:00:00.000Z',
      device_id: 'dev-1',
    };
    old
      .prepare(
        `INSERT INTO cb_settings VALUES (@id, @name, @address, @accreditation, @website, @primary_colour,
           @accent_colour, @report_number_pattern, @language, @created_at, @updated_at, @device_id)`,
      )
      .run(row);
    expect(() => old.prepare("UPDATE cb_settings SET language = 'de'").run()).toThrow(/CHECK/);
    old.close();

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(20);
      expect(db.prepare('SELECT * FROM cb_settings').all()).toEqual([row]);
      db.prepare("UPDATE cb_settings SET language = 'fr'").run();
      db.prepare("UPDATE cb_settings SET language = 'de'").run();
      expect(() => db.prepare("UPDATE cb_settings SET language = 'it'").run()).toThrow(/CHECK/);
      expect(() =>
        db
          .prepare(
            'INSERT INTO cb_settings SELECT 2, name, address, accreditation, website, primary_colour, accent_colour, report_number_pattern, language, created_at, updated_at, device_id FROM cb_settings',
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
