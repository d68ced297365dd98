import { DEFAULT_LANGUAGE, type Language } from '#shared/i18n/languages';
import { randomId } from '@mantine/hooks';
import {
  AuditInput,
  type Audit,
  type AuditCreateInput,
  type AuditMode,
  type AuditType,
  type TeamRole,
} from '#shared/domain/audit';
import { isSurveillance } from '#shared/rules/checklist';
import { issuesToErrors, withEmptyFieldMessages, type FieldErrors } from '../../lib/formErrors';
import { i18n } from '../../i18n/instance';

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
  /** The report's language (the client's), and a second one for a bilingual report ('' for none). */
  reportLanguage: Language;
  reportSecondLanguage: Language | '';
  /** Only when creating: '' means the default template for the audit type. */
  templateId: string;
  /** Only for surveillance audits being created: null until the candidates have loaded. */
  sampledRefs: string[] | null;
}

export const newTeamRow = (role: TeamRole = 'auditor'): TeamRow => ({ key: randomId(), name: '', email: '', role });

export const emptyAuditValues = (clientId = '', reportLanguage: Language = DEFAULT_LANGUAGE): AuditFormValues => ({
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
  reportLanguage,
  reportSecondLanguage: '',
  templateId: '',
  sampledRefs: null,
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
  reportLanguage: a.reportLanguage,
  reportSecondLanguage: a.reportSecondLanguage ?? '',
  templateId: a.templateId,
  sampledRefs: null,
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
  // A draft restored from before these fields existed has neither: the audit's own setting is kept.
  ...(v.reportLanguage ? { reportLanguage: v.reportLanguage } : {}),
  ...(v.reportSecondLanguage !== undefined ? { reportSecondLanguage: v.reportSecondLanguage || null } : {}),
});

/** Creating also picks the checklist: the chosen template, and for surveillance the sampled items. */
export const valuesToCreateInput = (v: AuditFormValues): AuditCreateInput => ({
  ...valuesToInput(v),
  ...(v.templateId ? { templateId: v.templateId } : {}),
  ...(isSurveillance(v.type as AuditType) && v.sampledRefs ? { sampledRefs: v.sampledRefs } : {}),
});

/** Read when the form is checked, so they follow the UI language. */
const emptyMessages = () => ({
  clientId: i18n.t('audits:form.empty.clientId'),
  type: i18n.t('audits:form.empty.type'),
  startDate: i18n.t('audits:form.empty.startDate'),
  endDate: i18n.t('audits:form.empty.endDate'),
});

/** The same schema the backend enforces, run before sending. */
export function validateAudit(v: AuditFormValues, creating = false): FieldErrors {
  const parsed = AuditInput.safeParse(valuesToInput(v));
  const errors = parsed.success
    ? {}
    : withEmptyFieldMessages(issuesToErrors(parsed.error.issues), { ...v }, emptyMessages());
  if (creating && v.type && isSurveillance(v.type) && v.sampledRefs?.length === 0) {
    errors.sampledRefs = i18n.t('audits:form.sampleAtLeastOne');
  }
  return errors;
}
