import { test } from "./support/storefront";
import { signInAs } from "./support/sign-in";
import { Sandbox } from "./support/sandbox";
import { Orderer, signOut } from "./support/orders";

test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, "once is enough");

async function shoot(page: import("@playwright/test").Page, name: string) {
  for (const [width, height] of [[1280, 900], [375, 740]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("screenshots of the order pages", async ({ page, storefront, request, baseURL }) => {
  test.setTimeout(120_000);
  const sandbox = new Sandbox(request, storefront);
  await signInAs(page, "peter.edwards.acme");
  await page.goto("/lines/38382349/accessories");
  await shoot(page, "accessories");
  const orderer = new Orderer(page, baseURL!);
  await orderer.placeChargers();
  const upgrade = await orderer.placeTutorialUpgrade();
  await sandbox.advanceClock(60);
  await page.goto("/orders");
  await shoot(page, "my-orders");
  await page.goto(`/orders/${upgrade}`);
  await shoot(page, "order-awaiting");
  await signOut(page);
  await signInAs(page, "diane.foster.acme");
  await page.goto("/approvals");
  await shoot(page, "approvals");
  await page.goto(`/orders/${upgrade}`);
  await shoot(page, "decision-panel");
  await page.getByRole("button", { name: "Approve" }).click();
  await sandbox.advanceClock(24 * 3600);
  await signInAs(page, "peter.edwards.acme");
  await page.goto(`/orders/${upgrade}`);
  await shoot(page, "order-shipped");
  await page.goto("/");
  await shoot(page, "my-lines");
});
