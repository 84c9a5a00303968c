import { test, expect } from "./support/storefront";

test("the page hydrates: the WASM takes over the server-rendered HTML", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const response = await page.goto("/sign-in");
  // The server renders the marker as false; only the running WASM flips it.
  expect(await response!.text()).toContain('data-hydrated="false"');
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  expect(errors).toEqual([]);
});
