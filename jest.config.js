// Two projects. `unit`: pure code, no engine. `integration` (*.int.test.ts): one
// throwaway Elasticsearch per run, started by global-setup (or ES_URL) and removed
// by global-teardown; jest runs a project's global setup only when one of its
// tests is selected, so unit-only runs start nothing.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const roots = ['<rootDir>/src', '<rootDir>/tests', '<rootDir>/scripts', '<rootDir>/bench'];

/** @type {import('jest').Config} */
module.exports = {
  // A global option: jest ignores testTimeout inside a project.
  testTimeout: 120_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots,
      transform,
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots,
      transform,
      testMatch: ['**/*.int.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
