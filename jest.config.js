/**
 * Three test tiers (see docs/testing.md):
 *  - unit: pure logic and in-memory adapters, no servers (`*.spec.ts`)
 *  - integration: real Kafka, InfluxDB and PostgreSQL (`*.int-spec.ts`)
 *  - faults: fault injection (processes killed and restarted by PID) and fuzzing against the real stack
 *    (`*.fault-spec.ts` under test/faults, `npm run test:faults`); see docs/reliability.md
 */
const aliases = {
  '^@cellscope/testing(|/.*)$': '<rootDir>/test/support$1',
  '^@cellscope/([a-z-]+)(|/.*)$': '<rootDir>/libs/$1/src$2',
};

const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: aliases,
  transform,
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts', '<rootDir>/libs/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/integration-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-setup.ts'],
    },
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/support/integration-global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-setup.ts'],
    },
  ],
};
