import { z } from 'zod';
import { Id, RowMeta, requiredText, text } from './common';

export const ContactInput = z.strictObject({
  /** Present when editing an existing contact, absent for a new one. */
  id: Id.optional(),
  name: requiredText(200, 'Contact name'),
  role: text(200, 'Role').default(''),
  email: z.union([z.literal(''), z.email('Not a valid e-mail address').max(254)]).default(''),
  phone: text(50, 'Phone').default(''),
});
export type ContactInput = z.input<typeof ContactInput>;

export const SiteInput = z.strictObject({
  /** Present when editing an existing site, absent for a new one. */
  id: Id.optional(),
  name: requiredText(200, 'Site name'),
  address: text(1000, 'Address').default(''),
  headcount: z
    .number({ error: 'Headcount must be a number' })
    .int('Headcount must be a whole number')
    .min(0, 'Headcount cannot be negative')
    .max(10_000_000, 'Headcount is implausibly large'),
  processes: text(4000, 'Processes').default(''),
});
export type SiteInput = z.input<typeof SiteInput>;

export const ClientInput = z.strictObject({
  name: requiredText(300, 'Organisation name'),
  address: text(1000, 'Address').default(''),
  representative: text(200, 'Representative').default(''),
  contacts: z.array(ContactInput).max(100, 'At most 100 contacts').default([]),
  sites: z.array(SiteInput).max(500, 'At most 500 sites').default([]),
});
export type ClientInput = z.input<typeof ClientInput>;

export const Contact = z.object({ id: Id, name: z.string(), role: z.string(), email: z.string(), phone: z.string() });
export type Contact = z.infer<typeof Contact>;

export const Site = z.object({
  id: Id,
  name: z.string(),
  address: z.string(),
  headcount: z.number().int(),
  processes: z.string(),
});
export type Site = z.infer<typeof Site>;

export const Client = RowMeta.extend({
  id: Id,
  name: z.string(),
  address: z.string(),
  representative: z.string(),
  contacts: z.array(Contact),
  sites: z.array(Site),
});
export type Client = z.infer<typeof Client>;

export const ClientSummary = z.object({
  id: Id,
  name: z.string(),
  siteCount: z.number().int(),
  auditCount: z.number().int(),
  updatedAt: z.string(),
});
export type ClientSummary = z.infer<typeof ClientSummary>;
