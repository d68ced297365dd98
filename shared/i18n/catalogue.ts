/**
 * A translation of an English catalogue: the same keys, nested the same way,
 * with any string as value. English catalogues are written `as const`, so a
 * key missing in German or French is a compile error, not a blank on screen.
 */
export type Catalogue<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
};
