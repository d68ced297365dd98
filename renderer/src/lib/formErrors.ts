import type { FieldIssue } from '#shared/api/result';

/** Errors keyed like @mantine/form paths: 'team.0.name'. */
export type FieldErrors = Record<string, string>;

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Turns schema issues (client-side zod, or the server's `error.issues`) into
 * one message per field. `prefix` strips the wrapper of update inputs, e.g.
 * ['audit', 'endDate'] -> 'endDate'.
 */
export function issuesToErrors(issues: readonly (IssueLike | FieldIssue)[] | undefined, prefix?: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues ?? []) {
    const path = prefix !== undefined && issue.path[0] === prefix ? issue.path.slice(1) : issue.path;
    const key = path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Friendlier words for required fields left empty than the schema's format errors. */
export function withEmptyFieldMessages(
  errors: FieldErrors,
  values: Record<string, unknown>,
  messages: Record<string, string>,
): FieldErrors {
  const out = { ...errors };
  for (const [field, message] of Object.entries(messages)) {
    const v = values[field];
    if (field in out && (v === '' || v === null || v === undefined)) out[field] = message;
  }
  return out;
}
