import { defineConfig } from 'vitest/config';

// One PGlite instance per worker is shared by the test files that worker runs (isolate: false);
// each server test file still gets its own PostgreSQL schema, so tests never see each other's rows.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    // Setting up a file (schema, migrations, app, accounts) can take minutes on a loaded 2-core machine.
    hookTimeout: 180_000,
  },
});
