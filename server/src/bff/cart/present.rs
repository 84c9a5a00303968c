//! The stored cart as the cart page shows it.

use app::{
    links,
    model::cart::{CartItem, CartView, OrderTarget, PageLink},
};
use mobproc::model::Recurrence;
use rust_decimal::Decimal;

use super::{rules, store::Cart};
use crate::bff::{media, money, transactions};

pub fn cart(cart: &Cart) -> CartView {
    let currency = cart
        .items
        .iter()
        .find_map(|i| i.price.as_ref())
        .map_or("USD", |p| p.currency_code.as_str());
    let total = |recurrence: Recurrence| {
        let sum: Decimal = cart
            .items
            .iter()
            .filter_map(|i| i.price.as_ref())
            .filter(|p| p.recurrence.as_ref() == Some(&recurrence))
            .map(|p| p.amount)
            .sum();
        money::amount(sum, currency)
    };
    CartView {
        service_id: cart.service_id.clone(),
        order: cart.order,
        more: more(cart),
        summary: rules::summary(cart),
        items: cart
            .items
            .iter()
            .map(|i| CartItem {
                kind: i.kind,
                id: i.id.clone(),
                name: i.name.clone(),
                vendor: i.vendor.clone(),
                image: i.image_url.as_deref().map(media::proxied),
                price: i.price.as_ref().map(money::price),
            })
            .collect(),
        one_time_total: total(Recurrence::OneTime),
        monthly_total: total(Recurrence::Monthly),
        blocker: rules::blocker(cart),
        explanation: rules::explanation(cart),
        notice: None,
    }
}

/// The way back to the catalog the cart was filled from.
fn more(cart: &Cart) -> Option<PageLink> {
    let transaction = transactions::of(cart.order);
    if let Some(place) = &cart.place {
        let target = OrderTarget {
            order: cart.order,
            service_id: cart.service_id.clone(),
            place: Some(place.asked(transaction)),
        };
        let label = transaction
            .entry
            .as_ref()
            .map_or("Add more to this order", |e| e.more);
        return Some(PageLink {
            label: label.to_owned(),
            href: format!(
                "{}{}",
                links::catalog(&target),
                links::query(&links::place_pairs(&target))
            ),
        });
    }
    let (entry, service_id) = (transaction.entry.as_ref()?, cart.service_id.as_deref()?);
    Some(PageLink {
        label: entry.more.to_owned(),
        href: links::line(service_id, entry.page),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bff::cart::store::CartEntry;
    use app::model::cart::{ItemKind, OrderKind};
    use mobproc::model::Money;

    fn priced(id: &str, amount: Decimal, recurrence: Recurrence) -> CartEntry {
        CartEntry {
            kind: ItemKind::Accessory,
            id: id.into(),
            name: id.into(),
            vendor: Some("Verizon Wireless".into()),
            vendor_id: Some("98".into()),
            image_url: Some("http://127.0.0.1:9//images/a.jpg".into()),
            price: Some(Money {
                amount,
                currency_code: "USD".into(),
                recurrence: Some(recurrence),
            }),
            access_method: None,
        }
    }

    #[test]
    fn totals_add_up_exactly_per_recurrence() {
        let view = cart(&Cart {
            service_id: Some("38382349".into()),
            order: OrderKind::Accessories,
            line_number: "203-555-7676".into(),
            line_access_method: None,
            place: None,
            items: vec![
                priced("a", Decimal::new(2249, 2), Recurrence::OneTime),
                priced("b", Decimal::new(2249, 2), Recurrence::OneTime),
            ],
        });
        assert_eq!(view.one_time_total, "$44.98");
        assert_eq!(view.monthly_total, "$0.00");
        assert_eq!(view.summary, "Accessories for 203-555-7676");
        let more = view.more.expect("a way back to the catalog");
        assert_eq!(more.href, "/lines/38382349/accessories");
        assert_eq!(view.items[0].price.as_deref(), Some("$22.49 one-time"));
        assert!(view.items[0]
            .image
            .as_deref()
            .is_some_and(|i| i.starts_with("/media?src=")));
    }
}
