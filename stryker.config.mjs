// Mutation testing of the pure and storage code: `npm run mutate` (not in CI; see README).
// Each mutant is a small change to the code (a flipped comparison, a dropped branch); a test
// must fail for it. Only the unit tests that cover a mutant are run against it.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: ['src/shared/**/*.ts', 'src/storage/**/*.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 90, break: null },
  tempDirName: 'node_modules/.stryker-tmp',
  cleanTempDir: 'always',
};
