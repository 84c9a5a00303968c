//! The lists of orders: the actor's own (My orders), those the signed-in person placed
//! for others, and those waiting for their approval. MOBPROC lists orders newest first
//! and pages them by its `_meta` links, which the pager follows; the status filter picks
//! from each page what it shows.

use app::model::{
    catalog::Pager,
    order::{OrderList, OrdersQuery, OrdersScope, StatusFilter},
};
use mobproc::{
    client::{collection, ErrorKind, OrderQuery},
    model::{Listing, Order},
};

use super::present;
use crate::bff::{caller::Caller, error::BffError, paging};

/// Orders per MOBPROC page.
const PAGE_SIZE: u32 = 20;
/// Orders placed for others are found among the company's newest orders, this many
/// pages of them at most.
const MAX_SEARCHED_PAGES: usize = 10;

/// A page of the list `query` asks for.
pub async fn orders(caller: &Caller, query: &OrdersQuery) -> Result<OrderList, BffError> {
    let party = caller.party();
    let offers_placed_for_others =
        party.acting.is_none() && caller.own_permissions().await?.can_act_for_others;
    let mut list = match query.scope {
        OrdersScope::PlacedForOthers if offers_placed_for_others => {
            placed_for_others(caller, query.status).await?
        }
        _ => {
            let actor = party.actor_id.as_str();
            let filter = [("employee", Some(actor))];
            paged(caller, &filter, query.page.as_deref(), query.status, actor).await?
        }
    };
    list.offers_placed_for_others = offers_placed_for_others;
    Ok(list)
}

/// The orders waiting for the signed-in person's approval. Anyone else is refused
/// before MOBPROC is asked.
pub async fn approvals(caller: &Caller, page: Option<&str>) -> Result<OrderList, BffError> {
    super::may_approve(caller).await?;
    let me = caller.party().user_id.as_str();
    let filter = [("eligibleToApproveEmployeeId", Some(me))];
    paged(caller, &filter, page, StatusFilter::All, me).await
}

/// One MOBPROC page of the orders `filter` narrows to, by the token `page` stands for.
async fn paged(
    caller: &Caller,
    filter: &[(&str, Option<&str>)],
    page: Option<&str>,
    status: StatusFilter,
    viewer: &str,
) -> Result<OrderList, BffError> {
    let collection = caller.bff().client().collection_url(&collection::ORDERS);
    let href = page.and_then(|token| paging::href(&collection, token, filter));
    let listing = match href {
        Some(href) => match caller
            .api()
            .page_at(&collection::ORDERS, href.as_str())
            .await
        {
            // A token MOBPROC cannot read (edited by hand) shows the first page.
            Err(BffError::Mobproc(error)) if matches!(error.kind(), ErrorKind::BadRequest(_)) => {
                first_page(caller, filter).await?
            }
            page => page?,
        },
        None => first_page(caller, filter).await?,
    };
    let meta = match &listing {
        Listing::Paged(page) => page.meta.clone(),
        Listing::Bare(_) => None,
    };
    let rows = listing
        .into_items()
        .iter()
        .filter(|order| shown(order, status))
        .map(|order| present::row(order, viewer))
        .collect();
    Ok(OrderList {
        rows,
        pager: paging::pager(meta.as_ref()),
        offers_placed_for_others: false,
        notice: None,
    })
}

async fn first_page(
    caller: &Caller,
    filter: &[(&str, Option<&str>)],
) -> Result<Listing<Order>, BffError> {
    let limit = PAGE_SIZE.to_string();
    let mut query: Vec<(&str, Option<&str>)> = filter.to_vec();
    query.push(("limit", Some(&limit)));
    caller.api().page(&collection::ORDERS, &query).await
}

/// The orders the signed-in person placed for someone else. MOBPROC cannot narrow its
/// list by requester, so the newest of the orders they may see are searched, and all
/// found are shown on one page.
async fn placed_for_others(caller: &Caller, status: StatusFilter) -> Result<OrderList, BffError> {
    let me = caller.party().user_id.as_str();
    let query = OrderQuery {
        limit: Some(100),
        ..OrderQuery::default()
    };
    let walked = caller
        .api_as_user()
        .walk(&collection::ORDERS, &query, MAX_SEARCHED_PAGES)
        .await?;
    let placed = |order: &&Order| {
        order.requested_by.as_ref().is_some_and(|e| e.id == me)
            && order.account_holder.as_ref().is_some_and(|e| e.id != me)
    };
    let rows = walked
        .items
        .iter()
        .filter(placed)
        .filter(|order| shown(order, status))
        .map(|order| present::row(order, me))
        .collect();
    Ok(OrderList {
        rows,
        pager: Pager::default(),
        offers_placed_for_others: true,
        notice: (!walked.complete).then(|| {
            "Only the company's newest orders were searched; older ones are not shown.".into()
        }),
    })
}

fn shown(order: &Order, status: StatusFilter) -> bool {
    match status {
        StatusFilter::All => true,
        StatusFilter::Open => !present::is_finished(&order.status),
        StatusFilter::Completed => present::is_finished(&order.status),
    }
}
