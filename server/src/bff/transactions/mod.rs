//! One description per MOBPROC transaction type (API.md §10): to whom and for which
//! lines it is offered, what its cart holds, what its checkout asks for, and what its
//! `orderRequest` carries. Everything that differs between order types is read from
//! here; the cart, checkout and submission code is the same for all of them.
//!
//! Adding a type: a module with its [`Transaction`] (declared here for all twelve, with
//! `offered: false` until their pages exist), listed in [`ALL`], and the pages it leads
//! to from [`Transaction::entry`] (a line's card) or the "New line" page.

mod deactivate;
mod new_activation;
mod order_accessories;
mod port_number;
mod suspend;
mod swap_devices;
mod unsuspend;
mod update_features;
mod upgrade;
mod xfer_service_in;
mod xfer_service_in_and_port;
mod xfer_service_out;

use app::model::{cart::ItemKind, cart::OrderKind, ActionGroup};
use mobproc::model::{
    AcknowledgementAnswer, CartRequest, DeviceIdentity, OrderRequest, OrderRequestBody,
    PropertyValueGroup, ShipTo, TransactionType,
};

/// Every transaction type, in the order line cards offer them.
pub static ALL: [&Transaction; 12] = [
    &upgrade::TRANSACTION,
    &order_accessories::TRANSACTION,
    &port_number::TRANSACTION,
    &new_activation::TRANSACTION,
    &xfer_service_in::TRANSACTION,
    &xfer_service_in_and_port::TRANSACTION,
    &suspend::TRANSACTION,
    &unsuspend::TRANSACTION,
    &update_features::TRANSACTION,
    &swap_devices::TRANSACTION,
    &deactivate::TRANSACTION,
    &xfer_service_out::TRANSACTION,
];

/// How one transaction type is ordered.
#[derive(Debug)]
pub struct Transaction {
    pub wire: TransactionType,
    /// The storefront has its pages; the others are refused as not allowed.
    pub offered: bool,
    /// Ordered for an existing line, whose `orderActions` must list the type.
    pub for_line: bool,
    /// The line card's way in, when it has one.
    pub entry: Option<Entry>,
    /// Which lines it is for by their status, beyond what their `orderActions` list.
    pub for_status: ForStatus,
    pub cart: CartShape,
    /// Asks where the new line will be used: `regionId` and `postalCode`.
    pub needs_place: bool,
    /// Asks which carrier the line comes from: `currentVendorId`.
    pub needs_current_vendor: bool,
    /// Sends the line's device, as its asset records it, as `existingDevice`.
    pub existing_device: bool,
    /// Sends the device to put on the line as `newDevice`.
    pub new_device: bool,
    /// Something ships, so the order carries `shipTo`.
    pub ships: bool,
    /// The checkout shows MOBPROC's info blocks and acknowledgements for the type.
    pub acknowledgements: bool,
    /// What an order of this type is, in words, for its subject (a line's number or
    /// where a new line will be): "Accessories for 203-555-7676".
    pub summary: fn(&str) -> String,
}

/// The line card's button for a type, and the cart's way back to it.
#[derive(Debug)]
pub struct Entry {
    /// The button, e.g. "Accessories".
    pub label: &'static str,
    /// The line page it opens, e.g. `accessories` for `/lines/{id}/accessories`.
    pub page: &'static str,
    pub group: ActionGroup,
    /// The cart's link back to that page, e.g. "Add more accessories".
    pub more: &'static str,
}

/// The line statuses a type is for. MOBPROC lists SUSPEND and UNSUSPEND among some
/// lines' `orderActions` whatever their status; only one of them makes sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForStatus {
    Any,
    /// Only a suspended line (or one whose status MOBPROC does not say).
    Suspended,
    /// Any line but a suspended one.
    NotSuspended,
}

/// MOBPROC's status of a suspended line.
pub const SUSPENDED: &str = "SUSPENDED";

/// What the cart of a type holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CartShape {
    /// Accessories for the line's device.
    Accessories,
    /// A device and a plan with optional features; accessories too when `accessories`.
    Equipment {
        device: Need,
        plan: Need,
        accessories: bool,
        /// `quantity: 1` travels with the cart, as the documented request has it.
        quantity: bool,
    },
    /// Plan features to add and remove, with a comment.
    FeatureChanges,
    /// No cart: the checkout asks only the type's properties.
    Nothing,
}

/// Whether an order must have an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// What goes into an `orderRequest`, checked and gathered by the checkout; the
/// transaction type takes what it carries and leaves the rest.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub external_order_number: String,
    pub service_id: Option<String>,
    pub region_id: Option<String>,
    pub postal_code: Option<String>,
    pub current_vendor_id: Option<String>,
    pub cart: Option<CartRequest>,
    pub existing_device: Option<DeviceIdentity>,
    pub new_device: Option<DeviceIdentity>,
    pub properties: Vec<PropertyValueGroup>,
    pub ship_to: Option<ShipTo>,
    pub acknowledgements: Vec<AcknowledgementAnswer>,
}

impl Transaction {
    /// A type that carries only its properties: no line, cart, place or parcel. Each
    /// type's module starts from it and adds what else its orders have.
    const fn plain(wire: TransactionType, summary: fn(&str) -> String) -> Self {
        Self {
            wire,
            offered: false,
            for_line: false,
            entry: None,
            for_status: ForStatus::Any,
            cart: CartShape::Nothing,
            needs_place: false,
            needs_current_vendor: false,
            existing_device: false,
            new_device: false,
            ships: false,
            acknowledgements: false,
            summary,
        }
    }

    /// Its pages exist.
    const fn offered(mut self) -> Self {
        self.offered = true;
        self
    }

    /// Ordered for an existing line, from its card's `entry`.
    const fn for_line(mut self, entry: Entry) -> Self {
        self.for_line = true;
        self.entry = Some(entry);
        self
    }

    const fn for_status(mut self, for_status: ForStatus) -> Self {
        self.for_status = for_status;
        self
    }

    const fn cart(mut self, cart: CartShape) -> Self {
        self.cart = cart;
        self
    }

    const fn needs_place(mut self) -> Self {
        self.needs_place = true;
        self
    }

    const fn needs_current_vendor(mut self) -> Self {
        self.needs_current_vendor = true;
        self
    }

    const fn existing_device(mut self) -> Self {
        self.existing_device = true;
        self
    }

    const fn new_device(mut self) -> Self {
        self.new_device = true;
        self
    }

    const fn ships(mut self) -> Self {
        self.ships = true;
        self
    }

    const fn acknowledgements(mut self) -> Self {
        self.acknowledgements = true;
        self
    }
}

impl Entry {
    /// A button of the line card's "Order" group, and the cart's way back to its page.
    const fn order(label: &'static str, page: &'static str, more: &'static str) -> Self {
        Self {
            label,
            page,
            group: ActionGroup::Order,
            more,
        }
    }

    /// A button of the line card's "Manage line" group.
    const fn manage(label: &'static str, page: &'static str) -> Self {
        Self {
            label,
            page,
            group: ActionGroup::Manage,
            more: label,
        }
    }
}

/// The description of MOBPROC's `wire` type, if it is one of the twelve.
pub fn of_wire(wire: &TransactionType) -> Option<&'static Transaction> {
    ALL.into_iter().find(|t| t.wire == *wire)
}

/// Whether someone allowed `permitted` may start an order of `kind` at all (for a
/// line, the line must allow it too). A personal line moved to the company may turn
/// into either transfer, so either one's permission starts it.
pub fn may_start(kind: OrderKind, permitted: &[TransactionType]) -> bool {
    let allowed = |kind: OrderKind| {
        let transaction = of(kind);
        transaction.offered && permitted.contains(&transaction.wire)
    };
    match kind {
        OrderKind::TransferIn | OrderKind::TransferInAndPort => {
            allowed(OrderKind::TransferIn) || allowed(OrderKind::TransferInAndPort)
        }
        kind => allowed(kind),
    }
}

/// Whether `a` and `b` are one order that may still turn into the other: the two
/// transfers in.
pub fn same_family(a: OrderKind, b: OrderKind) -> bool {
    let transfer = |k| matches!(k, OrderKind::TransferIn | OrderKind::TransferInAndPort);
    a == b || (transfer(a) && transfer(b))
}

/// The description of `kind`.
pub fn of(kind: OrderKind) -> &'static Transaction {
    match kind {
        OrderKind::Accessories => &order_accessories::TRANSACTION,
        OrderKind::Upgrade => &upgrade::TRANSACTION,
        OrderKind::NewActivation => &new_activation::TRANSACTION,
        OrderKind::PortNumber => &port_number::TRANSACTION,
        OrderKind::Suspend => &suspend::TRANSACTION,
        OrderKind::Unsuspend => &unsuspend::TRANSACTION,
        OrderKind::Deactivate => &deactivate::TRANSACTION,
        OrderKind::UpdateFeatures => &update_features::TRANSACTION,
        OrderKind::SwapDevices => &swap_devices::TRANSACTION,
        OrderKind::TransferOut => &xfer_service_out::TRANSACTION,
        OrderKind::TransferIn => &xfer_service_in::TRANSACTION,
        OrderKind::TransferInAndPort => &xfer_service_in_and_port::TRANSACTION,
    }
}

impl Transaction {
    /// Whether its orders are filled in the cart and checked out (else on a care form
    /// of their own).
    pub fn orders_from_a_cart(&self) -> bool {
        matches!(
            self.cart,
            CartShape::Accessories | CartShape::Equipment { .. }
        )
    }

    /// Whether `kind` of item belongs in this type's cart.
    pub fn holds(&self, kind: ItemKind) -> bool {
        match self.cart {
            CartShape::Accessories => kind == ItemKind::Accessory,
            CartShape::Equipment { accessories, .. } => kind != ItemKind::Accessory || accessories,
            CartShape::FeatureChanges | CartShape::Nothing => false,
        }
    }

    /// Whether someone allowed `permitted` may order this for a line offering
    /// `line_actions` (`None` for an order that is not for a line). Types the storefront
    /// does not offer yet are never allowed.
    pub fn allowed(
        &self,
        permitted: &[TransactionType],
        line_actions: Option<&[TransactionType]>,
    ) -> bool {
        self.offered
            && permitted.contains(&self.wire)
            && (!self.for_line || line_actions.is_some_and(|actions| actions.contains(&self.wire)))
    }

    /// Whether a line whose status is `status` (MOBPROC's word) may have it.
    pub fn fits_status(&self, status: Option<&str>) -> bool {
        match self.for_status {
            ForStatus::Any => true,
            ForStatus::Suspended => status.is_none_or(|s| s == SUSPENDED),
            ForStatus::NotSuspended => status != Some(SUSPENDED),
        }
    }

    /// The `orderRequest` of an order of this type made of `parts`.
    pub fn request(&self, parts: Parts) -> OrderRequestBody {
        let when = |carried: bool, value: Option<String>| value.filter(|_| carried);
        OrderRequestBody {
            order_request: OrderRequest {
                external_order_number: Some(parts.external_order_number),
                transaction_type: self.wire.clone(),
                service_id: when(self.for_line, parts.service_id),
                current_vendor_id: when(self.needs_current_vendor, parts.current_vendor_id),
                region_id: when(self.needs_place, parts.region_id),
                postal_code: when(self.needs_place, parts.postal_code),
                existing_device: parts.existing_device.filter(|_| self.existing_device),
                new_device: parts.new_device.filter(|_| self.new_device),
                shopping_cart: parts.cart.and_then(|cart| self.shopping_cart(cart)),
                properties: (!parts.properties.is_empty()).then_some(parts.properties),
                ship_to: parts.ship_to.filter(|_| self.ships),
                acknowledgements: (self.acknowledgements && !parts.acknowledgements.is_empty())
                    .then_some(parts.acknowledgements),
            },
        }
    }

    /// The part of `cart` this type's cart carries.
    fn shopping_cart(&self, cart: CartRequest) -> Option<CartRequest> {
        let nonempty = |ids: Option<Vec<String>>| ids.filter(|ids| !ids.is_empty());
        let carried = match self.cart {
            CartShape::Accessories => CartRequest {
                accessory_ids: cart.accessory_ids,
                ..empty_cart()
            },
            CartShape::Equipment {
                accessories,
                quantity,
                ..
            } => CartRequest {
                device_id: cart.device_id,
                plan_id: cart.plan_id,
                optional_feature_ids: nonempty(cart.optional_feature_ids),
                accessory_ids: nonempty(cart.accessory_ids).filter(|_| accessories),
                quantity: quantity.then_some(1),
                ..empty_cart()
            },
            CartShape::FeatureChanges => CartRequest {
                features: cart.features,
                feature_request_comment: cart.feature_request_comment,
                ..empty_cart()
            },
            CartShape::Nothing => return None,
        };
        Some(carried)
    }
}

/// A `shoppingCart` with nothing in it.
pub fn empty_cart() -> CartRequest {
    CartRequest {
        device_id: None,
        plan_id: None,
        optional_feature_ids: None,
        accessory_ids: None,
        features: None,
        feature_request_comment: None,
        quantity: None,
    }
}

#[cfg(test)]
mod tests;
