import { expect, type Locator, type Page } from "@playwright/test";

/** A catalog listing (accessories, devices or plans), as a person uses it. */
export class CatalogPage {
  constructor(private readonly page: Page) {}

  /** From "My lines", follows one of the line's links, e.g. to its accessories. */
  async openFromMyLines(number: string, link: "Accessories" | "Upgrade" | "Change carrier, keep the number") {
    const line = this.page.getByRole("listitem").filter({ hasText: number });
    await line.getByRole("link", { name: new RegExp(`^${link}`) }).click();
  }

  async expectHeading(text: string) {
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(text);
  }

  /** The result cards. */
  results(): Locator {
    return this.page.getByRole("list", { name: /^Results/ }).getByRole("listitem");
  }

  /** The card whose heading is exactly `name` (names repeat across ids, so maybe several). */
  item(name: string): Locator {
    return this.results().filter({
      has: this.page.getByRole("heading", { name, exact: true }),
    });
  }

  summary(): Locator {
    return this.page.getByRole("status").filter({ hasText: /accessor|device|plan/ });
  }

  async search(text: string) {
    await this.page.getByLabel("Search by name").fill(text);
    await this.apply();
  }

  async choose(filter: "Manufacturer" | "Carrier" | "Sort by", option: string) {
    await this.page.getByLabel(filter, { exact: true }).selectOption({ label: option });
    await this.apply();
  }

  async priceRange(from: string, to: string) {
    await this.page.getByLabel("From $").fill(from);
    await this.page.getByLabel("to $").fill(to);
    await this.apply();
  }

  async apply() {
    await this.page.getByRole("search").getByRole("button", { name: "Search" }).click();
  }

  async goToPage(which: "First page" | "Previous page" | "Next page" | "Last page") {
    await this.page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: which }).click();
  }

  async openTab(name: "Devices" | "Plans" | "Accessories") {
    await this.page.getByRole("navigation", { name: "Catalog" }).getByRole("link", { name }).click();
    await expect(
      this.page.getByRole("navigation", { name: "Catalog" }).getByRole("link", { name }),
    ).toHaveAttribute("aria-current", "page");
  }

  /** Checks an item's picture: same-origin, described by the item's name, an image. */
  async expectPicture(item: Locator, name: string) {
    const picture = item.getByRole("img", { name });
    await expect(picture).toHaveAttribute("src", /^\/media\?src=/);
    await expect(picture).toHaveAttribute("width", "96");
    const src = await picture.getAttribute("src");
    const response = await this.page.request.get(src!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\//);
  }
}
