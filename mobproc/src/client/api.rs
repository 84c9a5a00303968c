//! Typed calls for the resources of API.md §7. Lists return one page (`Listing`); pass
//! its `next_href()` to [`MobprocClient::list_page`] with the matching [`envelope`] name,
//! or use [`MobprocClient::list_all`] for every item.

use oauth2::AccessToken;

use super::context::CallContext;
use super::envelope;
use super::error::MobprocError;
use super::orders::{order_detail, order_outcome};
use super::params::{
    with_query, AssetQuery, CatalogQuery, EmployeeQuery, OrderQuery, PropertiesQuery, VendorQuery,
};
use super::transport::decode;
use super::MobprocClient;
use crate::model::{
    Accessory, Acknowledgements, ApprovalRequest, ApprovalResponse, CatalogDevice,
    ConfirmationResponse, DeviceAsset, Employee, Feature, Listing, Me, MeResponse,
    MoveServiceRequest, Order, OrderConfirmation, OrderHistoryEntry, OrderRequestBody,
    OrderResponse, Ping, Plan, PropertyGroup, Region, ServiceAsset, Shipment, TransactionType,
    Vendor,
};

/// No query parameters.
const NONE: &[(&str, &str)] = &[];

impl MobprocClient {
    /// `GET /ping?echoText=`: liveness.
    pub async fn ping(
        &self,
        token: &AccessToken,
        context: &CallContext,
        echo_text: &str,
    ) -> Result<Ping, MobprocError> {
        self.get(token, context, &["ping"], &[("echoText", echo_text)])
            .await
    }

    /// `GET /me`: the authenticated user, the actor and what the actor may order.
    pub async fn me(&self, token: &AccessToken, context: &CallContext) -> Result<Me, MobprocError> {
        let response: MeResponse = self.get(token, context, &["me"], NONE).await?;
        Ok(response.me)
    }

    pub async fn employees(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &EmployeeQuery,
    ) -> Result<Listing<Employee>, MobprocError> {
        self.list(token, context, &["employees"], query, envelope::EMPLOYEES)
            .await
    }

    pub async fn employee(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<Employee, MobprocError> {
        self.get(token, context, &["employees", id], NONE).await
    }

    /// `GET /assets/services`: lines.
    pub async fn service_assets(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &AssetQuery,
    ) -> Result<Listing<ServiceAsset>, MobprocError> {
        let path = ["assets", "services"];
        self.list(token, context, &path, query, envelope::SERVICES)
            .await
    }

    pub async fn service_asset(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<ServiceAsset, MobprocError> {
        self.get(token, context, &["assets", "services", id], NONE)
            .await
    }

    /// `POST /assets/services/{id}/move`: moves a line (and its charges) to another employee.
    pub async fn move_service(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
        request: &MoveServiceRequest,
    ) -> Result<ServiceAsset, MobprocError> {
        let url = self.endpoint(&["assets", "services", id, "move"])?;
        self.post_with(token, context, url, request, decode).await
    }

    /// `GET /assets/devices`: devices in use.
    pub async fn device_assets(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &AssetQuery,
    ) -> Result<Listing<DeviceAsset>, MobprocError> {
        let path = ["assets", "devices"];
        self.list(token, context, &path, query, envelope::DEVICES)
            .await
    }

    pub async fn device_asset(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<DeviceAsset, MobprocError> {
        self.get(token, context, &["assets", "devices", id], NONE)
            .await
    }

    /// `GET /catalog/devices`: the actor's orderable devices.
    pub async fn catalog_devices(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &CatalogQuery,
    ) -> Result<Listing<CatalogDevice>, MobprocError> {
        let path = ["catalog", "devices"];
        self.list(token, context, &path, query, envelope::DEVICES)
            .await
    }

    pub async fn catalog_device(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<CatalogDevice, MobprocError> {
        self.get(token, context, &["catalog", "devices", id], NONE)
            .await
    }

    pub async fn catalog_plans(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &CatalogQuery,
    ) -> Result<Listing<Plan>, MobprocError> {
        let path = ["catalog", "plans"];
        self.list(token, context, &path, query, envelope::PLANS)
            .await
    }

    /// `GET /catalog/plans/{id}`: with the optional features and their prices.
    pub async fn catalog_plan(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<Plan, MobprocError> {
        self.get(token, context, &["catalog", "plans", id], NONE)
            .await
    }

    /// `GET /catalog/features?plan=`.
    pub async fn catalog_features(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &CatalogQuery,
    ) -> Result<Listing<Feature>, MobprocError> {
        let path = ["catalog", "features"];
        self.list(token, context, &path, query, envelope::FEATURES)
            .await
    }

    /// `GET /catalog/accessories`; pass `service` to get only what fits that line's device.
    pub async fn catalog_accessories(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &CatalogQuery,
    ) -> Result<Listing<Accessory>, MobprocError> {
        let path = ["catalog", "accessories"];
        self.list(token, context, &path, query, envelope::ACCESSORIES)
            .await
    }

    pub async fn catalog_accessory(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<Accessory, MobprocError> {
        self.get(token, context, &["catalog", "accessories", id], NONE)
            .await
    }

    /// `GET /regions`: countries, or with `parent_region` the states of a country.
    pub async fn regions(
        &self,
        token: &AccessToken,
        context: &CallContext,
        parent_region: Option<&str>,
    ) -> Result<Listing<Region>, MobprocError> {
        let query = [("parentRegion", parent_region)];
        self.list(token, context, &["regions"], &query, envelope::REGIONS)
            .await
    }

    /// `GET /regions/{id}`: with the address format and currency.
    pub async fn region(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<Region, MobprocError> {
        self.get(token, context, &["regions", id], NONE).await
    }

    /// The states or provinces of a country (`GET /regions?parentRegion={id}`).
    pub async fn region_children(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<Listing<Region>, MobprocError> {
        self.regions(token, context, Some(id)).await
    }

    pub async fn vendors(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &VendorQuery,
    ) -> Result<Listing<Vendor>, MobprocError> {
        self.list(token, context, &["vendors"], query, envelope::VENDORS)
            .await
    }

    pub async fn vendor(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<Vendor, MobprocError> {
        self.get(token, context, &["vendors", id], NONE).await
    }

    /// `GET /orders/properties`: the extra fields the vendor needs (API.md §9).
    pub async fn order_properties(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &PropertiesQuery,
    ) -> Result<Listing<PropertyGroup>, MobprocError> {
        let path = ["orders", "properties"];
        self.list(token, context, &path, query, envelope::PROPERTIES)
            .await
    }

    /// `GET /acknowledgements`: info blocks and the acknowledgements a transfer needs.
    pub async fn acknowledgements(
        &self,
        token: &AccessToken,
        context: &CallContext,
        transaction_type: &TransactionType,
        vendor: Option<&str>,
    ) -> Result<Acknowledgements, MobprocError> {
        let query = [
            ("transactionType", Some(transaction_type.as_str())),
            ("vendor", vendor),
        ];
        self.get(token, context, &["acknowledgements"], &query)
            .await
    }

    /// `POST /orders?confirm=true`: prices and expands the order; nothing is ordered.
    /// A refusal is [`super::ErrorKind::OrderRejected`] with its per-field errors.
    pub async fn confirm_order(
        &self,
        token: &AccessToken,
        context: &CallContext,
        body: &OrderRequestBody,
    ) -> Result<OrderConfirmation, MobprocError> {
        let url = self.endpoint(&["orders"])?;
        let url = with_query(url, &[("confirm", "true")])?;
        self.post_with(
            token,
            context,
            url,
            body,
            order_outcome::<ConfirmationResponse>,
        )
        .await
    }

    /// `POST /orders`: places the order. Sent exactly once, never retried: MOBPROC is not
    /// idempotent, and a second attempt could place a second order.
    pub async fn submit_order(
        &self,
        token: &AccessToken,
        context: &CallContext,
        body: &OrderRequestBody,
    ) -> Result<Order, MobprocError> {
        let url = self.endpoint(&["orders"])?;
        self.post_with(token, context, url, body, order_outcome::<OrderResponse>)
            .await
    }

    pub async fn orders(
        &self,
        token: &AccessToken,
        context: &CallContext,
        query: &OrderQuery,
    ) -> Result<Listing<Order>, MobprocError> {
        self.list(token, context, &["orders"], query, envelope::ORDERS)
            .await
    }

    pub async fn order(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
    ) -> Result<Order, MobprocError> {
        let url = self.endpoint(&["orders", id])?;
        self.get_with(token, context, url, order_detail).await
    }

    /// `GET /orders/{id}/history`, for one segment when `order_segment` is given.
    pub async fn order_history(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
        order_segment: Option<&str>,
    ) -> Result<Listing<OrderHistoryEntry>, MobprocError> {
        let path = ["orders", id, "history"];
        let query = [("orderSegment", order_segment)];
        self.list(token, context, &path, &query, envelope::HISTORY)
            .await
    }

    /// `GET /orders/{id}/shipments`, for one segment when `order_segment` is given.
    pub async fn order_shipments(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
        order_segment: Option<&str>,
    ) -> Result<Listing<Shipment>, MobprocError> {
        let path = ["orders", id, "shipments"];
        let query = [("orderSegment", order_segment)];
        self.list(token, context, &path, &query, envelope::SHIPMENTS)
            .await
    }

    /// `POST /orders/{id}/approval`: approves or rejects; MOBPROC queues the decision.
    pub async fn order_approval(
        &self,
        token: &AccessToken,
        context: &CallContext,
        id: &str,
        request: &ApprovalRequest,
    ) -> Result<ApprovalResponse, MobprocError> {
        let url = self.endpoint(&["orders", id, "approval"])?;
        self.post_with(token, context, url, request, decode).await
    }
}
