import { translator } from '../instance';
import type { Language } from '../languages';
import type { errorsEn } from './en';

/** "a.b.c" for every string leaf of a nested catalogue. */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** A key of the errors catalogue, as `errors:<path>` — a typo is a compile error. */
export type ErrorKey = `errors:${Paths<typeof errorsEn>}`;
export type ErrorParams = Record<string, string | number>;

/** What a DomainError says, as a key and its parameters (rendered in the reader's language). */
export interface ErrorText {
  key: ErrorKey;
  params?: ErrorParams;
}

/** An error's words in one language; English is the `message` every envelope carries. */
export function errorText(language: Language, text: { key: string; params?: ErrorParams | undefined }): string {
  return translator(language)(text.key, text.params ?? {});
}
