import { test, expect, expectAccessible } from "./support/storefront";
import type { Page } from "@playwright/test";
import { CartPage } from "./support/cart";
import { expectHydrated } from "./support/hydration";
import { CheckoutPage, sandboxOrders } from "./support/checkout";
import { Sandbox, CONFIRM_CALL, SUBMIT_CALL } from "./support/sandbox";
import {
  VEHICLE_CHARGER,
  WALL_CHARGER,
  fillSeedCheckout,
  peterConfirmsChargers,
  peterWithChargersInCart,
} from "./support/ordering";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
/** What must never reach a person: internals of the failure. */
const INTERNALS = /panicked|backtrace|stack trace|\.rs:\d+|Injected-Fault|reqwest|hyper|MobprocError|BffError|\b50[0-9]\b/i;

/**
 * Clicks `button` and returns the correlation id the server gave the form post it
 * sent (a server-function call with JavaScript, a plain form post without).
 */
async function correlationIdOfPost(page: Page, button: string, endpoint: string) {
  const posted = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === endpoint,
  );
  await page.getByRole("button", { name: button }).click();
  const id = (await posted).headers()["x-correlation-id"];
  expect(id).toMatch(UUID);
  return id;
}

async function expectNoInternals(page: Page) {
  await expect(page.locator("body")).not.toContainText(INTERNALS);
}

test("MOBPROC failing the confirmation gets a plain message with a reference, and the cart is kept", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const sandbox = new Sandbox(request, storefront);
  const cart = new CartPage(page);
  await peterWithChargersInCart(page, javaScript);
  await cart.open();
  await cart.checkOut();
  const checkout = await fillSeedCheckout(page);

  await sandbox.setFaults([{ ...CONFIRM_CALL, errorRate: 1, errorStatus: 503 }]);
  const reference = await correlationIdOfPost(page, "Review order", "/api/checkout/save");
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(
    `MOBPROC did not answer in time or failed. Nothing was changed; please try again. (Reference: ${reference})`,
  );
  await expectNoInternals(page);
  // Still the checkout, with what Peter typed, and his two items.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout");
  await expect(checkout.field("Contact Phone Number")).toHaveValue("2035559999");
  await expect(checkout.field("Line 1")).toHaveValue("35 Executive Blvd");
  await cart.expectCount(2);
  await expectAccessible(page);

  await cart.open();
  await expect(cart.items()).toHaveCount(2);
  await expect(cart.item(VEHICLE_CHARGER)).toBeVisible();
  await expect(cart.item(WALL_CHARGER)).toBeVisible();
  await expect(cart.total("One-time total")).toHaveText("$44.98");
  expect(await sandboxOrders(request, storefront)).toEqual([]);

  // Once MOBPROC answers again, the kept checkout goes through as it is.
  await sandbox.clearFaults();
  await cart.checkOut();
  await expect(checkout.field("Postal Code")).toHaveValue("06477");
  await checkout.review();
  await expect(checkout.total("One-time total")).toHaveText("$44.98");
  await expect(checkout.total("Monthly total")).toHaveText("$0.00");
  await expect(checkout.confirmedItems()).toHaveCount(2);
  await expect(checkout.placeOrderButton()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("MOBPROC failing the submit: nothing was ordered, the cart is kept, and trying again places one order", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const sandbox = new Sandbox(request, storefront);
  const checkout = new CheckoutPage(page);
  const cart = new CartPage(page);
  await peterConfirmsChargers(page, javaScript);

  await sandbox.setFaults([{ ...SUBMIT_CALL, errorRate: 1, errorStatus: 502, times: 1 }]);
  const reference = await correlationIdOfPost(page, "Place order", "/api/orders/submit");
  const alert = page.getByRole("alert");
  // A 502 may come after MOBPROC placed the order: the storefront looked for it first.
  await expect(alert).toContainText("it was not found among your orders, so nothing was ordered. You may try again.");
  await expect(alert).toContainText(`(Reference: ${reference})`);
  await expectNoInternals(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your order");
  await cart.expectCount(2);
  expect(await sandboxOrders(request, storefront)).toEqual([]);
  await expectAccessible(page);

  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  await expect(page.getByRole("status")).toContainText(`Your order was placed: order ${orderId}.`);
  await cart.expectCount(0);
  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
});

test("the connection dropping after MOBPROC took the order: Peter is told it exists, and no second order is placed", async ({
  page,
  context,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const sandbox = new Sandbox(request, storefront);
  const checkout = new CheckoutPage(page);
  const confirmation = await peterConfirmsChargers(page, javaScript);
  // The same confirmation, still open in another tab with its button, for trying again.
  const other = await context.newPage();
  await other.goto(confirmation);
  await expect(new CheckoutPage(other).placeOrderButton()).toBeVisible();

  await sandbox.setFaults([{ ...SUBMIT_CALL, dropAfterCommit: true, times: 1 }]);
  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  await expect(page.getByRole("status")).toHaveText(`Your order went through: order ${orderId}.`);
  await expect(page.locator("dd.status")).toHaveText("Submitted");
  await expect(page.getByText(VEHICLE_CHARGER)).toBeVisible();
  await expectNoInternals(page);
  await new CartPage(page).expectCount(0);
  await expectAccessible(page);
  let orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
  // The fault was used up by the one submission that reached MOBPROC.
  expect(await sandbox.faults()).toEqual([]);

  // Trying again from the other tab shows the same order.
  const otherCheckout = new CheckoutPage(other);
  if (javaScript) await expectHydrated(other);
  await otherCheckout.placeOrderButton().click();
  expect(await otherCheckout.expectOrderPage()).toBe(orderId);
  // Opening the confirmation again shows the order instead of a button.
  await page.goto(confirmation);
  await expect(page.getByRole("status")).toContainText(`This order was placed: order ${orderId}`);
  await expect(checkout.placeOrderButton()).toHaveCount(0);

  orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
});
