import { defineConfig } from 'vitest/config';

// The unit tests of src/shared and src/storage, for `npm run mutate`: each module there is
// guarded by its own tests, not by the compiler's. The fuzz tests are left out: they run the code
// in worker threads, where the mutation runner cannot see which mutant is active, and take minutes.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/shared/**/*.test.ts', 'tests/storage/**/*.test.ts'],
    exclude: ['**/*fuzz*.test.ts'],
    environment: 'node',
    // Key derivations are slow by design, and slower on a busy machine: a timeout is not a mutant caught.
    testTimeout: 30_000,
  },
});
