import { randomId } from '@mantine/hooks';
import { AuditInput, type Audit, type AuditMode, type AuditType, type TeamRole } from '#shared/domain/audit';
import { issuesToErrors, withEmptyFieldMessages, type FieldErrors } from '../../lib/formErrors';

export interface TeamRow {
  /** React key only; never sent to the backend. */
  key: string;
  name: string;
  email: string;
  role: TeamRole;
}

export interface AuditFormValues {
  clientId: string;
  type: AuditType | '';
  scope: string;
  siteIds: string[];
  startDate: string;
  endDate: string;
  mode: AuditMode;
  team: TeamRow[];
  objectives: string;
  criteria: string;
}

export const newTeamRow = (role: TeamRole = 'auditor'): TeamRow => ({ key: randomId(), name: '', email: '', role });

export const emptyAuditValues = (clientId = ''): AuditFormValues => ({
  clientId,
  type: '',
  scope: '',
  siteIds: [],
  startDate: '',
  endDate: '',
  mode: 'on_site',
  team: [newTeamRow('lead_auditor')],
  objectives: '',
  criteria: '',
});

export const auditToValues = (a: Audit): AuditFormValues => ({
  clientId: a.clientId,
  type: a.type,
  scope: a.scope,
  siteIds: [...a.siteIds],
  startDate: a.startDate,
  endDate: a.endDate,
  mode: a.mode,
  team: a.team.map((m) => ({ key: m.id, name: m.name, email: m.email, role: m.role })),
  objectives: a.objectives,
  criteria: a.criteria,
});

export const valuesToInput = (v: AuditFormValues): AuditInput => ({
  clientId: v.clientId,
  standard: 'ISO/IEC 27001:2022',
  type: v.type as AuditType,
  scope: v.scope,
  siteIds: v.siteIds,
  startDate: v.startDate,
  endDate: v.endDate,
  mode: v.mode,
  team: v.team.map(({ name, email, role }) => ({ name, email, role })),
  objectives: v.objectives,
  criteria: v.criteria,
});

const EMPTY_MESSAGES = {
  clientId: 'Choose the client',
  type: 'Choose the audit type',
  startDate: 'Enter the planned start date',
  endDate: 'Enter the planned end date',
};

/** The same schema the backend enforces, run before sending. */
export function validateAudit(v: AuditFormValues): FieldErrors {
  const parsed = AuditInput.safeParse(valuesToInput(v));
  if (parsed.success) return {};
  return withEmptyFieldMessages(issuesToErrors(parsed.error.issues), { ...v }, EMPTY_MESSAGES);
}
