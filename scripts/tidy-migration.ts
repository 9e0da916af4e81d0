import { readFileSync, writeFileSync } from 'node:fs';

/**
 * TypeORM emits a CREATE TYPE for every column using a shared enum (enumName) and drops types
 * before the last table using them in `down`. This keeps the first CREATE TYPE of each enum and,
 * in `down`, drops every type once after all tables are gone.
 * Usage: node dist/scripts/tidy-migration.js migrations/<file>.ts
 */
function tidy(source: string): string {
  const [up, down] = source.split('public async down');
  const seenUp = new Set<string>();
  const upLines = up.split('\n').filter((line) => {
    const m = /CREATE TYPE "public"\."(\w+)"/.exec(line);
    if (!m) return true;
    if (seenUp.has(m[1])) return false;
    seenUp.add(m[1]);
    return true;
  });
  const downLines = down.split('\n');
  const seenDown = new Set<string>();
  const drops: string[] = [];
  const rest = downLines.filter((line) => {
    const m = /DROP TYPE "public"\."(\w+)"/.exec(line);
    if (!m) return true;
    if (!seenDown.has(m[1])) drops.push(line);
    seenDown.add(m[1]);
    return false;
  });
  let lastTable = -1;
  rest.forEach((line, i) => {
    if (/DROP TABLE|DROP COLUMN/.test(line)) lastTable = i;
  });
  rest.splice(lastTable + 1, 0, ...drops);
  return upLines.join('\n') + 'public async down' + rest.join('\n');
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: tidy-migration <migration file>\n');
  process.exit(2);
}
writeFileSync(file, tidy(readFileSync(file, 'utf8')));
process.stdout.write(`tidied ${file}\n`);
