/** Bookkeeping columns every table carries, for the coming multi-laptop merge. */
export const META = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL`;
