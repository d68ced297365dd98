import type { Catalogue } from '#shared/i18n/catalogue';
import type { findingsEn } from './en';

export const findingsFr: Catalogue<typeof findingsEn> = {
  typeShort: { major: 'NC majeure', minor: 'NC mineure', ofi: 'Piste d’amélioration', positive: 'Bonne pratique' },
  draft: 'Brouillon',
  overdue: 'En retard',
  newStage2: 'Nouvelle étape 2 nécessaire',
  item: {
    label: 'Constats de ce point',
    title: 'Constats',
    raise: 'Émettre un constat',
    raiseFailed: 'Le constat n’a pas été créé',
    raiseBlocked:
      'Les constats s’émettent une fois l’audit sur le terrain commencé : utilisez d’abord « Commencer l’audit sur le terrain » sur l’audit.',
    none: 'Aucun constat émis pour l’instant.',
  },
  register: {
    title: 'Non-conformités',
    description: 'Les constats de tous les audits : suivre les réponses, les vérifications et les retards',
    filters: 'Filtrer les constats',
    status: 'Statut',
    anyStatus: 'Tous les statuts',
    type: 'Type',
    anyType: 'Tous les types',
    requirement: 'Exigence',
    requirementPlaceholder: 'p. ex. 8.5 ou A.5.15',
    overdueOnly: 'En retard uniquement',
    noMatch: 'Aucun constat ne correspond à ces filtres',
    noMatchHint: 'Retirez un filtre pour en voir davantage.',
    empty: 'Aucun constat pour l’instant',
    emptyHint:
      'Les constats de tous les audits apparaissent ici. Ouvrez l’onglet « Constats » d’un audit, ou créez-en un depuis un point de la liste de contrôle évalué comme non-conformité.',
    clearFilters: 'Effacer les filtres',
    openAudits: 'Ouvrir les audits',
    tableLabel: 'Non-conformités et autres constats',
    number: 'Numéro',
    client: 'Client',
    audit: 'Audit',
    requirements: 'Exigences',
    statement: 'Constat',
    responseDue: 'Réponse attendue le',
    count_one: '{{count, number}} constat',
    count_other: '{{count, number}} constats',
  },
};
