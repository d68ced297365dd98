import { z } from 'zod';
import { Id } from '../../domain/common';
import type { OpName } from '../ops';

/** What each feature's part of the contract must be: schemas for some of the operations, named in ops.ts. */
export type OpShapes = Partial<Record<OpName, { input: z.ZodType; output: z.ZodType }>>;

export const ById = z.strictObject({ id: Id });
export const Nothing = z.strictObject({});
export const ByAudit = z.strictObject({ auditId: Id });
export const Deleted = z.object({ id: Id });
