import base from '../playwright.config';
import { defineConfig } from '@playwright/test';

/** The console benchmarks: same browser and stack launcher as the end-to-end tests. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: /.*\.bench\.ts/,
  outputDir: '../test-results/bench',
  globalSetup: '../e2e/global-setup.ts',
  reporter: 'list',
  timeout: 300_000,
});
