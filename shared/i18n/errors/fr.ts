import type { Catalogue } from '../catalogue';
import type { errorsEn } from './en';

/** Every DomainError text in French (formal address). */
export const errorsFr: Catalogue<typeof errorsEn> = {
  unknown: "Une erreur s'est produite : {{message}}",
};
