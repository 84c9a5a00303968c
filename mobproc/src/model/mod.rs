//! MOBPROC's JSON, as serde types. camelCase on the wire; ids are opaque strings;
//! money is [`rust_decimal::Decimal`]; closed sets keep unknown values.
//!
//! serde_json's `arbitrary_precision` is on, so nothing that holds a number may use
//! `#[serde(flatten)]`, `untagged` or internally/adjacently tagged enums on the way in.

mod open_enum;

pub mod acknowledgement;
pub mod approval;
pub mod asset;
pub mod catalog;
pub mod confirmation;
pub mod device;
pub mod employee;
pub mod error;
pub mod me;
pub mod meta;
pub mod money;
pub mod oauth;
pub mod order;
pub mod order_request;
pub mod ping;
pub mod property;
pub mod region;
pub mod tracking;
pub mod transaction_type;
pub mod validation;
pub mod vendor;

pub use acknowledgement::{
    AcknowledgementAnswer, AcknowledgementDefinition, AcknowledgementType, Acknowledgements,
    InfoBlock, Paragraph,
};
pub use approval::{ApprovalAction, ApprovalRequest, ApprovalResponse, ApprovalStatus};
pub use asset::{ContractDates, DeviceAsset, MoveServiceRequest, ServiceAsset, ServiceVendors};
pub use catalog::{
    Accessory, CatalogDevice, Feature, FeatureAction, FeatureChange, Plan, PlanSummary,
};
pub use confirmation::{ConfirmationResponse, ConfirmedCart, ConfirmedDevice, OrderConfirmation};
pub use device::{
    AccessMethod, DescribedDevice, DeviceIdentity, DeviceModel, Manufacturer, SerialNumber,
    SerialNumberType,
};
pub use employee::{Department, Employee};
pub use error::{ErrorBody, OrderError, ResponseStatus};
pub use me::{Me, MeResponse};
pub use meta::{Listing, Meta, Page};
pub use money::{Money, Recurrence};
pub use oauth::{TokenIdentity, TokenResponse, TokenValidation};
pub use order::{Order, OrderResponse, OrderSegment, OrderStatus, OrderedItem};
pub use order_request::{CartRequest, OrderRequest, OrderRequestBody};
pub use ping::Ping;
pub use property::{
    ChosenOption, PropertyChoice, PropertyDefinition, PropertyGroup, PropertyType, PropertyValue,
    PropertyValueGroup, Validation,
};
pub use region::{
    AddressComponent, AddressLine, AddressOption, Currency, Region, RegionType, ShipTo,
};
pub use tracking::{OrderHistoryEntry, Shipment, ShipmentItem};
pub use transaction_type::TransactionType;
pub use validation::{check_text, matches_reg_ex, TextProblem, TextRules};
pub use vendor::Vendor;
