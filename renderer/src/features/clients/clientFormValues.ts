import { randomId } from '@mantine/hooks';
import { ClientInput, type Client } from '#shared/domain/client';
import { issuesToErrors, type FieldErrors } from '../../lib/formErrors';

export interface ContactRow {
  key: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface SiteRow {
  key: string;
  /** Kept for existing sites so audits that reference them stay linked. */
  id?: string;
  name: string;
  address: string;
  /** NumberInput gives '' while empty. */
  headcount: number | string;
  processes: string;
}

export interface ClientFormValues {
  name: string;
  address: string;
  representative: string;
  contacts: ContactRow[];
  sites: SiteRow[];
}

export const newContactRow = (): ContactRow => ({ key: randomId(), name: '', role: '', email: '', phone: '' });
export const newSiteRow = (): SiteRow => ({ key: randomId(), name: '', address: '', headcount: '', processes: '' });

export const emptyClientValues = (): ClientFormValues => ({
  name: '',
  address: '',
  representative: '',
  contacts: [],
  sites: [newSiteRow()],
});

export const clientToValues = (c: Client): ClientFormValues => ({
  name: c.name,
  address: c.address,
  representative: c.representative,
  contacts: c.contacts.map(({ id, ...rest }) => ({ key: id, ...rest })),
  sites: c.sites.map((s) => ({ key: s.id, ...s })),
});

const toHeadcount = (v: number | string): number | undefined => {
  if (typeof v === 'number') return v;
  return v.trim() === '' ? undefined : Number(v);
};

export const valuesToInput = (v: ClientFormValues): ClientInput => ({
  name: v.name,
  address: v.address,
  representative: v.representative,
  contacts: v.contacts.map(({ name, role, email, phone }) => ({ name, role, email, phone })),
  sites: v.sites.map(({ id, name, address, headcount, processes }) => ({
    ...(id ? { id } : {}),
    name,
    address,
    // An empty box is sent as missing, and the schema says a number is needed.
    headcount: toHeadcount(headcount) as number,
    processes,
  })),
});

export function validateClient(v: ClientFormValues): FieldErrors {
  const parsed = ClientInput.safeParse(valuesToInput(v));
  return parsed.success ? {} : issuesToErrors(parsed.error.issues);
}
