import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { CatalogPage } from "./support/catalog";
import { CartPage } from "./support/cart";
import { CheckoutPage, SEED_SHIP_TO } from "./support/checkout";
import { Sandbox } from "./support/sandbox";
import { fact } from "./support/acting";
import { NewLinePage, US, documentedRequest, shapeOf } from "./support/new-line";

const PETER = "peter.edwards.acme";
const IPHONE = "Apple iPhone 5 (16GB) - Black";
/** The catalog has two iPhone 5 items of that name (the tutorials' and the port's). */
const IPHONE_5_IDS = ["9194713904", "9194713909"];
const VERIZON_PLAN = "Nationwide for Business Talk Share Plan";
const AT_T_PLAN = "AT&T Mobile Share Value 10GB";
const SHIP_TO_SHELTON = { ...SEED_SHIP_TO, line1: "One Waterview Drive", city: "Shelton", postalCode: "06484" };

/** The porting details of a personal line (the acknowledgements' labels also say "service number"). */
async function fillTransferDetails(page: import("@playwright/test").Page) {
  await page.locator("#prop-SERVICE_NUMBER").fill("2035551111");
  await page.locator("#prop-CARRIER_ACCT_NUMBER").fill("12345");
  await page.locator("#prop-NAME_ON_INVOICE").fill("Peter Edwards");
  await page.locator("#prop-PERSONAL_EMAIL").fill("peter.edwards@example.com");
}

test("Peter moves 512-344-0000 to another carrier, keeping the number; a missing porting field is named beside it", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  await signInAs(page, PETER);
  await catalog.openFromMyLines("512-344-0000", "Change carrier, keep the number");
  await catalog.expectHeading("Change carrier for 512-344-0000");
  await expect(page.getByText("It is with AT&T Mobility now.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Country").selectOption({ label: US });
  await page.getByLabel("Postal code").fill("06477");
  await page.getByRole("button", { name: "Show the catalog" }).click();

  await catalog.expectHeading("Change carrier for 512-344-0000");
  await cart.addFromCatalog(catalog.item(IPHONE).first(), 1, javaScript);
  await catalog.openTab("Plans");
  await catalog.results().filter({ hasText: "$38.69 / month" }).getByRole("link", { name: VERIZON_PLAN }).click();
  await cart.addFromCatalog(page.locator("main"), 2, javaScript, /^Add plan to cart/);
  const optional = page.getByRole("region", { name: "Optional features" });
  for (const [feature, count] of [["Visual Voice Mail", 3], ["Wireless Phone Protection", 4]] as const) {
    await cart.addFromCatalog(optional.getByRole("listitem").filter({ hasText: feature }), count, javaScript, /^Add feature/);
  }
  await cart.open();
  await expect(cart.summary()).toHaveText("Carrier change for 512-344-0000");
  await cart.checkOut();
  await expect(checkout.field("Service Number")).toHaveValue("5123440000");
  await expect(checkout.field("Current Carrier")).toHaveValue("AT&T Mobility");
  await checkout.fillProperties({
    "Current Carrier": "Formerly AT&T Wireless",
    "Name on Invoice": "Peter Edwards",
    "Contact Phone Number": "2035559360",
  });
  await checkout.fillShipTo(SEED_SHIP_TO);
  // The browser would refuse the empty field itself; the server's check is what is tested.
  await page.locator("form.checkout-form").evaluate((form) => form.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Review order" }).click();

  await expect(page.locator("#prop-CARRIER_ACCT_NUMBER-error")).toHaveText("Carrier Account Number is required.");
  await expect(checkout.field("Carrier Account Number")).toHaveAttribute("aria-invalid", "true");
  await expect(checkout.field("Current Carrier")).toHaveValue("Formerly AT&T Wireless");
  await expect(checkout.field("Line 1")).toHaveValue(SEED_SHIP_TO.line1);
  await expectAccessible(page);
  await checkout.fillProperties({ "Carrier Account Number": "123456789" });
  await checkout.review();

  await expect(page.getByText("For line 512-344-0000")).toBeVisible();
  await expect(fact(page, "Used in")).toHaveText("United States, 06477");
  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  const sent = await new Sandbox(request, storefront).orderRequest(orderId);
  const documented = documentedRequest("port_number");
  expect(shapeOf(sent)).toEqual(shapeOf(documented));
  expect(sent.orderRequest.serviceId).toBe("34415733");
  const { deviceId, ...plan } = sent.orderRequest.shoppingCart as Record<string, unknown>;
  const { deviceId: _, ...documentedPlan } = documented.orderRequest.shoppingCart as Record<string, unknown>;
  expect(plan).toEqual(documentedPlan);
  expect(IPHONE_5_IDS).toContain(deviceId);
});

test("Peter moves a personal T-Mobile line to the company: the info blocks, then every required box ticked", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  const newLine = new NewLinePage(page);
  await signInAs(page, PETER);
  await newLine.choose("Move my personal line to the company");
  await catalog.expectHeading("Move your personal line to the company");
  await expectAccessible(page);
  await newLine.fillPlace({ country: US, postalCode: "06484", carrier: "T-Mobile" });

  await expect(fact(page, "Current carrier")).toHaveText("T-Mobile (GSM)");
  await catalog.openTab("Plans");
  await cart.addFromCatalog(catalog.item(AT_T_PLAN).first(), 1, javaScript);
  await cart.open();
  await expect(cart.summary()).toHaveText("Personal line moved to the company in 06484");
  await expect(page.getByText(/without porting, and you may keep your phone/)).toBeVisible();
  await cart.checkOut();

  const agreements = page.getByRole("group", { name: "Before the line moves to the company" });
  for (const header of ["Family & Shared Minute Plans", "Authorization of Transfer", "Termination Fee Notice"]) {
    await expect(agreements.getByRole("heading", { name: header })).toBeVisible();
  }
  const boxes = agreements.getByRole("checkbox");
  await expect(boxes).toHaveCount(3);
  await fillTransferDetails(page);
  await checkout.fillShipTo(SHIP_TO_SHELTON);
  await agreements.getByLabel("I authorize the transfer of liability for this service number to the company.").check();
  await expectAccessible(page);
  await page.locator("form.checkout-form").evaluate((form) => form.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Review order" }).click();

  for (const unticked of ["FAMILY_SHARED_MINUTE_PLAN", "TERMINATION_FEES"]) {
    await expect(page.locator(`#ack-${unticked}-error`)).toHaveText(
      "Tick this box to agree: the order cannot go ahead without it.",
    );
    await expect(page.locator(`#ack-${unticked}`)).toHaveAttribute("aria-invalid", "true");
  }
  await expect(page.locator("#ack-AUTHORIZATION_OF_TRANSFER")).toBeChecked();
  await expect(page.locator("#ack-AUTHORIZATION_OF_TRANSFER-error")).toHaveCount(0);
  await expect(page.locator("#prop-CARRIER_ACCT_NUMBER")).toHaveValue("12345");
  await expectAccessible(page);
  for (const box of await boxes.all()) await box.check();
  await checkout.review();

  const agreed = page.getByRole("region", { name: "You agreed" });
  await expect(agreed.getByRole("listitem")).toHaveCount(3);
  await expect(fact(page, "Current carrier")).toHaveText("T-Mobile");
  await expectAccessible(page);
  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  const sent = await new Sandbox(request, storefront).orderRequest(orderId);
  expect(sent.orderRequest.transactionType).toBe("XFER_SERVICE_IN");
  expect(sent.orderRequest.currentVendorId).toBe("777");
  expect(sent.orderRequest.acknowledgements).toEqual([
    { id: "FAMILY_SHARED_MINUTE_PLAN", boolean: true },
    { id: "AUTHORIZATION_OF_TRANSFER", boolean: true },
    { id: "TERMINATION_FEES", boolean: true },
  ]);
});

test("a plan on another network than the line's carrier ports it, and needs a new device in the cart", async ({
  page,
  storefront,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  const checkout = new CheckoutPage(page);
  const newLine = new NewLinePage(page);
  await signInAs(page, PETER);
  await newLine.choose("Move my personal line to the company");
  await newLine.fillPlace({ country: US, postalCode: "06484", carrier: "T-Mobile" });
  await catalog.openTab("Plans");
  const verizon = catalog.results().filter({ hasText: "$38.69 / month" }).filter({ hasText: VERIZON_PLAN });
  await expect(verizon).toContainText("the number is ported, and a new phone is needed");
  await cart.addFromCatalog(verizon, 1, javaScript);
  await cart.open();
  await expect(cart.summary()).toHaveText("Personal line moved to the company in 06484, ported to a new carrier");
  await expect(page.getByText(/ported to Verizon Wireless, and a new phone for that network is needed/)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("This order needs a device: add one to your cart.");
  await expect(page.getByRole("link", { name: "Check out" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add more to this order" }).click();
  await cart.addFromCatalog(catalog.item(IPHONE).first(), 2, javaScript);
  await cart.open();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await cart.checkOut();
  await fillTransferDetails(page);
  await checkout.fillShipTo(SHIP_TO_SHELTON);
  for (const box of await page.getByRole("checkbox", { name: /^I / }).all()) await box.check();
  await checkout.review();
  await checkout.placeOrderButton().click();
  const orderId = await checkout.expectOrderPage();
  const sent = await new Sandbox(request, storefront).orderRequest(orderId);
  expect(sent.orderRequest.transactionType).toBe("XFER_SERVICE_IN_AND_PORT");
  expect(sent.orderRequest.shoppingCart).toMatchObject({ quantity: 1 });
  expect(IPHONE_5_IDS).toContain((sent.orderRequest.shoppingCart as { deviceId: string }).deviceId);
});
