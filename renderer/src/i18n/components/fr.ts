import type { Catalogue } from '#shared/i18n/catalogue';
import type { componentsEn } from './en';

/** Widgets several features show, in French (formal address). */
export const componentsFr: Catalogue<typeof componentsEn> = {
  draft: {
    idle: 'Enregistré pendant la saisie',
    saving: 'Enregistrement…',
    saved: 'Toutes les modifications sont enregistrées',
    failed: 'Pas encore enregistré — conservé sur cet ordinateur',
  },
  gaps: {
    title: '{{title}} ({{count, number}})',
  },
  requirements: {
    label: 'Exigences couvertes',
    removed: 'Point supprimé',
    other: 'Autres',
    noChecklist: 'Cet audit n’a pas de liste de contrôle à laquelle se rattacher',
    hint: 'Saisissez un numéro ou des mots pour trouver des points',
    placeholder: 'p. ex. 7.2, A.7.2 ou un mot du titre',
    nothingFound: 'Aucun point de la liste de contrôle ne correspond',
  },
  sampling: {
    chooseClientFirst: 'Choisissez d’abord le client : l’échantillon dépend de ses audits précédents.',
    loading: 'Chargement des exigences et des mesures…',
    label: 'Échantillonné dans cet audit',
    description:
      '{{chosen, number}} sur {{total, number}} sélectionnés. Les articles 9.2, 9.3 et 10.2 sont échantillonnés à chaque audit de surveillance ; « Pas encore couvert dans ce cycle » signale ce que les audits précédents de ce cycle de certification n’ont pas audité.',
    selectSuggested: 'Sélectionner les suggestions ({{count, number}})',
    onlyRequired: 'Seulement les obligatoires',
    selectAll: 'Tout sélectionner',
    always: 'Toujours échantillonné',
    notCovered: 'Pas encore couvert dans ce cycle',
  },
  hash: {
    copied: 'Copié',
    copyFull: 'Copier le {{label}} complet',
    copyShort: 'Copier le {{label}} {{short}}',
  },
  signer: {
    identity: 'Identité de signature',
    option: '{{name}} ({{details}})',
    optionExpired: '{{name}} ({{details}}) · expirée',
    passphrase: 'Phrase secrète',
    keychain: 'Cette clé est déverrouillée par le trousseau du système ; aucune phrase secrète n’est nécessaire.',
  },
  verify: {
    known: {
      known_identity:
        'Signature valide — signée par {{name}}, connue ici comme l’identité de signature {{matched}} de ce dossier de données.',
      known_identityAt:
        'Signature valide — signée par {{name}} le {{at}}, connue ici comme l’identité de signature {{matched}} de ce dossier de données.',
      trusted_certificate:
        'Signature valide — signée par {{name}}, connue ici comme le certificat de confiance {{matched}}.',
      trusted_certificateAt:
        'Signature valide — signée par {{name}} le {{at}}, connue ici comme le certificat de confiance {{matched}}.',
      given_fingerprint: 'Signature valide — signée par {{name}}, connue ici par une empreinte que vous avez fournie.',
      given_fingerprintAt:
        'Signature valide — signée par {{name}} le {{at}}, connue ici par une empreinte que vous avez fournie.',
    },
    nameless: 'un certificat sans nom',
    fingerprint: 'Empreinte du certificat {{fingerprint}}',
    unknownTitle: 'Inchangé, mais le signataire n’est pas connu',
    unknown:
      'Le document n’a pas changé depuis sa signature, mais il a été signé par un certificat que ce dossier de données ne connaît pas. Le certificat se nomme <b>{{name}}</b> — n’importe qui peut créer un certificat portant n’importe quel nom.',
    unknownAt:
      'Le document n’a pas changé depuis sa signature, mais il a été signé par un certificat que ce dossier de données ne connaît pas. Le certificat se nomme <b>{{name}}</b>, signé le {{at}} — n’importe qui peut créer un certificat portant n’importe quel nom.',
    noName: '(sans nom)',
    callTheSigner: 'Appelez le signataire à un numéro que vous connaissez déjà et comparez cette empreinte SHA-256 :',
    fingerprintLabel: 'Empreinte du certificat (SHA-256)',
    importUnder:
      'Si elle correspond, importez son certificat sous <go>Identités de signature → Certificats de confiance</go>.',
    notSigned: 'Non signé',
    notValid: 'Signature non valide',
    noSignature: 'Le fichier ne porte aucune signature.',
  },
  editor: {
    unsaved: 'Modifications non enregistrées',
    saveChanges: 'Enregistrer les modifications',
    cancel: 'Annuler',
    interview: {
      create: 'Créer l’entretien',
      attachLater: 'Les photos et fichiers pourront être joints une fois l’entretien créé.',
      deleteTitle: 'Supprimer cet entretien ?',
      delete: 'Supprimer l’entretien',
      notDeleted: 'L’entretien n’a pas été supprimé',
      deleted: 'Entretien supprimé',
    },
    observation: {
      create: 'Créer l’observation',
      attachLater: 'Les photos et fichiers pourront être joints une fois l’observation créée.',
      deleteTitle: 'Supprimer cette observation ?',
      delete: 'Supprimer l’observation',
      notDeleted: 'L’observation n’a pas été supprimée',
      deleted: 'Observation supprimée',
    },
    document: {
      create: 'Créer le document',
      attachLater: 'Les photos et fichiers pourront être joints une fois le document créé.',
      deleteTitle: 'Supprimer ce document ?',
      delete: 'Supprimer le document',
      notDeleted: 'Le document n’a pas été supprimé',
      deleted: 'Document supprimé',
    },
    finding: {
      create: 'Créer le constat',
      attachLater: 'Les photos et fichiers pourront être joints une fois le constat créé.',
      deleteTitle: 'Supprimer ce constat ?',
      delete: 'Supprimer le constat',
      notDeleted: 'Le constat n’a pas été supprimé',
      deleted: 'Constat supprimé',
    },
    draftFinding: {
      create: 'Créer le brouillon de constat',
      attachLater: 'Les photos et fichiers pourront être joints une fois le brouillon de constat créé.',
      deleteTitle: 'Supprimer ce brouillon de constat ?',
      delete: 'Supprimer le brouillon de constat',
      notDeleted: 'Le brouillon de constat n’a pas été supprimé',
      deleted: 'Brouillon de constat supprimé',
    },
  },
};
