import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { CheckoutPage, SEED_SHIP_TO, sandboxOrders } from "./support/checkout";

const VEHICLE_CHARGER = "Verizon Wireless Vehicle Charger with Dual Output (MICRDUALVPC-F)";
const WALL_CHARGER = "Verizon Wireless Rapid Wall Charger with 6ft Cable for Micro USB (EMICUSBDTVL-F)";

/** The ORDER_ACCESSORIES seed up to its confirmation: both chargers for 203-555-7676. */
async function confirmChargers(page: import("@playwright/test").Page, javaScript: boolean, scan: boolean) {
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);

  await catalog.openFromMyLines("203-555-7676", "Accessories");
  await catalog.expectHeading("Accessories for 203-555-7676");
  await cart.addFromCatalog(catalog.item(VEHICLE_CHARGER).first(), 1, javaScript);
  await cart.addFromCatalog(catalog.item(WALL_CHARGER).first(), 2, javaScript);

  await cart.open();
  await expect(page).toHaveTitle("Your cart · MOBPROC storefront");
  await expect(cart.summary()).toHaveText("Accessories for 203-555-7676");
  await expect(cart.items()).toHaveCount(2);
  for (const name of [VEHICLE_CHARGER, WALL_CHARGER]) {
    const item = cart.item(name);
    await expect(item).toContainText("Verizon Wireless");
    await expect(item).toContainText("$22.49 one-time");
    await expect(item.locator("img")).toHaveAttribute("src", /^\/media\?src=/);
  }
  await expect(cart.total("One-time total")).toHaveText("$44.98");
  await expect(cart.total("Monthly total")).toHaveText("$0.00");
  await cart.expectCount(2);
  if (scan) await expectAccessible(page);

  await cart.checkOut();
  await expect(checkout.field("Contact Phone Number")).toHaveValue("2035559999");
  await expect(checkout.field("Service Number")).toHaveValue("2035557676");
  await expect(page.getByRole("group", { name: "Ship to" }).getByLabel("Name")).toHaveValue("Peter Edwards");
  if (scan) await expectAccessible(page);
  await checkout.fillProperties({ "Contact Phone Number": "2035559999", "Service Number": "2035557676" });
  await checkout.fillShipTo(SEED_SHIP_TO);
  await checkout.review();

  await expect(checkout.total("One-time total")).toHaveText("$44.98");
  await expect(checkout.total("Monthly total")).toHaveText("$0.00");
  await expect(checkout.confirmedItems()).toHaveCount(2);
  await expect(checkout.confirmedItems().filter({ hasText: VEHICLE_CHARGER })).toContainText("$22.49 one-time");
  await expect(checkout.confirmedItems().filter({ hasText: WALL_CHARGER })).toContainText("Verizon Wireless");
  await expect(page.getByText("35 Executive Blvd")).toBeVisible();
  await expect(page.getByText("Zip Code")).toBeVisible();
  if (scan) await expectAccessible(page);
  return checkout;
}

test("Peter orders the two chargers: cart, checkout, confirmation, one order", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const checkout = await confirmChargers(page, javaScript, true);

  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  await expect(page.getByRole("status")).toContainText(`order ${orderId}`);
  await expect(page.locator("dd.status")).toHaveText("Submitted");
  await expect(page.getByRole("heading", { level: 2, name: "From Verizon Wireless" })).toBeVisible();
  await expect(page.getByText(VEHICLE_CHARGER)).toBeVisible();
  await expect(page.getByText(WALL_CHARGER)).toBeVisible();
  await expectAccessible(page);

  await new CartPage(page).expectCount(0);
  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
  expect(orders[0].externalOrderNumber).toMatch(/^SF-/);
});

test("a double click on Place order places one order", async ({ page, storefront, request }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const checkout = await confirmChargers(page, javaScript, false);

  await checkout.placeOrderButton().dblclick();
  const orderId = await checkout.expectOrderPage();
  await expect(page.locator("dd.status")).toHaveText("Submitted");

  // Back to the confirmation and placing it again shows the same order.
  await page.goBack();
  const again = page.getByRole("button", { name: "Place order" });
  if (await again.isVisible()) {
    await again.click();
    expect(await checkout.expectOrderPage()).toBe(orderId);
  }
  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
});

test("a wrong postal code comes back beside its field, with what was typed", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  await page.goto("/lines/38382349/accessories");
  await cart.addFromCatalog(catalog.item(VEHICLE_CHARGER).first(), 1, javaScript);
  await cart.open();
  await cart.checkOut();
  await checkout.fillShipTo({ ...SEED_SHIP_TO, postalCode: "0647X" });
  // The browser would refuse the pattern itself; the server's check is what is tested.
  await page.locator("form.checkout-form").evaluate((form) => form.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Review order" }).click();
  const postal = checkout.field("Postal Code");
  await expect(page.locator("#addr-POSTAL_CODE-error")).toHaveText(
    "Postal Code must look like [99999] or [99999-9999].",
  );
  await expect(postal).toHaveValue("0647X");
  await expect(postal).toHaveAttribute("aria-invalid", "true");
  await expect(checkout.field("Line 1")).toHaveValue("35 Executive Blvd");
  await expectAccessible(page);
});
