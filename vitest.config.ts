import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Unit tests live next to the code as *.test.ts(x). The supervisor's conformance suite
// (real kubectl against a real server) has its own config: supervisor/vitest.conformance.config.ts.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'lib/**/*.test.{ts,tsx}', 'supervisor/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
