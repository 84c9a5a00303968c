import { expect, type Page } from "@playwright/test";

/** Peter's line 203-555-7676 and the items of the tutorials' orders. */
export const LINE = "38382349";
export const IPHONE_5 = "9194713904";
export const TALK_SHARE_PLAN = "6568886698";
export const UPGRADE_FEATURES = ["122", "293"];
export const CAR_CHARGER = "3628935898";
export const WALL_CHARGER = "3628939021";

/** The tutorials' checkout form, as the page posts it. */
function checkoutForm(withReason: boolean): Record<string, string> {
  const form: Record<string, string> = {
    "form[properties][CONTACT_NUMBER]": "2035559999",
    "form[properties][SERVICE_NUMBER]": "2035557676",
    "form[name]": "Peter Edwards",
    "form[region_id]": "70144640",
    "form[address][LINE_1]": "35 Executive Blvd",
    "form[address][CITY]": "Orange",
    "form[address][STATE]": "CT",
    "form[address][POSTAL_CODE]": "06477",
    "form[expedite]": "on",
    intent: "confirm",
  };
  if (withReason) form["form[properties][Reason]"] = "21";
  return form;
}

/**
 * Orders as the signed-in person of `page`, through the storefront's own server
 * functions with that page's session: for setting up what a test is not about.
 */
export class Orderer {
  constructor(
    private readonly page: Page,
    private readonly baseURL: string,
  ) {}

  private async call(endpoint: string, form: Record<string, string>) {
    const response = await this.page.request.post(`/api/${endpoint}`, {
      form,
      headers: { Origin: this.baseURL },
      maxRedirects: 0,
    });
    expect(response.status(), `${endpoint}: ${await response.text()}`).toBeLessThan(400);
    return response;
  }

  async add(order: "accessories" | "upgrade", kind: string, id: string, line = LINE) {
    await this.call("cart/add", { service_id: line, order, item_kind: kind, item_id: id });
  }

  /** Checks the cart out and places it; the order id. */
  async place(withReason: boolean): Promise<string> {
    const saved = await this.call("checkout/save", checkoutForm(withReason));
    const checkout = /checkout=([^&]+)/.exec(saved.headers()["location"] ?? "")?.[1];
    expect(checkout, "led to the confirmation").toBeTruthy();
    const placed = await this.call("orders/submit", { checkout: decodeURIComponent(checkout!) });
    return placed.json();
  }

  /** The tutorial's upgrade, $558.67 a month: over the limit, so it needs approval. */
  async placeTutorialUpgrade(): Promise<string> {
    await this.add("upgrade", "device", IPHONE_5);
    await this.add("upgrade", "plan", TALK_SHARE_PLAN);
    for (const feature of UPGRADE_FEATURES) await this.add("upgrade", "feature", feature);
    return this.place(true);
  }

  /** The tutorial's two chargers. */
  async placeChargers(): Promise<string> {
    await this.add("accessories", "accessory", CAR_CHARGER);
    await this.add("accessories", "accessory", WALL_CHARGER);
    return this.place(false);
  }
}

/** Signs out with the header's button. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
}
