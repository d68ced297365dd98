import type { Catalogue } from '#shared/i18n/catalogue';
import type { commonEn } from './en';

export const commonFr: Catalogue<typeof commonEn> = {
  confirm: 'Confirmer',
  cancel: 'Annuler',
  save: 'Enregistrer',
  delete: 'Supprimer',
  edit: 'Modifier',
  add: 'Ajouter',
  close: 'Fermer',
  notRecorded: 'Non renseigné',
  loading: 'Chargement',
  loadingDots: 'Chargement…',
  tryAgain: 'Réessayer',
  notFound: 'Introuvable',
  couldNotLoad: 'Impossible de charger cette page',
  serveToken: 'Ouvrez l’adresse complète affichée par `fieldwork serve`, jeton compris.',
  pageNotFound: 'Page introuvable',
  pageNotFoundHint: 'Cette adresse ne mène à aucun écran de Fieldwork.',
  goToAudits: 'Aller aux audits',
  documentTitle: '{{title}} · Fieldwork',
  errorTitles: {
    invalid_input: 'Certains champs demandent votre attention',
    not_found: 'Introuvable',
    conflict: 'Impossible',
    unavailable: 'Fieldwork est injoignable',
    unauthorized: 'Non connecté à cet aperçu',
    fallback: 'Une erreur s’est produite',
  },
};
