// Local config for the map's own tests (the repo-wide vitest.config.ts is
// owned elsewhere; there, this file's tests run in the `e2e` project).
//   npx vitest run --config tests/map/vitest.map.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/map/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
