import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium; they share one machine with
// two cores, so files run one after another and each test gets a generous (not asserted) timeout.
export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
