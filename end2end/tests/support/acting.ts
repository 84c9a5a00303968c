import { expect, type APIRequestContext, type APIResponse, type Locator, type Page } from "@playwright/test";
import type { Storefront } from "./storefront";

/** The seed's admin, Alex Morgan of IT Procurement: MOBPROC lets him act for anyone. */
export const ADMIN = {
  username: "admin.acme",
  id: "28600001",
  name: "Alex Morgan",
  email: "alex.morgan@acme.com",
  /** His line 203-555-0100 (Verizon Wireless, Galaxy Note 4). */
  line: "203-555-0100",
  lineId: "38382700",
};

/** Barbara Andrews of Marketing, who orders from the marketing catalog. */
export const BARBARA = {
  username: "barbara.andrews@example.com",
  id: "48068931",
  name: "Barbara Andrews",
  email: "barbara.andrews@example.com",
  department: "Marketing",
  officePhone: "4155550140",
  /** Her line 415-555-0142 (AT&T Mobility, iPhone 6s). */
  line: "415-555-0142",
  lineId: "38382601",
};

/** James Carpenter, also of Marketing. */
export const JAMES = {
  username: "james.carpenter@example.com",
  id: "48068987",
  name: "James Carpenter",
  department: "Marketing",
  /** His line 646-555-0199 (T-Mobile). */
  line: "646-555-0199",
};

/** An accessory for Barbara's iPhone 6s, from AT&T Mobility. */
export const EARPODS = "Apple EarPods with Lightning Connector";
/** Upgrade devices in only the marketing catalog (Barbara's), and only the corporate one (the admin's). */
export const MARKETING_ONLY_DEVICE = "Samsung Galaxy Tab S2 8.0 (32GB) LTE - Black";
export const CORPORATE_ONLY_DEVICE = "BlackBerry Passport - Black";

/** MOBPROC's `GET /employees/{id}`, which a switch asks with the admin's own rights. */
export function employeeCall(id: string) {
  return { path: `/mobproc/v1/employees/${id}`, method: "GET" };
}

/** "Order for someone else": finding an employee, switching, the banner, switching back. */
export class ActingPage {
  constructor(private readonly page: Page) {}

  /** The header's link to the page (only for people MOBPROC lets act for others). */
  link(): Locator {
    return this.page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Order for someone else" });
  }

  async open() {
    await this.link().click();
    await this.expectShown();
  }

  async expectShown() {
    await expect(this.page.getByRole("heading", { level: 1, name: "Order for someone else" })).toBeVisible();
  }

  async search(text: string) {
    const search = this.page.getByRole("search");
    await search.getByLabel("Name, email or employee id").fill(text);
    await search.getByRole("button", { name: "Search" }).click();
  }

  results(): Locator {
    return this.page.getByRole("list", { name: "Employees" }).getByRole("listitem");
  }

  /** The result whose heading is exactly `name`. */
  result(name: string): Locator {
    return this.results().filter({ has: this.page.getByRole("heading", { name, exact: true }) });
  }

  /** Presses "Order for <name>" on their result; the switch leads to their lines. */
  async switchTo(name: string) {
    await this.result(name).getByRole("button", { name: `Order for ${name}` }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
    await this.expectActingFor(name);
  }

  /** Signed in as the admin, finds `name` by `query` and switches to them. */
  async findAndSwitch(query: string, name: string) {
    await this.open();
    await this.search(query);
    await this.switchTo(name);
  }

  /** The banner shown on every page while ordering for someone else. */
  banner(): Locator {
    return this.page.getByRole("region", { name: "Acting for" });
  }

  async expectActingFor(name: string, department?: string) {
    await expect(this.banner()).toContainText(`You are ordering for ${name}`);
    if (department) await expect(this.banner()).toContainText(`(${department})`);
    await expect(this.banner().getByRole("button", { name: "Switch back" })).toBeVisible();
  }

  async expectNotActing() {
    await expect(this.banner()).toHaveCount(0);
  }

  /** Presses "Switch back" in the banner; back on the person's own lines. */
  async switchBack() {
    await this.banner().getByRole("button", { name: "Switch back" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "My lines" })).toBeVisible();
    await this.expectNotActing();
  }
}

/** The title of a page seen while ordering for `name` (without: the plain title). */
export function titleFor(page: string, name?: string) {
  return name ? `${page} · for ${name} · MOBPROC storefront` : `${page} · MOBPROC storefront`;
}

/** "Ordered by <by> for <holder>", each name maybe followed by their email in parentheses. */
export function orderedByFor(by: string, holder: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`Ordered by ${escape(by)}( \\([^)]*\\))? for ${escape(holder)}`);
}

/** A value beside its label in a page's facts (`<dt>label</dt><dd>value</dd>`). */
export function fact(page: Page, label: string): Locator {
  return page
    .locator("dt")
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
    .locator("xpath=following-sibling::dd[1]");
}

export interface SandboxOrder {
  orderId: string;
  externalOrderNumber?: string;
  status: string;
  transactionType?: string;
  accountHolder?: { id: string; firstName?: string; lastName?: string };
  requestedBy?: { id: string; firstName?: string; lastName?: string };
}

/**
 * The orders `username` sees at the storefront's embedded sandbox: those whose account
 * holder is `employeeId` (MOBPROC id) when given; an admin sees everyone's.
 */
export async function sandboxOrdersSeenBy(
  request: APIRequestContext,
  storefront: Storefront,
  username: string,
  employeeId?: string,
): Promise<SandboxOrder[]> {
  const token = await request.post(`${storefront.sandboxURL}/as/token.oauth2`, {
    form: {
      grant_type: "password",
      client_id: "storefront",
      client_secret: "storefront-secret",
      scope: "MOBPROC",
      username,
      password: "demo",
    },
  });
  const { access_token } = await token.json();
  const orders: SandboxOrder[] = [];
  const filter = employeeId ? `?employee=${employeeId}` : "";
  let next: string | undefined = `${storefront.sandboxURL}/mobproc/v1/orders${filter}`;
  while (next) {
    const response: APIResponse = await request.get(next, {
      headers: {
        Authorization: `Bearer ${access_token}`,
        "X-TNGO-TENANT": "ACME",
        client_id: "storefront",
      },
    });
    expect(response.status(), await response.text()).toBe(200);
    const page: { items: SandboxOrder[]; _meta?: { hrefNext?: string } } = (await response.json()).orders;
    orders.push(...page.items);
    next = page._meta?.hrefNext;
  }
  return orders;
}
