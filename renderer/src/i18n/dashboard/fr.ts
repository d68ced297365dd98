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
  firstRun: {
    title: 'Configurer Fieldwork',
    left_one: 'Une étape avant votre premier audit. Cette liste disparaît une fois tout terminé.',
    left_other: '{{count, number}} étapes avant votre premier audit. Cette liste disparaît une fois tout terminé.',
    done: 'terminé',
    body: {
      title: 'Votre organisme de certification',
      description:
        'Son nom, son adresse et son accréditation tels que les rapports les montrent, et la numérotation des rapports.',
      action: 'Configurer l’organisme de certification',
    },
    signing: {
      title: 'Votre identité de signature',
      description:
        'Le certificat qui signe vos rapports émis, pour que les clients puissent vérifier leur authenticité.',
      action: 'Créer une identité de signature',
    },
    client: {
      title: 'Votre premier client',
      description:
        'L’organisme qui demande la certification, ses sites et ses contacts ; planifiez ensuite son premier audit.',
      action: 'Ajouter un client',
    },
    passphrase: {
      title: 'Votre phrase secrète de récupération',
      keychainOnly:
        'Seul le trousseau de cet ordinateur ouvre le dossier chiffré : sans phrase secrète, ses sauvegardes sont illisibles ailleurs.',
      notEncrypted:
        'Le dossier de données n’est pas chiffré : choisissez une phrase secrète pour le chiffrer sur ce disque et l’ouvrir ailleurs.',
      set: 'Définir une phrase secrète de récupération',
      encrypt: 'Chiffrer avec une phrase secrète',
    },
    demo: {
      intro:
        'Vous voulez juste découvrir ? Chargez plutôt la démo : deux clients fictifs avec leurs audits, listes de contrôle, constats et un rapport signé, ainsi que l’identité de signature du responsable d’audit de démo (phrase secrète « demo-passphrase »). Un organisme de certification déjà configuré est conservé.',
      load: 'Charger la démo',
      progressLabel: 'Chargement de la démo : {{percent}} % effectué',
      progress:
        'Chargement de la démo… {{percent}} % (cela prend un peu de temps : les audits sont écrits comme vous le feriez).',
      loaded: 'Démo chargée : {{clients}} clients et {{audits}} audits.',
      failed: 'La démo n’a pas été chargée',
    },
  },
};
