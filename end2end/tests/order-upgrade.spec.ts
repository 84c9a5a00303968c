import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { CheckoutPage, SEED_SHIP_TO, sandboxOrders } from "./support/checkout";

const IPHONE = "Apple iPhone 5 (16GB) - Black";
const PLAN = "Nationwide for Business Talk Share Plan";

test("Peter upgrades to the iPhone 5 with the Talk Share plan and two features", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);

  await catalog.openFromMyLines("203-555-7676", "Upgrade");
  await cart.addFromCatalog(catalog.item(IPHONE).first(), 1, javaScript);
  await catalog.openTab("Plans");
  await catalog.results().filter({ hasText: "$58.67 / month" }).getByRole("link", { name: PLAN }).click();
  await catalog.expectHeading(PLAN);
  await cart.addFromCatalog(page.locator("main"), 2, javaScript, /^Add plan to cart/);
  const optional = page.getByRole("region", { name: "Optional features" });
  for (const [feature, count] of [["Voice Mail", 3], ["Roadside Assistance", 4]] as const) {
    await cart.addFromCatalog(optional.getByRole("listitem").filter({ hasText: feature }), count, javaScript, /^Add feature/);
  }

  await cart.open();
  await expect(cart.summary()).toHaveText("Upgrade for 203-555-7676");
  await expect(cart.items()).toHaveCount(4);
  await expect(cart.total("One-time total")).toHaveText("$199.99");
  await expect(cart.total("Monthly total")).toHaveText("$558.67");

  await cart.checkOut();
  const other = page.getByLabel(/please say what/);
  if (javaScript) {
    await expect(other).toBeHidden();
    await checkout.choose("Reason", "Other");
    await expect(other).toBeVisible();
    // Its text is asked for only while "Other" is chosen.
    await expect(other).toHaveAttribute("required", "");
  } else {
    await expect(other).toBeVisible();
  }
  await checkout.choose("Reason", "Eligible for upgrade");
  if (javaScript) {
    await expect(other).toBeHidden();
    await expect(other).not.toHaveAttribute("required");
  }
  await checkout.fillShipTo(SEED_SHIP_TO);
  await expectAccessible(page);
  await checkout.review();

  await expect(checkout.total("One-time total")).toHaveText("$199.99");
  await expect(checkout.total("Monthly total")).toHaveText("$558.67");
  await expect(checkout.confirmedItems().filter({ hasText: IPHONE })).toContainText("$199.99 one-time");
  const plan = page.locator(".plan");
  await expect(plan.getByRole("heading", { name: PLAN })).toBeVisible();
  await expect(plan).toContainText("Voice Mail $300.00 / month");
  await expect(plan).toContainText("Roadside Assistance $200.00 / month");
  await expect(page.getByText("Eligible for upgrade")).toBeVisible();

  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  await expect(page.locator("dd.status")).toHaveText("Submitted");
  await expect(page.getByText(IPHONE, { exact: true })).toBeVisible();
  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
});

test("a missing required property and an “Other” reason without its text come back beside their fields", async ({
  page,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  await page.goto("/lines/38382349/upgrade");
  await cart.addFromCatalog(catalog.item(IPHONE).first(), 1, javaScript);
  await cart.open();
  await cart.checkOut();

  await checkout.fillProperties({ "Contact Phone Number": "" });
  await checkout.choose("Reason", "Other");
  await checkout.fillShipTo(SEED_SHIP_TO);
  // The browser would refuse the empty fields itself; the server's check is what is tested.
  await page.locator("form.checkout-form").evaluate((form) => form.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Review order" }).click();

  await expect(page.locator("#prop-CONTACT_NUMBER-error")).toHaveText("Contact Phone Number is required.");
  await expect(checkout.field("Contact Phone Number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#prop-Reason-other-error")).toHaveText("Reason: say what “Other” is.");
  await expect(checkout.field("Reason")).toHaveValue("7");
  const other = page.getByLabel(/please say what/);
  await expect(other).toBeVisible();
  await expect(other).toHaveAttribute("aria-invalid", "true");
  await expect(checkout.field("Line 1")).toHaveValue(SEED_SHIP_TO.line1);
  await expectAccessible(page);

  await checkout.fillProperties({ "Contact Phone Number": "2035559999" });
  await other.fill("Screen cracked in the field");
  await checkout.review();
  await expect(page.getByText("Screen cracked in the field")).toBeVisible();
});
