import type { Catalogue } from '#shared/i18n/catalogue';
import type { programmeEn } from './en';

export const programmeFr: Catalogue<typeof programmeEn> = {
  recommendationFor: {
    stage1: {
      recommend: 'Prêt pour l’étape 2',
      after_action_plans: 'Prêt pour l’étape 2 dès que les points préoccupants ont un plan d’actions accepté',
      not_recommended: 'Pas prêt pour l’étape 2',
    },
    surveillance: {
      recommend: 'Recommander le maintien de la certification',
      after_action_plans:
        'Recommander le maintien de la certification dès que les plans d’actions correctives sont acceptés',
      not_recommended:
        'Ne pas recommander le maintien de la certification tant que les non-conformités majeures ne sont pas corrigées et vérifiées',
    },
    recertification: {
      recommend: 'Recommander le renouvellement de la certification',
      after_action_plans:
        'Recommander le renouvellement de la certification dès que les plans d’actions correctives sont acceptés',
      not_recommended:
        'Ne pas recommander le renouvellement de la certification tant que les non-conformités majeures ne sont pas corrigées et vérifiées',
    },
  },
  cycle: {
    carriedTitle: 'Constats d’audits précédents à vérifier',
    notPlanned:
      'Le prochain audit du cycle n’est pas encore planifié. <programme>Voir le programme de certification</programme>.',
    planNext: 'Planifier le prochain audit : {{type}}',
  },
  carried: {
    none: 'Aucun constat d’audits antérieurs n’attend d’être vérifié ici. Les constats encore ouverts lorsque le prochain audit du cycle est planifié apparaissent dans sa liste.',
    tableLabel: 'Constats d’audits précédents à vérifier',
    finding: 'Constat',
    type: 'Type',
    raisedIn: 'Relevé lors de',
    statement: 'Énoncé',
    status: 'Statut',
    draft: 'Brouillon',
    leadVerifies: '{{type}} (le responsable d’audit le vérifie)',
  },
  comparison: {
    notInAudit: 'Pas dans cet audit',
    nothingToCompare:
      'Aucun audit antérieur de ce client n’a utilisé la même liste de contrôle : il n’y a donc rien à comparer exigence par exigence (une étape 1 et une étape 2, par exemple, ne partagent aucune liste). Les audits ultérieurs sur cette liste afficheront leurs résultats à côté de celui-ci.',
    comparedWith: 'Comparé à {{type}}',
    comparedWithPrevious: 'Comparé à l’audit précédent',
    onlyChanges: 'Changements seulement',
    noChange: 'Aucune exigence n’a changé de résultat depuis l’audit {{type}}.',
    tableLabel: 'Comparaison avec l’audit précédent',
    requirement: 'Exigence',
    thisAudit: 'Cet audit',
  },
  override: {
    chooseFirst: 'Choisissez la recommandation à enregistrer',
    recorded: 'Recommandation enregistrée',
    title: 'Remplacer la recommandation suggérée',
    suggested:
      'Suggéré d’après les constats : {{label}}. Indiquez pourquoi votre recommandation diffère ; la raison est conservée avec la décision.',
    recommendation: 'Recommandation',
    reason: 'Raison',
    notRecorded: 'Non enregistré',
    cancel: 'Annuler',
    submit: 'Enregistrer la recommandation',
  },
  planNext: {
    startMissing: 'Saisissez le premier jour de l’audit',
    endMissing: 'Saisissez le dernier jour de l’audit',
    sampleMissing: 'Choisissez au moins une exigence ou une mesure à échantillonner',
    reasonMissing: 'Indiquez pourquoi le prochain audit est planifié avant la clôture de celui-ci',
    notPlanned: 'L’audit {{type}} n’a pas été planifié',
    planned: 'Audit {{type}} planifié',
    title: 'Planifier l’audit {{type}}',
    copied:
      'L’équipe d’audit, le périmètre et les sites sont repris de l’audit précédent ; modifiez-les ensuite si nécessaire. Chaque constat encore ouvert est reporté, pour être vérifié lors de cet audit.',
    copiedSampling:
      'L’équipe d’audit, le périmètre et les sites sont repris de l’audit précédent ; modifiez-les ensuite si nécessaire. Chaque constat encore ouvert est reporté, pour être vérifié lors de cet audit, que son exigence soit échantillonnée ou non.',
    start: 'Début prévu',
    end: 'Fin prévue',
    reason: 'Raison de planifier avant la clôture de l’audit précédent',
    reasonHint: 'L’audit {{type}} n’est pas encore clôturé ; la raison est conservée dans sa piste d’audit.',
    cancel: 'Annuler',
    submit: 'Planifier l’audit {{type}}',
  },
  programme: {
    fromPlanned: 'Le prochain audit est planifié à partir de l’audit en cours dès que celui-ci a commencé.',
    planNext: 'Planifier le prochain audit : {{type}}',
    datesNotSaved: 'Les dates de certification n’ont pas été enregistrées',
    datesSaved: 'Dates de certification enregistrées',
    datesLabel: 'Dates de certification',
    decision: 'Décision de certification',
    decisionHint: 'Date de la décision de certifier',
    expiry: 'Expiration du certificat',
    expiryHint: 'Date à laquelle le certificat expire',
    saveDates: 'Enregistrer les dates',
    beforeCertification: 'Avant la certification',
    onceDatesSaved: 'Dès que les dates sont enregistrées',
    overdueTitle: 'En retard',
    overdue_one:
      'Un audit du cycle a dépassé sa date d’échéance sans avoir été réalisé. Planifiez-le, ou indiquez pourquoi il a été déplacé.',
    overdue_other:
      '{{count}} audits du cycle ont dépassé leur date d’échéance sans avoir été réalisés. Planifiez-les, ou indiquez pourquoi ils ont été déplacés.',
    tableLabel: 'Audits du cycle de certification',
    audit: 'Audit',
    dueBy: 'Échéance',
    plannedAudit: 'Audit planifié',
    overdueBadge: 'En retard',
    notPlanned: 'Pas encore planifié',
  },
  recommendation: {
    confirmed: 'Recommandation confirmée',
    title: 'Recommandation',
    suggested: 'Suggestion : {{label}}',
    why: 'Pourquoi cette suggestion',
    afterFieldwork:
      'La recommandation est décidée une fois l’audit réalisé. Commencez l’audit sur le terrain pour l’enregistrer.',
    inForce: 'En vigueur : <b>{{label}}</b>',
    none: 'Aucune recommandation décidée pour l’instant. Confirmez la suggestion, ou remplacez-la en indiquant pourquoi.',
    decidedBy: 'Décidé par',
    decidedByHint: 'Le responsable d’audit',
    confirm: 'Confirmer la suggestion',
    override: 'Remplacer…',
    notRecorded: 'Non enregistré',
    gapsReason: 'Raison d’enregistrer avec ces lacunes ouvertes',
    gapsReasonHint: 'Conservée dans la piste d’audit et imprimée dans le rapport. Confirmez ensuite à nouveau.',
    historyLabel: 'Décisions de recommandation',
    when: 'Quand',
    who: 'Qui',
    decision: 'Décision',
    reason: 'Raison',
    overridden: 'Remplacée',
    noReason: 'Aucune raison nécessaire',
  },
};
