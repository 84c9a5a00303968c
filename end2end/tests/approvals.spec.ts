import { test, expect, expectAccessible } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { Sandbox, SandboxJournal } from "./support/sandbox";
import { Orderer, signOut } from "./support/orders";
import { fact } from "./support/acting";

const DIANE = "diane.foster.acme";
/** An order over the limit waits for approval a minute after it was placed. */
const APPROVAL_AFTER_SECS = 60;
const DAY_SECS = 24 * 60 * 60;

test("Peter's upgrade waits for Diane, who approves it; it ships with a tracking number, then completes", async ({
  page,
  storefront,
  request,
  baseURL,
}) => {
  const sandbox = new Sandbox(request, storefront);
  await signInAs(page, "peter.edwards.acme");
  const orderId = await new Orderer(page, baseURL!).placeTutorialUpgrade();
  await sandbox.advanceClock(APPROVAL_AFTER_SECS);

  await page.getByRole("link", { name: "My orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My orders" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: `Order ${orderId}` });
  await expect(card).toContainText("Upgrade of 203-555-7676 to Apple iPhone 5 (16GB) - Black");
  await expect(card).toContainText("Awaiting approval");
  await expect(page.getByRole("link", { name: "Approvals" })).toHaveCount(0);
  await expectAccessible(page);
  await card.getByRole("link", { name: `Order ${orderId}` }).click();
  await expect(page.getByText("Waiting for approval.")).toBeVisible();
  await expect(page.getByText("Nothing ships until it is approved.")).toBeVisible();
  await expect(fact(page, "Monthly total")).toHaveText("$558.67");
  await expectAccessible(page);
  await signOut(page);

  await signInAs(page, DIANE);
  await page.getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  const waiting = page.getByRole("listitem").filter({ hasText: `Order ${orderId}` });
  await expect(waiting).toContainText("Peter Edwards");
  await expect(waiting).toContainText("$558.67");
  await expectAccessible(page);
  await waiting.getByRole("link", { name: `Order ${orderId}` }).click();
  const decision = page.getByRole("region", { name: "Your decision" });
  await expect(decision).toBeVisible();
  await expectAccessible(page);
  await decision.getByLabel("Reason").fill("Within this quarter's budget");
  await decision.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approved. The order goes ahead." })).toBeVisible();
  await expect(page.locator("dd.status")).toHaveText("Approved");
  await expect(page.getByRole("region", { name: "Your decision" })).toHaveCount(0);
  await signOut(page);

  // A day on: the parcel is on its way (and the tokens have long expired).
  await sandbox.advanceClock(DAY_SECS);
  await signInAs(page, "peter.edwards.acme");
  await page.goto(`/orders/${orderId}`);
  await expect(page.locator("dd.status")).toHaveText("Shipped");
  const tracking = page.getByRole("link", { name: /^1Z/ });
  await expect(tracking).toHaveAttribute("href", /^https:\/\/www\.ups\.com\/track\?tracknum=1Z/);
  const history = page.locator("ol.history").first();
  for (const step of ["Submitted", "Awaiting approval", "Approved", "In progress", "Shipped"]) {
    await expect(history.getByText(step, { exact: true })).toBeVisible();
  }
  await expectAccessible(page);

  await sandbox.advanceClock(3 * DAY_SECS);
  await signInAs(page, "peter.edwards.acme");
  await page.goto(`/orders/${orderId}`);
  await expect(page.locator("dd.status")).toHaveText("Completed");
});

test("a rejection needs a reason, kept beside its field; Peter then sees it rejected, with the reason", async ({
  page,
  storefront,
  request,
  baseURL,
}) => {
  const sandbox = new Sandbox(request, storefront);
  const journal = new SandboxJournal(request, storefront);
  await signInAs(page, "peter.edwards.acme");
  const orderId = await new Orderer(page, baseURL!).placeTutorialUpgrade();
  await sandbox.advanceClock(APPROVAL_AFTER_SECS);
  await signOut(page);

  await signInAs(page, DIANE);
  await page.goto(`/orders/${orderId}`);
  await journal.clear();
  const decision = page.getByRole("region", { name: "Your decision" });
  await decision.getByRole("button", { name: "Reject" }).click();
  const reason = page.getByRole("region", { name: "Your decision" }).getByLabel("Reason");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Say why you reject the order")).toBeVisible();
  expect(await journal.calls("POST", `/mobproc/v1/orders/${orderId}/approval`)).toEqual([]);
  await expectAccessible(page);
  await reason.fill("Over the phone budget");
  await page.getByRole("region", { name: "Your decision" }).getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rejected. The person who ordered it will see your reason." })).toBeVisible();
  await signOut(page);

  await signInAs(page, "peter.edwards.acme");
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByText("This order was rejected.")).toBeVisible();
  await expect(page.getByText(/Over the phone budget/).first()).toBeVisible();
  await expect(page.locator("dd.status")).toHaveText("Rejected");
});

test("Peter approves nothing: no Approvals link, the page is refused and MOBPROC is not asked", async ({
  page,
  storefront,
  request,
}) => {
  const journal = new SandboxJournal(request, storefront);
  await signInAs(page, "peter.edwards.acme");
  await expect(page.getByRole("link", { name: "Approvals" })).toHaveCount(0);
  await journal.clear();
  const response = await page.goto("/approvals");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You are not allowed to do that.")).toBeVisible();
  expect(await journal.calls("GET", "/mobproc/v1/*")).toEqual([]);
  await expectAccessible(page);
});

test("a double-pressed Approve sends one approval", async ({ page, storefront, request, baseURL }) => {
  const sandbox = new Sandbox(request, storefront);
  const journal = new SandboxJournal(request, storefront);
  await signInAs(page, "peter.edwards.acme");
  const orderId = await new Orderer(page, baseURL!).placeTutorialUpgrade();
  await sandbox.advanceClock(APPROVAL_AFTER_SECS);
  await signOut(page);
  await signInAs(page, DIANE);
  await page.goto(`/orders/${orderId}`);
  await sandbox.setFaults([{ path: "/mobproc/v1/orders/*/approval", method: "POST", latencyMs: 500 }]);

  await page.getByRole("region", { name: "Your decision" }).getByRole("button", { name: "Approve" }).dblclick();

  await expect(page.getByRole("status").filter({ hasText: "Approved. The order goes ahead." })).toBeVisible();
  expect(await journal.calls("POST", `/mobproc/v1/orders/${orderId}/approval`)).toHaveLength(1);
});
