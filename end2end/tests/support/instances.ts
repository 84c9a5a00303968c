import { test as base } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { launch, stop, type Running, type Storefront } from "./storefront";

const repoRoot = path.resolve(__dirname, "../../..");
const sandboxBinary = process.env.SANDBOX_BIN ?? path.join(repoRoot, "target/release/mobproc-sandbox");
const nginxTemplate = path.join(repoRoot, "scripts/nginx/round-robin.conf");
const postgres = process.env.STOREFRONT_TEST_POSTGRES_URL;

/** One request as nginx logged it: which instance answered. */
export interface Proxied {
  method: string;
  path: string;
  status: number;
  upstream: string;
}

/**
 * Two storefront instances on one PostgreSQL database and one standalone sandbox,
 * behind nginx balancing them round-robin: `baseURL` is nginx's.
 */
export interface Instances extends Storefront {
  /** The instances' own addresses, `127.0.0.1:PORT`. */
  upstreams: string[];
  /** Every request nginx passed on so far, oldest first. */
  proxied(): Proxied[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The standalone sandbox on a free port; its base URL. */
async function startSandbox(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(sandboxBinary, ["--listen", "127.0.0.1:0"], {
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /^listening on (http:\/\/\S+)$/.exec(line.trim());
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited early with ${code}`)));
  });
  return { child, url };
}

/** Waits until something accepts connections at `url`. */
async function reachable(url: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing answers at ${url}`);
}

function psql(sql: string) {
  execFileSync("psql", [postgres!, "-qc", sql], { stdio: ["ignore", "ignore", "inherit"] });
}

export const test = base.extend<{ storefront: Instances }>({
  storefront: async ({}, use, testInfo) => {
    testInfo.skip(!postgres, "needs PostgreSQL: scripts/test.sh starts one (STOREFRONT_TEST_POSTGRES_URL)");
    const dir = mkdtempSync(path.join(tmpdir(), "storefront-instances-"));
    // nginx's workers (www-data when started as root) reach their temporary files here.
    chmodSync(dir, 0o755);
    const database = `storefront_e2e_${path.basename(dir).replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
    psql(`CREATE DATABASE ${database}`);
    const databaseURL = new URL(postgres!);
    databaseURL.pathname = `/${database}`;
    const sandbox = await startSandbox();
    const nginxPort = await freePort();
    const publicOrigin = `http://127.0.0.1:${nginxPort}`;
    const servers: Running[] = [];
    let nginx: ChildProcess | undefined;
    try {
      for (const name of ["a", "b"]) {
        servers.push(
          await launch(path.join(dir, name), {
            STOREFRONT_MOBPROC_URL: `${sandbox.url}/mobproc/v1`,
            STOREFRONT_OAUTH_TOKEN_URL: `${sandbox.url}/as/token.oauth2`,
            STOREFRONT_TENANT: "ACME",
            STOREFRONT_CLIENT_ID: "storefront",
            STOREFRONT_CLIENT_SECRET: "storefront-secret",
            STOREFRONT_DATABASE_URL: databaseURL.toString(),
            STOREFRONT_PUBLIC_ORIGIN: publicOrigin,
            STOREFRONT_TRUSTED_PROXIES: "127.0.0.1",
          }),
        );
      }
      const upstreams = servers.map((s) => new URL(s.baseURL).host);
      const config = readFileSync(nginxTemplate, "utf8")
        .replaceAll("@DIR@", dir)
        .replaceAll("@LISTEN@", `127.0.0.1:${nginxPort}`)
        .replaceAll("@SERVERS@", upstreams.map((u) => `server ${u};`).join("\n        "));
      writeFileSync(path.join(dir, "nginx.conf"), config);
      nginx = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "inherit", "inherit"] });
      await reachable(`${publicOrigin}/sign-in`);
      await use({
        baseURL: publicOrigin,
        dataDir: dir,
        sandboxURL: sandbox.url,
        upstreams,
        proxied: () =>
          readFileSync(path.join(dir, "access.log"), "utf8")
            .split("\n")
            .filter((line) => line.trim() !== "")
            .map((line) => {
              const [method, requested, status, upstream] = line.split(" ");
              return { method, path: requested, status: Number(status), upstream };
            }),
      });
    } finally {
      nginx?.kill("SIGTERM");
      for (const server of servers) await stop(server.child).catch(() => server.child.kill("SIGKILL"));
      sandbox.child.kill("SIGTERM");
      try {
        psql(`DROP DATABASE IF EXISTS ${database}`);
      } catch {
        // The cluster is thrown away after the run anyway.
      }
      rmSync(dir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ storefront }, use) => {
    await use(storefront.baseURL);
  },
});

export { expect, expectAccessible } from "./storefront";
