import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // A ceiling, not a speed bar: a browser story on a shared, loaded 2-core machine can stall for
    // tens of seconds. Wrong answers still fail fast (each poll gives up after 20 s).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Database and browser tests open files and ports; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
