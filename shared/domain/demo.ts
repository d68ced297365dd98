import { z } from 'zod';

/** demo.load's answer: what the demo added to the empty folder. */
export const DemoLoaded = z.object({ clients: z.number().int(), audits: z.number().int() });
export type DemoLoaded = z.infer<typeof DemoLoaded>;

/** demo.progress: how far a demo.load in flight has come (operations done of the demo's total). */
export const DemoProgress = z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int() });
export type DemoProgress = z.infer<typeof DemoProgress>;
