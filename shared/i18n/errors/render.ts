import { translator } from '../instance';
import type { Language } from '../languages';
import type { errorsEn } from './en';

/** "a.b.c" for every string leaf of a nested catalogue. */
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** "x_one" | "x_other" → "x": a plural is asked for by its base key with a `count` param (i18next picks the form). */
type Plural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** A key of the errors catalogue, as `errors:<path>` — a typo is a compile error. */
export type ErrorKey = `errors:${Plural<Paths<typeof errorsEn>>}`;
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
