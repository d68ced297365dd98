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
  clients: {
    notFound: "Ce client n'existe pas (il a peut-être été supprimé).",
    hasAudits_one:
      "{{client}} a {{count}} audit ; le dossier d'un client audité est conservé. Supprimez d'abord ses audits planifiés.",
    hasAudits_other:
      "{{client}} a {{count}} audits ; le dossier d'un client audité est conservé. Supprimez d'abord ses audits planifiés.",
    siteInScope:
      "Le site « {{site}} » fait partie du périmètre d'un audit. Retirez-le du périmètre de l'audit avant de le supprimer.",
  },
  checklist: {
    itemNotFound: "Ce point de la liste de contrôle n'existe pas (son audit a peut-être été supprimé).",
    assigneeNotOnTeam: "L'auditeur assigné ne fait pas partie de l'équipe de cet audit.",
  },
  evidence: {
    notFound: "Cette pièce jointe n'existe pas (elle a peut-être été supprimée).",
    notLinked: "La pièce jointe n'est pas liée à cet endroit.",
    evidenceOfIssued:
      "Cette pièce jointe est une preuve du constat émis {{numbers}} ; elle ne peut pas être supprimée. Retirez-la plutôt du constat : ce changement est conservé dans l'historique du constat.",
    targetMissing: {
      checklist_item:
        "Le point de la liste de contrôle auquel lier la pièce jointe n'existe pas (il a peut-être été supprimé).",
      finding: "Le constat auquel lier la pièce jointe n'existe pas (il a peut-être été supprimé).",
      interview: "L'entretien auquel lier la pièce jointe n'existe pas (il a peut-être été supprimé).",
      observation: "L'observation à laquelle lier la pièce jointe n'existe pas (elle a peut-être été supprimée).",
      audit: "L'audit auquel lier la pièce jointe n'existe pas (il a peut-être été supprimé).",
    },
    targetOtherAudit: {
      checklist_item:
        'Le point de la liste de contrôle appartient à un autre audit ; les pièces jointes restent dans leur audit.',
      finding: 'Le constat appartient à un autre audit ; les pièces jointes restent dans leur audit.',
      interview: "L'entretien appartient à un autre audit ; les pièces jointes restent dans leur audit.",
      observation: "L'observation appartient à un autre audit ; les pièces jointes restent dans leur audit.",
      audit: "L'audit appartient à un autre audit ; les pièces jointes restent dans leur audit.",
    },
  },
  findings: {
    notFound: "Ce constat n'existe pas (il a peut-être été supprimé à l'état de brouillon).",
    notInProgress:
      "Les constats sont émis une fois l'audit en cours ; commencez d'abord l'audit (passez son statut à En cours).",
    auditClosed: 'Cet audit est clos : ses constats font partie du dossier de certification.',
    closedAuditFinding:
      'Ce constat appartient à un audit clos et ne peut plus être modifié ; son cycle de vie (réponse, vérification, clôture) se poursuit.',
    notRequirement_one:
      "L'exigence choisie n'est pas une exigence de cet audit (choisissez dans sa liste de contrôle).",
    notRequirement_other:
      '{{count}} des exigences choisies ne sont pas des exigences de cet audit (choisissez dans sa liste de contrôle).',
    linkedMissing: {
      interview: "L'entretien lié n'existe pas (il a peut-être été supprimé).",
      observation: "L'observation liée n'existe pas (elle a peut-être été supprimée).",
      document: "Le document examiné lié n'existe pas (il a peut-être été supprimé).",
    },
    linkedOtherAudit: {
      interview: "L'entretien lié appartient à un autre audit ; un constat cite des preuves de son propre audit.",
      observation: "L'observation liée appartient à un autre audit ; un constat cite des preuves de son propre audit.",
      document:
        'Le document examiné lié appartient à un autre audit ; un constat cite des preuves de son propre audit.',
    },
    citedByIssued: {
      interview: 'Cet entretien est une preuve objective du constat émis {{numbers}} et ne peut pas être supprimé.',
      observation:
        'Cette observation est une preuve objective du constat émis {{numbers}} et ne peut pas être supprimée.',
      document:
        'Ce document examiné est une preuve objective du constat émis {{numbers}} et ne peut pas être supprimé.',
    },
    auditHasIssued_one:
      'Cet audit a un constat émis ; il fait partie du dossier de certification et ne peut pas être supprimé.',
    auditHasIssued_other:
      'Cet audit a {{count}} constats émis ; il fait partie du dossier de certification et ne peut pas être supprimé.',
    verifiedHere:
      "Des constats d'audits précédents ont été vérifiés dans cet audit ; il fait partie du dossier de certification et ne peut pas être supprimé.",
    closingBeforeStart: "La réunion de clôture ne peut pas avoir lieu avant le début de l'audit ({{start}}).",
    noSuchRecord: "Cet enregistrement n'existe pas, et rien n'a jamais été enregistré à son sujet.",
  },
  records: {
    notFound: {
      interview: "Cet entretien n'existe pas (lui ou son audit a peut-être été supprimé).",
      observation: "Cette observation n'existe pas (elle ou son audit a peut-être été supprimé).",
      document: "Ce document n'existe pas (lui ou son audit a peut-être été supprimé).",
    },
    noSuchEntry: 'Aucune entrée de ce type à mettre à jour dans cet enregistrement ({{id}})',
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
