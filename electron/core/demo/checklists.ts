import type { OpInput } from '#shared/api/contract';
import type { ChecklistItem, ItemResult } from '#shared/domain/checklist';

type Patch = OpInput<'checklist.updateItem'>['patch'];

/** Stage 1: every readiness topic reviewed, with what the lead auditor saw. */
export const STAGE1_NOTES: Readonly<Record<string, string>> = {
  'S1.scope': 'Scope statement v1.3 approved by the managing director; covers both sites and the IT operations.',
  'S1.context': 'Context analysis and list of interested parties reviewed; customer and insurer requirements captured.',
  'S1.policy': 'Information security policy v2.0 approved in January and published on the intranet.',
  'S1.risk': 'Risk methodology and register reviewed: 64 risks with owners; treatment plan linked to the SoA.',
  'S1.soa': 'SoA v2.0 lists all 93 controls; three development controls excluded with justification.',
  'S1.objectives': 'Five objectives with indicators; two lack a target date yet.',
  'S1.documents': 'Document control procedure in place; documents carry version, owner and approval.',
  'S1.legal': 'Register of legal and contractual requirements maintained by the legal department.',
  'S1.competence': 'Role descriptions and awareness training records seen for a sample of staff.',
  'S1.controls': 'Most controls are implemented; logging and data leakage prevention are still being rolled out.',
  'S1.internal-audit':
    'Internal audit programme covers Hamburg only so far; the Bremen audit is planned before Stage 2. Raised as an opportunity for improvement.',
  'S1.management-review': 'First management review held; minutes record decisions on resources and objectives.',
  'S1.site': 'Bremen warehouse has its own access control zones; reviewed remotely with site photographs.',
  'S1.stage2-plan':
    'Stage 2 planned for four auditor days across both sites, with a technical expert for IT operations.',
  'S1.concerns': 'Areas to follow up at Stage 2: Bremen internal audit, access reviews for leavers.',
};

export const stage1Patch = (item: ChecklistItem): Patch => ({
  result: item.ref === 'S1.internal-audit' ? 'ofi' : 'conforming',
  notes: STAGE1_NOTES[item.ref] ?? `Documentation for ${item.title.toLowerCase()} reviewed; ready for Stage 2.`,
  minutesSpent: 20,
});

/** Stage 2 fieldwork so far: clauses 4–7 and controls A.5.1–A.5.18, A.6 and A.7.1 have a result. */
const STAGE2_AUDITED = /^(?:[4-7](?:\.\d+)+|A\.5\.(?:[1-9]|1[0-8])|A\.6\.\d+|A\.7\.1)$/;

const STAGE2_SPECIAL: Readonly<Record<string, Patch>> = {
  '6.2': {
    result: 'ofi',
    notes:
      'Objectives have indicators, but two of five (phishing click rate, patch latency) have no target value yet. Setting targets would make the review of progress more meaningful.',
  },
  'A.5.9': {
    result: 'ofi',
    notes:
      'The CMDB lists all servers and laptops; handheld scanners in Bremen are tracked in a separate spreadsheet. Merging both would avoid gaps.',
    sampleSize: 12,
    minutesSpent: 35,
    samples: [
      { identifier: 'CMDB-LT-0412', description: 'Laptop, finance; owner and location correct' },
      { identifier: 'BRE-SCAN-077', description: 'Handheld scanner; only in the Bremen spreadsheet' },
    ],
  },
  'A.5.18': {
    result: 'minor_nc',
    notes:
      'Quarterly access review performed, but two of ten sampled leavers kept an active ERP account for more than four weeks after leaving. The leaver process does not include the ERP administrator.',
    sampleSize: 10,
    minutesSpent: 55,
    samples: [
      { identifier: 'HR-LEAVER-2025-031', description: 'Warehouse planner; ERP account active 34 days after leaving' },
      { identifier: 'HR-LEAVER-2025-044', description: 'Dispatcher; ERP account active 29 days after leaving' },
      { identifier: 'HR-LEAVER-2025-052', description: 'Accountant; all accounts disabled on the last day' },
    ],
  },
  'A.6.1': {
    result: 'conforming',
    notes: 'Screening records complete for all sampled joiners, finished before the start date.',
    sampleSize: 5,
    minutesSpent: 25,
    samples: [
      { identifier: 'HR-JOIN-2025-118', description: 'IT administrator' },
      { identifier: 'HR-JOIN-2025-131', description: 'Customer service agent' },
    ],
  },
  '7.2': {
    result: 'conforming',
    notes: 'Competence matrix maintained per role; training records present for the sampled IT staff.',
    sampleSize: 4,
    minutesSpent: 30,
    samples: [{ identifier: 'TR-2025-IT-07', description: 'Firewall administration course, certificate on file' }],
  },
};

/** Who audits what: the lead the clauses, the auditor A.5 and A.6, the technical expert A.8; A.7 is still open. */
export function stage2Assignee(item: ChecklistItem, team: { lead: string; auditor: string; expert: string }) {
  if (item.kind === 'clause') return team.lead;
  if (item.groupId === 'A.5' || item.groupId === 'A.6') return team.auditor;
  if (item.groupId === 'A.8') return team.expert;
  return null;
}

/** The edit for one Stage 2 item, or null when fieldwork has not reached it yet (apart from its assignee). */
export function stage2Patch(item: ChecklistItem): Patch | null {
  if (item.result === 'not_applicable' || !STAGE2_AUDITED.test(item.ref)) return null;
  return STAGE2_SPECIAL[item.ref] ?? conformingPatch(item);
}

function conformingPatch(item: ChecklistItem): Patch {
  const evidence = (item.evidence[0] ?? 'the documented procedure').replace(/\.$/, '');
  return {
    result: 'conforming',
    notes: `Reviewed: ${evidence.charAt(0).toLowerCase()}${evidence.slice(1)}. Practice matches the documented process; no deviations found.`,
    minutesSpent: 15,
  };
}

/**
 * A finished audit's result for one item: graded as its finding was raised
 * (`graded`), otherwise conforming where the audit covered it; null for an
 * item outside the sample (`covered`) or excluded by the SoA.
 */
export function finishedPatch(
  item: ChecklistItem,
  graded: Readonly<Record<string, ItemResult>>,
  covered: (ref: string) => boolean,
): Patch | null {
  const result = graded[item.ref];
  if (result) {
    return {
      result,
      notes: `Sampled and discussed with the process owner; see the finding raised against ${item.ref}.`,
      minutesSpent: 30,
    };
  }
  if (item.result === 'not_applicable' || !covered(item.ref)) return null;
  return conformingPatch(item);
}
