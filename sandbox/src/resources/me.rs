//! `GET /me` (API.md §4's shape): who is signed in, the actor, what the actor may
//! order, and the signed-in user's own permissions.

use axum::extract::State;
use axum::Json;
use mobproc::model::{Me, MeResponse};

use crate::auth::ApiCaller;
use crate::links::Links;
use crate::present::Presenter;
use crate::state::SandboxState;

pub async fn me(
    State(state): State<SandboxState>,
    caller: ApiCaller,
    links: Links,
) -> Json<MeResponse> {
    let seed = state.seed();
    let present = Presenter::new(seed, &links);
    Json(MeResponse {
        me: Me {
            authenticated_user: present.employee(&caller.user),
            actor: present.employee(&caller.actor),
            transaction_types: seed.transaction_types_of(&caller.actor),
            is_approver: caller.user.is_approver,
            can_move_service: caller.user.can_move_service,
            can_act_for_others: caller.user.admin,
        },
    })
}
