import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, signupWarning } from '../../src/config';

const REAL_DB = 'postgres://postgres@127.0.0.1:5432/agency';
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'agency-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('loadConfig: the mode', () => {
  it('without NODE_ENV is production: no stack traces, no introspection', () => {
    for (const env of [{ DATA_DIR: dataDir }, { DATA_DIR: dataDir, NODE_ENV: '' }]) {
      const config = loadConfig(env);
      expect(config).toMatchObject({ nodeEnv: 'production', isDev: false, introspection: false });
    }
  });

  it('NODE_ENV=development turns on stack traces, introspection and GraphiQL', () => {
    const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: REAL_DB });
    expect(config).toMatchObject({ nodeEnv: 'development', isDev: true, introspection: true, graphiql: true });
  });

  it('refuses an unknown NODE_ENV', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'staging' })).toThrow(ConfigError);
  });
});

describe('loadConfig: the newcomer path (embedded database, nothing set)', () => {
  it('serves GraphiQL on the embedded database even in production mode, but keeps introspection off', () => {
    expect(loadConfig({ DATA_DIR: dataDir })).toMatchObject({ databaseUrl: null, graphiql: true, introspection: false });
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET })).toMatchObject({ graphiql: false, introspection: false });
  });

  it('GRAPHIQL and INTROSPECTION can be set either way', () => {
    expect(loadConfig({ DATA_DIR: dataDir, GRAPHIQL: 'false', INTROSPECTION: 'true' })).toMatchObject({ graphiql: false, introspection: true });
    expect(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development', INTROSPECTION: 'off' })).toMatchObject({ introspection: false });
    expect(() => loadConfig({ DATA_DIR: dataDir, INTROSPECTION: 'maybe' })).toThrow(ConfigError);
  });

  it('generates a JWT secret once and keeps it under DATA_DIR (owner-only), so tokens survive a restart', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first.jwtSecret);
  });

  it('requires JWT_SECRET with a real database in production mode, and takes a given one', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB })).toThrow(/JWT_SECRET is required/);
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
    expect(() => loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });
});

describe('loadConfig: jobs and email', () => {
  const base = () => ({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET });

  it('runs 2 workers in the API process by default, none with WORKERS=0, and keeps emails without SMTP_URL', () => {
    expect(loadConfig(base())).toMatchObject({ workers: 2, jobPollIntervalMs: 2000, jobRetryDelaySeconds: 5, smtpUrl: null, publicUrl: 'http://localhost:4000' });
    expect(loadConfig({ ...base(), WORKERS: '0' }).workers).toBe(0);
    expect(() => loadConfig({ ...base(), WORKERS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base(), JOB_POLL_INTERVAL_MS: '100' })).toThrow(ConfigError);
  });

  it('bounds the heap growth at 60 % past the live heap by default; 0 leaves it to V8', () => {
    expect(loadConfig(base()).heapGrowingPercent).toBe(120);
    expect(loadConfig({ ...base(), HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(loadConfig({ ...base(), HEAP_GROWING_PERCENT: '150' }).heapGrowingPercent).toBe(150);
    expect(() => loadConfig({ ...base(), HEAP_GROWING_PERCENT: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base(), HEAP_GROWING_PERCENT: '-5' })).toThrow(ConfigError);
  });

  it('takes SMTP_URL, MAIL_FROM and PUBLIC_URL (without its trailing slash), and refuses malformed ones', () => {
    const config = loadConfig({ ...base(), SMTP_URL: 'smtps://u:p@mail.example.test:465', MAIL_FROM: 'CRM <crm@example.test>', PUBLIC_URL: 'https://crm.example.test/' });
    expect(config).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.test:465', mailFrom: 'CRM <crm@example.test>', publicUrl: 'https://crm.example.test' });
    expect(() => loadConfig({ ...base(), SMTP_URL: 'mail.example.test:25' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ ...base(), PUBLIC_URL: 'crm.example.test' })).toThrow(/PUBLIC_URL/);
  });
});

describe('loadConfig: sign-up (SIGNUP)', () => {
  it('is off in production on a real database, open in development, tests and on the embedded database', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET }).signup).toBe('off');
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, NODE_ENV: 'development' }).signup).toBe('open');
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, NODE_ENV: 'test' }).signup).toBe('open');
    expect(loadConfig({ DATA_DIR: dataDir }).signup).toBe('open');
  });

  it('takes open, invite (with codes of at least 16 characters) or off, and refuses anything else', () => {
    // production on a real database: sign-up by confirmation email, sent through SMTP_URL
    const base = { DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, SMTP_URL: 'smtp://mail.example.test:587' };
    expect(loadConfig({ ...base, SIGNUP: 'OPEN' }).signup).toBe('open');
    expect(loadConfig({ ...base, SIGNUP: 'invite', SIGNUP_INVITE_CODES: ' spring-2026-partners-A , spring-2026-partners-B' })).toMatchObject({
      signup: 'invite',
      signupInviteCodes: ['spring-2026-partners-A', 'spring-2026-partners-B'],
    });
    expect(() => loadConfig({ ...base, SIGNUP: 'invite' })).toThrow(/SIGNUP_INVITE_CODES/);
    expect(() => loadConfig({ ...base, SIGNUP: 'invite', SIGNUP_INVITE_CODES: 'short' })).toThrow(/16 characters/);
    expect(() => loadConfig({ ...base, SIGNUP: 'closed' })).toThrow(ConfigError);
  });
});

describe('loadConfig: MIGRATION_DATABASE_URL (the owner, when the API connects as a plain login role)', () => {
  const OWNER_DB = 'postgres://owner@127.0.0.1:5432/agency';

  it('is off by default, and taken as given', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET }).migrationDatabaseUrl).toBeNull();
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, MIGRATION_DATABASE_URL: OWNER_DB }).migrationDatabaseUrl).toBe(OWNER_DB);
  });

  it('must be a postgres:// URL, and needs DATABASE_URL (the embedded database has one role)', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(/MIGRATION_DATABASE_URL must be a postgres/);
    expect(() => loadConfig({ DATA_DIR: dataDir, MIGRATION_DATABASE_URL: OWNER_DB })).toThrow(/MIGRATION_DATABASE_URL needs DATABASE_URL/);
  });

  it('refuses SEED_DEMO with it (the demo agency is written by the owner: npm run seed)', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, MIGRATION_DATABASE_URL: OWNER_DB, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO needs the owner/);
  });
});

describe('loadConfig: sign-up confirmation (SIGNUP_CONFIRMATION)', () => {
  const smtp = { SMTP_URL: 'smtp://mail.example.test:587' };

  it('is email in production on a real database, none in development, tests and on the embedded database', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET }).signupConfirmation).toBe('email');
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, SIGNUP: 'open', ...smtp }).signupConfirmation).toBe('email');
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, NODE_ENV: 'development' }).signupConfirmation).toBe('none');
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, NODE_ENV: 'test' }).signupConfirmation).toBe('none');
    // the newcomer's `npm start`: production mode, embedded database, open sign-up, no SMTP
    expect(loadConfig({ DATA_DIR: dataDir })).toMatchObject({ signup: 'open', signupConfirmation: 'none' });
  });

  it('takes none in production only by name, and then warns at start: it would tell who has an account', () => {
    const prod = { DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET, SIGNUP_CONFIRMATION: 'none', ...smtp };
    for (const signup of [{ SIGNUP: 'open' }, { SIGNUP: 'invite', SIGNUP_INVITE_CODES: 'spring-2026-partners-A' }]) {
      const config = loadConfig({ ...prod, ...signup });
      expect(config.signupConfirmation).toBe('none');
      expect(signupWarning(config)).toMatch(/SIGNUP_CONFIRMATION=none.*tells anyone that it has an account.*SIGNUP_CONFIRMATION=email.*SIGNUP=off/);
    }
    expect(signupWarning(loadConfig({ ...prod, SIGNUP: 'off' }))).toBeNull();
    expect(signupWarning(loadConfig({ ...prod, SIGNUP: 'open', NODE_ENV: 'development' }))).toBeNull();
    expect(signupWarning(loadConfig({ DATA_DIR: dataDir }))).toBeNull();
    expect(signupWarning(loadConfig({ ...prod, SIGNUP: 'open', SIGNUP_CONFIRMATION: 'email' }))).toBeNull();
  });

  it('needs SMTP_URL for email while sign-up is open, and takes only email or none', () => {
    const base = { DATA_DIR: dataDir, DATABASE_URL: REAL_DB, JWT_SECRET: SECRET };
    expect(() => loadConfig({ ...base, SIGNUP: 'open' })).toThrow(/SIGNUP_CONFIRMATION=email needs SMTP_URL/);
    expect(() => loadConfig({ ...base, NODE_ENV: 'test', SIGNUP_CONFIRMATION: 'email' })).toThrow(/needs SMTP_URL/);
    expect(loadConfig({ ...base, NODE_ENV: 'test', SIGNUP_CONFIRMATION: 'Email', ...smtp }).signupConfirmation).toBe('email');
    expect(() => loadConfig({ ...base, NODE_ENV: 'test', SIGNUP_CONFIRMATION: 'link', ...smtp })).toThrow(/SIGNUP_CONFIRMATION must be email or none/);
  });
});
