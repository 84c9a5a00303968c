//! What a cart may hold, by its transaction type (see [`crate::bff::transactions`]):
//! one line's accessories, or one order's equipment (at most one device and one plan
//! of one carrier, plus optional features of that plan, and for a new line accessories
//! for its device), and what the storefront decides from it.

use app::model::cart::{ItemKind, OrderKind};

use super::store::{Cart, CartEntry};
use crate::bff::transactions::{self, CartShape, Need};

/// What a cart orders, as people read it: `Accessories for 203-555-7676`, `New line
/// in 06477`.
pub fn summary(cart: &Cart) -> String {
    let subject = match (&cart.service_id, &cart.place) {
        (None, Some(place)) => place.short(),
        _ => cart.line_number.clone(),
    };
    (transactions::of(cart.order).summary)(&subject)
}

/// Puts `entry` in: a second device or plan replaces the first (a new plan drops the
/// old plan's features); an item already there stays as it is.
pub fn put(cart: &mut Cart, entry: CartEntry) {
    if cart
        .items
        .iter()
        .any(|i| i.kind == entry.kind && i.id == entry.id)
    {
        return;
    }
    match entry.kind {
        ItemKind::Device => cart.items.retain(|i| i.kind != ItemKind::Device),
        ItemKind::Plan => cart
            .items
            .retain(|i| !matches!(i.kind, ItemKind::Plan | ItemKind::Feature)),
        ItemKind::Accessory | ItemKind::Feature => {}
    }
    cart.items.push(entry);
    cart.items.sort_by_key(|i| rank(i.kind));
    settle(cart);
}

/// Takes an item out; the plan takes its features with it. The removed item, if any.
pub fn take(cart: &mut Cart, kind: ItemKind, id: &str) -> Option<CartEntry> {
    let index = cart
        .items
        .iter()
        .position(|i| i.kind == kind && i.id == id)?;
    let removed = cart.items.remove(index);
    if kind == ItemKind::Plan {
        cart.items.retain(|i| i.kind != ItemKind::Feature);
    }
    settle(cart);
    Some(removed)
}

/// A personal line moved to the company is ported (XFER_SERVICE_IN_AND_PORT) when the
/// plan's carrier uses another network than the carrier it comes from; otherwise it is
/// a plain transfer (XFER_SERVICE_IN).
fn settle(cart: &mut Cart) {
    if matches!(
        cart.order,
        OrderKind::TransferIn | OrderKind::TransferInAndPort
    ) {
        cart.order = match networks_differ(cart) {
            Some(true) => OrderKind::TransferInAndPort,
            _ => OrderKind::TransferIn,
        };
    }
}

/// Whether the plan's network differs from the one the number comes from, when both
/// are known.
fn networks_differ(cart: &Cart) -> Option<bool> {
    let plan = plan(cart)?.access_method.as_deref()?;
    let from = cart.place.as_ref()?.from.as_ref()?.network.as_deref()?;
    Some(network(plan) != network(from))
}

/// The plan in the cart.
pub fn plan(cart: &Cart) -> Option<&CartEntry> {
    cart.items.iter().find(|i| i.kind == ItemKind::Plan)
}

/// The device in the cart.
pub fn device(cart: &Cart) -> Option<&CartEntry> {
    cart.items.iter().find(|i| i.kind == ItemKind::Device)
}

/// Why the cart cannot be ordered as it is, before MOBPROC would refuse it: an item its
/// type requires is missing, a device and a plan of two carriers, a carrier change to
/// the carrier the line is with, or a plan whose network the phone lacks.
pub fn blocker(cart: &Cart) -> Option<String> {
    let CartShape::Equipment { device, plan, .. } = transactions::of(cart.order).cart else {
        return None;
    };
    let has = |kind| cart.items.iter().any(|i| i.kind == kind);
    if device == Need::Required && !has(ItemKind::Device) {
        return Some("This order needs a device: add one to your cart.".to_owned());
    }
    if plan == Need::Required && !has(ItemKind::Plan) {
        return Some("This order needs a plan: add one to your cart.".to_owned());
    }
    let plan = self::plan(cart)?;
    let current = cart.place.as_ref().and_then(|p| p.from.as_ref());
    if let Some(current) = current.filter(|_| cart.order == OrderKind::PortNumber) {
        if plan.vendor_id.as_deref() == Some(current.id.as_str()) {
            return Some(format!(
                "The line is with {} already: choose a plan of another carrier to move it.",
                current.name
            ));
        }
    }
    if let Some(device) = self::device(cart) {
        return device_blocker(device, plan);
    }
    let needed = plan.access_method.as_deref()?;
    let has = cart.line_access_method.as_deref()?;
    (network(needed) != network(has)).then(|| {
        format!(
            "The {} needs a {needed} phone, and the line's current phone is {has}: \
             a new device is needed. Add a device to your cart.",
            plan.name
        )
    })
}

/// Why `device` and `plan` cannot be ordered together, if they cannot.
fn device_blocker(device: &CartEntry, plan: &CartEntry) -> Option<String> {
    if let (Some(d), Some(p)) = (&device.vendor_id, &plan.vendor_id) {
        if d != p {
            return Some(format!(
                "The {} is a {} phone and the {} a {} plan: choose a device and a plan of \
                 one carrier.",
                device.name,
                device.vendor.as_deref().unwrap_or("another carrier's"),
                plan.name,
                plan.vendor.as_deref().unwrap_or("another carrier's"),
            ));
        }
    }
    let (has, needed) = (
        device.access_method.as_deref()?,
        plan.access_method.as_deref()?,
    );
    (network(has) != network(needed)).then(|| {
        format!(
            "The {} uses {} and the {} needs a {} phone: choose another device or plan.",
            device.name,
            network(has),
            plan.name,
            network(needed)
        )
    })
}

/// What the storefront decided about the order, and why: a personal line moved to the
/// company is ported when the networks differ.
pub fn explanation(cart: &Cart) -> Option<String> {
    let from = cart.place.as_ref()?.from.as_ref()?;
    let plan = plan(cart)?;
    let plan_network = plan.access_method.as_deref().map(network)?;
    let carrier = plan.vendor.as_deref().unwrap_or("the company's carrier");
    match cart.order {
        OrderKind::TransferInAndPort => Some(format!(
            "Your number comes from {}, and {carrier} uses another network ({plan_network}): \
             the number is ported to {carrier}, and a new phone for that network is needed.",
            from.described()
        )),
        OrderKind::TransferIn => Some(format!(
            "{carrier} uses the network your phone uses now ({plan_network}): the number moves \
             to the company without porting, and you may keep your phone."
        )),
        _ => None,
    }
}

/// Why the actor may not order what the cart turned into.
pub fn not_permitted(cart: &Cart) -> String {
    match cart.order {
        OrderKind::TransferInAndPort => "This plan's carrier uses another network than your \
            current carrier, so the number would have to be ported, which you may not order. \
            Choose a plan on your current network."
            .to_owned(),
        _ => "You may not order this.".to_owned(),
    }
}

/// CDMA_PCS devices work on CDMA networks.
fn network(method: &str) -> &str {
    match method {
        "CDMA_PCS" => "CDMA",
        other => other,
    }
}

fn rank(kind: ItemKind) -> u8 {
    match kind {
        ItemKind::Device => 0,
        ItemKind::Plan => 1,
        ItemKind::Feature => 2,
        ItemKind::Accessory => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::bff::place::{Carrier, PlaceFacts};

    fn entry(kind: ItemKind, id: &str, access_method: Option<&str>) -> CartEntry {
        CartEntry {
            kind,
            id: id.into(),
            name: format!("item {id}"),
            vendor: None,
            vendor_id: None,
            image_url: None,
            price: None,
            access_method: access_method.map(Into::into),
        }
    }

    fn of_carrier(mut entry: CartEntry, id: &str, name: &str) -> CartEntry {
        entry.vendor_id = Some(id.into());
        entry.vendor = Some(name.into());
        entry
    }

    fn upgrade(line_access_method: &str) -> Cart {
        Cart {
            service_id: Some("38382349".into()),
            order: OrderKind::Upgrade,
            line_number: "203-555-7676".into(),
            line_access_method: Some(line_access_method.into()),
            place: None,
            items: Vec::new(),
        }
    }

    fn transfer_from(network: &str) -> Cart {
        Cart {
            service_id: None,
            order: OrderKind::TransferIn,
            line_number: String::new(),
            line_access_method: None,
            place: Some(PlaceFacts {
                region_id: "70144640".into(),
                country: "United States".into(),
                postal_code: Some("06484".into()),
                from: Some(Carrier {
                    id: "777".into(),
                    name: "T-Mobile".into(),
                    network: Some(network.into()),
                }),
            }),
            items: Vec::new(),
        }
    }

    fn ids(cart: &Cart) -> Vec<&str> {
        cart.items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn an_upgrade_holds_one_device_and_one_plan_with_its_features() {
        let mut cart = upgrade("CDMA");
        put(&mut cart, entry(ItemKind::Plan, "p1", Some("CDMA")));
        put(&mut cart, entry(ItemKind::Feature, "f1", None));
        put(&mut cart, entry(ItemKind::Device, "d1", None));
        put(&mut cart, entry(ItemKind::Device, "d2", None));
        put(&mut cart, entry(ItemKind::Feature, "f1", None));
        assert_eq!(ids(&cart), ["d2", "p1", "f1"]);
        put(&mut cart, entry(ItemKind::Plan, "p2", Some("CDMA")));
        assert_eq!(
            ids(&cart),
            ["d2", "p2"],
            "a new plan drops the old features"
        );
        put(&mut cart, entry(ItemKind::Feature, "f2", None));
        assert!(take(&mut cart, ItemKind::Plan, "p2").is_some());
        assert_eq!(ids(&cart), ["d2"], "features go with their plan");
    }

    #[test]
    fn a_plan_on_another_network_needs_a_new_device() {
        let mut cart = upgrade("CDMA_PCS");
        put(&mut cart, entry(ItemKind::Plan, "p1", Some("CDMA")));
        assert_eq!(blocker(&cart), None, "CDMA_PCS phones work on CDMA");
        put(&mut cart, entry(ItemKind::Plan, "gsm", Some("GSM")));
        let message = blocker(&cart).expect("blocked");
        assert!(message.contains("a new device is needed"), "{message}");
        put(&mut cart, entry(ItemKind::Device, "d1", None));
        assert_eq!(blocker(&cart), None);
    }

    #[test]
    fn carts_read_as_their_order() {
        let cart = Cart {
            order: OrderKind::Accessories,
            ..upgrade("CDMA")
        };
        assert_eq!(summary(&cart), "Accessories for 203-555-7676");
        assert_eq!(summary(&upgrade("CDMA")), "Upgrade for 203-555-7676");
    }

    #[test]
    fn an_order_that_needs_a_device_says_so() {
        let mut cart = Cart {
            order: OrderKind::NewActivation,
            ..upgrade("CDMA")
        };
        put(&mut cart, entry(ItemKind::Plan, "p1", Some("GSM")));
        let message = blocker(&cart).expect("blocked");
        assert!(message.contains("needs a device"), "{message}");
        put(&mut cart, entry(ItemKind::Device, "d1", None));
        assert_eq!(blocker(&cart), None);
    }

    #[test]
    fn a_new_line_reads_as_its_place() {
        let mut cart = transfer_from("GSM");
        assert_eq!(
            summary(&cart),
            "Personal line moved to the company in 06484"
        );
        cart.order = OrderKind::NewActivation;
        assert_eq!(summary(&cart), "New line in 06484");
    }

    #[test]
    fn a_transfer_is_ported_when_the_plan_uses_another_network() {
        let mut cart = transfer_from("GSM");
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Plan, "gsm", Some("GSM")), "111", "AT&T"),
        );
        assert_eq!(cart.order, OrderKind::TransferIn);
        assert_eq!(blocker(&cart), None, "the phone may stay");
        assert!(explanation(&cart).unwrap().contains("without porting"));
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Plan, "cdma", Some("CDMA")), "98", "Verizon"),
        );
        assert_eq!(cart.order, OrderKind::TransferInAndPort);
        assert!(explanation(&cart).unwrap().contains("ported to Verizon"));
        assert!(blocker(&cart).unwrap().contains("needs a device"));
        assert!(take(&mut cart, ItemKind::Plan, "cdma").is_some());
        assert_eq!(cart.order, OrderKind::TransferIn, "no plan, no port");
    }

    #[test]
    fn a_device_and_a_plan_are_of_one_carrier_and_network() {
        let mut cart = Cart {
            order: OrderKind::NewActivation,
            ..transfer_from("GSM")
        };
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Device, "d", Some("CDMA")), "98", "Verizon"),
        );
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Plan, "p", Some("GSM")), "111", "AT&T"),
        );
        assert!(blocker(&cart).unwrap().contains("of one carrier"));
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Plan, "p2", Some("GSM")), "98", "Verizon"),
        );
        assert!(blocker(&cart).unwrap().contains("needs a GSM phone"));
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Plan, "p3", Some("CDMA")), "98", "Verizon"),
        );
        assert_eq!(blocker(&cart), None);
    }

    #[test]
    fn a_carrier_change_needs_another_carrier() {
        let mut cart = Cart {
            service_id: Some("34415733".into()),
            order: OrderKind::PortNumber,
            ..transfer_from("GSM")
        };
        put(&mut cart, entry(ItemKind::Device, "d", None));
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Plan, "p", Some("GSM")), "777", "T-Mobile"),
        );
        assert!(blocker(&cart).unwrap().contains("with T-Mobile already"));
        put(
            &mut cart,
            of_carrier(entry(ItemKind::Plan, "p2", Some("CDMA")), "98", "Verizon"),
        );
        assert_eq!(blocker(&cart), None);
        take(&mut cart, ItemKind::Device, "d");
        assert!(blocker(&cart).unwrap().contains("needs a device"));
    }
}
