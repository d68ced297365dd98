import type { z } from 'zod';
import type { FieldIssue } from '#shared/api/result';

/**
 * Turns a template validation error into one line naming the first field at
 * fault ("items.12.questions: Every item needs at least one audit question")
 * plus every issue with its path inside the template, for the UI's list.
 */
export function describeTemplateIssues(error: z.ZodError): { message: string; issues: FieldIssue[] } {
  const issues: FieldIssue[] = error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    // Messages may quote a value from the file: keep them on one line.
    message: i.message.replace(/\s+/g, ' '),
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return { message: `${where}${first?.message ?? 'unreadable template'}${more}`, issues };
}
