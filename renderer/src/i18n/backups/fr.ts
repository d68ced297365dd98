import type { Catalogue } from '#shared/i18n/catalogue';
import type { backupsEn } from './en';

export const backupsFr: Catalogue<typeof backupsEn> = {
  reason: {
    manual: 'Faite par vous',
    daily: 'Quotidienne',
    migration: 'Avant une mise à jour',
    import: 'Avant un import de paquet',
  },
  size: { gb: '{{size}} Go', mb: '{{size}} Mo', kb: '{{size}} Ko' },
  holds: {
    clients_one: '{{count}} client',
    clients_other: '{{count}} clients',
    audits_one: '{{count}} audit',
    audits_other: '{{count}} audits',
    findings_one: '{{count}} constat',
    findings_other: '{{count}} constats',
    evidence_one: '{{count}} fichier de preuve',
    evidence_other: '{{count}} fichiers de preuve',
    evidenceSized_one: '{{count}} fichier de preuve ({{size}})',
    evidenceSized_other: '{{count}} fichiers de preuve ({{size}})',
    reports_one: '{{count}} rapport émis',
    reports_other: '{{count}} rapports émis',
    all: '{{clients}}, {{audits}}, {{findings}}, {{evidence}}, {{reports}}',
  },
  page: {
    title: 'Sauvegardes',
    description:
      'Les sauvegardes de ce dossier de données — la base de données, chaque fichier de preuve et chaque rapport émis — conservées dans <folder/>. Une restauration se fait toujours dans un nouveau dossier ; celui-ci n’est jamais écrasé.',
    backUpNow: 'Sauvegarder maintenant',
    notMade: 'La sauvegarde n’a pas été faite',
    made: 'Sauvegarde faite',
    empty: 'Aucune sauvegarde pour l’instant',
    emptyHint:
      '« Sauvegarder maintenant » fait la première. Fieldwork en fait aussi une au premier démarrage de chaque jour, avant qu’une mise à jour modifie la base de données et avant d’importer un paquet d’équipe.',
    unreadable: 'Certains fichiers de sauvegarde sont inutilisables',
    damaged: 'La base de données de ce dossier de données est endommagée',
  },
  table: {
    label: 'Sauvegardes',
    made: 'Faite le',
    why: 'Motif',
    holds: 'Contenu',
    size: 'Taille',
    actions: 'Actions',
    version: 'Fieldwork {{version}}',
    missingFiles_one: '{{count}} fichier manquait déjà dans le dossier de données lors de sa création.',
    missingFiles_other: '{{count}} fichiers manquaient déjà dans le dossier de données lors de sa création.',
    restore: 'Restaurer…',
    restoreOf: 'Restaurer la sauvegarde du {{date}}',
  },
  job: {
    backingUp: 'Sauvegarde : {{stage}}',
    restoring: 'Restauration : {{stage}}',
    backupProgress: 'Progression de la sauvegarde',
    restoreProgress: 'Progression de la restauration',
    backupFailed: 'La sauvegarde a échoué',
    restoreFailed: 'La restauration a échoué',
    cancelled: 'Annulé',
    noBackupKept: 'Aucune sauvegarde n’a été conservée.',
    nothingRestored: 'Rien n’a été restauré.',
    restored: 'Restaurée',
    restoredText:
      'La sauvegarde a été vérifiée et restaurée dans <folder/>. Pour y travailler : dans l’application de bureau, fermez Fieldwork, mettez son dossier de données de côté et placez ce dossier à sa place ; dans l’aperçu navigateur, exécutez <command/>.',
    stage: {
      waiting: 'En attente',
      database: 'Base de données',
      files: 'Fichiers',
      done: 'Terminé',
      unpacking: 'Vérification et décompression',
    },
  },
  restore: {
    title: 'Restaurer dans un nouveau dossier',
    text: 'La sauvegarde du <made/> ({{holds}}) est décompressée dans un nouveau dossier, et chaque fichier est vérifié par rapport à la liste de la sauvegarde avant d’être considéré comme restauré. Le dossier de données dans lequel vous travaillez n’est pas modifié. Une sauvegarde endommagée est refusée et ne laisse rien derrière elle.',
    folder: 'Nouveau dossier',
    folderHint:
      'Son chemin complet. Il ne doit pas encore exister (ou doit être vide) ; le dossier qui le contient doit exister.',
    folderPlaceholder: '/home/moi/Fieldwork restauré',
    passphrase: 'Phrase secrète de la sauvegarde',
    passphraseHint:
      'Cette sauvegarde provient d’un dossier de données chiffré avec une autre clé : sa phrase secrète est vérifiée avant toute copie.',
    submit: 'Restaurer dans ce dossier',
    failed: 'La sauvegarde n’a pas été restaurée',
  },
  keep: {
    label: 'Sauvegardes à conserver',
    hint: 'Après chaque nouvelle sauvegarde, les plus anciennes au-delà de ce nombre sont supprimées.',
    failed: 'Le réglage n’a pas été enregistré',
    saved_one: 'Fieldwork conserve la sauvegarde la plus récente ({{count}})',
    saved_other: 'Fieldwork conserve les {{count}} sauvegardes les plus récentes',
  },
  damaged: {
    noBackup: 'Aucune sauvegarde à restaurer',
    noBackupHint:
      'Gardez une copie du dossier de données tel qu’il est, et demandez de l’aide avant d’y modifier quoi que ce soit.',
    title: 'La base de données de Fieldwork est endommagée',
    textLatest:
      'Fieldwork a vérifié sa base de données au démarrage et l’a trouvée endommagée : il n’a donc rien ouvert ni rien modifié. Restaurez la dernière sauvegarde, du <made/>, dans un nouveau dossier, puis démarrez Fieldwork sur ce dossier. Le dossier endommagé reste tel quel.',
    textNone:
      'Fieldwork a vérifié sa base de données au démarrage et l’a trouvée endommagée : il n’a donc rien ouvert ni rien modifié. Aucune sauvegarde de ce dossier n’a été trouvée. Le dossier endommagé reste tel quel.',
    folders: 'Le dossier de données endommagé est <folder/> ; ses sauvegardes se trouvent dans <backups/>.',
    copied: 'Copié',
    copyPath: 'Copier le chemin du dossier de données',
    showFolder: 'Afficher dans le dossier',
    quit: 'Quitter Fieldwork',
    restoreLatest: 'Restaurer la dernière sauvegarde…',
    backups: 'Sauvegardes',
    checkSaid: 'Résultat de la vérification : {{problem}}',
  },
};
