import type { Catalogue } from '../catalogue';
import type { labelsEn } from './en';

/** The domain's labels in German (our own translation; terms as in the glossary). */
export const labelsDe: Catalogue<typeof labelsEn> = {
  findingType: {
    major: 'Hauptabweichung',
    minor: 'Nebenabweichung',
    ofi: 'Verbesserungspotenzial',
    positive: 'Gute Praxis',
  },
  findingStatus: {
    draft: 'Entwurf',
    open: 'Offen',
    response_received: 'Stellungnahme erhalten',
    response_accepted: 'Stellungnahme angenommen',
    verified: 'Wirksamkeit bestätigt',
    closed: 'Abgeschlossen',
  },
  verificationMethod: { document_review: 'Dokumentenprüfung', on_site: 'Vor Ort' },
  reviewConclusion: {
    confirmed: 'Bericht und Empfehlung bestätigt',
    returned: 'An das Auditteam zurückgegeben',
  },
  decision: {
    grant: 'Zertifizierung erteilt',
    renew: 'Zertifizierung erneuert',
    maintain: 'Zertifizierung aufrechterhalten',
    suspend: 'Zertifizierung ausgesetzt',
    withdraw: 'Zertifizierung entzogen',
    refuse: 'Zertifizierung nicht erteilt',
  },
  exportKind: { report: 'Auditbericht', nc_list: 'Abweichungsliste', plan: 'Auditplan' },
  auditType: {
    stage1: 'Stufe 1',
    stage2: 'Stufe 2',
    surveillance1: 'Überwachungsaudit 1',
    surveillance2: 'Überwachungsaudit 2',
    recertification: 'Rezertifizierungsaudit',
    special: 'Sonderaudit',
    gap_analysis: 'Gap-Analyse',
  },
  auditStatus: {
    planned: 'Geplant',
    in_progress: 'In Durchführung',
    reporting: 'Berichterstellung',
    closed: 'Abgeschlossen',
  },
  auditMode: { on_site: 'Vor Ort', remote: 'Remote' },
  teamRole: {
    lead_auditor: 'Auditleiter',
    auditor: 'Auditor',
    technical_expert: 'Technischer Experte',
    observer: 'Beobachter',
  },
  brandImage: { logo: 'Logo', accreditation_mark: 'Akkreditierungszeichen' },
  result: {
    not_audited: 'Noch nicht auditiert',
    conforming: 'Konform',
    ofi: 'Verbesserungspotenzial',
    minor_nc: 'Nebenabweichung',
    major_nc: 'Hauptabweichung',
    not_applicable: 'Nicht anwendbar',
  },
  recommendation: {
    recommend: 'Zertifizierung empfehlen',
    after_action_plans: 'Empfehlen, sobald die Korrekturmaßnahmenpläne für Nebenabweichungen angenommen sind',
    not_recommended: 'Nicht empfehlen, bis Hauptabweichungen korrigiert und verifiziert sind',
  },
  meetingKind: { opening: 'Eröffnungsgespräch', closing: 'Abschlussgespräch' },
  meetingConfirmation: {
    plan: 'Auditplan bestätigt',
    confidentiality: 'Vertraulichkeit erläutert',
    reporting: 'Berichterstattung über Feststellungen und den Bericht erläutert',
    appeals: 'Beschwerde- und Einspruchsverfahren erläutert',
  },
};
