/**
 * The domain's labels in English (the source catalogue): the words the app and
 * the exports show for enum values. shared/domain's `*_LABELS` maps read these.
 */
export const labelsEn = {
  findingType: {
    major: 'Major nonconformity',
    minor: 'Minor nonconformity',
    ofi: 'Opportunity for improvement',
    positive: 'Good practice',
  },
  findingStatus: {
    draft: 'Draft',
    open: 'Open',
    response_received: 'Response received',
    response_accepted: 'Response accepted',
    verified: 'Verified effective',
    closed: 'Closed',
  },
  verificationMethod: { document_review: 'Document review', on_site: 'On site' },
  reviewConclusion: {
    confirmed: 'Report and recommendation confirmed',
    returned: 'Returned to the audit team',
  },
  decision: {
    grant: 'Certification granted',
    renew: 'Certification renewed',
    maintain: 'Certification maintained',
    suspend: 'Certification suspended',
    withdraw: 'Certification withdrawn',
    refuse: 'Certification not granted',
  },
  exportKind: { report: 'Audit report', nc_list: 'Nonconformity list', plan: 'Audit plan' },
  auditType: {
    stage1: 'Stage 1',
    stage2: 'Stage 2',
    surveillance1: 'Surveillance 1',
    surveillance2: 'Surveillance 2',
    recertification: 'Recertification',
    special: 'Special',
    gap_analysis: 'Gap analysis',
  },
  auditStatus: { planned: 'Planned', in_progress: 'In progress', reporting: 'Reporting', closed: 'Closed' },
  auditMode: { on_site: 'On-site', remote: 'Remote' },
  teamRole: {
    lead_auditor: 'Lead auditor',
    auditor: 'Auditor',
    technical_expert: 'Technical expert',
    observer: 'Observer',
  },
  brandImage: { logo: 'Logo', accreditation_mark: 'Accreditation mark' },
  result: {
    not_audited: 'Not yet audited',
    conforming: 'Conforming',
    ofi: 'Opportunity for improvement',
    minor_nc: 'Minor nonconformity',
    major_nc: 'Major nonconformity',
    not_applicable: 'Not applicable',
  },
  recommendation: {
    recommend: 'Recommend certification',
    after_action_plans: 'Recommend once the corrective action plans for minor nonconformities are accepted',
    not_recommended: 'Do not recommend until major nonconformities are corrected and verified',
  },
  meetingKind: { opening: 'Opening meeting', closing: 'Closing meeting' },
  meetingConfirmation: {
    plan: 'Audit plan confirmed',
    confidentiality: 'Confidentiality explained',
    reporting: 'Reporting of findings and the report explained',
    appeals: 'Complaints and appeals process explained',
  },
} as const;
