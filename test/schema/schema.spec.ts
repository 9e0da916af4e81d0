import { readFileSync } from 'node:fs';
import { printSchemaSdl, SCHEMA_FILE } from '../../src/schema/print';

describe('schema.graphql', () => {
  it('matches the schema built from the code (run `npm run build` and commit schema.graphql)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSchemaSdl());
  });
});
