import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

const repoRoot = path.resolve(__dirname, "../../..");
const serverBinary = process.env.STOREFRONT_BIN ?? path.join(repoRoot, "target/release/server");

/** A storefront server of this test's own, on an ephemeral loopback port. */
export interface Storefront {
  baseURL: string;
  dataDir: string;
  /** The embedded MOBPROC sandbox's base URL, for looking at what it received. */
  sandboxURL: string;
}

/** A running server process and where it listens. */
export interface Running {
  child: ChildProcess;
  baseURL: string;
  sandboxURL: string;
}

/**
 * Starts the release server on `dataDir` on an ephemeral port: with its embedded
 * sandbox (asked for by name, as `scripts/run.sh` does), or with the settings in `env`
 * (`STOREFRONT_MOBPROC_URL` and its credentials for a shared MOBPROC).
 */
export async function launch(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(serverBinary, [], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LEPTOS_OUTPUT_NAME: "storefront",
      LEPTOS_SITE_ROOT: process.env.STOREFRONT_SITE ?? path.join(repoRoot, "target/site"),
      LEPTOS_SITE_PKG_DIR: "pkg",
      LEPTOS_HASH_FILES: "true",
      LEPTOS_SITE_ADDR: "127.0.0.1:0",
      LEPTOS_ENV: "PROD",
      STOREFRONT_DATA_DIR: dataDir,
      RUST_LOG: process.env.RUST_LOG ?? "warn",
      ...(env.STOREFRONT_MOBPROC_URL ? {} : { STOREFRONT_EMBEDDED_SANDBOX: "true" }),
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The server prints its URL first, then the embedded sandbox's or its MOBPROC's.
  const [baseURL, sandboxURL] = await new Promise<[string, string]>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    let listening: string | undefined;
    lines.on("line", (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line.trim());
      if (match) listening = match[1];
      const sandbox = /embedded MOBPROC sandbox at (http:\/\/\S+)$/.exec(line.trim());
      if (sandbox && listening) resolve([listening, sandbox[1]]);
      const shared = /^MOBPROC: (http:\/\/\S+?)\/mobproc\/v1$/.exec(line.trim());
      if (shared && listening) resolve([listening, shared[1]]);
    });
    child.once("exit", (code) => reject(new Error(`storefront exited early with ${code}`)));
    child.once("error", reject);
  });
  return { child, baseURL, sandboxURL };
}

/** How long a stopped server may take to finish its requests and exit. */
const STOP_TIMEOUT_MS = 15_000;

/** SIGTERM, then waits for the exit; a server that does not stop fails the test. */
export async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
  });
  const late = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (late) {
    child.kill("SIGKILL");
    await exited;
    throw new Error(`the storefront did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM`);
  }
}

export const test = base.extend<{ storefront: Storefront }>({
  storefront: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "storefront-e2e-"));
    const running = await launch(dataDir);
    try {
      await use({ baseURL: running.baseURL, dataDir, sandboxURL: running.sandboxURL });
    } finally {
      await stop(running.child).catch(() => running.child.kill("SIGKILL"));
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ storefront }, use) => {
    await use(storefront.baseURL);
  },
});

/**
 * Fails on any serious or critical axe-core violation of the current page.
 * axe runs as a script, so with JavaScript off it scans the same URL (same cookies)
 * in a script-enabled context whose own scripts and WASM are blocked: the
 * server-rendered page, as a no-JS user gets it.
 */
export async function expectAccessible(page: Page) {
  if (base.info().project.use.javaScriptEnabled !== false) {
    await expectNoBlockingViolations(page);
    return;
  }
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    await context.addCookies(await page.context().cookies());
    await context.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    const ssrPage = await context.newPage();
    await ssrPage.goto(page.url());
    await expectNoBlockingViolations(ssrPage);
  } finally {
    await context.close();
  }
}

export async function expectNoBlockingViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`),
    "serious or critical axe-core violations",
  ).toEqual([]);
}

export { expect };
