import type { Catalogue } from '#shared/i18n/catalogue';
import type { dashboardEn } from './en';

export const dashboardFr: Catalogue<typeof dashboardEn> = {
  nothing: 'Rien à afficher pour l’instant',
  nothingHint: 'Cet audit n’a aucun point de liste de contrôle : il n’y a pas de résultat à compter.',
  byGroup: 'Résultats par chapitre et thème',
  items: 'Points',
  chartLabel: 'Résultats par chapitre et thème, empilés par résultat',
  perAuditor: 'Pas encore audité, par auditeur',
  counts: 'Nombre par résultat',
  needFinding: 'Constat nécessaire',
  count: '{{label}} : {{value, number}}',
  progress: 'Avancement par chapitre et thème',
  group: 'Groupe',
  audited: 'Audités',
  nonconformities: 'Non-conformités',
  ofis: 'Pistes d’amélioration',
  allDone: 'Chaque point a un résultat',
  perAuditorLabel: 'Pas encore audité par auditeur',
  auditor: 'Auditeur',
  itemsLeft: 'Points pas encore audités',
  unassigned: 'Non attribué',
  caption: '<open>Ouvrez la liste de contrôle</open> et filtrez par auditeur pour les traiter.',
  clause: 'Chap. {{id}}',
};
