import type { Catalogue } from '#shared/i18n/catalogue';
import type { securityEn } from './en';

export const securityFr: Catalogue<typeof securityEn> = {
  page: {
    title: 'Sécurité',
    description:
      'Le chiffrement du dossier de données sur le disque de cet ordinateur, la phrase secrète qui l’ouvre partout, et le verrouillage.',
  },
  state: {
    title: 'Dossier de données',
    encrypted: 'Chiffré',
    notEncrypted: 'Non chiffré',
    encryptedByKeychain:
      'La base de données, les preuves et les rapports émis sont chiffrés sur le disque. Cette session a été déverrouillée par le trousseau du système de cet ordinateur.',
    encryptedByPassphrase:
      'La base de données, les preuves et les rapports émis sont chiffrés sur le disque. Cette session a été déverrouillée avec sa phrase secrète.',
    plain:
      'La base de données, les preuves et les rapports émis sont des fichiers en clair : quiconque détient ce disque peut les lire.',
    noRecoveryTitle: 'Pas encore de phrase secrète de récupération',
    noRecovery:
      'Seul le trousseau de cet ordinateur peut ouvrir le dossier. Si cet ordinateur tombe en panne, ni le dossier ni ses sauvegardes ne pourront être ouverts ailleurs. Définissez une phrase secrète de récupération ci-dessous.',
  },
  recovery: {
    title: 'Phrase secrète de récupération',
    isSet:
      'Une phrase secrète est définie. La changer réemballe la clé du dossier ; rien n’est rechiffré. Les sauvegardes faites avant le changement gardent la phrase secrète avec laquelle elles ont été faites.',
    notSet: 'Ouvre ce dossier et ses sauvegardes sur n’importe quel ordinateur, ainsi qu’à l’écran de verrouillage.',
    change: 'Changer la phrase secrète',
    set: 'Définir la phrase secrète de récupération',
    changed: 'Phrase secrète changée',
    setDone: 'Phrase secrète de récupération définie',
    failed: 'La phrase secrète n’a pas été changée',
  },
  encrypt: {
    title: 'Chiffrer ce dossier',
    withKeychain:
      'La clé est gardée par le trousseau de cet ordinateur ; la phrase secrète ouvre le dossier et ses sauvegardes partout ailleurs.',
    withoutKeychain:
      'Cet ordinateur n’a pas de trousseau système utilisable par Fieldwork : le dossier s’ouvre donc avec une phrase secrète de votre choix.',
    confirmTitle: 'Chiffrer le dossier de données maintenant ?',
    confirmText:
      'Fieldwork ferme la base de données, écrit une copie chiffrée, la vérifie et la met à la place de celle en clair. Un gros dossier prend un moment ; rien d’autre n’est possible pendant ce temps. Si l’ordinateur s’arrête en cours de route, le dossier en clair reste entier.',
    confirm: 'Chiffrer maintenant',
    running: 'Chiffrement du dossier de données… Laissez Fieldwork ouvert.',
    submit: 'Chiffrer avec cette phrase secrète',
    done: 'Le dossier de données est chiffré',
    failed: 'Le dossier n’a pas été chiffré',
  },
  start: {
    title: 'Démarrage',
    askEveryTime: 'Demander la phrase secrète à chaque démarrage de Fieldwork',
    noKeychain: 'Cet ordinateur n’a pas de trousseau système utilisable par Fieldwork : il demande donc toujours.',
    noPassphrase:
      'Définissez d’abord une phrase secrète de récupération : c’est elle que vous saisiriez à chaque démarrage.',
    passphraseOnly:
      'La clé n’est gardée que par la phrase secrète : personne ne peut ouvrir le dossier sur cet ordinateur sans elle.',
    keychainOpens:
      'Le trousseau de cet ordinateur ouvre le dossier à votre connexion ; la phrase secrète n’est demandée qu’ailleurs.',
    failed: 'Le réglage n’a pas été modifié',
    willAsk: 'Fieldwork demandera la phrase secrète à chaque démarrage',
    keychainAgain: 'Le trousseau ouvre de nouveau le dossier',
  },
  lock: {
    title: 'Verrouillage',
    hintPassphrase:
      'Verrouiller après cette durée sans saisie ni clic. Verrouillé, Fieldwork ferme le dossier et oublie sa clé jusqu’à ce que la phrase secrète le rouvre.',
    hintKeychain:
      'Verrouiller après cette durée sans saisie ni clic. Verrouillé, Fieldwork ferme le dossier et oublie sa clé jusqu’à ce que le trousseau le rouvre.',
    off: 'Désactivé',
    minutes: '{{minutes}} min',
    timeFailed: 'La durée de verrouillage n’a pas été modifiée',
    now: 'Verrouiller maintenant',
    failed: 'Fieldwork n’a pas été verrouillé',
  },
  passphrase: {
    new: 'Nouvelle phrase secrète',
    newHint: 'Au moins {{min}} caractères ; quelques mots sans rapport sont faciles à taper et difficiles à deviner.',
    again: 'Saisissez-la de nouveau',
    keepIt: 'Fieldwork ne peut ni la réafficher ni la récupérer. Notez-la et conservez-la à l’écart de cet ordinateur.',
    notSame: 'Les deux phrases secrètes ne sont pas identiques.',
    empty: 'Saisissez une phrase secrète.',
    tooShort: 'Une phrase secrète compte au moins {{min}} caractères ; quelques mots sans rapport conviennent bien.',
    tooFewDistinct: 'Une phrase secrète compte au moins {{min}} caractères différents.',
  },
  lockScreen: {
    title: 'Fieldwork est verrouillé',
    text: 'Le dossier de données est chiffré et fermé. Saisissez sa phrase secrète pour le rouvrir ; ce que vous étiez en train de saisir est toujours là.',
    passphrase: 'Phrase secrète',
    enter: 'Saisissez la phrase secrète.',
    keychain: 'Déverrouiller avec le trousseau du système',
    unlock: 'Déverrouiller',
  },
  conversion: {
    title: 'Chiffrement de votre dossier de données',
    text: 'Fieldwork chiffre désormais ce qu’il stocke sur cet ordinateur. Votre base de données est convertie une fois ; les fichiers de preuve et les rapports émis suivent à son ouverture. Cela prend un moment pour un gros dossier.',
    starting: 'Démarrage',
    percent: '{{percent}} %',
    done: '{{percent}} % effectués',
    noCancel:
      'Il n’y a pas d’annulation : la conversion ne peut pas être arrêtée sans risque en cours de route. Si l’ordinateur s’arrête malgré tout, rien n’est perdu — le dossier en clair reste utilisable et le prochain démarrage le convertit de nouveau.',
    stage: {
      copy: 'Copie de la base de données',
      encrypt: 'Chiffrement de la copie de la base de données',
      check: 'Vérification de la copie chiffrée',
      key: 'Enregistrement de la clé',
      replace: 'Remplacement de la base de données en clair',
      done: 'Terminé',
    },
  },
};
