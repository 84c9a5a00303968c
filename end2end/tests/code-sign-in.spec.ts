import { test, expect, expectAccessible } from "./support/storefront";
import { IdentityProviderPage, SignInPage } from "./support/sign-in";
import { SandboxJournal } from "./support/sandbox";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { CheckoutPage } from "./support/checkout";
import { VEHICLE_CHARGER, WALL_CHARGER, fillSeedCheckout } from "./support/ordering";

test("Peter signs in with his company account, orders the two chargers and signs out", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const journal = new SandboxJournal(request, storefront);
  const signIn = new SignInPage(page);
  const idp = new IdentityProviderPage(page);

  await signIn.open();
  await signIn.expectShown();
  // The demo offers both ways.
  await expect(signIn.companyAccountLink()).toBeVisible();
  await expect(signIn.submitButton()).toBeVisible();
  await expectAccessible(page);

  await signIn.companyAccountLink().click();
  await idp.expectShown(storefront.sandboxURL);
  await expectAccessible(page);
  await idp.signIn("peter.edwards.acme");

  await expect(page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
  expect(page.url()).toBe(`${storefront.baseURL}/`);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Peter Edwards");
  const exchanges = (await journal.calls("POST", "/as/token.oauth2")).filter(
    (call) => call.grantType === "authorization_code",
  );
  expect(exchanges.map((call) => [call.status, call.pkce])).toEqual([[200, "verified"]]);
  expect(exchanges[0].query ?? "").not.toContain("storefront-secret");

  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  await catalog.openFromMyLines("203-555-7676", "Accessories");
  await catalog.expectHeading("Accessories for 203-555-7676");
  await cart.addFromCatalog(catalog.item(VEHICLE_CHARGER).first(), 1, javaScript);
  await cart.addFromCatalog(catalog.item(WALL_CHARGER).first(), 2, javaScript);
  await cart.open();
  await cart.checkOut();
  const checkout = await fillSeedCheckout(page);
  await checkout.review();
  await expect(checkout.total("One-time total")).toHaveText("$44.98");
  await checkout.placeOrderButton().click();
  const orderId = await new CheckoutPage(page).expectOrderPage();
  await expect(page.getByRole("status")).toContainText(`order ${orderId}`);

  // Signing out ends the identity provider's session too and comes back to sign in.
  await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await signIn.expectShown();
  expect(page.url()).toBe(`${storefront.baseURL}/sign-in`);
  const logouts = await journal.calls("GET", "/idp/startSLO.ping");
  expect(logouts.map((call) => call.status)).toEqual([302]);
  await page.goto("/");
  await signIn.expectShown();
  // Nobody is signed in at the identity provider any more: it asks again.
  await signIn.companyAccountLink().click();
  await idp.expectShown(storefront.sandboxURL);
});

test("a sign-in cancelled at the identity provider signs nobody in and says so", async ({ page, storefront }) => {
  const signIn = new SignInPage(page);
  const idp = new IdentityProviderPage(page);
  await page.goto("/orders");
  await signIn.expectShown();
  await signIn.companyAccountLink().click();
  await idp.expectShown(storefront.sandboxURL);
  await idp.cancel();

  await signIn.expectShown();
  await expect(signIn.alert()).toHaveText("Signing in with your company account was cancelled.");
  expect(page.url()).toBe(`${storefront.baseURL}/sign-in?return_to=%2Forders`);
  await expectAccessible(page);

  // Going on from here still comes back to where Peter was going.
  await signIn.companyAccountLink().click();
  await idp.signIn("peter.edwards.acme");
  await expect(page.getByRole("heading", { level: 1, name: "My orders" })).toBeVisible();
  expect(page.url()).toBe(`${storefront.baseURL}/orders`);
});

test("a callback with a forged state signs nobody in and says so", async ({ page }) => {
  const signIn = new SignInPage(page);
  await page.goto("/auth/callback?code=made-up&state=forged");
  await signIn.expectShown();
  await expect(signIn.alert()).toContainText("Signing in with your company account did not work.");
  await expectAccessible(page);
  await page.goto("/");
  await signIn.expectShown();
});
