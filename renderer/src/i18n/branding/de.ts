import type { Catalogue } from '#shared/i18n/catalogue';
import type { brandingEn } from './en';

export const brandingDe: Catalogue<typeof brandingEn> = {
  page: {
    title: 'Zertifizierungsstelle',
    description:
      'Wer die Berichte ausgibt: Name, Adresse und Akkreditierung, Logo und Farben erscheinen in jedem exportierten Bericht.',
    identity: 'Identität',
    formLabel: 'Zertifizierungsstelle',
    save: 'Zertifizierungsstelle speichern',
    saved: 'Zertifizierungsstelle gespeichert',
    notSaved: 'Die Zertifizierungsstelle wurde nicht gespeichert',
    name: 'Name',
    address: 'Adresse',
    addressHint: 'So, wie sie im Berichtskopf und auf dem Deckblatt erscheinen soll.',
    accreditation: 'Akkreditierung',
    accreditationHint: 'Die Akkreditierungsstelle und Ihre Akkreditierungsnummer, neben dem Zeichen angezeigt.',
    website: 'Website',
    primaryColour: 'Hauptfarbe',
    primaryColourHint: 'Überschriften und Tabellenköpfe.',
    accentColour: 'Akzentfarbe',
    accentColourHint: 'Linien und Hervorhebungen.',
    pattern: 'Muster der Berichtsnummer',
    placeholders: 'Platzhalter: {{list}}',
    token: '{{token}} {{help}}',
    example: 'Beispiel: <example/>',
    language: 'Berichtssprache neuer Audits',
    languageHint:
      'Neue Audits schreiben Bericht, Abweichungsliste und Auditplan in dieser Sprache; jedes Audit kann sie in seinem eigenen Formular ändern.',
    images: 'Logo und Akkreditierungszeichen',
    logoHint: 'Auf dem Deckblatt und im Seitenkopf. PNG, JPEG oder WebP, höchstens 2 MB.',
    markHint:
      'Das Zeichen der Akkreditierungsstelle, sofern Ihre Akkreditierung dessen Verwendung in Berichten erlaubt.',
  },
  tokenHelp: {
    year: 'Ausgabejahr',
    seq: 'laufende Nummer (erforderlich)',
    type: 'Auditart',
    client: 'Kurzname des Kunden',
  },
  image: {
    tooLarge: '{{name}} ist {{size}} groß; Logos und Zeichen dürfen höchstens {{max}} groß sein.',
    unreadable: '{{name}} konnte nicht gelesen werden.',
    replace: 'Datei wählen, um es zu ersetzen',
    choose: 'PNG-, JPEG- oder WebP-Datei wählen',
    loading: 'Wird geladen…',
    dimensions: '{{width}} × {{height}} px · {{size}}',
    removeText: 'Ab jetzt exportierte Berichte werden ohne es geschrieben.',
    removeConfirm: 'Entfernen',
    keepIt: 'Behalten',
    logo: {
      saved: 'Logo gespeichert',
      removed: 'Logo entfernt',
      notRemoved: 'Das Logo wurde nicht entfernt',
      removeTitle: 'Das Logo entfernen?',
      remove: 'Logo entfernen',
      alt: 'Gespeichertes Logo',
    },
    accreditation_mark: {
      saved: 'Akkreditierungszeichen gespeichert',
      removed: 'Akkreditierungszeichen entfernt',
      notRemoved: 'Das Akkreditierungszeichen wurde nicht entfernt',
      removeTitle: 'Das Akkreditierungszeichen entfernen?',
      remove: 'Akkreditierungszeichen entfernen',
      alt: 'Gespeichertes Akkreditierungszeichen',
    },
  },
};
