import type { Catalogue } from '#shared/i18n/catalogue';
import type { templatesEn } from './en';

export const templatesFr: Catalogue<typeof templatesEn> = {
  title: 'Modèles de liste de contrôle',
  description:
    'Un nouvel audit copie sa liste de contrôle depuis l’un de ces modèles. Les modifications ultérieures d’un modèle ne changent jamais les audits déjà planifiés.',
  importHint:
    'Votre organisme de certification peut importer son propre modèle : un fichier JSON avec un identifiant, une version, un titre, une langue, une étape, des groupes et des points (chacun avec un numéro, un titre, des questions d’audit et des indications de preuves).',
  empty: 'Aucun modèle',
  emptyHint:
    'Les modèles intégrés manquent dans cette installation. Importez un fichier de modèle pour planifier des audits.',
  tableLabel: 'Modèles',
  columns: {
    title: 'Titre',
    id: 'Identifiant',
    version: 'Version',
    for: 'Pour',
    language: 'Langue',
    source: 'Origine',
    items: 'Points',
  },
  stage: { stage1: 'Étape 1', stage2: 'Étape 2 et suivantes' },
  builtin: 'Intégré',
  imported: 'Importé',
  import: {
    button: 'Importer un modèle',
    fileLabel: 'Fichier de modèle',
    tooLarge: 'Le fichier fait {{size}} ; un modèle fait au plus 2 Mo.',
    notJson: 'Le fichier n’est pas un JSON valide : {{reason}}.',
    unreadable: 'illisible',
    done: 'Modèle « {{title}} » version {{version}} importé',
    failed: '« {{file}} » n’a pas été importé',
    formatProblems:
      'Le fichier ne suit pas le format de modèle de Fieldwork. Corrigez ces endroits et importez-le à nouveau :',
    problemsLabel: 'Problèmes dans le fichier',
    theFile: '(le fichier)',
    dismiss: 'Fermer',
  },
};
