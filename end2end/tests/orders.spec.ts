import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { Sandbox, SandboxJournal } from "./support/sandbox";
import { Orderer, WALL_CHARGER, signOut } from "./support/orders";
import { ActingPage, BARBARA } from "./support/acting";

const DAY_SECS = 24 * 60 * 60;

test("a completed accessories order comes back into the cart, without the item no longer offered", async ({
  page,
  storefront,
  request,
  baseURL,
}) => {
  await signInAs(page, "peter.edwards.acme");
  const orderId = await new Orderer(page, baseURL!).placeChargers();
  await new Sandbox(request, storefront).advanceClock(4 * DAY_SECS);
  await new SandboxJournal(request, storefront).withdraw("accessory", WALL_CHARGER);
  await signInAs(page, "peter.edwards.acme");

  await page.goto(`/orders/${orderId}`);
  await expect(page.locator("dd.status")).toHaveText("Completed");
  await page.getByRole("button", { name: "Order again" }).click();
  await expect(page).toHaveURL(/\/cart$/);
  const notice = page.getByRole("status").filter({ hasText: "back in your cart" });
  await expect(notice).toContainText("No longer offered, so left out: Verizon Wireless Rapid Wall Charger");
  await expect(page.locator(".cart-item")).toHaveCount(1);
  await expect(page.locator(".cart-item")).toContainText("Vehicle Charger");
  await expectAccessible(page);
});

test("the admin finds what he ordered for Barbara under “placed by me for others”, and her orders while ordering for her", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "admin.acme");
  const acting = new ActingPage(page);
  await acting.findAndSwitch("barb", BARBARA.name);
  const orderer = new Orderer(page, baseURL!);
  await orderer.add("accessories", "accessory", "3628940002", BARBARA.lineId);
  const orderId = await orderer.place(false);

  await page.goto("/orders");
  await expect(page.getByRole("listitem").filter({ hasText: `Order ${orderId}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Placed by me for others" })).toHaveCount(0);
  await acting.switchBack();

  await page.goto("/orders");
  await expect(page.getByRole("listitem").filter({ hasText: `Order ${orderId}` })).toHaveCount(0);
  await page.getByRole("link", { name: "Placed by me for others" }).click();
  await expect(page).toHaveURL(/view=placed-for-others/);
  const card = page.getByRole("listitem").filter({ hasText: `Order ${orderId}` });
  await expect(card).toContainText("Barbara Andrews");
  await expectAccessible(page);
});

test("My orders pages by MOBPROC's links, and the status filter survives paging and the back button", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, "peter.edwards.acme");
  const orderer = new Orderer(page, baseURL!);
  for (let i = 0; i < 21; i++) {
    await orderer.add("accessories", "accessory", WALL_CHARGER);
    await orderer.place(false);
  }

  await page.goto("/orders");
  await page.getByRole("navigation", { name: "Orders by status" }).getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(/status=open/);
  const cards = page.getByRole("list", { name: "Your orders" }).getByRole("listitem");
  await expect(cards).toHaveCount(20);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/status=open&page=/);
  await expect(cards).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Open" })).toHaveAttribute("aria-current", "page");
  await page.goBack();
  await expect(page).toHaveURL(/\/orders\?status=open$/);
  await expect(cards).toHaveCount(20);
  await page.getByRole("link", { name: "Completed" }).click();
  await expect(page.getByText("No completed orders here.")).toBeVisible();
  await expectAccessible(page);
});

test("an unknown order and someone else's order are not found", async ({ page, baseURL }) => {
  await signInAs(page, "peter.edwards.acme");
  const orderId = await new Orderer(page, baseURL!).placeChargers();
  const unknown = await page.goto("/orders/99999999");
  expect(unknown?.status()).toBe(404);
  await expectAccessible(page);
  await signOut(page);
  await signInAs(page, BARBARA.username);
  const foreign = await page.goto(`/orders/${orderId}`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByText("Vehicle Charger")).toHaveCount(0);
});
