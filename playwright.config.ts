import { defineConfig, devices } from '@playwright/test';

// Journeys run against the release build in dist/ (scripts/test builds it first),
// served by tests/e2e/serve.mjs. BASE=/runway/ tests a sub-folder deploy
// (the build must then use `trunk build --release --public-url /runway/`).
const port = Number(process.env.E2E_PORT ?? 4173);
const base = `/${(process.env.BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const baseURL = `http://127.0.0.1:${port}${base}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2, // the machines have 2 cores
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // Debian's Chromium; Playwright's own browser download cannot work here.
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'node tests/e2e/serve.mjs',
      url: baseURL,
      env: { PORT: String(port), BASE: base },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // The sub-folder build (dist-sub, built with --public-url /runway/), served the way
      // GitHub Pages serves a project site: unknown paths get 404.html with status 404.
      command: 'node tests/e2e/serve.mjs',
      url: `http://127.0.0.1:${port + 1}/runway/`,
      env: { PORT: String(port + 1), BASE: '/runway/', DIST: 'dist-sub', PAGES_404: '1', SW_EXTRA: 'test-results/sw-extra.js' },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
