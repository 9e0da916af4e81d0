import { readFileSync } from 'node:fs';
import { printSchemaSdl, SCHEMA_FILE } from '../../src/schema/print';

describe('schema.graphql', () => {
  it('matches the schema built from the code (run `npm run build` and commit schema.graphql)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSchemaSdl());
  });

  it('describes every type, field and argument', async () => {
    const { buildAppSchema } = await import('../../src/schema');
    const schema = await buildAppSchema();
    const roots = ['Query', 'Mutation'];
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description && !roots.includes(type.name)) missing.push(type.name);
      const t = type as any;
      if (typeof t.getFields !== 'function') continue;
      for (const f of Object.values<any>(t.getFields())) {
        if (!f.description) missing.push(`${type.name}.${f.name}`);
        for (const a of f.args ?? []) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
