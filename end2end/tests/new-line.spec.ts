import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { CheckoutPage, SEED_SHIP_TO } from "./support/checkout";
import { Sandbox, SandboxJournal } from "./support/sandbox";
import { signOut } from "./support/orders";
import { ActingPage, ADMIN, BARBARA, fact, sandboxOrdersSeenBy } from "./support/acting";
import { NewLinePage, US, documentedRequest } from "./support/new-line";

const PETER = "peter.edwards.acme";
const DIANE = "diane.foster.acme";
const GALAXY = "Samsung Galaxy S4 (16GB) - Black Mist";
const PLAN = "Nationwide for Business Talk Share Plan";
const CAR_CHARGER = "Verizon Wireless Vehicle Charger with Dual Output (MICRDUALVPC-F)";
const WALL_CHARGER = "Verizon Wireless Rapid Wall Charger with 6ft Cable for Micro USB (EMICUSBDTVL-F)";
const DAY_SECS = 24 * 60 * 60;

/** From the catalog of a new line: the documented device and plan in the cart. */
async function addDeviceAndPlan(page: import("@playwright/test").Page, javaScript: boolean) {
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  await cart.addFromCatalog(catalog.item(GALAXY).first(), 1, javaScript);
  await catalog.openTab("Plans");
  await catalog.results().filter({ hasText: "$38.69 / month" }).getByRole("link", { name: PLAN }).click();
  await catalog.expectHeading(PLAN);
  await cart.addFromCatalog(page.locator("main"), 2, javaScript, /^Add plan to cart/);
}

test("Peter orders the documented new line in 06477; once approved and delivered it is on My lines", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  const newLine = new NewLinePage(page);
  await signInAs(page, PETER);

  await page.getByRole("link", { name: "New line", exact: true }).click();
  await expect(page.getByRole("heading", { name: "A new number" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Move my personal line to the company" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/");
  await newLine.choose("A new number");
  await expect(page.getByLabel("Your current carrier")).toHaveCount(0);
  await expectAccessible(page);
  await newLine.fillPlace({ country: US, postalCode: "06477" });

  await catalog.expectHeading("A new line");
  await expect(fact(page, "Used in")).toHaveText("United States, 06477");
  await expectAccessible(page);
  await addDeviceAndPlan(page, javaScript);
  const optional = page.getByRole("region", { name: "Optional features" });
  for (const [feature, count] of [["Unlimited Push to Talk", 3], ["Extended Warranty", 4]] as const) {
    await cart.addFromCatalog(optional.getByRole("listitem").filter({ hasText: feature }), count, javaScript, /^Add feature/);
  }
  await page.getByRole("link", { name: "All plans for a new line in 06477" }).click();
  await catalog.openTab("Accessories");
  await expect(page.getByText(`Accessories that fit the ${GALAXY} in your cart.`)).toBeVisible();
  await cart.addFromCatalog(catalog.item(CAR_CHARGER).first(), 5, javaScript);
  await cart.addFromCatalog(catalog.item(WALL_CHARGER).first(), 6, javaScript);

  await cart.open();
  await expect(cart.summary()).toHaveText("New line in 06477");
  await expect(cart.items()).toHaveCount(6);
  await cart.checkOut();
  await checkout.fillProperties({ "Preferred Area Code": "512", "Contact Phone Number": "2035559999" });
  await checkout.choose("Urgency", "Urgent (next business day)");
  await checkout.choose("Order Reason", "Other");
  await page.locator("#prop-ORDER_REASON-other").fill("Current phone recalled for battery issue");
  await checkout.fillShipTo(SEED_SHIP_TO);
  await expectAccessible(page);
  await checkout.review();

  await expect(fact(page, "Used in")).toHaveText("United States, 06477");
  for (const item of [GALAXY, CAR_CHARGER, WALL_CHARGER]) {
    await expect(checkout.confirmedItems().filter({ hasText: item })).toHaveCount(1);
  }
  const plan = page.locator(".plan");
  await expect(plan.getByRole("heading", { name: PLAN })).toBeVisible();
  await expect(plan).toContainText("Unlimited Push to Talk $300.25 / month");
  await expect(plan).toContainText("Extended Warranty $200.44 / month");
  // The sums of the documented items' prices (the documented costSummary does not add up).
  await expect(checkout.total("One-time total")).toHaveText("$244.97");
  await expect(checkout.total("Monthly total")).toHaveText("$539.38");
  await expect(fact(page, "Order Reason")).toHaveText("Other: Current phone recalled for battery issue");
  await expectAccessible(page);
  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();

  const sandbox = new Sandbox(request, storefront);
  const sent = await sandbox.orderRequest(orderId);
  expect(sent.orderRequest.transactionType).toBe("NEW_ACTIVATION");
  // The catalog has each charger twice under one name (the tutorials' and this one's).
  const { accessoryIds, ...equipment } = sent.orderRequest.shoppingCart as Record<string, unknown>;
  const { accessoryIds: documentedAccessories, ...documentedEquipment } = documentedRequest("new_activation")
    .orderRequest.shoppingCart as Record<string, unknown>;
  expect(equipment).toEqual(documentedEquipment);
  expect(accessoryIds).toHaveLength((documentedAccessories as string[]).length);
  await page.getByRole("link", { name: "My orders", exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `Order ${orderId}` })).toContainText("New line");

  // $539.38 a month needs Diane's approval; then it is delivered within days.
  await sandbox.advanceClock(60);
  await signOut(page);
  await signInAs(page, DIANE);
  await page.goto(`/orders/${orderId}`);
  await page.getByRole("region", { name: "Your decision" }).getByRole("button", { name: "Approve" }).click();
  await expect(page.locator("dd.status")).toHaveText("Approved");
  await signOut(page);
  await sandbox.advanceClock(4 * DAY_SECS);
  await signInAs(page, PETER);
  await expect(page.getByRole("list", { name: "Your phone lines" }).getByRole("heading", { name: /^512-555-/ })).toBeVisible();
});

test("a wrong postal code is refused beside its field, with what was typed, before any catalog call", async ({
  page,
  storefront,
  request,
}) => {
  const journal = new SandboxJournal(request, storefront);
  const newLine = new NewLinePage(page);
  await signInAs(page, PETER);
  await newLine.choose("A new number");
  await journal.clear();
  await newLine.fillPlace({ country: US, postalCode: "0647" });

  await expect(newLine.postalCodeError()).toHaveText("0647 is not a United States postal code (format 99999).");
  const postalCode = page.getByLabel("Postal code");
  await expect(postalCode).toHaveValue("0647");
  await expect(postalCode).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Country")).toHaveValue("70144640");
  await expectAccessible(page);
  expect(await journal.calls("GET", "/mobproc/v1/catalog/*")).toEqual([]);

  await postalCode.fill("06477");
  await page.getByRole("button", { name: "Show the catalog" }).click();
  await new CatalogPage(page).expectHeading("A new line");
});

test("the admin orders a new line for Barbara while acting for her; it is hers, requested by him", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  await signInAs(page, ADMIN.username);
  await new ActingPage(page).findAndSwitch("Barbara", BARBARA.name);
  await new NewLinePage(page).choose("A new number");
  await new NewLinePage(page).fillPlace({ country: US, postalCode: "06477" });
  await addDeviceAndPlan(page, javaScript);
  await cart.open();
  await cart.checkOut();
  await expect(page.getByRole("group", { name: "Ship to" }).getByLabel("Name")).toHaveValue(BARBARA.name);
  await checkout.fillProperties({ "Preferred Area Code": "415" });
  await checkout.fillShipTo({ ...SEED_SHIP_TO, name: BARBARA.name });
  await checkout.review();
  await expect(fact(page, "Ordered for")).toContainText(BARBARA.name);
  await expect(fact(page, "Requested by")).toContainText(ADMIN.name);
  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();

  const orders = await sandboxOrdersSeenBy(request, storefront, BARBARA.username, BARBARA.id);
  const order = orders.find((o) => o.orderId === orderId);
  expect(order?.transactionType).toBe("NEW_ACTIVATION");
  expect(order?.accountHolder?.id).toBe(BARBARA.id);
  expect(order?.requestedBy?.id).toBe(ADMIN.id);
});

test("Noah, whom MOBPROC does not allow a new line, sees no “New line”, and its pages answer 403", async ({
  page,
  storefront,
  request,
}) => {
  const journal = new SandboxJournal(request, storefront);
  await signInAs(page, "noah.patel@example.com");
  await expect(page.getByRole("link", { name: "New line", exact: true })).toHaveCount(0);
  await journal.clear();
  for (const path of [
    "/new-line",
    "/new-line/place?kind=new_activation",
    "/new-line/catalog?kind=new_activation&region=70144640&postal_code=06477",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByText("You are not allowed to do that.")).toBeVisible();
  }
  await expectAccessible(page);
  expect(await journal.calls("GET", "/mobproc/v1/*")).toEqual([]);
});
