import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { expectHydrated } from "./support/hydration";

const VEHICLE_CHARGER = "Verizon Wireless Vehicle Charger with Dual Output (MICRDUALVPC-F)";
const WALL_CHARGER = "Verizon Wireless Rapid Wall Charger with 6ft Cable for Micro USB (EMICUSBDTVL-F)";

test("Peter opens the accessories for his line and sees prices and pictures", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  await catalog.openFromMyLines("203-555-7676", "Accessories");
  await expect(page).toHaveURL(/\/lines\/38382349\/accessories$/);
  await catalog.expectHeading("Accessories for 203-555-7676");
  await expect(page).toHaveTitle("Accessories for 203-555-7676 · MOBPROC storefront");
  for (const name of [VEHICLE_CHARGER, WALL_CHARGER]) {
    const item = catalog.item(name).first();
    await expect(item).toContainText("$22.49 one-time");
    await expect(item).toContainText("Verizon Wireless");
    await expect(item.getByRole("button", { name: /^Add to cart/ })).toBeVisible();
  }
  await catalog.expectPicture(catalog.item(VEHICLE_CHARGER).first(), VEHICLE_CHARGER);
  await expect(catalog.results()).toHaveCount(10);
  await expect(catalog.summary()).toHaveText("Showing 10 of 11 accessories");
  await expectAccessible(page);
});

test("searching and filtering narrow the list, in the URL, and back undoes them", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  await page.goto("/lines/38382349/accessories");

  await catalog.search("rapid wall");
  await expect(page).toHaveURL(/[?&]q=rapid(\+|%20)wall/);
  await expect(catalog.item(WALL_CHARGER).first()).toBeVisible();
  await expect(catalog.item(VEHICLE_CHARGER)).toHaveCount(0);
  await expect(page.getByLabel("Search by name")).toHaveValue("rapid wall");

  await page.goBack();
  await expect(page).toHaveURL(/\/accessories$/);
  await expect(catalog.results()).toHaveCount(10);
  // The browser may restore what was typed into the box; start the next search afresh.
  await page.getByLabel("Search by name").fill("");

  await catalog.choose("Manufacturer", "LG");
  await expect(page).toHaveURL(/[?&]manufacturer=LG/);
  await expect(catalog.results()).toHaveCount(2);
  await expect(catalog.item("LG Cookie Plus Standard Battery (LGIP-410A)")).toContainText("$24.99 one-time");

  await catalog.choose("Manufacturer", "Any manufacturer");
  await catalog.choose("Carrier", "Ingram Micro Mobility");
  await expect(page).toHaveURL(/[?&]vendor=5001/);
  await expect(catalog.item("Jabra Talk 45 Bluetooth Headset")).toBeVisible();
  await expect(catalog.item(VEHICLE_CHARGER)).toHaveCount(0);
  await expectAccessible(page);
});

test("sorting and a price range cover the whole catalog", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  await page.goto("/lines/38382349/accessories");

  await catalog.choose("Sort by", "Price, high to low");
  await expect(page).toHaveURL(/[?&]sort=price_desc/);
  await expect(catalog.results()).toHaveCount(11);
  await expect(catalog.results().first()).toContainText("Plantronics Voyager Legend Bluetooth Headset");
  await expect(catalog.results().first()).toContainText("$99.99 one-time");

  await catalog.priceRange("30", "90");
  await expect(page).toHaveURL(/[?&]min_price=30/);
  await expect(catalog.results()).toHaveCount(2);
  await expect(catalog.results().first()).toContainText("Jabra Talk 45 Bluetooth Headset");
  await expect(catalog.results().last()).toContainText("Motorola TurboPower 25 Micro USB Wall Charger");

  await catalog.search("zzz-nothing-like-this");
  await expect(page.getByText("No accessories match your search.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(catalog.results()).toHaveCount(10);
});

test("the pager follows the catalog's own page links", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  await page.goto("/lines/38382349/accessories");
  await expect(catalog.item("Anker PowerCore 10000 Portable Charger")).toHaveCount(0);

  await catalog.goToPage("Next page");
  await expect(page).toHaveURL(/[?&]page=/);
  await expect(catalog.item("Anker PowerCore 10000 Portable Charger")).toContainText("$29.99 one-time");
  await expect(catalog.results()).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await catalog.goToPage("Previous page");
  await expect(catalog.results()).toHaveCount(10);
  await expect(catalog.item(VEHICLE_CHARGER).first()).toBeVisible();
  await expectAccessible(page);
});

test("the upgrade page offers devices and plans, and a plan shows its features", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  await catalog.openFromMyLines("203-555-7676", "Upgrade");
  await catalog.expectHeading("Upgrade 203-555-7676");
  await expect(page).toHaveTitle("Upgrade devices for 203-555-7676 · MOBPROC storefront");
  const iphone = catalog.item("Apple iPhone 5 (16GB) - Black").first();
  await expect(iphone).toContainText("$199.99 one-time");
  await catalog.expectPicture(iphone, "Apple iPhone 5 (16GB) - Black");
  await expectAccessible(page);

  await catalog.openTab("Plans");
  await expect(page).toHaveTitle("Upgrade plans for 203-555-7676 · MOBPROC storefront");
  const plan = catalog.results().filter({ hasText: "$58.67 / month" });
  await expect(plan.getByRole("heading")).toHaveText("Nationwide for Business Talk Share Plan");
  await expect(catalog.item("AT&T Mobile Share Value 10GB")).toContainText(
    "this plan's network (GSM) does not work with your LG Cookie Plus (CDMA)",
  );
  await expectAccessible(page);

  await plan.getByRole("link", { name: "Nationwide for Business Talk Share Plan" }).click();
  await catalog.expectHeading("Nationwide for Business Talk Share Plan");
  await expect(page).toHaveURL(/\/lines\/38382349\/upgrade\/plans\/6568886698$/);
  const optional = page.getByRole("list").filter({ hasText: "Voice Mail" });
  await expect(optional.getByRole("listitem").filter({ hasText: "Voice Mail" })).toContainText("$300.00 / month");
  await expect(optional.getByRole("listitem").filter({ hasText: "Roadside Assistance" })).toContainText(
    "$200.00 / month",
  );
  await expect(page.getByRole("region", { name: "Included features" })).toContainText("VZ Navigator");
  await expectAccessible(page);
});

test("another person's line is not found", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const response = await page.goto("/lines/38382601/accessories");
  expect(response?.status()).toBe(404);
  await new CatalogPage(page).expectHeading("Line not found");
  await expectAccessible(page);
});

test("a cart holding another order is replaced only when Peter says so", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  await page.goto("/lines/38382349/accessories");
  await cart.addFromCatalog(catalog.item(VEHICLE_CHARGER).first(), 1, javaScript);

  await page.goto("/lines/38382349/upgrade");
  if (javaScript) await expectHydrated(page);
  const iphone = catalog.item("Apple iPhone 5 (16GB) - Black").first();
  await iphone.getByRole("button", { name: /^Add to cart/ }).click();
  const asked = "Your cart holds Accessories for 203-555-7676. Replace it with Upgrade for 203-555-7676?";
  // With JavaScript the item's form asks; without it the page comes back asking at the top.
  await expect(page.getByText(asked).first()).toBeVisible();
  await cart.expectCount(1);
  await expectAccessible(page);

  await iphone.getByRole("button", { name: /^Replace cart/ }).click();
  if (javaScript) {
    await expect(iphone.getByRole("link", { name: "View cart (1 item)" })).toBeVisible();
  }
  await cart.open();
  await expect(cart.summary()).toHaveText("Upgrade for 203-555-7676");
  await expect(cart.items()).toHaveCount(1);
  await expect(cart.item("Apple iPhone 5 (16GB) - Black")).toBeVisible();
});
