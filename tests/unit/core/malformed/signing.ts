import type { MalformedExtension } from './types';

/** signing: filled in with the feature (issue 6). */
export const signingCases: MalformedExtension = {
  seed: () => Promise.resolve({}),
  valid: () => ({}),
  cases: () => ({}),
};
