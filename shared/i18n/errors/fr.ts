import type { Catalogue } from '../catalogue';
import type { errorsEn } from './en';

/** Every DomainError text in French (formal address). */
export const errorsFr: Catalogue<typeof errorsEn> = {
  unknown: "Une erreur s'est produite : {{message}}",
  audits: {
    notFound: "Cet audit n'existe pas (il a peut-être été supprimé).",
    closedReadOnly: 'Un audit clos fait partie du dossier de certification et ne peut pas être modifié.',
    otherClient: 'Un audit ne peut pas être déplacé vers un autre client.',
    deletePlannedOnly:
      "Seul un audit planifié peut être supprimé ; une fois l'audit commencé, ses enregistrements sont conservés.",
    sameReportLanguages: 'La deuxième langue du rapport doit être différente de la première.',
    clientMissing: "Le client choisi n'existe pas (il a peut-être été supprimé).",
    siteNotClients: "Un site du périmètre n'appartient pas à ce client.",
  },
  exports: {
    tooLarge: 'Le document est trop volumineux pour être enregistré (plus de 4 Go).',
    cancelled: "L'export a été annulé.",
    planDocxOnly: "Le plan d'audit est produit uniquement au format DOCX.",
    twoRunning: "Deux exports sont déjà en cours : attendez qu'un se termine, ou annulez-en un.",
    jobNotFound: "Cet export n'existe pas (l'application a peut-être été redémarrée).",
    stillRunning: "L'export est toujours en cours.",
    noFile: "L'export n'a produit aucun fichier.",
    noLead: "L'audit n'a pas de responsable d'audit ; ajoutez-en un à l'équipe avant l'émission.",
    notTheLead:
      "Seul le responsable d'audit, {{lead}}, peut émettre ses documents ; « {{identity}} » est l'identité d'une autre personne.",
    notYetValid: "Le certificat de « {{identity}} » n'est pas encore valide (à partir du {{from}}).",
    expired:
      'Le certificat de « {{identity}} » a expiré le {{on}}. Les lecteurs verront que la signature a été faite avec un certificat expiré. Confirmez pour signer quand même, ou créez une nouvelle identité.',
  },
};
