import type { Catalogue } from '#shared/i18n/catalogue';
import type { reviewEn } from './en';

export const reviewFr: Catalogue<typeof reviewEn> = {
  title: 'Revue technique et décision de certification',
  issueFirst: 'La revue technique porte sur le rapport émis. Émettez d’abord le rapport (onglet Rapport).',
  onReport: 'Sur le rapport {{number}} version {{version}}, émis le {{date}}.',
  recorded: 'Revue enregistrée',
  reviewedBy: 'Revu par <b>{{name}}</b> le {{date}} : {{conclusion}}.',
  decidedBy: 'Décision : <b>{{decision}}</b> par {{name}} le {{date}}.',
  notRecorded: 'Non enregistré',
  reviewer: 'Réviseur',
  notOnTeam: 'Hors de l’équipe d’audit',
  reviewerEmail: 'E-mail du réviseur',
  reviewedOn: 'Revu le',
  conclusion: 'Conclusion',
  reviewNotes: 'Notes de revue',
  recordReview: 'Enregistrer la revue',
  reviewRecorded: 'Revue technique enregistrée',
  decision: 'Décision',
  decidedByLabel: 'Décidé par',
  decidedOn: 'Décidé le',
  decisionNotes: 'Notes de décision',
  final: 'Définitive une fois enregistrée.',
  recordDecision: 'Enregistrer la décision',
  decisionRecorded: 'Décision de certification enregistrée',
};
