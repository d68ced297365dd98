#!/usr/bin/env node
// Usage: npm run schema:snapshot (node --import tsx build/schema-snapshot.mjs)
// Rewrites tests/fixtures/schema/schema.sql, the schema of a fresh database at the
// newest migration, which tests compare with fresh and upgraded databases. Run it
// after adding a migration, and read the diff: it should show only that migration.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_SNAPSHOT, freshSchemaText } from '../tests/helpers/schema-snapshot.ts';

mkdirSync(dirname(SCHEMA_SNAPSHOT), { recursive: true });
writeFileSync(SCHEMA_SNAPSHOT, freshSchemaText());
console.log(`Wrote ${SCHEMA_SNAPSHOT}`);
