// Two projects: `npm test` runs both; `npx jest --selectProjects unit` needs no PostgreSQL.
const shared = {
  testEnvironment: 'node',
  transform: {
    // transpile only: `npm run build` / `npm run typecheck` do the type checking
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/support/env.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      // pure logic and the printed contract: no database, no global setup
      roots: ['<rootDir>/test/unit', '<rootDir>/test/schema'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      // supertest against createApp on the real PostgreSQL: one fresh database per jest worker
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e-spec.ts', '**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  maxWorkers: 2,
  testTimeout: 30000,
};
