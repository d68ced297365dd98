import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend, openSession, KEY_FILE, type Session, type SessionKeychain } from '#core/backend';
import { lockDataDir } from '#core/data-lock';
import { readKeyFile } from '#core/crypto/key-file';
import type { Result } from '#shared/api/result';
import { sampleClient, tempBackend, value } from '../../helpers/backend';

/**
 * The lockable session the app and the preview host serve (crypto/session.ts), at dispatch level on real folders:
 * encrypting a plain one, a recovery passphrase, locking (the key and the database dropped: every operation
 * refused, the data lock released), unlocking by passphrase (wrong ones rate-limited) or keychain, the idle lock.
 */
const NAME = 'Vellowmarsh Tindrake Foundry';
const PASS = 'copper heron mistral 42';
const OTHER = 'granite otter sundial 17';
/** scrypt at a test's cost: the wraps are the same code, a fraction of the memory and time. */
const FAST = { N: 2 ** 10, r: 8, p: 1 };

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? everyFile(p) : [p];
  });
}
const leaks = (dir: string) => everyFile(dir).filter((f) => readFileSync(f).includes(NAME));

/** A keychain bound to one "computer": wrapping is reversible only by the same one. */
function fakeKeychain(computer: string, available = true): SessionKeychain {
  const tag = Buffer.from(`KC(${computer})`);
  return {
    wrap: (key) => Promise.resolve(available ? Buffer.concat([tag, key]).reverse() : null),
    unwrap: (wrapped) => {
      const plain = Buffer.from(wrapped).reverse();
      return Promise.resolve(
        available && plain.subarray(0, tag.length).equals(tag) ? plain.subarray(tag.length) : null,
      );
    },
  };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0)) c();
});

/** A plain folder with the distinctive client, served by a session (as `fieldwork serve` does). */
async function plainSession(
  extra: { keychain?: SessionKeychain; now?: () => number; idleMs?: (m: number) => number } = {},
) {
  const t = tempBackend();
  value(await t.backend.call('clients.create', { ...sampleClient(), name: NAME, sites: [] }));
  t.backend.close();
  const session = openSession({
    dataDir: t.dataDir,
    open: (dataKey) => openBackend({ appVersion: 'test', dataDir: t.dataDir, dataKey }),
    initial: { key: null, by: null },
    scrypt: FAST,
    ...extra,
  });
  cleanups.push(() => {
    session.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });
  return { session, dataDir: t.dataDir };
}

const names = async (s: Session) => (value(await s.call('clients.list', {})) as { name: string }[]).map((c) => c.name);
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('the lockable session', () => {
  it('encrypts a plain folder with a passphrase, locks it shut and unlocks it with the passphrase', async () => {
    const { session, dataDir } = await plainSession();
    const plain = value(await session.call('security.status', {}));
    expect(plain).toMatchObject({ encrypted: false, locked: false, canLock: false, hasPassphrase: false });
    expect(code(await session.call('security.lock', {}))).toBe('conflict');

    const encrypted = value(await session.call('security.encrypt', { passphrase: PASS, confirm: PASS }));
    expect(encrypted).toMatchObject({ encrypted: true, locked: false, unlockedBy: 'passphrase', hasPassphrase: true });
    expect(await names(session)).toEqual([NAME]);
    expect(leaks(dataDir)).toEqual([]);

    const locked = value(await session.call('security.lock', {}));
    expect(locked).toMatchObject({ locked: true, unlockedBy: null });
    expect(session.isLocked()).toBe(true);
    // Every other operation is refused, the byte channel too; the database is closed (its data lock is free).
    expect(code(await session.call('clients.list', {}))).toBe('locked');
    expect(code(await session.dispatch('app.info', {}))).toBe('locked');
    expect(code(session.bytes.file('anything'))).toBe('locked');
    const probe = lockDataDir(dataDir);
    expect(probe.held).toBe(true);
    probe.release();

    expect(code(await session.call('security.unlock', { passphrase: OTHER }))).toBe('wrong_passphrase');
    expect(code(await session.call('clients.list', {}))).toBe('locked');
    const unlocked = value(await session.call('security.unlock', { passphrase: PASS }));
    expect(unlocked).toMatchObject({ locked: false, unlockedBy: 'passphrase' });
    expect(await names(session)).toEqual([NAME]);
  }, 60_000);

  it('slows down wrong passphrases after three, even for the right one, until the wait is over', async () => {
    let clock = 1_000_000;
    const { session } = await plainSession({ now: () => clock });
    value(await session.call('security.encrypt', { passphrase: PASS, confirm: PASS }));
    value(await session.call('security.lock', {}));
    for (let i = 0; i < 3; i++) {
      expect(code(await session.call('security.unlock', { passphrase: OTHER }))).toBe('wrong_passphrase');
    }
    const refused = await session.call('security.unlock', { passphrase: PASS });
    expect(refused.ok ? '' : refused.error.message).toMatch(/Too many wrong passphrases: try again in 2 seconds/);
    expect(session.isLocked()).toBe(true);
    clock += 2_000;
    expect(value(await session.call('security.unlock', { passphrase: PASS })).locked).toBe(false);
  }, 60_000);

  it('sets and changes a recovery passphrase by re-wrapping the key only, keeping the keychain wrap', async () => {
    const keychain = fakeKeychain('laptop A');
    const { session, dataDir } = await plainSession({ keychain });
    const byKeychain = value(await session.call('security.encrypt', {}));
    expect(byKeychain).toMatchObject({ unlockedBy: 'keychain', hasKeychain: true, hasPassphrase: false });
    const database = readFileSync(join(dataDir, 'fieldwork.sqlite'));

    const weak = await session.call('security.setPassphrase', { passphrase: 'short', confirm: 'short' });
    expect(weak.ok ? null : weak.error.issues?.[0]).toMatchObject({ path: ['passphrase'] });
    const typo = await session.call('security.setPassphrase', { passphrase: PASS, confirm: `${PASS}!` });
    expect(typo.ok ? null : typo.error.issues?.[0]).toMatchObject({ path: ['confirm'] });
    expect(readKeyFile(dataDir)!.wraps.map((w) => w.kind)).toEqual(['keychain']);

    value(await session.call('security.setPassphrase', { passphrase: PASS, confirm: PASS }));
    value(await session.call('security.setPassphrase', { passphrase: OTHER, confirm: OTHER }));
    const file = readKeyFile(dataDir)!;
    expect(file.wraps.map((w) => w.kind).sort()).toEqual(['keychain', 'passphrase']);
    // The database was not re-encrypted, and the key file holds no passphrase in clear.
    expect(readFileSync(join(dataDir, 'fieldwork.sqlite')).equals(database)).toBe(true);
    expect(readFileSync(join(dataDir, KEY_FILE), 'utf8')).not.toContain(OTHER);

    value(await session.call('security.lock', {}));
    expect(code(await session.call('security.unlock', { passphrase: PASS }))).toBe('wrong_passphrase');
    expect(value(await session.call('security.unlock', { passphrase: OTHER })).unlockedBy).toBe('passphrase');
    value(await session.call('security.lock', {}));
    expect(value(await session.call('security.unlock', {})).unlockedBy).toBe('keychain');
    expect(await names(session)).toEqual([NAME]);
  }, 60_000);

  it('asks for the passphrase when the keychain cannot unlock, and needs one to encrypt without a keychain', async () => {
    const { session } = await plainSession({ keychain: fakeKeychain('x', false) });
    expect(value(await session.call('security.status', {})).keychainAvailable).toBe(false);
    const none = await session.call('security.encrypt', {});
    expect(none.ok ? '' : none.error.message).toMatch(/no OS keychain.*choose a passphrase/);
    expect(value(await session.call('security.status', {})).encrypted).toBe(false);
    value(await session.call('security.encrypt', { passphrase: PASS, confirm: PASS }));
    value(await session.call('security.lock', {}));
    const byKeychain = await session.call('security.unlock', {});
    expect(byKeychain.ok ? '' : byKeychain.error.message).toMatch(/Enter the passphrase/);
  }, 60_000);

  it('locks by itself after the chosen idle time; the window’s polling does not keep it open, the user’s activity does', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A "minute" of 1 s here.
    const { session } = await plainSession({ idleMs: (m) => m * 1000 });
    value(await session.call('security.encrypt', { passphrase: PASS, confirm: PASS }));
    value(await session.call('security.setIdleLock', { minutes: 5 }));
    await vi.advanceTimersByTimeAsync(4_000);
    value(await session.call('security.status', { active: true }));
    await vi.advanceTimersByTimeAsync(4_000);
    value(await session.call('security.status', {}));
    expect(session.isLocked()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(session.isLocked()).toBe(true);
    expect(code(await session.call('clients.list', {}))).toBe('locked');

    value(await session.call('security.unlock', { passphrase: PASS }));
    value(await session.call('security.setIdleLock', { minutes: 0 }));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(session.isLocked()).toBe(false);
  }, 60_000);

  it('starts locked when asked, and a plain backend (the CLI) cannot lock', async () => {
    const { session, dataDir } = await plainSession();
    value(await session.call('security.encrypt', { passphrase: PASS, confirm: PASS }));
    session.close();
    const again = openSession({
      dataDir,
      open: (dataKey) => openBackend({ appVersion: 'test', dataDir, dataKey }),
      initial: 'locked',
    });
    cleanups.unshift(() => again.close());
    expect(value(await again.call('security.status', {}))).toMatchObject({ locked: true, canLock: true });
    expect(code(await again.call('clients.list', {}))).toBe('locked');
    value(await again.call('security.unlock', { passphrase: PASS }));
    expect(await names(again)).toEqual([NAME]);
  }, 60_000);
});
