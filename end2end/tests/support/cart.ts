import { expect, type Locator, type Page } from "@playwright/test";
import { expectHydrated } from "./hydration";

/** The header's cart link and the cart page, as a person uses them. */
export class CartPage {
  constructor(private readonly page: Page) {}

  /** The header link, e.g. "Cart, 2 items". */
  headerLink(): Locator {
    return this.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: /^Cart/ });
  }

  async expectCount(count: number) {
    const items = count === 1 ? "item" : "items";
    await expect(this.headerLink()).toHaveAccessibleName(new RegExp(`${count} ${items}$`));
  }

  /**
   * Presses the add button (by default "Add to cart") inside `scope` and waits until
   * the cart holds `count` items: with JavaScript the form says so, without it the
   * page comes back with the header counting them.
   */
  async addFromCatalog(scope: Locator, count: number, javaScript: boolean, button = /^Add to cart/) {
    // Before hydration the button is a plain form post; the JS-only result needs the WASM.
    if (javaScript) await expectHydrated(this.page);
    await scope.getByRole("button", { name: button }).click();
    const items = count === 1 ? "item" : "items";
    if (javaScript) {
      await expect(scope.getByRole("link", { name: `View cart (${count} ${items})` })).toBeVisible();
    }
    // With JavaScript the header's badge hears the new count from the form's island.
    await this.expectCount(count);
  }

  async open() {
    await this.headerLink().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
  }

  items(): Locator {
    return this.page.getByRole("list", { name: "Items in your cart" }).getByRole("listitem");
  }

  item(name: string): Locator {
    return this.items().filter({ hasText: name });
  }

  /** What the cart says it orders, e.g. "Accessories for 203-555-7676". */
  summary(): Locator {
    return this.page.locator(".cart-summary strong");
  }

  total(which: "One-time total" | "Monthly total"): Locator {
    return this.page.locator(".totals dt", { hasText: which }).locator("xpath=following-sibling::dd[1]");
  }

  async checkOut() {
    await this.page.getByRole("link", { name: "Check out" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  }
}
