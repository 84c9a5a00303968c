import { test, expect, expectAccessible } from "./support/restart";
import { CartPage } from "./support/cart";
import { CatalogPage } from "./support/catalog";
import { CheckoutPage } from "./support/checkout";
import { SignInPage } from "./support/sign-in";
import { Sandbox } from "./support/sandbox";
import { PETERS_LINE, VEHICLE_CHARGER, WALL_CHARGER, peterWithChargersInCart } from "./support/ordering";

/** The sandbox's default access-token lifetime (`--token-ttl-secs`). */
const ACCESS_TOKEN_SECS = 3600;
/** The sandbox's default refresh-token lifetime (`--refresh-token-ttl-secs`). */
const REFRESH_TOKEN_SECS = 86_400;

test("after a server restart Peter is still signed in and his cart is intact", async ({
  page,
  context,
  storefront,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await peterWithChargersInCart(page, javaScript);
  const before = new URL(storefront.baseURL);
  const [cookie] = (await context.cookies()).filter((c) => c.domain === before.hostname && c.httpOnly);
  expect(cookie, "a session cookie for the storefront's host").toBeDefined();

  await storefront.restart();
  const after = new URL(storefront.baseURL);
  expect(after.hostname).toBe(before.hostname);
  expect(after.port, "the restarted server listens on a port of its own").not.toBe(before.port);

  // The same cookie goes to the new port: cookies are per host, not per port.
  const response = await page.goto(`${storefront.baseURL}/`);
  expect(response?.status()).toBe(200);
  expect(await response!.request().headerValue("cookie")).toContain(`${cookie.name}=${cookie.value}`);
  await expect(page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Peter Edwards");
  await expect(page.getByRole("listitem").filter({ hasText: "203-555-7676" })).toContainText("LG Cookie Plus");
  const cart = new CartPage(page);
  await cart.expectCount(2);

  await cart.open();
  await expect(cart.summary()).toHaveText("Accessories for 203-555-7676");
  await expect(cart.items()).toHaveCount(2);
  await expect(cart.item(VEHICLE_CHARGER)).toContainText("$22.49 one-time");
  await expect(cart.item(WALL_CHARGER)).toContainText("$22.49 one-time");
  await expect(cart.total("One-time total")).toHaveText("$44.98");
  await expectAccessible(page);

  // The kept tokens still work with MOBPROC: the checkout loads what it asks of it.
  await cart.checkOut();
  await expect(new CheckoutPage(page).field("Service Number")).toHaveValue("2035557676");
});

test("after a server restart the pictures in the cart still show", async ({ page, storefront }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await peterWithChargersInCart(page, javaScript);
  await storefront.restart();
  await page.goto(`${storefront.baseURL}/cart`);
  const cart = new CartPage(page);
  await expect(cart.items()).toHaveCount(2);
  for (const name of [VEHICLE_CHARGER, WALL_CHARGER]) {
    const src = await cart.item(name).locator("img").getAttribute("src");
    expect(src).toMatch(/^\/media\?src=/);
    const picture = await page.request.get(`${storefront.baseURL}${src}`);
    expect(picture.status(), `the picture of ${name}: ${decodeURIComponent(src!)}`).toBe(200);
    expect(picture.headers()["content-type"]).toMatch(/^image\//);
  }
});

test("an expired access token is refreshed without Peter noticing", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const sandbox = new Sandbox(request, storefront);
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  await peterWithChargersInCart(page, javaScript);

  // MOBPROC's clock moves past the access token's lifetime, not the refresh token's.
  await sandbox.advanceClock(ACCESS_TOKEN_SECS + 300);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "203-555-7676" })).toContainText("LG Cookie Plus");
  await expect(page.getByRole("alert")).toHaveCount(0);
  await cart.expectCount(2);

  await catalog.openFromMyLines("203-555-7676", "Accessories");
  await catalog.expectHeading("Accessories for 203-555-7676");
  await cart.addFromCatalog(catalog.item("Jabra Talk 45 Bluetooth Headset"), 3, javaScript);
  await expect(page).toHaveURL(new RegExp(`${PETERS_LINE}/accessories`));

  await cart.open();
  await expect(cart.items()).toHaveCount(3);
  await expect(cart.item("Jabra Talk 45 Bluetooth Headset")).toBeVisible();
});

test("when the refresh token has expired too, Peter signs in again and is back where he was, cart intact", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const sandbox = new Sandbox(request, storefront);
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  await peterWithChargersInCart(page, javaScript);

  await sandbox.advanceClock(REFRESH_TOKEN_SECS + 300);

  await page.goto(`${PETERS_LINE}/accessories`);
  const signIn = new SignInPage(page);
  await signIn.expectShown();
  await expectAccessible(page);
  await signIn.signIn("peter.edwards.acme");
  await expect(page).toHaveURL(new RegExp(`${PETERS_LINE}/accessories$`));
  await catalog.expectHeading("Accessories for 203-555-7676");
  await cart.expectCount(2);
  await cart.open();
  await expect(cart.items()).toHaveCount(2);
});
