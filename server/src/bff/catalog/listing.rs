//! One listing of an order's catalog (a line's, or that of where a new line will be
//! used): which calls to MOBPROC, and what the BFF adds.
//!
//! - Search (`q`), manufacturer and carrier (`vendor`) go to MOBPROC, which narrows the
//!   collection itself (the sandbox reads all three; API.md §7 documents `vendor`).
//! - Without a price range or a sort, the listing pages by MOBPROC's `_meta` links,
//!   carried in the page URL as tokens ([`page_token`]).
//! - With a price range or a sort, which MOBPROC does not offer, the BFF walks every page
//!   of the narrowed collection (by `hrefNext`, up to [`MAX_WALK_PAGES`] pages), keeps and
//!   orders the items itself and shows them all on one page, since doing it page by page
//!   would only sort each page. A cut-short walk says so.
//! - The filter's choices are the manufacturers and carriers of the order's whole
//!   catalog (walked the same way), so no choice leads to an empty page.
//! - Pages, walks and choices are kept per person and actor for a while
//!   (`bff::cache`): a warm view asks MOBPROC for nothing, whatever the catalog's size.

use std::sync::Arc;

use app::model::catalog::{CatalogFilter, Choice, Pager};
use mobproc::{client::ErrorKind, model::Listing};

use super::{items::Listed, present, refine::Refinement};
use crate::bff::{caller::Caller, error::BffError, paging};

/// Items per page when paging by MOBPROC's links.
const PAGE_SIZE: u32 = 10;
/// Items per request when walking a whole collection: fewer calls.
const WALK_PAGE_SIZE: u32 = 100;
/// A walk stops here; catalogs are far smaller, and a runaway chain of links must end.
const MAX_WALK_PAGES: usize = 10;

/// Query parameters of a collection call: name and value, `None` left out.
pub type Params<'a> = Vec<(&'a str, Option<&'a str>)>;

/// What one listing page shows, before its items are presented.
pub struct Fetched<T> {
    pub items: Vec<T>,
    pub summary: String,
    pub pager: Pager,
    pub manufacturers: Vec<Choice>,
    pub carriers: Vec<Choice>,
    pub notice: Option<String>,
}

/// The items of `T`'s collection for the order (`base`: its line or its place) that
/// `filter` asks for.
pub async fn fetch<T: Listed>(
    caller: &Caller,
    base: &Params<'_>,
    filter: &CatalogFilter,
) -> Result<Fetched<T>, BffError> {
    let line: Params = base.clone();
    let mut narrowed = line.clone();
    narrowed.extend([
        ("q", filter.q.as_deref()),
        (
            "manufacturer",
            filter
                .manufacturer
                .as_deref()
                .filter(|_| T::BY_MANUFACTURER),
        ),
        ("vendor", filter.vendor.as_deref()),
    ]);
    let refinement = Refinement::from_filter(filter);
    let shown = async {
        if refinement.is_active() {
            let (items, complete) = Arc::unwrap_or_clone(walk::<T>(caller, &narrowed).await?);
            Ok(refined(refinement.apply(items), complete))
        } else {
            paged::<T>(caller, &narrowed, filter.page.as_deref()).await
        }
    };
    let (choices, shown) = tokio::try_join!(choices::<T>(caller, &line), shown)?;
    let (manufacturers, carriers) = Arc::unwrap_or_clone(choices);
    Ok(Fetched {
        manufacturers,
        carriers,
        ..shown
    })
}

/// The manufacturers and carriers of the whole collection for the order, from a walk
/// whose items are not kept, only these.
async fn choices<T: Listed>(
    caller: &Caller,
    line: &Params<'_>,
) -> Result<Arc<(Vec<Choice>, Vec<Choice>)>, BffError> {
    let call = format!("choices of {:?} {line:?}", T::COLLECTION);
    let count = |(manufacturers, carriers): &(Vec<Choice>, Vec<Choice>)| {
        manufacturers.len() + carriers.len()
    };
    caller
        .kept_catalog(call, count, || async {
            let (items, _) = walk_now::<T>(caller, line).await?;
            Ok(present::choices(&items))
        })
        .await
}

/// A walked and refined listing: everything on one page.
fn refined<T: Listed>(items: Vec<T>, complete: bool) -> Fetched<T> {
    let notice = (!complete).then(|| {
        format!(
            "Only the first {} {} were sorted and filtered by price; search by name or filter by manufacturer or carrier to see the rest.",
            items.len(),
            T::MANY
        )
    });
    Fetched {
        summary: present::summary::<T>(items.len(), None),
        items,
        pager: Pager::default(),
        manufacturers: Vec::new(),
        carriers: Vec::new(),
        notice,
    }
}

/// One page: the one `token` stands for if it is this listing's, else the first.
async fn paged<T: Listed>(
    caller: &Caller,
    narrowed: &Params<'_>,
    token: Option<&str>,
) -> Result<Fetched<T>, BffError> {
    let collection = caller.bff().client().collection_url(&T::COLLECTION);
    let href = token.and_then(|t| paging::href(&collection, t, narrowed));
    let listing = match href {
        Some(href) => match page_at::<T>(caller, href.as_str()).await {
            // A token MOBPROC cannot read (edited by hand) shows the first page.
            Err(BffError::Mobproc(error)) if matches!(error.kind(), ErrorKind::BadRequest(_)) => {
                tracing::info!(%error, "page token refused");
                first_page::<T>(caller, narrowed).await?
            }
            page => page?,
        },
        None => first_page::<T>(caller, narrowed).await?,
    };
    let listing = Arc::unwrap_or_clone(listing);
    let meta = match &listing {
        Listing::Paged(page) => page.meta.clone(),
        Listing::Bare(_) => None,
    };
    let items = listing.into_items();
    Ok(Fetched {
        summary: present::summary::<T>(items.len(), meta.as_ref().and_then(|m| m.total_count)),
        pager: paging::pager(meta.as_ref()),
        items,
        manufacturers: Vec::new(),
        carriers: Vec::new(),
        notice: None,
    })
}

async fn first_page<T: Listed>(
    caller: &Caller,
    narrowed: &Params<'_>,
) -> Result<Arc<Listing<T>>, BffError> {
    let limit = PAGE_SIZE.to_string();
    let mut query = narrowed.clone();
    query.push(("limit", Some(&limit)));
    let call = format!("page of {:?} {query:?}", T::COLLECTION);
    caller
        .kept_catalog(
            call,
            |page: &Listing<T>| page.items().len(),
            || async { caller.api().page(&T::COLLECTION, &query).await },
        )
        .await
}

/// The page a link of MOBPROC's names.
async fn page_at<T: Listed>(caller: &Caller, href: &str) -> Result<Arc<Listing<T>>, BffError> {
    let call = format!("page of {:?} at {href}", T::COLLECTION);
    caller
        .kept_catalog(
            call,
            |page: &Listing<T>| page.items().len(),
            || async { caller.api().page_at(&T::COLLECTION, href).await },
        )
        .await
}

/// Every item of the collection, by `hrefNext`; `false` when the walk was cut short.
pub async fn walk<T: Listed>(
    caller: &Caller,
    params: &Params<'_>,
) -> Result<Arc<(Vec<T>, bool)>, BffError> {
    let call = format!("walk of {:?} {params:?}", T::COLLECTION);
    caller
        .kept_catalog(
            call,
            |walked: &(Vec<T>, bool)| walked.0.len(),
            || walk_now::<T>(caller, params),
        )
        .await
}

/// [`walk`] asking MOBPROC now.
async fn walk_now<T: Listed>(
    caller: &Caller,
    params: &Params<'_>,
) -> Result<(Vec<T>, bool), BffError> {
    let limit = WALK_PAGE_SIZE.to_string();
    let mut query = params.clone();
    query.push(("limit", Some(&limit)));
    let walked = caller
        .api()
        .walk(&T::COLLECTION, &query, MAX_WALK_PAGES)
        .await?;
    Ok((walked.items, walked.complete))
}
