import { z } from 'zod';
import { AuditStatus } from './audit';
import { Id, text } from './common';
import { Actor } from './finding';

/** Why the lead auditor goes ahead although the completeness gates list gaps (kept in the audit trail). */
export const GoAheadReason = text(5000, 'Reason').optional();

/** audits.setStatus: closing with gaps open needs `reason`; `by` is who closes, for the trail. */
export const AuditStatusInput = z.strictObject({ id: Id, status: AuditStatus, reason: GoAheadReason, by: Actor });
