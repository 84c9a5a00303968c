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
}

/** Signs in from wherever the page is and waits for the lines page. */
export async function signInAs(page: Page, username: string) {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(username);
  await expect(page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
}
