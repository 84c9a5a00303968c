import { test, expect, expectAccessible } from "./support/storefront";

test("the home page is server-rendered and accessible", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  const html = await response!.text();
  // The heading is in the HTML the server sent, before any script ran.
  expect(html).toContain("Corporate mobile procurement");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Corporate mobile procurement");
  await expect(page).toHaveTitle("Home · MOBPROC storefront");
  await expectAccessible(page);
});

test("an unknown path answers 404 with a page of its own", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});
