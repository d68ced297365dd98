import type { Catalogue } from '#shared/i18n/catalogue';
import type { verifyEn } from './en';

export const verifyFr: Catalogue<typeof verifyEn> = {
  title: 'Vérifier un document',
  description:
    'Un rapport ou une liste des non-conformités est-il exactement tel que le responsable d’audit l’a signé ? Choisissez le fichier Word pour le savoir.',
  intro:
    'Le fichier est vérifié sur cet ordinateur et n’est pas conservé. Toute modification après la signature — un caractère, une image, une partie ajoutée ou retirée — apparaît comme une signature non valide. Une signature intacte ne compte comme celle d’une personne connue que si son certificat est l’une de vos identités de signature ou l’un de vos certificats de confiance. Jusqu’à {{size}}.',
  choose: 'Choisir un fichier DOCX…',
  inProgress: 'Vérification en cours',
  checking: 'Vérification de {{name}}…',
  reading: 'Lecture de {{name}}',
  idle: 'Aucun document vérifié pour l’instant. Choisissez un fichier .docx ci-dessus ; le résultat apparaît ici.',
  failed: '{{name}} n’a pas pu être vérifié',
  result: 'Résultat de la vérification',
  nameSize: '{{name}} · {{size}}',
  issuedTitle: 'Émis depuis ce dossier de données',
  issued: '{{kind}} version {{version}}, rapport {{number}}, pour {{client}} ({{type}}), émis le {{date}}.',
  current: 'C’est la version en vigueur.',
  newer: 'Une version plus récente a été émise depuis.',
  openReport: 'Ouvrir le rapport de l’audit',
  notIssued:
    'Ce fichier n’est pas une version émise depuis ce dossier de données (son SHA-256 ne correspond à aucune). La signature ci-dessus indique tout de même si elle est intacte et si son signataire est connu ici.',
  sha256: 'SHA-256',
};
