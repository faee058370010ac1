// NestJS 12 ships ES modules only: @swc/jest turns them into CommonJS for Jest on
// Node 20, while ts-jest compiles our own TypeScript (see docs/DESIGN.md).
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  '^.+\\.m?js$': [
    '@swc/jest',
    {
      jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } },
      module: { type: 'commonjs' },
      swcrc: false,
    },
  ],
};
const common = {
  transform,
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
};
module.exports = {
  // e2e tests drive whole tenders through HTTP; on PostgreSQL on a loaded 2-core machine a
  // matrix of a hundred requests can take well over Jest's 5 s default.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', rootDir: 'src', testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/setup-env.ts'],
    },
  ],
};
