import type { OpName } from '#shared/api/ops';
import type { ErrorCode } from '#shared/api/result';
import type { Backend } from '#core/backend';

export type Case = [label: string, input: unknown, code?: string];

/** Ids the base seed creates; extensions add theirs under `x`. */
export interface World {
  clientId: string;
  emptyClientId: string;
  otherSiteId: string;
  siteIds: string[];
  plannedId: string;
  closedId: string;
  stage1Id: string;
  itemId: string;
  closedItemId: string;
  sampleId: string;
  otherTeamMemberId: string;
  x: Record<string, string>;
}

/** The malformed-input table for one group of operations. */
export interface MalformedExtension {
  seed(backend: Backend, w: World): Promise<Record<string, string>>;
  /**
   * In-memory sessions (uploads, document checks) its cases use. They expire
   * after ten idle minutes, and a full run on a busy machine takes longer:
   * made at seeding, and made again right before each of its ops' bad cases.
   */
  sessions?(backend: Backend, w: World): Promise<Record<string, string>>;
  /** A valid input per op, checked to succeed on a twin database seeded the same way. */
  valid(w: World): Partial<Record<OpName, Record<string, unknown>>>;
  /**
   * Ops whose valid input answers an error by design, with that code — e.g.
   * evidence.openExternal, which only the desktop app's main process performs.
   */
  validAnswers?: Partial<Record<OpName, ErrorCode>>;
  /** Specific bad cases per op (generic ones are derived from the valid input). */
  cases(w: World, huge: string): Partial<Record<OpName, Case[]>>;
}
