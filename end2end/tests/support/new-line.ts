import { expect, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

/** The United States, as MOBPROC's regions name it. */
export const US = "United States";

/** The documented request of a transaction type, from the shared MOBPROC examples. */
export function documentedRequest(type: string): { orderRequest: Record<string, unknown> } {
  const file = path.resolve(__dirname, "../../../../shared/mobproc/examples/orders", type, "request.json");
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The JSON paths of a value's keys (array items as `[]`): its shape. */
export function shapeOf(value: unknown, at = ""): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => shapeOf(item, `${at}[]`)))].sort();
  if (value && typeof value === "object") {
    return Object.entries(value)
      .flatMap(([key, field]) => [`${at}.${key}`, ...shapeOf(field, `${at}.${key}`)])
      .filter((p, i, all) => all.indexOf(p) === i)
      .sort();
  }
  return [];
}

/** "New line", its choice and the step that asks where the line will be used. */
export class NewLinePage {
  constructor(private readonly page: Page) {}

  /** From "My lines", presses "New line" and picks the choice titled `title`. */
  async choose(title: "A new number" | "Move my personal line to the company") {
    await this.page.getByRole("link", { name: "New line", exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "A new line" })).toBeVisible();
    const choice = this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name: title }) });
    await choice.getByRole("link", { name: /^Start/ }).click();
  }

  /** Fills the place step (its current carrier too, when asked) and sends it. */
  async fillPlace(place: { country: string; postalCode: string; carrier?: string }) {
    await this.page.getByLabel("Country").selectOption({ label: place.country });
    await this.page.getByLabel("Postal code").fill(place.postalCode);
    if (place.carrier) await this.page.getByLabel("Your current carrier").selectOption({ label: place.carrier });
    await this.page.getByRole("button", { name: "Show the catalog" }).click();
  }

  postalCodeError(): Locator {
    return this.page.locator("#place-postal-code-error");
  }
}
