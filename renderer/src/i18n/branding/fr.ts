import type { Catalogue } from '#shared/i18n/catalogue';
import type { brandingEn } from './en';

export const brandingFr: Catalogue<typeof brandingEn> = {
  page: {
    title: 'Organisme de certification',
    description:
      'Qui émet les rapports : son nom, son adresse et son accréditation, son logo et ses couleurs figurent sur chaque rapport exporté.',
    identity: 'Identité',
    formLabel: 'Organisme de certification',
    save: 'Enregistrer l’organisme de certification',
    saved: 'Organisme de certification enregistré',
    notSaved: 'L’organisme de certification n’a pas été enregistré',
    name: 'Nom',
    address: 'Adresse',
    addressHint: 'Telle qu’elle doit apparaître dans l’en-tête du rapport et sur la couverture.',
    accreditation: 'Accréditation',
    accreditationHint: 'L’organisme d’accréditation et votre numéro d’accréditation, affichés à côté de la marque.',
    website: 'Site web',
    primaryColour: 'Couleur principale',
    primaryColourHint: 'Titres et en-têtes de tableaux.',
    accentColour: 'Couleur d’accent',
    accentColourHint: 'Filets et mises en évidence.',
    pattern: 'Modèle du numéro de rapport',
    placeholders: 'Espaces réservés : {{list}}',
    token: '{{token}} {{help}}',
    example: 'Exemple : <example/>',
    language: 'Langue du rapport des nouveaux audits',
    languageHint:
      'Les nouveaux audits rédigent leur rapport, leur liste de non-conformités et leur plan dans cette langue ; chaque audit peut la changer dans son propre formulaire.',
    images: 'Logo et marque d’accréditation',
    logoHint: 'Sur la couverture et dans l’en-tête de page. PNG, JPEG ou WebP, 2 Mo au plus.',
    markHint:
      'La marque de l’organisme d’accréditation, si votre accréditation vous permet de l’utiliser sur les rapports.',
  },
  tokenHelp: {
    year: 'année d’émission',
    seq: 'numéro d’ordre (obligatoire)',
    type: 'type d’audit',
    client: 'nom court du client',
  },
  image: {
    tooLarge: '{{name}} fait {{size}} ; les logos et marques font au plus {{max}}.',
    unreadable: '{{name}} n’a pas pu être lu.',
    replace: 'Choisissez un fichier pour le remplacer',
    choose: 'Choisissez un fichier PNG, JPEG ou WebP',
    loading: 'Chargement…',
    dimensions: '{{width}} × {{height}} px · {{size}}',
    removeText: 'Les rapports exportés à partir de maintenant seront écrits sans.',
    removeConfirm: 'Retirer',
    keepIt: 'Le garder',
    logo: {
      saved: 'Logo enregistré',
      removed: 'Logo retiré',
      notRemoved: 'Le logo n’a pas été retiré',
      removeTitle: 'Retirer le logo ?',
      remove: 'Retirer le logo',
      alt: 'Logo enregistré',
    },
    accreditation_mark: {
      saved: 'Marque d’accréditation enregistrée',
      removed: 'Marque d’accréditation retirée',
      notRemoved: 'La marque d’accréditation n’a pas été retirée',
      removeTitle: 'Retirer la marque d’accréditation ?',
      remove: 'Retirer la marque d’accréditation',
      alt: 'Marque d’accréditation enregistrée',
    },
  },
};
