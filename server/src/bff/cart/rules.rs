//! What a cart may hold, by its transaction type (see [`crate::bff::transactions`]):
//! one line's accessories, or one line's equipment (at most one device and one plan,
//! plus optional features of that plan).

use app::model::cart::ItemKind;

use super::store::{Cart, CartEntry};
use crate::bff::transactions::{self, CartShape, Need};

/// What a cart orders, as people read it: `Accessories for 203-555-7676`.
pub fn summary(cart: &Cart) -> String {
    (transactions::of(cart.order).summary)(&cart.line_number)
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
    Some(removed)
}

/// The plan in an upgrade cart.
pub fn plan(cart: &Cart) -> Option<&CartEntry> {
    cart.items.iter().find(|i| i.kind == ItemKind::Plan)
}

/// Why the cart cannot be ordered as it is: an item its type requires is missing, or a
/// plan whose carrier uses a network the line's device lacks comes without a new device
/// (MOBPROC would refuse the order).
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
    if has(ItemKind::Device) {
        return None;
    }
    let plan = self::plan(cart)?;
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

    fn entry(kind: ItemKind, id: &str, access_method: Option<&str>) -> CartEntry {
        CartEntry {
            kind,
            id: id.into(),
            name: format!("item {id}"),
            vendor: None,
            image_url: None,
            price: None,
            access_method: access_method.map(Into::into),
        }
    }

    fn upgrade(line_access_method: &str) -> Cart {
        Cart {
            service_id: "38382349".into(),
            order: app::model::cart::OrderKind::Upgrade,
            line_number: "203-555-7676".into(),
            line_access_method: Some(line_access_method.into()),
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
            order: app::model::cart::OrderKind::Accessories,
            ..upgrade("CDMA")
        };
        assert_eq!(summary(&cart), "Accessories for 203-555-7676");
        assert_eq!(summary(&upgrade("CDMA")), "Upgrade for 203-555-7676");
    }

    #[test]
    fn an_order_that_needs_a_device_says_so() {
        let mut cart = Cart {
            order: app::model::cart::OrderKind::NewActivation,
            ..upgrade("CDMA")
        };
        put(&mut cart, entry(ItemKind::Plan, "p1", Some("GSM")));
        let message = blocker(&cart).expect("blocked");
        assert!(message.contains("needs a device"), "{message}");
        put(&mut cart, entry(ItemKind::Device, "d1", None));
        assert_eq!(blocker(&cart), None);
    }
}
