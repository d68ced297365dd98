import type { Catalogue } from '../catalogue';
import type { labelsEn } from './en';

/** The domain's labels in French (our own translation; terms as in the glossary). */
export const labelsFr: Catalogue<typeof labelsEn> = {
  findingType: {
    major: 'Non-conformité majeure',
    minor: 'Non-conformité mineure',
    ofi: "Piste d'amélioration",
    positive: 'Bonne pratique',
  },
  findingStatus: {
    draft: 'Brouillon',
    open: 'Ouvert',
    response_received: 'Réponse reçue',
    response_accepted: 'Réponse acceptée',
    verified: 'Efficacité vérifiée',
    closed: 'Clos',
  },
  verificationMethod: { document_review: 'Revue documentaire', on_site: 'Sur site' },
  reviewConclusion: {
    confirmed: 'Rapport et recommandation confirmés',
    returned: "Renvoyé à l'équipe d'audit",
  },
  decision: {
    grant: 'Certification accordée',
    renew: 'Certification renouvelée',
    maintain: 'Certification maintenue',
    suspend: 'Certification suspendue',
    withdraw: 'Certification retirée',
    refuse: 'Certification refusée',
  },
  exportKind: { report: "Rapport d'audit", nc_list: 'Liste des non-conformités', plan: "Plan d'audit" },
  auditType: {
    stage1: 'Étape 1',
    stage2: 'Étape 2',
    surveillance1: 'Audit de surveillance 1',
    surveillance2: 'Audit de surveillance 2',
    recertification: 'Audit de renouvellement',
    special: 'Audit spécial',
    gap_analysis: 'Analyse des écarts',
  },
  auditStatus: { planned: 'Planifié', in_progress: 'En cours', reporting: 'Rédaction du rapport', closed: 'Clos' },
  auditMode: { on_site: 'Sur site', remote: 'À distance' },
  teamRole: {
    lead_auditor: "Responsable d'audit",
    auditor: 'Auditeur',
    technical_expert: 'Expert technique',
    observer: 'Observateur',
  },
  brandImage: { logo: 'Logo', accreditation_mark: "Marque d'accréditation" },
  result: {
    not_audited: 'Pas encore audité',
    conforming: 'Conforme',
    ofi: "Piste d'amélioration",
    minor_nc: 'Non-conformité mineure',
    major_nc: 'Non-conformité majeure',
    not_applicable: 'Non applicable',
  },
  recommendation: {
    recommend: 'Recommander la certification',
    after_action_plans:
      "Recommander dès que les plans d'actions correctives des non-conformités mineures sont acceptés",
    not_recommended: 'Ne pas recommander tant que les non-conformités majeures ne sont pas corrigées et vérifiées',
  },
  meetingKind: { opening: "Réunion d'ouverture", closing: 'Réunion de clôture' },
  meetingConfirmation: {
    plan: "Plan d'audit confirmé",
    confidentiality: 'Confidentialité expliquée',
    reporting: 'Communication des constats et du rapport expliquée',
    appeals: 'Processus de plaintes et de recours expliqué',
  },
};
