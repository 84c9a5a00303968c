import { test, expect, expectAccessible } from "./support/storefront";
import type { BrowserContext } from "@playwright/test";
import { CartPage } from "./support/cart";
import { CheckoutPage, sandboxOrders } from "./support/checkout";
import { expectHydrated } from "./support/hydration";
import { peterConfirmsChargers } from "./support/ordering";
import { Sandbox, SUBMIT_CALL } from "./support/sandbox";

/** A second tab of the same browser on the confirmation, ready to place it. */
async function secondTab(context: BrowserContext, confirmation: string, javaScript: boolean) {
  const tab = await context.newPage();
  await tab.goto(confirmation);
  await expect(tab.getByRole("heading", { level: 1, name: "Confirm your order" })).toBeVisible();
  if (javaScript) await expectHydrated(tab);
  return { tab, checkout: new CheckoutPage(tab) };
}

test("the same confirmation placed in two tabs, one after the other, is one order", async ({
  page,
  context,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const confirmation = await peterConfirmsChargers(page, javaScript);
  const first = new CheckoutPage(page);
  const second = await secondTab(context, confirmation, javaScript);
  await expect(second.checkout.placeOrderButton()).toBeEnabled();

  await first.placeOrderButton().click();
  const orderId = await first.expectOrderPage();
  await expect(page.getByRole("status")).toContainText(`Your order was placed: order ${orderId}.`);

  // The second tab still shows the button from before; pressing it shows the same order.
  await second.checkout.placeOrderButton().click();
  expect(await second.checkout.expectOrderPage()).toBe(orderId);
  await expect(second.tab.locator("dd.status")).toHaveText("Submitted");
  await new CartPage(second.tab).expectCount(0);
  await expectAccessible(second.tab);

  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
});

test("the same confirmation placed in two tabs at the same moment is one order", async ({
  page,
  context,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const confirmation = await peterConfirmsChargers(page, javaScript);
  const first = new CheckoutPage(page);
  const second = await secondTab(context, confirmation, javaScript);
  // MOBPROC takes its time over the submit, so both presses arrive while it is under way.
  await new Sandbox(request, storefront).setFaults([{ ...SUBMIT_CALL, latencyMs: 1500 }]);

  await Promise.all([first.placeOrderButton().click(), second.checkout.placeOrderButton().click()]);
  const [firstId, secondId] = await Promise.all([first.expectOrderPage(), second.checkout.expectOrderPage()]);
  expect(secondId).toBe(firstId);

  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([firstId]);
});
