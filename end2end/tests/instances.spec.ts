import { test, expect, expectAccessible } from "./support/instances";
import { CartPage } from "./support/cart";
import { CheckoutPage, sandboxOrders } from "./support/checkout";
import { VEHICLE_CHARGER, WALL_CHARGER, peterConfirmsChargers } from "./support/ordering";

test("behind round-robin nginx, two instances on one database take Peter's accessories order turn by turn, once", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await peterConfirmsChargers(page, javaScript);
  const checkout = new CheckoutPage(page);
  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  await expect(page.getByRole("status")).toContainText(`order ${orderId}`);
  await expect(page.getByText(VEHICLE_CHARGER)).toBeVisible();
  await expect(page.getByText(WALL_CHARGER)).toBeVisible();
  await expectAccessible(page);
  await new CartPage(page).expectCount(0);

  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);

  // Round-robin hands each request to the other instance than the one before, so the
  // two served the same number of requests, give or take the last one. (nginx logs a
  // request when it is answered, which is not always the order they were sent in.)
  const proxied = storefront.proxied();
  expect(new Set(proxied.map((p) => p.upstream))).toEqual(new Set(storefront.upstreams));
  const [first, second] = storefront.upstreams.map((u) => proxied.filter((p) => p.upstream === u).length);
  expect(Math.abs(first - second), `${first} and ${second} requests of ${proxied.length}`).toBeLessThanOrEqual(1);
  for (const upstream of storefront.upstreams) {
    const served = proxied.filter((p) => p.upstream === upstream);
    expect(served.some((p) => p.method === "POST"), `${upstream} took state-changing requests`).toBe(true);
    expect(served.some((p) => p.method === "GET" && p.status === 200), `${upstream} served pages`).toBe(true);
  }
  expect(proxied.filter((p) => p.status >= 500)).toEqual([]);
});
