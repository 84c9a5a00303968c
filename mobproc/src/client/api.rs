//! Typed calls for the resources of API.md §7, on a handle bound to one caller's
//! credentials and context. Collections are read with [`Api::page`], [`Api::page_at`] and
//! [`Api::walk`] and a [`super::collection`] constant; everything else has its method here.

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::context::CallContext;
use super::credentials::Credentials;
use super::error::ErrorKind;
use super::error::MobprocError;
use super::orders::{order_detail, order_outcome};
use super::params::with_query;
use super::transport::{decode, Answer, OnRefusedToken};
use super::MobprocClient;
use crate::model::{
    Accessory, Acknowledgements, ApprovalRequest, ApprovalResponse, CatalogDevice,
    ConfirmationResponse, DeviceAsset, Employee, Listing, Me, MeResponse, MoveServiceRequest,
    Order, OrderConfirmation, OrderHistoryEntry, OrderRequestBody, OrderResponse, Ping, Plan,
    Region, ServiceAsset, Shipment, TransactionType, Vendor,
};

/// No query parameters.
const NONE: &[(&str, &str)] = &[];

/// MOBPROC as one caller sees it: the shared client, the caller's token source and the
/// context headers of their calls. Cheap to make; make one per caller and context.
pub struct Api<'a, C> {
    pub(crate) client: &'a MobprocClient,
    pub(crate) auth: &'a C,
    pub(crate) context: CallContext,
}

impl MobprocClient {
    /// The calls of the caller whose tokens `auth` gives, with `context`'s headers.
    pub fn api<'a, C: Credentials>(&'a self, auth: &'a C, context: CallContext) -> Api<'a, C> {
        Api {
            client: self,
            auth,
            context,
        }
    }
}

impl<C: Credentials> Api<'_, C> {
    /// The context headers these calls carry.
    pub fn context(&self) -> &CallContext {
        &self.context
    }

    /// GETs a resource under the API base and decodes it as `T`.
    async fn get<T, Q>(&self, segments: &[&str], query: &Q) -> Result<T, C::Error>
    where
        T: DeserializeOwned,
        Q: Serialize + ?Sized,
    {
        let url = self
            .client
            .endpoint(segments)
            .and_then(|url| with_query(url, query))
            .map_err(MobprocError::from)?;
        self.client
            .get_with(self.auth, &self.context, url, decode)
            .await
    }

    /// POSTs `body` to a resource under the API base and reads the answer with `read`.
    async fn post<B, T>(
        &self,
        segments: &[&str],
        query: &[(&str, &str)],
        body: &B,
        on_refused: OnRefusedToken,
        read: impl FnOnce(Answer) -> Result<T, ErrorKind>,
    ) -> Result<T, C::Error>
    where
        B: Serialize + ?Sized,
    {
        let url = self
            .client
            .endpoint(segments)
            .and_then(|url| with_query(url, query))
            .map_err(MobprocError::from)?;
        self.client
            .post_with(self.auth, &self.context, url, body, on_refused, read)
            .await
    }

    /// `GET /ping?echoText=`: liveness.
    pub async fn ping(&self, echo_text: &str) -> Result<Ping, C::Error> {
        self.get(&["ping"], &[("echoText", echo_text)]).await
    }

    /// `GET /me`: the authenticated user, the actor and what the actor may order.
    pub async fn me(&self) -> Result<Me, C::Error> {
        let response: MeResponse = self.get(&["me"], NONE).await?;
        Ok(response.me)
    }

    pub async fn employee(&self, id: &str) -> Result<Employee, C::Error> {
        self.get(&["employees", id], NONE).await
    }

    /// `GET /assets/services/{id}`: one line.
    pub async fn service_asset(&self, id: &str) -> Result<ServiceAsset, C::Error> {
        self.get(&["assets", "services", id], NONE).await
    }

    /// `POST /assets/services/{id}/move`: moves a line (and its charges) to another
    /// employee. Moving twice is harmless, so a refused token is renewed and it is resent.
    pub async fn move_service(
        &self,
        id: &str,
        request: &MoveServiceRequest,
    ) -> Result<ServiceAsset, C::Error> {
        let path = ["assets", "services", id, "move"];
        self.post(&path, NONE, request, OnRefusedToken::Resend, decode)
            .await
    }

    /// `GET /assets/devices/{id}`: a device in use, with its serial number.
    pub async fn device_asset(&self, id: &str) -> Result<DeviceAsset, C::Error> {
        self.get(&["assets", "devices", id], NONE).await
    }

    pub async fn catalog_device(&self, id: &str) -> Result<CatalogDevice, C::Error> {
        self.get(&["catalog", "devices", id], NONE).await
    }

    /// `GET /catalog/plans/{id}`: with the optional features and their prices.
    pub async fn catalog_plan(&self, id: &str) -> Result<Plan, C::Error> {
        self.get(&["catalog", "plans", id], NONE).await
    }

    pub async fn catalog_accessory(&self, id: &str) -> Result<Accessory, C::Error> {
        self.get(&["catalog", "accessories", id], NONE).await
    }

    /// `GET /regions/{id}`: with the address format and currency.
    pub async fn region(&self, id: &str) -> Result<Region, C::Error> {
        self.get(&["regions", id], NONE).await
    }

    /// `GET /vendors/{id}`: with the carrier's access method.
    pub async fn vendor(&self, id: &str) -> Result<Vendor, C::Error> {
        self.get(&["vendors", id], NONE).await
    }

    /// `GET /acknowledgements`: info blocks and the acknowledgements a transfer needs.
    pub async fn acknowledgements(
        &self,
        transaction_type: &TransactionType,
        vendor: Option<&str>,
    ) -> Result<Acknowledgements, C::Error> {
        let query = [
            ("transactionType", Some(transaction_type.as_str())),
            ("vendor", vendor),
        ];
        self.get(&["acknowledgements"], &query).await
    }

    /// `POST /orders?confirm=true`: prices and expands the order; nothing is ordered, so
    /// a refused token is renewed and it is sent again. A refusal of the order is
    /// [`super::ErrorKind::OrderRejected`] with its per-field errors.
    pub async fn confirm_order(
        &self,
        body: &OrderRequestBody,
    ) -> Result<OrderConfirmation, C::Error> {
        let confirm = [("confirm", "true")];
        let read = order_outcome::<ConfirmationResponse>;
        self.post(&["orders"], &confirm, body, OnRefusedToken::Resend, read)
            .await
    }

    /// `POST /orders`: places the order. Sent exactly once, never retried, not even after
    /// a 401: MOBPROC is not idempotent, so the caller looks for the order first.
    pub async fn submit_order(&self, body: &OrderRequestBody) -> Result<Order, C::Error> {
        let read = order_outcome::<OrderResponse>;
        self.post(&["orders"], NONE, body, OnRefusedToken::Answer, read)
            .await
    }

    /// `GET /orders/{id}`.
    pub async fn order(&self, id: &str) -> Result<Order, C::Error> {
        let url = self
            .client
            .endpoint(&["orders", id])
            .map_err(MobprocError::from)?;
        self.client
            .get_with(self.auth, &self.context, url, order_detail)
            .await
    }

    /// `GET /orders/{id}/history`, for one segment when `order_segment` is given.
    pub async fn order_history(
        &self,
        id: &str,
        order_segment: Option<&str>,
    ) -> Result<Listing<OrderHistoryEntry>, C::Error> {
        self.nested(&["orders", id, "history"], order_segment, "history")
            .await
    }

    /// `GET /orders/{id}/shipments`, for one segment when `order_segment` is given.
    pub async fn order_shipments(
        &self,
        id: &str,
        order_segment: Option<&str>,
    ) -> Result<Listing<Shipment>, C::Error> {
        self.nested(&["orders", id, "shipments"], order_segment, "shipments")
            .await
    }

    /// `POST /orders/{id}/approval`: approves or rejects; MOBPROC queues the decision. A
    /// refused token means nothing was decided, so it is renewed and the decision resent.
    pub async fn order_approval(
        &self,
        id: &str,
        request: &ApprovalRequest,
    ) -> Result<ApprovalResponse, C::Error> {
        let path = ["orders", id, "approval"];
        self.post(&path, NONE, request, OnRefusedToken::Resend, decode)
            .await
    }

    /// A collection under an order, one segment's or all of it.
    async fn nested<T: DeserializeOwned>(
        &self,
        segments: &[&str],
        order_segment: Option<&str>,
        envelope: &str,
    ) -> Result<Listing<T>, C::Error> {
        let url = self
            .client
            .endpoint(segments)
            .and_then(|url| with_query(url, &[("orderSegment", order_segment)]))
            .map_err(MobprocError::from)?;
        self.listing_at(url, envelope).await
    }
}
