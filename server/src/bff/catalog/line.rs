//! The line a catalog page is for: its number for the title, and its device, whose
//! network decides which plans need a new device. A page is shown only for an order the
//! actor may place for the line, as the line's card would offer it.

use app::{error::AppError, model::catalog::LineSummary};
use mobproc::model::{AccessMethod, ServiceAsset};

use crate::bff::{caller::Caller, error::BffError, present, transactions::Transaction};

pub struct LineFacts {
    pub summary: LineSummary,
    service: ServiceAsset,
}

/// The line, if the person may see it (MOBPROC answers 404 otherwise) and may order
/// `transaction` for it (403 otherwise).
pub async fn fetch(
    caller: &Caller,
    service_id: &str,
    transaction: &Transaction,
) -> Result<LineFacts, BffError> {
    let api = caller.api();
    let (permissions, service) =
        tokio::try_join!(caller.actor_permissions(), api.service_asset(service_id),)?;
    if !transaction.allowed(
        &permissions.transaction_types,
        service.order_actions.as_deref(),
    ) {
        return Err(BffError::User(AppError::Forbidden));
    }
    // The same number and device name as "My lines" shows.
    let line = present::line(service.clone(), &[]);
    Ok(LineFacts {
        summary: LineSummary {
            service_id: line.service_id,
            number: line.number,
            device_name: line.device_name,
        },
        service,
    })
}

impl LineFacts {
    /// The network of the line's device: from the line, else from the device asset.
    pub async fn device_network(&self, caller: &Caller) -> Result<Option<AccessMethod>, BffError> {
        let Some(device) = self.service.device.as_ref() else {
            return Ok(None);
        };
        if let Some(method) = device.access_method.clone() {
            return Ok(Some(method));
        }
        let asset = caller.api().device_asset(&device.id).await?;
        Ok(asset.access_method)
    }
}
