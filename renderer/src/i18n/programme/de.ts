import type { Catalogue } from '#shared/i18n/catalogue';
import type { programmeEn } from './en';

export const programmeDe: Catalogue<typeof programmeEn> = {
  recommendationFor: {
    stage1: {
      recommend: 'Bereit für Stufe 2',
      after_action_plans: 'Bereit für Stufe 2, sobald für die Problembereiche ein angenommener Maßnahmenplan vorliegt',
      not_recommended: 'Nicht bereit für Stufe 2',
    },
    surveillance: {
      recommend: 'Aufrechterhaltung der Zertifizierung empfehlen',
      after_action_plans:
        'Aufrechterhaltung der Zertifizierung empfehlen, sobald die Korrekturmaßnahmenpläne angenommen sind',
      not_recommended:
        'Aufrechterhaltung der Zertifizierung nicht empfehlen, bis Hauptabweichungen korrigiert und verifiziert sind',
    },
    recertification: {
      recommend: 'Erneuerung der Zertifizierung empfehlen',
      after_action_plans: 'Erneuerung der Zertifizierung empfehlen, sobald die Korrekturmaßnahmenpläne angenommen sind',
      not_recommended:
        'Erneuerung der Zertifizierung nicht empfehlen, bis Hauptabweichungen korrigiert und verifiziert sind',
    },
  },
  cycle: {
    carriedTitle: 'Zu verifizierende Feststellungen aus früheren Audits',
    notPlanned:
      'Das nächste Audit des Zyklus ist noch nicht geplant. <programme>Zum Zertifizierungsprogramm</programme>.',
    planNext: 'Nächstes Audit planen: {{type}}',
  },
  carried: {
    none: 'Hier warten keine Feststellungen aus früheren Audits auf ihre Verifizierung. Feststellungen, die noch offen sind, wenn das nächste Audit des Zyklus geplant wird, erscheinen in dessen Liste.',
    tableLabel: 'Zu verifizierende Feststellungen aus früheren Audits',
    finding: 'Feststellung',
    type: 'Art',
    raisedIn: 'Erhoben in',
    statement: 'Aussage',
    status: 'Status',
    draft: 'Entwurf',
    leadVerifies: '{{type}} (der Auditleiter verifiziert sie)',
  },
  comparison: {
    notInAudit: 'Nicht in diesem Audit',
    nothingToCompare:
      'Kein früheres Audit dieses Kunden hat dieselbe Checkliste verwendet, daher gibt es nichts Anforderung für Anforderung zu vergleichen (Stufe 1 und Stufe 2 etwa teilen keine Checkliste). Spätere Audits mit dieser Checkliste zeigen ihre Ergebnisse neben diesem.',
    comparedWith: 'Verglichen mit {{type}}',
    comparedWithPrevious: 'Verglichen mit dem vorigen Audit',
    onlyChanges: 'Nur Änderungen',
    noChange: 'Keine Anforderung hat ihr Ergebnis seit dem Audit {{type}} geändert.',
    tableLabel: 'Vergleich mit dem vorigen Audit',
    requirement: 'Anforderung',
    thisAudit: 'Dieses Audit',
  },
  override: {
    chooseFirst: 'Wählen Sie die zu erfassende Empfehlung',
    recorded: 'Empfehlung erfasst',
    title: 'Die vorgeschlagene Empfehlung übersteuern',
    suggested:
      'Aus den Feststellungen vorgeschlagen: {{label}}. Begründen Sie, warum Ihre Empfehlung abweicht; die Begründung wird mit der Entscheidung aufbewahrt.',
    recommendation: 'Empfehlung',
    reason: 'Begründung',
    notRecorded: 'Nicht erfasst',
    cancel: 'Abbrechen',
    submit: 'Empfehlung erfassen',
  },
  planNext: {
    startMissing: 'Geben Sie den ersten Tag des Audits ein',
    endMissing: 'Geben Sie den letzten Tag des Audits ein',
    sampleMissing: 'Wählen Sie mindestens eine Anforderung oder Maßnahme für die Stichprobe',
    reasonMissing: 'Begründen Sie, warum das nächste Audit vor dem Abschluss dieses Audits geplant wird',
    notPlanned: 'Das Audit {{type}} wurde nicht geplant',
    planned: 'Audit {{type}} geplant',
    title: 'Audit {{type}} planen',
    copied:
      'Auditteam, Geltungsbereich und Standorte werden aus dem vorigen Audit übernommen; ändern Sie sie danach bei Bedarf. Jede noch offene Feststellung wird übernommen und in diesem Audit verifiziert.',
    copiedSampling:
      'Auditteam, Geltungsbereich und Standorte werden aus dem vorigen Audit übernommen; ändern Sie sie danach bei Bedarf. Jede noch offene Feststellung wird übernommen und in diesem Audit verifiziert, ob ihre Anforderung in der Stichprobe ist oder nicht.',
    start: 'Geplanter Beginn',
    end: 'Geplantes Ende',
    reason: 'Grund für die Planung vor dem Abschluss des vorigen Audits',
    reasonHint: 'Das Audit {{type}} ist noch nicht abgeschlossen; der Grund wird in seinem Audit-Trail aufbewahrt.',
    cancel: 'Abbrechen',
    submit: 'Audit {{type}} planen',
  },
  programme: {
    fromPlanned: 'Das nächste Audit wird aus dem aktuellen geplant, sobald dieses begonnen hat.',
    planNext: 'Nächstes Audit planen: {{type}}',
    datesNotSaved: 'Die Zertifizierungsdaten wurden nicht gespeichert',
    datesSaved: 'Zertifizierungsdaten gespeichert',
    datesLabel: 'Zertifizierungsdaten',
    decision: 'Zertifizierungsentscheidung',
    decisionHint: 'Datum der Entscheidung über die Zertifizierung',
    expiry: 'Ablauf des Zertifikats',
    expiryHint: 'Datum, an dem das Zertifikat abläuft',
    saveDates: 'Daten speichern',
    beforeCertification: 'Vor der Zertifizierung',
    onceDatesSaved: 'Sobald die Daten gespeichert sind',
    overdueTitle: 'Überfällig',
    overdue_one:
      'Ein Audit des Zyklus ist über seinem Fälligkeitsdatum und noch nicht durchgeführt. Planen Sie es oder halten Sie fest, warum es verschoben wurde.',
    overdue_other:
      '{{count}} Audits des Zyklus sind über ihrem Fälligkeitsdatum und noch nicht durchgeführt. Planen Sie sie oder halten Sie fest, warum sie verschoben wurden.',
    tableLabel: 'Audits des Zertifizierungszyklus',
    audit: 'Audit',
    dueBy: 'Fällig bis',
    plannedAudit: 'Geplantes Audit',
    overdueBadge: 'Überfällig',
    notPlanned: 'Noch nicht geplant',
  },
  recommendation: {
    confirmed: 'Empfehlung bestätigt',
    title: 'Empfehlung',
    suggested: 'Vorgeschlagen: {{label}}',
    why: 'Warum dies vorgeschlagen wird',
    afterFieldwork:
      'Über die Empfehlung wird entschieden, sobald das Audit stattgefunden hat. Beginnen Sie die Auditdurchführung, um sie zu erfassen.',
    inForce: 'Gültig: <b>{{label}}</b>',
    none: 'Noch keine Empfehlung entschieden. Bestätigen Sie den Vorschlag oder übersteuern Sie ihn mit Begründung.',
    decidedBy: 'Entschieden von',
    decidedByHint: 'Der Auditleiter',
    confirm: 'Vorschlag bestätigen',
    override: 'Übersteuern…',
    notRecorded: 'Nicht erfasst',
    gapsReason: 'Grund für die Erfassung trotz offener Lücken',
    gapsReasonHint: 'Wird im Audit-Trail aufbewahrt und im Bericht gedruckt. Bestätigen Sie danach erneut.',
    historyLabel: 'Entscheidungen zur Empfehlung',
    when: 'Wann',
    who: 'Wer',
    decision: 'Entscheidung',
    reason: 'Begründung',
    overridden: 'Übersteuert',
    noReason: 'Keine Begründung nötig',
  },
};
