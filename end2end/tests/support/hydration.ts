import { expect, type Page } from "@playwright/test";

/** Waits until the WASM has taken over the current page (it marks `<html data-hydrated>`). */
export async function expectHydrated(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}
