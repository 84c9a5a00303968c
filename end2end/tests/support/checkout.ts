import { expect, type APIRequestContext, type APIResponse, type Locator, type Page } from "@playwright/test";
import type { Storefront } from "./storefront";

/** The ship-to of the ORDER_ACCESSORIES seed. */
export const SEED_SHIP_TO = {
  name: "Peter Edwards",
  line1: "35 Executive Blvd",
  city: "Orange",
  state: "Connecticut",
  postalCode: "06477",
  expedite: true,
};

/** Checkout, confirmation and the order result, as a person uses them. */
export class CheckoutPage {
  constructor(private readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label);
  }

  async fillProperties(values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label).fill(value);
    }
  }

  async choose(label: string, option: string) {
    await this.field(label).selectOption({ label: option });
  }

  async fillShipTo(shipTo: typeof SEED_SHIP_TO) {
    const form = this.page.getByRole("group", { name: "Ship to" });
    await form.getByLabel("Name").fill(shipTo.name);
    await form.getByLabel("Line 1").fill(shipTo.line1);
    await form.getByLabel("City").fill(shipTo.city);
    await form.getByLabel("State").selectOption({ label: shipTo.state });
    await form.getByLabel("Postal Code").fill(shipTo.postalCode);
    await form.getByLabel("Expedite shipping").setChecked(shipTo.expedite);
  }

  async review() {
    await this.page.getByRole("button", { name: "Review order" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Confirm your order" })).toBeVisible();
  }

  total(which: "One-time total" | "Monthly total"): Locator {
    return this.page.locator(".totals dt", { hasText: which }).locator("xpath=following-sibling::dd[1]");
  }

  confirmedItems(): Locator {
    return this.page.getByRole("list", { name: "Items" }).getByRole("listitem");
  }

  placeOrderButton(): Locator {
    return this.page.getByRole("button", { name: "Place order" });
  }

  /** Waits for the order's page; its order id. */
  async expectOrderPage(): Promise<string> {
    const heading = this.page.getByRole("heading", { level: 1, name: /^Order \S+$/ });
    await expect(heading).toBeVisible();
    return (await heading.textContent())!.replace(/^Order /, "");
  }
}

/** Every order of Peter's, as the storefront's embedded sandbox lists them. */
export async function sandboxOrders(request: APIRequestContext, storefront: Storefront) {
  const token = await request.post(`${storefront.sandboxURL}/as/token.oauth2`, {
    form: {
      grant_type: "password",
      client_id: "storefront",
      client_secret: "storefront-secret",
      scope: "MOBPROC",
      username: "peter.edwards.acme",
      password: "demo",
    },
  });
  const { access_token } = await token.json();
  const orders: unknown[] = [];
  let next: string | undefined = `${storefront.sandboxURL}/mobproc/v1/orders?employee=28673732`;
  while (next) {
    const response: APIResponse = await request.get(next, {
      headers: {
        Authorization: `Bearer ${access_token}`,
        "X-TNGO-TENANT": "ACME",
        client_id: "storefront",
      },
    });
    const page: { items: unknown[]; _meta?: { hrefNext?: string } } = (await response.json()).orders;
    orders.push(...page.items);
    next = page._meta?.hrefNext;
  }
  return orders as { orderId: string; externalOrderNumber?: string; status: string }[];
}
