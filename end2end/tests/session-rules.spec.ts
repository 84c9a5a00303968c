import { test, expect, expectAccessible, expectNoBlockingViolations } from "./support/storefront";
import { SignInPage, signInAs } from "./support/sign-in";

test("Sign out everywhere, from the account menu, ends Peter's session in his other browser too", async ({
  page,
  browser,
  baseURL,
}) => {
  const other = await browser.newContext({ baseURL });
  try {
    const elsewhere = await other.newPage();
    await signInAs(elsewhere, "peter.edwards.acme");
    await signInAs(page, "peter.edwards.acme");

    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign out everywhere" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign out everywhere" })).toBeVisible();
    await expectAccessible(page);
    const signedOut = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/auth/sign-out-everywhere"));
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    expect((await (await signedOut).allHeaders())["clear-site-data"]).toBe('"cache", "cookies"');
    await new SignInPage(page).expectShown();

    await elsewhere.goto("/");
    await new SignInPage(elsewhere).expectShown();
    await expect(elsewhere).toHaveURL(/\/sign-in\?return_to=%2F$/);
  } finally {
    await other.close();
  }
});

test("after five wrong passwords the sixth try is told to wait, on a plain accessible page", async ({
  page,
  browser,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn.signIn("barbara.andrews@example.com", "not-her-password");
    await expect(page.getByRole("alert")).toHaveText("The username or password is not correct.");
  }
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/auth/sign-in"));
  await signIn.signIn("barbara.andrews@example.com", "not-her-password");
  const response = await answered;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByRole("alert")).toHaveText("Too many attempts. Try again in 1 minute.");
  // The answer to a form post cannot be fetched again: its HTML is scanned as it came.
  const scan = await browser.newContext({ javaScriptEnabled: true });
  try {
    const answer = await scan.newPage();
    await answer.setContent(await response.text());
    await expectNoBlockingViolations(answer);
  } finally {
    await scan.close();
  }
  await page.getByRole("link", { name: "Back to sign-in" }).click();
  await signIn.expectShown();
});
