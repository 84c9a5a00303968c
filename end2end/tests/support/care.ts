import { expect, type Locator, type Page } from "@playwright/test";
import { CheckoutPage } from "./checkout";

/** Today plus `days`, as a date input takes it (YYYY-MM-DD). */
export function dateIn(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** My lines' cards and a line's care forms (suspend, reconnect, cancel, features, swap), as a person uses them. */
export class LineCare {
  constructor(private readonly page: Page) {}

  /** The card of the line numbered `number` on My lines. */
  card(number: string): Locator {
    return this.page
      .getByRole("list", { name: "Your phone lines" })
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { level: 2, name: new RegExp(`^${number}`) }) });
  }

  /** The card's status badge, e.g. "Suspended". */
  status(number: string): Locator {
    return this.card(number).locator(".line-status");
  }

  /** A fact of the line's card, e.g. its "Features". */
  fact(number: string, label: string): Locator {
    return this.card(number)
      .locator("dt")
      .filter({ hasText: new RegExp(`^\\s*${escape(label)}\\s*$`) })
      .locator("xpath=following-sibling::dd[1]");
  }

  /** The card's button whose name starts with `label` (its hidden text names the line). */
  action(number: string, label: string): Locator {
    return this.card(number).getByRole("link", { name: new RegExp(`^${escape(label)}`) });
  }

  /** From My lines, follows the line's `label` button to its form headed `heading`. */
  async open(number: string, label: string, heading: string) {
    await this.action(number, label).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label);
  }

  /** Presses "Review" and waits for MOBPROC's confirmation. */
  async review() {
    await this.page.getByRole("button", { name: "Review" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Confirm your order" })).toBeVisible();
  }

  /** Presses "Review" on a form that comes back with messages. */
  async reviewRefused() {
    await this.page.getByRole("button", { name: "Review" }).click();
    await expect(this.page.getByRole("alert")).toContainText("Please check the highlighted fields.");
  }

  /** Places the confirmed order; its id. */
  async place(): Promise<string> {
    const checkout = new CheckoutPage(this.page);
    await checkout.placeOrderButton().click();
    return checkout.expectOrderPage();
  }

  /** The confirmation's list of features added and removed. */
  featureChanges(): Locator {
    return this.page.getByRole("list", { name: "Feature changes" }).getByRole("listitem");
  }

  /** The optional feature `description`'s choices on the feature change form. */
  feature(description: string): Locator {
    return this.page.getByRole("group", { name: new RegExp(`^${escape(description)}`) });
  }
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
