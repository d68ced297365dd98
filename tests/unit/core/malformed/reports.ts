import type { MalformedExtension } from './types';

/** reports: filled in with the feature (issue 6). */
export const reportsCases: MalformedExtension = {
  seed: () => Promise.resolve({}),
  valid: () => ({}),
  cases: () => ({}),
};
