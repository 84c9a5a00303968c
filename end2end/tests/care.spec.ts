import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { Sandbox, SandboxJournal } from "./support/sandbox";
import { signOut } from "./support/orders";
import { ActingPage, ADMIN, BARBARA, JAMES, fact, sandboxOrdersSeenBy } from "./support/acting";
import { documentedRequest } from "./support/new-line";
import { LineCare, dateIn } from "./support/care";

const PETER = "peter.edwards.acme";
const LINE = "203-555-7676";
/** Peter's Sprint line: active, though MOBPROC lists reconnecting it among its actions. */
const SPRINT_LINE = "203-555-4468";
const NOAH = "noah.patel@example.com";
const NOAHS_LINE = "203-555-0727";
const DAY_SECS = 24 * 60 * 60;
/** An IMEI whose check digit checks (the documented swap's do not). */
const GOOD_IMEI = "123456789001233";
const NEW_PHONE_MODEL = "iPhone 6 (64GB) - Space Gray";

/** A request's properties by id, each with its type. */
function propertyTypes(request: { orderRequest: Record<string, unknown> }) {
  const groups = request.orderRequest.properties as { fields: { id: string; type: string }[] }[];
  return Object.fromEntries(groups.flatMap((g) => g.fields.map((f) => [f.id, f.type])));
}

function dateProperty(request: { orderRequest: Record<string, unknown> }, id: string): string {
  const groups = request.orderRequest.properties as { fields: { id: string; date?: string }[] }[];
  return groups.flatMap((g) => g.fields).find((f) => f.id === id)?.date ?? "";
}

test("Peter suspends his lost phone's line in two steps, sees it Suspended with Reconnect, and reconnects it", async ({
  page,
  storefront,
  request,
}) => {
  test.setTimeout(120_000);
  const care = new LineCare(page);
  const sandbox = new Sandbox(request, storefront);
  await signInAs(page, PETER);
  await expect(care.status(LINE)).toHaveText("Active");
  await expectAccessible(page);
  await expect(care.card(LINE).getByRole("heading", { name: "Manage line" })).toBeVisible();
  await expect(care.action(LINE, "Reconnect")).toHaveCount(0);
  await expect(care.action(SPRINT_LINE, "Lost or stolen? Suspend this line")).toBeVisible();
  await expect(care.action(SPRINT_LINE, "Reconnect")).toHaveCount(0);

  // Step one: the form, from My lines.
  await care.open(LINE, "Lost or stolen? Suspend this line", `Suspend ${LINE}`);
  await expect(page.getByText("Lost or stolen?")).toBeVisible();
  const date = dateIn(7);
  const preferred = care.field("Preferred Suspension Date");
  await expect(preferred).toHaveAttribute("type", "date");
  await expect(page.getByText("Format: YYYY-MM-DD")).toBeVisible();
  await expect(page.getByRole("group", { name: "Ship to" })).toHaveCount(0);
  await preferred.fill(date);
  await care.field("Hold Service").selectOption({ label: "Hold for Peter Edwards" });
  await care.field("Additional Instructions").fill("Phone lost on the train");
  await expectAccessible(page);

  // Step two: the confirmation.
  await care.review();
  await expect(page.locator(".cart-summary")).toHaveText(`You are ordering: Suspension of ${LINE}`);
  await expect(fact(page, "Hold Service")).toHaveText("Hold for Peter Edwards");
  await expect(page.locator(".totals")).toHaveCount(0);
  await expectAccessible(page);
  const suspension = await care.place();
  await expectAccessible(page);
  const sent = await sandbox.orderRequest(suspension);
  expect(propertyTypes(sent)).toEqual(propertyTypes(documentedRequest("suspend")));
  expect(dateProperty(sent, "PREFERRED_SUSPENSION_DATE")).toBe(`${date}T00:00:00+00:00`);

  await sandbox.advanceClock(DAY_SECS);
  await signInAs(page, PETER);
  await expect(care.status(LINE)).toHaveText("Suspended");
  await expect(care.action(LINE, "Lost or stolen? Suspend this line")).toHaveCount(0);
  await expect(care.action(LINE, "Reconnect")).toBeVisible();
  await expectAccessible(page);

  await care.open(LINE, "Reconnect", `Reconnect ${LINE}`);
  await expect(page.locator("#prop-USER")).toHaveValue(PETER);
  await care.field("Preferred Unsuspend Date").fill(dateIn(1));
  await care.field("Additional Instructions").fill("Phone found");
  await expectAccessible(page);
  await care.review();
  await expect(page.locator(".cart-summary")).toHaveText(`You are ordering: Reconnection of ${LINE}`);
  await expectAccessible(page);
  const reconnection = await care.place();
  await expectAccessible(page);
  const reconnect = await sandbox.orderRequest(reconnection);
  expect(propertyTypes(reconnect)).toEqual(propertyTypes(documentedRequest("unsuspend")));
  expect(dateProperty(reconnect, "PREFERRED_UNSUSPEND_DATE")).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+00:00$/);

  await sandbox.advanceClock(DAY_SECS);
  await signInAs(page, PETER);
  await expect(care.status(LINE)).toHaveText("Active");
  await expectAccessible(page);
  await expect(care.action(LINE, "Lost or stolen? Suspend this line")).toBeVisible();
  await expect(care.action(LINE, "Reconnect")).toHaveCount(0);
  await expectAccessible(page);
});

test("a preferred date in the past is refused beside its field, with what was typed", async ({ page }) => {
  const care = new LineCare(page);
  await signInAs(page, PETER);
  await care.open(LINE, "Lost or stolen? Suspend this line", `Suspend ${LINE}`);
  await expectAccessible(page);
  await care.field("Preferred Suspension Date").fill("2016-12-22");
  await care.field("Additional Instructions").fill("Phone lost on the train");
  await care.reviewRefused();
  await expect(page.locator("#prop-PREFERRED_SUSPENSION_DATE-error")).toHaveText(
    "Preferred Suspension Date cannot be in the past.",
  );
  await expect(care.field("Preferred Suspension Date")).toHaveAttribute("aria-invalid", "true");
  await expect(care.field("Preferred Suspension Date")).toHaveValue("2016-12-22");
  await expect(care.field("Additional Instructions")).toHaveValue("Phone lost on the train");
  await expectAccessible(page);
});

test("Peter adds a feature and removes another; the confirmation prices both, and the line has them once done", async ({
  page,
  storefront,
  request,
}) => {
  test.setTimeout(90_000);
  const care = new LineCare(page);
  await signInAs(page, PETER);
  await expect(care.fact(LINE, "Features")).toHaveText("Visual Voice Mail");
  await expectAccessible(page);
  await care.open(LINE, "Change features", `Change the features of ${LINE}`);
  await expect(care.feature("Visual Voice Mail")).toContainText("On the line now");
  await expect(care.feature("Unlimited Push to Talk")).toContainText("Not on the line");
  await care.feature("Unlimited Push to Talk").getByLabel("Add").check();
  await care.feature("Visual Voice Mail").getByLabel("Remove").check();
  await care.field("Comment for the carrier (optional)").fill("Push to talk for the site visits");
  await expectAccessible(page);
  await care.review();

  await expect(care.featureChanges()).toHaveCount(2);
  await expect(care.featureChanges().filter({ hasText: "Unlimited Push to Talk" })).toHaveText(
    "Add Unlimited Push to Talk $300.25 / month",
  );
  await expect(care.featureChanges().filter({ hasText: "Visual Voice Mail" })).toHaveText(
    "Remove Visual Voice Mail $2.99 / month",
  );
  await expect(page.getByText("Comment: Push to talk for the site visits")).toBeVisible();
  await expectAccessible(page);
  const orderId = await care.place();
  await expectAccessible(page);
  const sent = await new Sandbox(request, storefront).orderRequest(orderId);
  const features = (sent.orderRequest.shoppingCart as { features: { id: string; action: string }[] }).features;
  expect(features).toEqual(
    expect.arrayContaining([
      { id: "951", action: "ADD" },
      { id: "2082", action: "REMOVE" },
    ]),
  );

  await new Sandbox(request, storefront).advanceClock(DAY_SECS);
  await signInAs(page, PETER);
  await expect(care.fact(LINE, "Features")).toHaveText("Unlimited Push to Talk");
  await expectAccessible(page);
});

test("Peter puts a phone he types in on his line: a wrong IMEI is refused beside it, values kept; a right one goes", async ({
  page,
  storefront,
  request,
}) => {
  test.setTimeout(90_000);
  const care = new LineCare(page);
  const journal = new SandboxJournal(request, storefront);
  await signInAs(page, PETER);
  await expectAccessible(page);
  await care.open(LINE, "Put another phone on this line", `Put another phone on ${LINE}`);
  await expect(page.getByText("It replaces the phone on the line now: LG Cookie Plus, ESN ending 7832.")).toBeVisible();
  await page.getByLabel("Another phone", { exact: true }).check();
  await care.field("Manufacturer (another phone)").selectOption({ label: "Apple" });
  await page.locator("#device-model").fill(NEW_PHONE_MODEL);
  await care.field("Serial number type").selectOption({ label: "IMEI" });
  await expectAccessible(page);
  await journal.clear();

  const serial = page.locator("#device-serial");
  for (const [imei, message] of [
    ["12345678900123", "An IMEI has 15 digits."],
    ["123456789001230", "This IMEI's last digit does not check: please type it again."],
  ] as const) {
    await serial.fill(imei);
    await care.reviewRefused();
    await expect(page.locator("#device-serial-error")).toHaveText(message);
    await expect(serial).toHaveAttribute("aria-invalid", "true");
    await expect(serial).toHaveValue(imei);
    await expect(page.locator("#device-model")).toHaveValue(NEW_PHONE_MODEL);
    await expect(care.field("Manufacturer (another phone)")).toHaveValue("Apple");
    await expect(page.getByLabel("Another phone", { exact: true })).toBeChecked();
  }
  await expectAccessible(page);
  expect(await journal.calls("POST", "/mobproc/v1/orders")).toEqual([]);

  await serial.fill(GOOD_IMEI);
  await care.review();
  await expect(fact(page, "New phone")).toContainText(GOOD_IMEI);
  await expect(fact(page, "Replaces")).toContainText("4289183847832");
  await expectAccessible(page);
  const orderId = await care.place();
  await expectAccessible(page);
  const sent = await new Sandbox(request, storefront).orderRequest(orderId);
  expect(sent.orderRequest.newDevice).toEqual({
    manufacturerId: "Apple",
    modelId: NEW_PHONE_MODEL,
    serialNumber: { type: "IMEI", value: GOOD_IMEI },
  });
  expect(sent.orderRequest.existingDevice).toEqual({
    manufacturerId: "LG",
    modelId: "Cookie Plus",
    serialNumber: { type: "ESN", value: "4289183847832" },
    simId: "83924758342478392342",
  });
});

test("the admin, ordering for Barbara, cancels her line and is told plainly that the number stops working", async ({
  page,
  storefront,
  request,
}) => {
  const care = new LineCare(page);
  const warning = `Once the cancellation is placed, ${BARBARA.line} stops working from the chosen date and the number is given up. It cannot be reconnected.`;
  await signInAs(page, ADMIN.username);
  await new ActingPage(page).findAndSwitch("Barbara", BARBARA.name);
  await expectAccessible(page);
  await care.open(BARBARA.line, "Cancel the line", `Cancel ${BARBARA.line}`);
  await expect(page.getByRole("note").filter({ hasText: "stops working" })).toHaveText(warning);
  await care.field("Preferred Deactivation Date").fill(dateIn(14));
  await care.field("Reason").selectOption({ label: "Employee left the company" });
  await expectAccessible(page);
  await care.review();

  await expect(page.getByRole("note").filter({ hasText: "stops working" })).toHaveText(warning);
  await expect(fact(page, "Reason")).toHaveText("Employee left the company");
  await expect(fact(page, "Ordered for")).toContainText(BARBARA.name);
  await expect(fact(page, "Requested by")).toContainText(ADMIN.name);
  await expectAccessible(page);
  const orderId = await care.place();
  await expectAccessible(page);
  const orders = await sandboxOrdersSeenBy(request, storefront, BARBARA.username, BARBARA.id);
  const order = orders.find((o) => o.orderId === orderId);
  expect(order?.transactionType).toBe("DEACTIVATE");
  expect(order?.accountHolder?.id).toBe(BARBARA.id);
  expect(order?.requestedBy?.id).toBe(ADMIN.id);
});

test("the admin moves his line to James: it leaves his lines and shows among James's", async ({ page }) => {
  const care = new LineCare(page);
  await signInAs(page, ADMIN.username);
  await expectAccessible(page);
  await care.open(ADMIN.line, "Move to another employee", `Move ${ADMIN.line} to another employee`);
  await expectAccessible(page);
  const search = page.getByRole("search");
  await search.getByLabel("Name, email or employee id").fill("James");
  await search.getByRole("button", { name: "Search" }).click();
  const james = page.getByRole("list", { name: "Employees" }).getByRole("listitem").filter({ hasText: JAMES.name });
  await expectAccessible(page);
  await james.getByRole("link", { name: `Move to ${JAMES.name}` }).click();
  const confirm = page.getByRole("region", { name: "Confirm the move" });
  await expect(confirm).toContainText(`${ADMIN.line} moves to ${JAMES.name} (${JAMES.department})`);
  await expectAccessible(page);
  await confirm.getByRole("button", { name: `Move the line to ${JAMES.name}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "now belongs to" })).toHaveText(
    `The line now belongs to ${JAMES.name}: it shows among their lines.`,
  );
  await expect(care.card(ADMIN.line)).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);
  await signInAs(page, JAMES.username);
  await expect(care.card(ADMIN.line)).toBeVisible();
  await expect(care.card(JAMES.line)).toBeVisible();
  await expectAccessible(page);
});

test("Noah sees no button for the care his rights leave out, and their pages answer 403 without asking MOBPROC", async ({
  page,
  storefront,
  request,
}) => {
  const care = new LineCare(page);
  const journal = new SandboxJournal(request, storefront);
  await signInAs(page, NOAH);
  await expect(care.action(NOAHS_LINE, "Lost or stolen? Suspend this line")).toBeVisible();
  await expect(care.action(NOAHS_LINE, "Accessories")).toBeVisible();
  for (const label of [
    "Cancel the line",
    "Change features",
    "Put another phone on this line",
    "Let the holder keep the number",
    "Move to another employee",
    "Upgrade",
  ]) {
    await expect(care.action(NOAHS_LINE, label), label).toHaveCount(0);
  }
  await expectAccessible(page);
  await journal.clear();
  for (const path of ["cancel", "features", "swap", "transfer-out", "move"]) {
    const response = await page.goto(`/lines/38382727/${path}`);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByText("You are not allowed to do that.")).toBeVisible();
    await expectAccessible(page);
  }
  expect(await journal.calls("GET", "/mobproc/v1/*")).toEqual([]);
  expect(await journal.calls("POST", "/mobproc/v1/*")).toEqual([]);
});
