//! The line a catalog page is for: its number for the title, and its device, whose
//! network decides which plans need a new device.

use app::model::catalog::LineSummary;
use mobproc::model::{AccessMethod, ServiceAsset};

use crate::bff::{error::BffError, present, request::RequestScope, Bff};

pub struct LineFacts {
    pub summary: LineSummary,
    service: ServiceAsset,
}

/// The line, if the person may see it (MOBPROC answers 404 otherwise).
pub async fn fetch(
    bff: &Bff,
    scope: &RequestScope,
    service_id: &str,
) -> Result<LineFacts, BffError> {
    let client = bff.client();
    let service = bff
        .call(scope, |token, context| async move {
            client.service_asset(&token, &context, service_id).await
        })
        .await?;
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
    pub async fn device_network(
        &self,
        bff: &Bff,
        scope: &RequestScope,
    ) -> Result<Option<AccessMethod>, BffError> {
        let Some(device) = self.service.device.as_ref() else {
            return Ok(None);
        };
        if let Some(method) = device.access_method.clone() {
            return Ok(Some(method));
        }
        let client = bff.client();
        let id = device.id.as_str();
        let asset = bff
            .call(scope, |token, context| async move {
                client.device_asset(&token, &context, id).await
            })
            .await?;
        Ok(asset.access_method)
    }
}
