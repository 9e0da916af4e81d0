import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchemaSdl, SCHEMA_FILE } from '../src/schema/print';

/** Part of `npm run build`: writes the GraphQL contract to schema.graphql (committed). */
printSchemaSdl().then(
  (sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    process.stdout.write(`schema written to ${join('.', 'schema.graphql')}\n`);
  },
  (err) => {
    process.stderr.write(`print-schema failed: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
