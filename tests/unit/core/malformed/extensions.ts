import type { OpName } from '#shared/api/ops';
import type { MalformedExtension, World } from './types';
import { evidenceCases } from './evidence';
import { findingCases } from './findings';
import { programmeCases } from './programme';
import { recordCases } from './records';
import { brandingCases } from './branding';
import { signingCases } from './signing';
import { reportsCases } from './reports';
import { verifyCases } from './verify';
import { trustCases } from './trust';
import { teamCases } from './team';
import { bytesCases } from './bytes';
import { backupCases } from './backups';
import { planCases } from './plan';
import { securityCases } from './security';
import { demoCases } from './demo';
import { reportTemplateCases } from './report-templates';

/**
 * The malformed-input tables of the op groups, in seeding order (a group may
 * use what an earlier one seeded). A new group of ops goes here and into one
 * of SUITES below; the malformed-input and fuzz tests fail until it does.
 */
export const EXTENSIONS: readonly MalformedExtension[] = [
  recordCases,
  evidenceCases,
  findingCases,
  programmeCases,
  brandingCases,
  signingCases,
  reportsCases,
  verifyCases,
  trustCases,
  teamCases,
  bytesCases,
  backupCases,
  planCases,
  securityCases,
  demoCases,
  reportTemplateCases,
];

/**
 * Which test file checks which groups' ops ('base' also takes the ops no group lists): one file per suite, so the
 * worker pool shares the work. Each file seeds the whole world once, then checks only its groups' ops.
 */
export const SUITES = {
  base: [demoCases, bytesCases, trustCases, brandingCases],
  'records-evidence': [recordCases, evidenceCases],
  'findings-plan': [findingCases, programmeCases, planCases],
  'signing-reports': [signingCases, reportsCases, verifyCases, reportTemplateCases],
  'team-backups': [teamCases, backupCases, securityCases],
} as const satisfies Record<string, readonly MalformedExtension[]>;

export type SuiteName = keyof typeof SUITES;

/** The ops a group answers for, read from its valid inputs (they need no seeded ids to list their names). */
export function opsOf(ext: MalformedExtension): OpName[] {
  const blank = { x: {}, siteIds: [] } as unknown as World;
  return Object.keys(ext.valid(blank)) as OpName[];
}
