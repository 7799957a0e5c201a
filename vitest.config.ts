import { defineConfig } from 'vitest/config';

/**
 * Files that start containers (a real engine, QEMU for arm64). They run one file at a time: each
 * already runs its cases side by side and keeps both cores busy, and their verdicts rest on timing.
 * Every other file is pure computation (lint, model, reporters, the Action against a local fake
 * GitHub) and runs two at a time, before them.
 */
const ENGINE = [
  'test/runtime/**/*.test.ts',
  'test/hostile/{cli,injection,leaks,runtime-hardening,secrets}.test.ts',
  'test/fix/{fix-runtime,verify}.test.ts',
  'test/github/runtime-action.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'static', include: ['test/**/*.test.ts'], exclude: ENGINE, maxWorkers: 2 } },
      { extends: true, test: { name: 'engine', include: ENGINE, maxWorkers: 1 } },
    ],
  },
});
