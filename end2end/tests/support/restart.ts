import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test as base, launch, stop, type Storefront } from "./storefront";

/**
 * A storefront that can be restarted on the same data directory (sessions, carts and
 * the embedded sandbox's orders and tokens). Each start listens on a new ephemeral
 * port, as does the embedded sandbox: after `restart()`, `baseURL` and `sandboxURL`
 * are the new ones, while the page's own base URL (and so its relative `goto`s) still
 * names the old port; go to `storefront.baseURL` first. Cookies are per host, not per
 * port, so the browser keeps sending its session cookie to 127.0.0.1.
 */
export interface RestartableStorefront extends Storefront {
  /** Stops the server (SIGTERM, waiting for it to exit) and starts it again. */
  restart(): Promise<void>;
}

/** The storefront `test`, whose `storefront` can be restarted (see `RestartableStorefront`). */
export const test = base.extend<{ storefront: RestartableStorefront }>({
  storefront: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "storefront-e2e-"));
    let running = await launch(dataDir);
    const storefront: RestartableStorefront = {
      dataDir,
      baseURL: running.baseURL,
      sandboxURL: running.sandboxURL,
      async restart() {
        await stop(running.child);
        running = await launch(dataDir);
        storefront.baseURL = running.baseURL;
        storefront.sandboxURL = running.sandboxURL;
      },
    };
    try {
      await use(storefront);
    } finally {
      await stop(running.child).catch(() => running.child.kill("SIGKILL"));
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect, expectAccessible } from "./storefront";
