import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempBackend } from '../../helpers/backend';

// Issue 19 (9): a refused input is told in the schema's words; the field's path stays in `issues`.
describe('refusals in words', () => {
  let t: ReturnType<typeof tempBackend>;
  beforeEach(() => {
    t = tempBackend();
  });
  afterEach(() => t.cleanup());

  it('a report number pattern without {seq}: the message names the rule, not the field', async () => {
    const r = await t.backend.dispatch('branding.update', { name: 'CB', reportNumberPattern: '{year}-{client}' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The report number pattern needs {seq}, so that no two reports share a number',
        issues: [
          {
            path: ['reportNumberPattern'],
            message: 'The report number pattern needs {seq}, so that no two reports share a number',
          },
        ],
      },
    });
  });

  it('several problems are counted, and no message starts with the internal "Invalid input —"', async () => {
    const r = await t.backend.dispatch('branding.update', { name: '', reportNumberPattern: '{year}' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/ \(and 1 more problem\)$/);
    expect(r.error.message).not.toMatch(/Invalid input|name:|reportNumberPattern/);
    const badId = await t.backend.dispatch('clients.get', { id: 'xyz' });
    expect(badId.ok ? '' : badId.error.message).not.toMatch(/Invalid input|id:/);
  });
});
