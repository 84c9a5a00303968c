//! Which catalog a page shows, as its route says, and what its items are ordered for.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::results::ListingKind;
use crate::{
    links,
    model::{
        cart::{ItemKind, OrderKind, OrderTarget},
        catalog::ListingSubject,
    },
};

/// The catalog routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogRoute {
    /// `/lines/:service_id/accessories`.
    Accessories,
    /// `/lines/:service_id/upgrade`.
    Upgrade,
    /// `/lines/:service_id/port/catalog?region=…`: a carrier change keeping the number.
    Port,
    /// `/new-line/catalog?kind=…&region=…`.
    NewLine,
}

/// One listing of a catalog page, picked by `?view=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogView {
    Devices,
    Plans,
    Accessories,
}

impl CatalogView {
    pub fn kind(self) -> ListingKind {
        let (noun, item_kind) = match self {
            Self::Devices => ("devices", ItemKind::Device),
            Self::Plans => ("plans", ItemKind::Plan),
            Self::Accessories => ("accessories", ItemKind::Accessory),
        };
        ListingKind {
            noun,
            item_kind,
            add_label: "Add to cart",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Devices => "Devices",
            Self::Plans => "Plans",
            Self::Accessories => "Accessories",
        }
    }

    fn value(self) -> &'static str {
        match self {
            Self::Devices => "devices",
            Self::Plans => "plans",
            Self::Accessories => "accessories",
        }
    }
}

impl CatalogRoute {
    /// The listings of this page, the first being the default.
    pub fn views(self) -> &'static [CatalogView] {
        match self {
            Self::Accessories => &[CatalogView::Accessories],
            Self::Upgrade | Self::Port => &[CatalogView::Devices, CatalogView::Plans],
            Self::NewLine => &[
                CatalogView::Devices,
                CatalogView::Plans,
                CatalogView::Accessories,
            ],
        }
    }

    /// The view `?view=` asks for; anything else is the first.
    pub fn view(self, asked: Option<&str>) -> CatalogView {
        let views = self.views();
        views
            .iter()
            .copied()
            .find(|v| Some(v.value()) == asked)
            .unwrap_or(views[0])
    }

    /// The query pairs that select `view` on this page, after the target's own.
    pub fn leading(self, target: &OrderTarget, view: CatalogView) -> Vec<(&'static str, String)> {
        let mut pairs = links::place_pairs(target);
        if view != self.views()[0] {
            pairs.push(("view", view.value().to_owned()));
        }
        pairs
    }

    /// What this page's items are ordered for: the path's line, the query's new-line
    /// kind and place.
    pub fn target(self) -> OrderTarget {
        let service_id = use_params_map().with_untracked(|p| p.get("service_id"));
        let query = use_query_map();
        let (kind, place) = query.with_untracked(|q| {
            (
                q.get("kind").and_then(|k| OrderKind::parse(&k)),
                links::place_from_query(|name| q.get(name)),
            )
        });
        let (order, service_id, place) = match self {
            Self::Accessories => (OrderKind::Accessories, service_id, None),
            Self::Upgrade => (OrderKind::Upgrade, service_id, None),
            Self::Port => (OrderKind::PortNumber, service_id, place),
            // The storefront itself decides whether a transfer in is ported.
            Self::NewLine => match kind {
                Some(OrderKind::TransferIn | OrderKind::TransferInAndPort) => {
                    (OrderKind::TransferIn, None, place)
                }
                _ => (OrderKind::NewActivation, None, place),
            },
        };
        OrderTarget {
            order,
            service_id,
            place,
        }
    }

    /// The page's title and main heading for `view`.
    pub fn headings(
        self,
        target: &OrderTarget,
        subject: &ListingSubject,
        view: CatalogView,
    ) -> (String, String) {
        let name = &subject.name;
        let noun = view.label();
        match (self, target.order) {
            (Self::Accessories, _) => {
                let heading = format!("Accessories for {name}");
                (heading.clone(), heading)
            }
            (Self::Upgrade, _) => (
                format!("Upgrade {} for {name}", noun.to_lowercase()),
                format!("Upgrade {name}"),
            ),
            (Self::Port, _) => (
                format!("{noun} for a carrier change of {name}"),
                format!("Change carrier for {name}"),
            ),
            (Self::NewLine, OrderKind::NewActivation) => {
                (format!("{noun} for a new line"), "A new line".to_owned())
            }
            (Self::NewLine, _) => (
                format!("{noun} for your personal line"),
                "Move your personal line to the company".to_owned(),
            ),
        }
    }

    /// What the page is about, under its heading.
    pub fn lede(self, target: &OrderTarget, subject: &ListingSubject) -> Option<String> {
        match (self, target.order) {
            (Self::Accessories, _) => subject
                .device_name
                .as_ref()
                .map(|device| format!("Accessories that fit your {device}.")),
            (Self::Upgrade, _) => subject
                .device_name
                .as_ref()
                .map(|device| format!("Your device now: {device}.")),
            (Self::Port, _) => Some(
                "The number stays; the line moves to a new carrier. Choose a device and a plan \
                 of the new carrier."
                    .to_owned(),
            ),
            (Self::NewLine, OrderKind::NewActivation) => Some(
                "Choose a device and a plan for the new number, and accessories for the device \
                 if you need them."
                    .to_owned(),
            ),
            (Self::NewLine, _) => Some(
                "The company takes over your number. Choose the company's plan, and a new \
                 device if yours cannot use its network."
                    .to_owned(),
            ),
        }
    }
}
