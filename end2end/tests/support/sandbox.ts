import { expect, type APIRequestContext } from "@playwright/test";
import type { Storefront } from "./storefront";

/**
 * A fault rule of the embedded MOBPROC sandbox (`sandbox/src/faults.rs`): requests are
 * picked by `path` (a glob; with a `?` it is matched against path and query) and
 * `method`, then delayed, hung, failed with `errorStatus`, or cut off after the handler
 * ran (`dropAfterCommit`). `times` limits the rule to its next N matches.
 */
export interface FaultRule {
  path: string;
  method?: string;
  latencyMs?: number;
  jitterMs?: number;
  hang?: boolean;
  errorRate?: number;
  errorStatus?: number;
  dropAfterCommit?: boolean;
  times?: number;
}

/** MOBPROC's priced confirmation, `POST /orders?confirm=true`. */
export const CONFIRM_CALL = { path: "/mobproc/v1/orders?confirm=true", method: "POST" };
/**
 * MOBPROC's submit, `POST /orders` with no query. A pattern without `?` is matched
 * against the path alone, so this also picks the confirmation: set it only after
 * the order was confirmed.
 */
export const SUBMIT_CALL = { path: "/mobproc/v1/orders", method: "POST" };

/** The storefront's embedded MOBPROC sandbox, through its `/_sandbox` controls. */
export class Sandbox {
  constructor(
    private readonly request: APIRequestContext,
    private readonly storefront: Storefront,
  ) {}

  private url(path: string) {
    return `${this.storefront.sandboxURL}/_sandbox${path}`;
  }

  /** Replaces the fault rules in force. */
  async setFaults(rules: FaultRule[]) {
    const response = await this.request.post(this.url("/faults"), { data: rules });
    expect(response.status(), await response.text()).toBe(200);
  }

  async clearFaults() {
    const response = await this.request.delete(this.url("/faults"));
    expect(response.status()).toBe(204);
    expect(await this.faults()).toEqual([]);
  }

  async faults(): Promise<FaultRule[]> {
    return (await this.request.get(this.url("/faults"))).json();
  }

  /** The `{"orderRequest":…}` order `orderId` was submitted with, as the sandbox got it. */
  async orderRequest(orderId: string): Promise<{ orderRequest: Record<string, unknown> }> {
    const response = await this.request.get(this.url(`/orders/${encodeURIComponent(orderId)}/request`));
    expect(response.status(), await response.text()).toBe(200);
    return response.json();
  }

  /** Moves the sandbox's "now" forward: its tokens expire and orders progress by it. */
  async advanceClock(seconds: number) {
    const response = await this.request.post(this.url("/clock"), { data: { advanceSecs: seconds } });
    expect(response.status(), await response.text()).toBe(200);
    const clock: { now: string; offsetSecs: number } = await response.json();
    expect(clock.offsetSecs).toBeGreaterThanOrEqual(seconds);
    return clock;
  }
}

/** One call the sandbox received (its journal, `GET /_sandbox/calls`). */
export interface SandboxCall {
  method: string;
  path: string;
  query?: string | null;
  status?: number | null;
  /** Token requests: the grant type, and for code exchanges how PKCE fared. */
  grantType?: string;
  pkce?: "verified" | "failed" | "absent";
}

export class SandboxJournal {
  constructor(
    private readonly request: APIRequestContext,
    private readonly storefront: Storefront,
  ) {}

  /** The calls whose method and path (a glob) match, oldest first. */
  async calls(method: string, path: string): Promise<SandboxCall[]> {
    const url = `${this.storefront.sandboxURL}/_sandbox/calls`;
    const response = await this.request.get(url, { params: { method, path } });
    expect(response.status()).toBe(200);
    return response.json();
  }

  async clear() {
    const response = await this.request.delete(`${this.storefront.sandboxURL}/_sandbox/calls`);
    expect(response.ok()).toBeTruthy();
  }

  /** Takes a catalog item off sale (until the sandbox is reset). */
  async withdraw(kind: "accessory" | "device" | "plan", id: string) {
    const response = await this.request.post(`${this.storefront.sandboxURL}/_sandbox/withdraw`, {
      data: { kind, id },
    });
    expect(response.ok(), await response.text()).toBeTruthy();
  }
}
