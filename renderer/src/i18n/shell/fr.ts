import type { Catalogue } from '#shared/i18n/catalogue';
import type { shellEn } from './en';

export const shellFr: Catalogue<typeof shellEn> = {
  skipToMain: 'Aller au contenu principal',
  appName: 'Fieldwork',
  tagline: 'Audits de certification ISO/IEC 27001',
  toggleNavigation: 'Afficher ou masquer la navigation',
  mainNavigation: 'Navigation principale',
  nav: {
    audits: 'Audits',
    clients: 'Clients',
    nonconformities: 'Non-conformités',
    templates: 'Modèles',
    verify: 'Vérifier un document',
  },
  settings: {
    heading: 'Paramètres',
    branding: 'Organisme de certification',
    signing: 'Identités de signature',
    reportTemplates: 'Modèles de rapport',
    backups: 'Sauvegardes',
    security: 'Sécurité',
  },
  appearance: {
    label: 'Apparence',
    light: 'Clair',
    dark: 'Sombre',
    system: 'Système',
  },
  language: {
    label: 'Langue',
    system: 'Langue du système',
  },
  search: {
    button: 'Rechercher',
    dialogTitle: 'Rechercher',
    fieldLabel: 'Rechercher',
    placeholder: 'Rechercher constats, notes, échantillons, entretiens, documents, preuves…',
    thisAudit: 'cet audit',
    allAudits: 'tous les audits',
    intro:
      'Saisissez un mot ou un numéro de constat (NC-01) pour rechercher dans les constats, notes de la liste de contrôle, échantillons, entretiens, observations, documents examinés et preuves de {{where}}. Utilisez <key>↑</key> <key>↓</key> pour choisir et <key>Entrée</key> pour ouvrir.',
    failed: 'La recherche n’a pas abouti',
    nothing: 'Rien dans {{where}} ne correspond à « {{query}} ».',
    searchAll: 'Rechercher dans tous les audits',
    searching: 'Recherche…',
    results: 'Résultats de la recherche',
    searchingIn: 'Recherche dans {{where}}',
    count_one: '{{count, number}} résultat',
    count_other: '{{count, number}} résultats',
    loadedOf: '{{loaded, number}} résultats chargés sur {{total, number}}, la suite en faisant défiler',
    beyond:
      '{{said}} : les meilleurs des {{total, number}} résultats les plus récents ; ajoutez un mot pour trouver les plus anciens.',
    kinds: {
      checklist_item: 'Liste de contrôle',
      interview: 'Entretiens',
      observation: 'Observations',
      document: 'Documents examinés',
      evidence: 'Preuves',
      finding: 'Constats',
      sample: 'Échantillons',
    },
  },
  notices: {
    dataFolder: 'Dossier de données',
  },
  theme: {
    close: 'Fermer',
    eyeDropper: 'Prélever une couleur à l’écran',
    passwordToggle: 'Afficher ou masquer la saisie',
  },
  refreshFailed: 'Actualisation impossible',
};
