import type { Catalogue } from '#shared/i18n/catalogue';
import type { findingsEn } from './en';

export const findingsFr: Catalogue<typeof findingsEn> = {
  typeShort: { major: 'NC majeure', minor: 'NC mineure', ofi: 'Piste d’amélioration', positive: 'Bonne pratique' },
  draft: 'Brouillon',
  overdue: 'En retard',
  newStage2: 'Nouvelle étape 2 nécessaire',
  drawer: {
    summary: 'Résumé du constat',
    dismiss: 'Fermer',
    saveFirst: 'Enregistrez d’abord vos modifications',
    issuedAsSaved: 'Le constat est émis tel qu’il est enregistré.',
    notIssued: 'Le constat n’a pas été émis',
    issued: 'Constat émis',
    evidenceFiles: 'Fichiers de preuve',
    draftHint:
      'Un brouillon n’a pas encore de numéro. L’émission le numérote définitivement ; un constat émis ne peut plus être supprimé.',
    deleteDescription:
      'Ce brouillon de constat et les liens vers ses preuves seront supprimés. Les fichiers joints uniquement à lui le seront aussi. Cette action est irréversible.',
    issue: 'Émettre le constat',
  },
  verify: {
    label: 'Vérification',
    whoVerified: 'Qui l’a vérifié ?',
    failed: 'Le constat n’a pas été vérifié',
    done: 'Constat vérifié comme efficace',
    method: 'Méthode',
    methodLabel: 'Méthode de vérification',
    notes: 'Notes de vérification',
    notesHint: 'Ce que vous avez vérifié et ce qui a montré que l’action a fonctionné',
    on: 'Vérifié le',
    by: 'Vérifié par',
    submit: 'Vérifier',
  },
  grading: {
    whenToChoose: 'Quand choisir : {{title}}',
    major: {
      title: 'Non-conformité majeure',
      text: 'Classez en majeure lorsque le constat met en doute la capacité du système de management à atteindre ce pour quoi il est conçu — par exemple une exigence qui n’est pas du tout traitée, ou plusieurs écarts mineurs sur une même exigence qui, ensemble, montrent que le système y est défaillant. La certification attend qu’elle soit corrigée et vérifiée.',
    },
    minor: {
      title: 'Non-conformité mineure',
      text: 'Une exigence n’est pas entièrement satisfaite, mais l’écart est isolé et ne met pas en doute la capacité du système de management à atteindre les résultats attendus. Le client répond par une correction et un plan d’actions correctives.',
    },
    ofi: {
      title: 'Piste d’amélioration',
      text: 'Rien ne s’écarte d’une exigence, mais vous voyez comment le client pourrait mieux faire, ou un risque d’écart futur. Aucune réponse n’est demandée ; elle est notée puis close.',
    },
    positive: {
      title: 'Bonne pratique',
      text: 'Quelque chose que le client fait particulièrement bien et qui mérite d’être noté dans le rapport. Aucune réponse n’est demandée.',
    },
  },
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
