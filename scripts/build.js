#!/usr/bin/env node
/*
 * `npm run build`: compiles to dist/ (tsc in build mode, incremental: only what changed is
 * checked and emitted again) and prints the GraphQL contract to schema.graphql.
 *
 * `--if-stale` (npm start, dev, seed, migrate…): does nothing when no input changed since the
 * last build, so a restart costs no compiler run. The inputs are fingerprinted by content, not
 * by time, so a checkout that touches files without changing them does not rebuild either.
 *
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const fingerprintFile = path.join(dist, '.build-fingerprint');
/** everything the build reads, and what it writes outside dist/ */
const INPUTS = ['src', 'scripts', 'migrations', 'test/support', 'test/documents', 'ormconfig.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', 'schema.graphql'];
/** what `npm start` needs in dist/ */
const OUTPUTS = ['src/index.js', 'scripts/print-schema.js'];

function listFiles(rel, out) {
  const abs = path.join(root, rel);
  let stat;
  try {
    stat = fs.statSync(abs);
  } catch {
    return out; // an optional input that does not exist
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) listFiles(path.join(rel, name), out);
  } else if (stat.isFile()) {
    out.push(rel);
  }
  return out;
}

function fingerprint() {
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\0`);
  for (const rel of INPUTS.flatMap((p) => listFiles(p, []))) {
    hash.update(rel.split(path.sep).join('/') + '\0');
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function upToDate() {
  if (!OUTPUTS.every((rel) => fs.existsSync(path.join(dist, rel)))) return false;
  try {
    return fs.readFileSync(fingerprintFile, 'utf8').trim() === fingerprint();
  } catch {
    return false;
  }
}

function run(args) {
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
}

function build() {
  const started = Date.now();
  // a failed build must not leave an old fingerprint saying dist/ is current
  fs.rmSync(fingerprintFile, { force: true });
  run([require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json']);
  run([path.join(dist, 'scripts', 'print-schema.js')]);
  fs.writeFileSync(fingerprintFile, fingerprint() + '\n');
  process.stdout.write(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv.includes('--if-stale') && upToDate()) {
  process.stdout.write('build: dist/ is up to date\n');
} else {
  build();
}
