import { defineConfig } from "@playwright/test";

// Debian's Chromium: Playwright's own browser download is blocked on this network.
// The background-networking flags stop Chromium from flooding the closed network.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: { launchOptions, trace: "retain-on-failure" },
  // Every spec runs twice: server-rendered only (JS off) and hydrated (JS on).
  // Specs that need the WASM are named *.hydrate.spec.ts and run only with JS on.
  projects: [
    {
      name: "js-off",
      testIgnore: /\.hydrate\.spec\.ts$/,
      use: { javaScriptEnabled: false },
    },
    {
      name: "js-on",
      use: { javaScriptEnabled: true },
    },
  ],
});
