import { test, expect, expectAccessible } from "./support/storefront";
import { SignInPage, signInAs } from "./support/sign-in";

test("a signed-out visitor is sent to a server-rendered, accessible sign-in page", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  // The form is in the HTML the server sent, before any script ran.
  expect(await response!.text()).toContain('action="/auth/sign-in"');
  await new SignInPage(page).expectShown();
  await expect(page).toHaveTitle("Sign in · MOBPROC storefront");
  await expectAccessible(page);
});

test("Peter signs in and sees his line with what he may order", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const line = page.getByRole("listitem").filter({ hasText: "203-555-7676" });
  await expect(line).toBeVisible();
  await expect(line).toContainText("Verizon Wireless");
  await expect(line).toContainText("LG Cookie Plus");
  await expect(line.getByRole("link", { name: /Accessories/ })).toBeVisible();
  await expect(line.getByRole("link", { name: /Upgrade/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Peter Edwards");
  await expectAccessible(page);
});

test("a wrong password gets one generic message and keeps the username", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn("peter.edwards.acme", "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("The username or password is not correct.");
  await expect(page.getByLabel("Username")).toHaveValue("peter.edwards.acme");
  await expectAccessible(page);
});

test("after sign-in the person lands where they were going", async ({ page }) => {
  await page.goto("/no/such/page");
  const signIn = new SignInPage(page);
  await signIn.expectShown();
  await signIn.signIn("peter.edwards.acme");
  await expect(page).toHaveURL(/\/no\/such\/page$/);
});

test("an unknown path answers 404 with a page of its own", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});

test("signing out ends the session: going back shows the sign-in page", async ({ page }) => {
  await signInAs(page, "peter.edwards.acme");
  await page.getByRole("button", { name: "Sign out" }).click();
  await new SignInPage(page).expectShown();
  await page.goto("/");
  await new SignInPage(page).expectShown();
});
