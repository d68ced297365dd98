import { formatInstantDay } from './format';
import type { SigningIdentity, Unlock } from '#shared/domain/signing';

/** Certificates expiring within this many days get a warning badge. */
export const EXPIRY_WARNING_DAYS = 30;

export type Expiry = 'expired' | 'soon' | 'ok';

export function expiryOf(identity: Pick<SigningIdentity, 'notAfter' | 'expired'>, now = Date.now()): Expiry {
  if (identity.expired) return 'expired';
  const end = new Date(identity.notAfter).getTime();
  if (Number.isNaN(end) || end <= now) return 'expired';
  return end - now < EXPIRY_WARNING_DAYS * 86_400_000 ? 'soon' : 'ok';
}

/** "AB:CD:EF:01…7A:8B": enough to recognise a certificate; the full value is copied. */
export function shortFingerprint(fingerprint: string): string {
  const pairs = fingerprint.split(':');
  return pairs.length <= 8 ? fingerprint : `${pairs.slice(0, 4).join(':')}…${pairs.slice(-2).join(':')}`;
}

/** A certificate date (an instant) as a day in the user's locale: the UI language's, like every other date. */
export const formatCertDate = formatInstantDay;

/** The desktop app can keep keys in the OS keychain; the browser preview cannot. */
export const keychainAvailable = (): boolean => typeof window !== 'undefined' && window.fieldwork !== undefined;

export const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The identity of this person (a valid certificate before an expired one), else the only one there is. */
export function preselectIdentity(identities: SigningIdentity[], name: string): string | null {
  const mine = identities.filter((i) => sameName(i.name, name));
  const best = mine.find((i) => expiryOf(i) !== 'expired') ?? mine[0];
  return best?.id ?? (identities.length === 1 ? (identities[0]?.id ?? null) : null);
}

export const unlockFor = (identity: SigningIdentity, passphrase: string): Unlock =>
  identity.protection === 'os_keychain' ? { kind: 'os_keychain' } : { kind: 'passphrase', passphrase };
