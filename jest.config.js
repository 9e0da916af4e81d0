// Two projects: `npm test` runs both; `npx jest --selectProjects unit` needs no PostgreSQL.
const shared = {
  testEnvironment: 'node',
  transform: {
    // transpile only: `npm run build` / `npm run typecheck` do the type checking
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/support/env.ts'],
};

/** Tests under test/schema that need the running app, and so the database: run by `e2e`. */
const SERVED = ['test/schema/introspection.spec.ts'];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // pure logic and the printed contract: no database, no global setup
      roots: ['<rootDir>/test/unit', '<rootDir>/test/schema'],
      testMatch: ['**/*.spec.ts'],
      // except the served-contract check, which starts the app on PostgreSQL (run by `e2e`)
      testPathIgnorePatterns: ['/node_modules/', ...SERVED.map((f) => '<rootDir>/' + f)],
    },
    {
      ...shared,
      displayName: 'documents',
      // PDFs rendered in-process and read back with qpdf and poppler (pdftotext, pdffonts, pdftoppm)
      roots: ['<rootDir>/test/documents'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      // supertest against createApp on the real PostgreSQL: one fresh database per jest worker
      roots: ['<rootDir>/test/e2e', '<rootDir>/test/schema'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/e2e/**/*.spec.ts', ...SERVED.map((f) => '<rootDir>/' + f)],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  maxWorkers: 2,
  testTimeout: 30000,
};
