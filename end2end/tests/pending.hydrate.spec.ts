import { test, expect, expectAccessible } from "./support/storefront";
import { CheckoutPage, sandboxOrders } from "./support/checkout";
import { expectHydrated } from "./support/hydration";
import { peterConfirmsChargers } from "./support/ordering";
import { SignInPage } from "./support/sign-in";
import { Sandbox, SUBMIT_CALL } from "./support/sandbox";

test("a submitted form says it is busy and a second press sends nothing", async ({
  page,
  storefront,
  request,
}) => {
  await peterConfirmsChargers(page, true);
  await expectHydrated(page);
  const checkout = new CheckoutPage(page);
  // MOBPROC takes its time over the submit, so the busy state can be seen.
  await new Sandbox(request, storefront).setFaults([{ ...SUBMIT_CALL, latencyMs: 1500 }]);
  let submits = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/orders/submit") submits += 1;
  });

  // Pressed twice from the page itself, which then reports what it showed between the
  // presses: Playwright's own locators would already wait for the next page.
  const seen = await checkout.placeOrderButton().evaluate(async (button) => {
    const scope = button.closest(".pending-scope")!;
    (button as HTMLButtonElement).click();
    await new Promise((shown) => requestAnimationFrame(() => setTimeout(shown)));
    const busy = { ariaBusy: scope.getAttribute("aria-busy"), status: scope.querySelector("[aria-live]")?.textContent };
    (button as HTMLButtonElement).click();
    return busy;
  });
  expect(seen).toEqual({ ariaBusy: "true", status: "Placing your order…" });

  const orderId = await checkout.expectOrderPage();
  expect(submits).toBe(1);
  const orders = await sandboxOrders(request, storefront);
  expect(orders.map((o) => o.orderId)).toEqual([orderId]);
});

test("coming back to a page left busy, its form can be used again", async ({ page }) => {
  // A signed-in person's pages are `no-store`: the browser keeps none to go back to, and
  // fetches them anew. The page it restores as it was left is a signed-out one, the
  // sign-in form.
  const signIn = new SignInPage(page);
  await signIn.open();
  await expectHydrated(page);
  await signIn.signIn("peter.edwards.acme");
  await expect(page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
  // The browser restores the sign-in page as it was left, button and all.
  await page.goBack();
  const button = signIn.submitButton();
  await expect(button).toBeVisible();
  const scope = page.locator(".pending-scope", { has: button });
  await expect(scope).not.toHaveAttribute("aria-busy", "true");
});
