import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { CheckoutPage, SEED_SHIP_TO } from "./support/checkout";
import { expectHydrated } from "./support/hydration";
import { VEHICLE_CHARGER } from "./support/ordering";
import { Sandbox } from "./support/sandbox";
import {
  ADMIN,
  BARBARA,
  CORPORATE_ONLY_DEVICE,
  EARPODS,
  JAMES,
  MARKETING_ONLY_DEVICE,
  ActingPage,
  employeeCall,
  fact,
  orderedByFor,
  sandboxOrdersSeenBy,
  titleFor,
} from "./support/acting";

const REFUSED_BY_MOBPROC = "MOBPROC does not let you order for that person.";
const CONFIRMED_FOR_SOMEONE_ELSE = "This order was confirmed for someone else";

test("the admin finds Barbara, orders accessories for her line, and the order names her and him", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const acting = new ActingPage(page);
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);

  await signInAs(page, ADMIN.username);
  await expect(page).toHaveTitle(titleFor("My lines"));
  await expect(page.getByRole("listitem").filter({ hasText: ADMIN.line })).toBeVisible();
  await acting.expectNotActing();
  // His own catalog is the corporate one.
  await page.goto(`/lines/${ADMIN.lineId}/upgrade?q=Passport`);
  await expect(catalog.item(CORPORATE_ONLY_DEVICE).first()).toBeVisible();
  await page.goto(`/lines/${ADMIN.lineId}/upgrade?q=Galaxy%20Tab`);
  await catalog.expectHeading(`Upgrade ${ADMIN.line}`);
  await expect(catalog.item(MARKETING_ONLY_DEVICE)).toHaveCount(0);

  // Finding Barbara by part of her name.
  await acting.open();
  await expect(page).toHaveTitle(titleFor("Order for someone else"));
  await expectAccessible(page);
  await acting.search("barb");
  await expect(page).toHaveURL(/\/act-for\?q=barb/);
  await expect(acting.results()).toHaveCount(1);
  const found = acting.result(BARBARA.name);
  await expect(found).toContainText(BARBARA.department);
  await expect(found).toContainText(BARBARA.email);
  await expectAccessible(page);
  await acting.switchTo(BARBARA.name);

  // Her lines, under her name.
  expect(new URL(page.url()).pathname).toBe("/");
  await acting.expectActingFor(BARBARA.name, BARBARA.department);
  await expect(page).toHaveTitle(titleFor("My lines", BARBARA.name));
  await expect(page.getByRole("listitem").filter({ hasText: BARBARA.line })).toContainText("AT&T Mobility");
  await expect(page.getByRole("listitem").filter({ hasText: ADMIN.line })).toHaveCount(0);
  await cart.expectCount(0);
  await expectAccessible(page);

  // Her catalog is the marketing one.
  await catalog.openFromMyLines(BARBARA.line, "Upgrade");
  await catalog.expectHeading(`Upgrade ${BARBARA.line}`);
  await expect(page).toHaveTitle(titleFor(`Upgrade devices for ${BARBARA.line}`, BARBARA.name));
  await acting.expectActingFor(BARBARA.name);
  await page.goto(`/lines/${BARBARA.lineId}/upgrade?q=Galaxy%20Tab`);
  await expect(catalog.item(MARKETING_ONLY_DEVICE).first()).toBeVisible();
  await page.goto(`/lines/${BARBARA.lineId}/upgrade?q=Passport`);
  await catalog.expectHeading(`Upgrade ${BARBARA.line}`);
  await expect(catalog.item(CORPORATE_ONLY_DEVICE)).toHaveCount(0);

  // Accessories for her line, through checkout.
  await page.goto("/");
  await catalog.openFromMyLines(BARBARA.line, "Accessories");
  await catalog.expectHeading(`Accessories for ${BARBARA.line}`);
  await expect(page).toHaveTitle(titleFor(`Accessories for ${BARBARA.line}`, BARBARA.name));
  await acting.expectActingFor(BARBARA.name);
  const earpods = catalog.item(EARPODS).first();
  await expect(earpods).toContainText("$29.00 one-time");
  await expect(earpods).toContainText("AT&T Mobility");
  await cart.addFromCatalog(earpods, 1, javaScript);

  await cart.open();
  await expect(page).toHaveTitle(titleFor("Your cart", BARBARA.name));
  await acting.expectActingFor(BARBARA.name);
  await expect(cart.summary()).toHaveText(`Accessories for ${BARBARA.line}`);
  await expect(cart.items()).toHaveCount(1);
  await expect(cart.item(EARPODS)).toContainText("$29.00 one-time");
  await expect(cart.total("One-time total")).toHaveText("$29.00");

  await cart.checkOut();
  await expect(page).toHaveTitle(titleFor("Checkout", BARBARA.name));
  await acting.expectActingFor(BARBARA.name);
  // Prefilled with her details, not the admin's.
  await expect(checkout.field("Contact Phone Number")).toHaveValue(BARBARA.officePhone);
  await expect(checkout.field("Service Number")).toHaveValue(BARBARA.line.replace(/-/g, ""));
  await expect(page.getByRole("group", { name: "Ship to" }).getByLabel("Name")).toHaveValue(BARBARA.name);
  await checkout.fillShipTo({ ...SEED_SHIP_TO, name: BARBARA.name });
  await checkout.review();

  await expect(page).toHaveTitle(titleFor("Confirm your order", BARBARA.name));
  await acting.expectActingFor(BARBARA.name);
  await expect(checkout.confirmedItems()).toHaveCount(1);
  await expect(checkout.confirmedItems().filter({ hasText: EARPODS })).toContainText("$29.00 one-time");
  await expect(checkout.total("One-time total")).toHaveText("$29.00");
  await expect(fact(page, "Ordered for")).toHaveText(`${BARBARA.name} (${BARBARA.email})`);
  await expect(fact(page, "Requested by")).toHaveText(`${ADMIN.name} (${ADMIN.email})`);
  await expect(page.getByText(orderedByFor(ADMIN.name, BARBARA.name))).toBeVisible();
  await expectAccessible(page);

  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  await expect(page.getByRole("status")).toContainText(`Your order was placed: order ${orderId}.`);
  await expect(page).toHaveTitle(titleFor(`Order ${orderId}`, BARBARA.name));
  await acting.expectActingFor(BARBARA.name);
  await expect(page.getByText(orderedByFor(ADMIN.name, BARBARA.name))).toBeVisible();
  await expect(fact(page, "Ordered for")).toHaveText(`${BARBARA.name} (${BARBARA.email})`);
  await expect(fact(page, "Requested by")).toHaveText(`${ADMIN.name} (${ADMIN.email})`);
  await expect(page.getByRole("heading", { level: 2, name: "From AT&T Mobility" })).toBeVisible();
  await expect(page.getByText(EARPODS)).toBeVisible();
  await cart.expectCount(0);
  await expectAccessible(page);

  // MOBPROC recorded Barbara as the account holder and the admin as the requester.
  const orders = await sandboxOrdersSeenBy(request, storefront, BARBARA.username, BARBARA.id);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
  expect(orders[0].transactionType).toBe("ORDER_ACCESSORIES");
  expect(orders[0].accountHolder?.id).toBe(BARBARA.id);
  expect(orders[0].requestedBy?.id).toBe(ADMIN.id);
  expect(orders[0].externalOrderNumber).toMatch(/^SF-/);
  expect(await sandboxOrdersSeenBy(request, storefront, ADMIN.username, ADMIN.id)).toEqual([]);

  await acting.switchBack();
  await expect(page).toHaveTitle(titleFor("My lines"));
  await expect(page.getByRole("listitem").filter({ hasText: ADMIN.line })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: BARBARA.line })).toHaveCount(0);
});

test("while ordering for Barbara every page says so, and switching back brings the admin's own cart back", async ({
  page,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const acting = new ActingPage(page);
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);

  // The admin's own cart: a charger for his line.
  await signInAs(page, ADMIN.username);
  await catalog.openFromMyLines(ADMIN.line, "Accessories");
  await catalog.expectHeading(`Accessories for ${ADMIN.line}`);
  await cart.addFromCatalog(catalog.item(VEHICLE_CHARGER).first(), 1, javaScript);

  await acting.findAndSwitch("Andrews", BARBARA.name);
  await cart.expectCount(0);
  const pages: [path: string, title: string][] = [
    ["/", "My lines"],
    [`/lines/${BARBARA.lineId}/accessories`, `Accessories for ${BARBARA.line}`],
    [`/lines/${BARBARA.lineId}/upgrade`, `Upgrade devices for ${BARBARA.line}`],
    [`/lines/${BARBARA.lineId}/upgrade?view=plans`, `Upgrade plans for ${BARBARA.line}`],
    ["/cart", "Your cart"],
    ["/act-for?q=carp", "Order for someone else"],
  ];
  for (const [path, title] of pages) {
    await page.goto(path);
    await acting.expectActingFor(BARBARA.name, BARBARA.department);
    await expect(page, path).toHaveTitle(titleFor(title, BARBARA.name));
  }
  await page.goto("/cart");
  await expect(cart.items()).toHaveCount(0);

  await page.goto(`/lines/${BARBARA.lineId}/accessories`);
  await acting.switchBack();
  await expect(page).toHaveTitle(titleFor("My lines"));
  await cart.expectCount(1);
  await cart.open();
  await expect(page).toHaveTitle(titleFor("Your cart"));
  await acting.expectNotActing();
  await expect(cart.summary()).toHaveText(`Accessories for ${ADMIN.line}`);
  await expect(cart.items()).toHaveCount(1);
  await expect(cart.item(VEHICLE_CHARGER)).toContainText("$22.49 one-time");
});

test("Peter sees no way to order for someone else, and a hand-made switch is refused without asking MOBPROC", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const acting = new ActingPage(page);
  const sandbox = new Sandbox(request, storefront);
  await signInAs(page, "peter.edwards.acme");
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Peter Edwards");
  await expect(page.getByRole("link", { name: "Order for someone else" })).toHaveCount(0);
  await acting.expectNotActing();

  const response = await page.goto("/act-for");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("alert")).toHaveText("You are not allowed to do that.");
  await expect(page.getByRole("search")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Order for / })).toHaveCount(0);
  await expectAccessible(page);

  // A switch request made by hand from Peter's session. The rule changes nothing but
  // counts down each call MOBPROC receives.
  if (javaScript) await expectHydrated(page);
  await sandbox.setFaults([{ path: "/mobproc/v1/*", times: 1000 }]);
  const refused = await page.request.post("/api/acting/start", {
    form: { employee_id: BARBARA.id },
    headers: { Origin: storefront.baseURL },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain("did not come from this site");
  expect((await sandbox.faults())[0]?.times, "MOBPROC received no call").toBe(1000);

  await page.goto("/");
  await acting.expectNotActing();
  await expect(page).toHaveTitle(titleFor("My lines"));
  await expect(page.getByRole("listitem").filter({ hasText: "203-555-7676" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: BARBARA.line })).toHaveCount(0);
});

test("a switch MOBPROC refuses says why and leaves whoever was ordered for in place", async ({
  page,
  storefront,
  request,
}) => {
  const acting = new ActingPage(page);
  const sandbox = new Sandbox(request, storefront);
  await signInAs(page, ADMIN.username);
  await sandbox.setFaults([{ ...employeeCall(BARBARA.id), errorRate: 1, errorStatus: 403 }]);

  await acting.open();
  await acting.search("barb");
  await acting.result(BARBARA.name).getByRole("button", { name: `Order for ${BARBARA.name}` }).click();
  await expect(page.getByRole("alert")).toHaveText(REFUSED_BY_MOBPROC);
  await acting.expectShown();
  await acting.expectNotActing();
  await expect(page).toHaveTitle(titleFor("Order for someone else"));
  await expectAccessible(page);

  await page.goto("/");
  await acting.expectNotActing();
  await expect(page).toHaveTitle(titleFor("My lines"));
  await expect(page.getByRole("listitem").filter({ hasText: ADMIN.line })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: BARBARA.line })).toHaveCount(0);

  // Ordering for James, a refused switch to Barbara leaves James in place.
  await acting.findAndSwitch("carp", JAMES.name);
  await acting.open();
  await acting.search("barb");
  await acting.result(BARBARA.name).getByRole("button", { name: `Order for ${BARBARA.name}` }).click();
  await expect(page.getByRole("alert")).toHaveText(REFUSED_BY_MOBPROC);
  await acting.expectActingFor(JAMES.name, JAMES.department);
  await page.goto("/");
  await acting.expectActingFor(JAMES.name, JAMES.department);
  await expect(page).toHaveTitle(titleFor("My lines", JAMES.name));
  await expect(page.getByRole("listitem").filter({ hasText: JAMES.line })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: BARBARA.line })).toHaveCount(0);
});

test("an order confirmed for Barbara cannot be placed after switching to James in another tab", async ({
  page,
  context,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const acting = new ActingPage(page);
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  await signInAs(page, ADMIN.username);
  await acting.findAndSwitch("barb", BARBARA.name);
  await catalog.openFromMyLines(BARBARA.line, "Accessories");
  await cart.addFromCatalog(catalog.item(EARPODS).first(), 1, javaScript);
  await cart.open();
  await cart.checkOut();
  await checkout.fillShipTo({ ...SEED_SHIP_TO, name: BARBARA.name });
  await checkout.review();
  await expect(fact(page, "Ordered for")).toHaveText(`${BARBARA.name} (${BARBARA.email})`);
  await expect(checkout.placeOrderButton()).toBeVisible();

  // In another tab the admin switches to James.
  const other = await context.newPage();
  await other.goto("/act-for?q=carp");
  await new ActingPage(other).switchTo(JAMES.name);

  // Barbara's confirmation, still open in the first tab, is placed.
  if (javaScript) await expectHydrated(page);
  await checkout.placeOrderButton().click();
  await expect(page.getByRole("alert").filter({ hasText: CONFIRMED_FOR_SOMEONE_ELSE }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /^Order \S+$/ })).toHaveCount(0);
  expect(await sandboxOrdersSeenBy(request, storefront, ADMIN.username)).toEqual([]);
  await page.goto("/");
  await acting.expectActingFor(JAMES.name);
  await new CartPage(page).expectCount(0);
});
