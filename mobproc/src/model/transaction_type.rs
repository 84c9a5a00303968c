//! The twelve kinds of order (API.md §10).

crate::open_enum! {
    /// What an order does; also lists what `/me` and an asset's `orderActions` allow.
    pub enum TransactionType {
        NewActivation = "NEW_ACTIVATION",
        Upgrade = "UPGRADE",
        PortNumber = "PORT_NUMBER",
        OrderAccessories = "ORDER_ACCESSORIES",
        Suspend = "SUSPEND",
        Unsuspend = "UNSUSPEND",
        Deactivate = "DEACTIVATE",
        UpdateFeatures = "UPDATE_FEATURES",
        SwapDevices = "SWAP_DEVICES",
        XferServiceOut = "XFER_SERVICE_OUT",
        XferServiceIn = "XFER_SERVICE_IN",
        XferServiceInAndPort = "XFER_SERVICE_IN_AND_PORT",
    }
}
