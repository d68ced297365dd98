import type { MalformedExtension } from './types';

/**
 * The demo from the first-run list: the seeded folder holds clients, so its valid input answers the refusal
 * by design (the demo only fills an empty folder); progress reads memory.
 */
export const demoCases: MalformedExtension = {
  seed: () => Promise.resolve({}),
  valid: () => ({ 'demo.load': {}, 'demo.progress': {} }),
  validAnswers: { 'demo.load': 'conflict' },
  cases: () => ({
    'demo.load': [['a client to load into', { clientId: 'x' }]],
  }),
};
