import { defineConfig } from 'vitest/config';
import { publicEntryAliases } from './scripts/public-entry-points.js';

export default defineConfig({
  // The extension's imports of the core's public entry points (calcscribe/core …) run the sources.
  resolve: { alias: publicEntryAliases() },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-output/vitest.json' },
  },
});
