import type { MalformedExtension } from './types';

/** branding: filled in with the feature (issue 6). */
export const brandingCases: MalformedExtension = {
  seed: () => Promise.resolve({}),
  valid: () => ({}),
  cases: () => ({}),
};
