import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { CheckoutPage } from "./support/checkout";
import { PHONE, expectNoSidewaysScroll, expectWithinScreen } from "./support/layout";
import {
  VEHICLE_CHARGER,
  WALL_CHARGER,
  fillSeedCheckout,
  peterConfirmsChargers,
  peterWithChargersInCart,
} from "./support/ordering";

test.use({ viewport: PHONE });

test("on a phone, My lines and the accessories fit the screen, their actions at hand", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await signInAs(page, "peter.edwards.acme");
  const account = page.getByRole("navigation", { name: "Account" });
  const line = page.getByRole("listitem").filter({ hasText: "203-555-7676" });
  await expectNoSidewaysScroll(page);
  await expectWithinScreen(account.getByRole("link", { name: /^Cart/ }));
  await expectWithinScreen(account.getByRole("button", { name: "Sign out" }));
  await expectWithinScreen(line.getByRole("link", { name: /^Accessories/ }));
  await expectWithinScreen(line.getByRole("link", { name: /^Upgrade/ }));
  await expectAccessible(page);

  const catalog = new CatalogPage(page);
  await catalog.openFromMyLines("203-555-7676", "Accessories");
  await catalog.expectHeading("Accessories for 203-555-7676");
  await expect(catalog.results()).toHaveCount(10);
  await expectNoSidewaysScroll(page);
  await expectWithinScreen(page.getByLabel("Search by name"));
  await expectWithinScreen(page.getByRole("search").getByRole("button", { name: "Search" }));
  const charger = catalog.item(VEHICLE_CHARGER).first();
  await expectWithinScreen(charger.getByRole("button", { name: /^Add to cart/ }));
  await expectWithinScreen(charger.getByRole("img", { name: VEHICLE_CHARGER }));
  await expectWithinScreen(page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next page" }));
  await expectAccessible(page);

  await new CartPage(page).addFromCatalog(charger, 1, javaScript);
  await expectNoSidewaysScroll(page);
});

test("on a phone, the cart and the checkout fit the screen, their actions at hand", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await peterWithChargersInCart(page, javaScript);
  const cart = new CartPage(page);
  await cart.open();
  await expect(cart.items()).toHaveCount(2);
  await expectNoSidewaysScroll(page);
  for (const name of [VEHICLE_CHARGER, WALL_CHARGER]) {
    await expectWithinScreen(cart.item(name).getByRole("button", { name: /^Remove/ }));
  }
  await expectWithinScreen(cart.total("One-time total"));
  await expectWithinScreen(page.getByRole("link", { name: "Check out" }));
  await expectAccessible(page);

  await cart.checkOut();
  await expectNoSidewaysScroll(page);
  const checkout = await fillSeedCheckout(page);
  for (const field of ["Contact Phone Number", "Service Number", "Line 1", "City", "State", "Postal Code"]) {
    await expectWithinScreen(checkout.field(field));
  }
  await expectWithinScreen(page.getByRole("button", { name: "Review order" }));
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
});

test("on a phone, the order's confirmation fits the screen, Place order at hand", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await peterConfirmsChargers(page, javaScript);
  const checkout = new CheckoutPage(page);
  await expect(checkout.confirmedItems()).toHaveCount(2);
  await expectNoSidewaysScroll(page);
  await expectWithinScreen(checkout.total("One-time total"));
  await expectWithinScreen(checkout.placeOrderButton());
  // "Ordered for" and "Requested by" quote an e-mail address, which must wrap too.
  await expectWithinScreen(page.getByRole("definition").filter({ hasText: "peter.edwards@acme.com" }).first());
  await expectAccessible(page);
});
