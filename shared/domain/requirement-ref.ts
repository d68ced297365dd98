/**
 * How a requirement is named everywhere (screens, report, NC list, search):
 * clauses as "Clause 7.2", Annex A controls as "A.7.2", so clause 7.2 and
 * control A.7.2 never read alike. Topics (Stage 1) have no number.
 */
export function formatRequirement(r: { kind: string; number: string }): string {
  if (r.number === '') return '';
  if (r.kind === 'control') return r.number.startsWith('A.') ? r.number : `A.${r.number}`;
  if (r.kind === 'clause') return `Clause ${r.number}`;
  return r.number;
}

/** "Clause 7.2 Competence", "A.7.2 Physical entry"; a topic is its title alone. */
export function requirementLabel(r: { kind: string; number: string; title: string }): string {
  const ref = formatRequirement(r);
  return ref === '' ? r.title : `${ref} ${r.title}`;
}

/**
 * Whether a typed query names this requirement: "7.2" finds clause 7.2 and control A.7.2 (and what starts
 * with them), "clause 7.2" only the clause, "A.7.2" only the control; other words search the title.
 */
export function matchesRequirement(query: string, r: { kind: string; number: string; title: string }): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q === '') return true;
  const numberish = /^(clause |control )?(a\.?)?\s?\d+(\.\d+)*\.?$/.exec(q);
  if (!numberish) return requirementLabel(r).toLowerCase().includes(q);
  const wantsClause = q.startsWith('clause ');
  const wantsControl = q.startsWith('control ') || /^(control )?a/.test(q);
  if (wantsClause && r.kind !== 'clause') return false;
  if (wantsControl && r.kind !== 'control') return false;
  const digits = q.replace(/^(clause |control )?(a\.?)?\s?/, '').replace(/\.$/, '');
  const n = r.number.replace(/^A\./, '');
  return n === digits || n.startsWith(`${digits}.`);
}

/**
 * The same name from a stored ref and number (findings keep ref, number and
 * title of their requirements): Annex A refs start with "A.", clauses have a
 * number, Stage 1 topics have neither.
 */
export const formatRequirementRef = (r: { ref: string; number: string }): string =>
  r.ref.startsWith('A.') ? r.ref : r.number !== '' ? `Clause ${r.number}` : r.ref;

/** "Clause 7.2 Competence" from a stored ref, number and title. */
export const requirementRefLabel = (r: { ref: string; number: string; title: string }): string =>
  r.ref.startsWith('A.') || r.number !== '' ? `${formatRequirementRef(r)} ${r.title}` : r.title;
