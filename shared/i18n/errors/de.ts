import type { Catalogue } from '../catalogue';
import type { errorsEn } from './en';

/** Every DomainError text in German (formal address). */
export const errorsDe: Catalogue<typeof errorsEn> = {
  unknown: 'Etwas ist schiefgegangen: {{message}}',
};
