/**
 * Every DomainError text in English (the source catalogue). The English text of
 * each key is exactly the message the error carried before it had a key, so
 * logs, the CLI and tests that read `message` see what they always saw.
 */
export const errorsEn = {
  unknown: 'Something went wrong: {{message}}',
} as const;
