//! `GET /ping`: liveness, echoing `echoText`.

use axum::Json;
use mobproc::model::Ping;

use crate::auth::ApiCaller;
use crate::pagination::Params;

pub async fn ping(_caller: ApiCaller, params: Params) -> Json<Ping> {
    Json(Ping {
        echo_text: params.get("echoText").map(str::to_owned),
    })
}
