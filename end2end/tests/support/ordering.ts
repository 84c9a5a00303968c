import { expect, type Page } from "@playwright/test";
import { signInAs } from "./sign-in";
import { CatalogPage } from "./catalog";
import { CartPage } from "./cart";
import { CheckoutPage, SEED_SHIP_TO } from "./checkout";

/** The two chargers of the ORDER_ACCESSORIES seed, for line 203-555-7676. */
export const VEHICLE_CHARGER = "Verizon Wireless Vehicle Charger with Dual Output (MICRDUALVPC-F)";
export const WALL_CHARGER = "Verizon Wireless Rapid Wall Charger with 6ft Cable for Micro USB (EMICUSBDTVL-F)";
/** Peter's line 203-555-7676. */
export const PETERS_LINE = "/lines/38382349";

/** Peter signs in and puts the seed's two chargers into his cart (two items). */
export async function peterWithChargersInCart(page: Page, javaScript: boolean) {
  await signInAs(page, "peter.edwards.acme");
  const catalog = new CatalogPage(page);
  const cart = new CartPage(page);
  await catalog.openFromMyLines("203-555-7676", "Accessories");
  await catalog.expectHeading("Accessories for 203-555-7676");
  await cart.addFromCatalog(catalog.item(VEHICLE_CHARGER).first(), 1, javaScript);
  await cart.addFromCatalog(catalog.item(WALL_CHARGER).first(), 2, javaScript);
}

/** From the cart, fills the checkout with the seed's details (the form is shown). */
export async function fillSeedCheckout(page: Page) {
  const checkout = new CheckoutPage(page);
  await checkout.fillProperties({ "Contact Phone Number": "2035559999", "Service Number": "2035557676" });
  await checkout.fillShipTo(SEED_SHIP_TO);
  return checkout;
}

/**
 * The seed's accessories order up to MOBPROC's confirmation: Peter's two chargers,
 * checked out and reviewed. Returns the confirmation's URL, to open it again.
 */
export async function peterConfirmsChargers(page: Page, javaScript: boolean): Promise<string> {
  await peterWithChargersInCart(page, javaScript);
  const cart = new CartPage(page);
  await cart.open();
  await cart.checkOut();
  const checkout = await fillSeedCheckout(page);
  await checkout.review();
  await expect(page).toHaveURL(/\/checkout\/confirm\?checkout=/);
  await expect(checkout.total("One-time total")).toHaveText("$44.98");
  await expect(checkout.confirmedItems()).toHaveCount(2);
  return page.url();
}
