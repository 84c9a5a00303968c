import { expect, type Page } from "@playwright/test";

/** The sign-in page, as a person uses it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(returnTo?: string) {
    const query = returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : "";
    await this.page.goto(`/sign-in${query}`);
  }

  /** The password form's button (not "Sign in with your company account"). */
  submitButton() {
    return this.page.getByRole("button", { name: "Sign in", exact: true });
  }

  async signIn(username: string, password = "demo") {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.submitButton().click();
  }

  async expectShown() {
    await expect(this.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  }

  /** "Sign in with your company account": off to the identity provider's page. */
  companyAccountLink() {
    return this.page.getByRole("link", { name: "Sign in with your company account" });
  }

  alert() {
    return this.page.locator("#sign-in-error");
  }
}

/** The sandbox's identity provider's own sign-in page (not the storefront's). */
export class IdentityProviderPage {
  constructor(private readonly page: Page) {}

  async expectShown(sandboxURL: string) {
    await expect(this.page).toHaveURL((url) => url.href.startsWith(`${sandboxURL}/as/authorization.oauth2?`));
    await expect(this.page.getByText("ACME identity provider", { exact: true })).toBeVisible();
    await expect(this.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  }

  async signIn(username: string, password = "demo") {
    await this.page.getByLabel("Username").fill(username);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async cancel() {
    await this.page.getByRole("button", { name: "Cancel" }).click();
  }
}

/** Signs in from wherever the page is and waits for the lines page. */
export async function signInAs(page: Page, username: string) {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(username);
  await expect(page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
}
