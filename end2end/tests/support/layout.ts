import { expect, type Locator, type Page } from "@playwright/test";

/** A phone held upright (the width of an iPhone SE/mini class screen). */
export const PHONE = { width: 375, height: 740 };

/** The page scrolls only up and down: nothing is wider than the screen. */
export async function expectNoSidewaysScroll(page: Page) {
  // Playwright's own evaluation works with the page's JavaScript turned off too.
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBeGreaterThan(0);
  expect(scrollWidth, `page ${page.url()} is ${scrollWidth}px wide on a ${clientWidth}px screen`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/** The element is shown, and whole: within the screen's width, nothing cut off. */
export async function expectWithinScreen(element: Locator) {
  await expect(element).toBeVisible();
  const box = await element.boundingBox();
  const width = element.page().viewportSize()!.width;
  expect(box, `${element} has a box`).not.toBeNull();
  expect(box!.x, `${element}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${element}: right edge`).toBeLessThanOrEqual(width);
}
