import { v7 } from 'uuid';

/** Time-ordered ids, so rows created on several laptops merge without collisions. */
export const newId = (): string => v7();
