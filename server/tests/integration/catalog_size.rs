//! A catalog of 10,000 accessories for one line: a page view asks MOBPROC for one page
//! of ten, whatever the catalog's size; the filter's choices come from one capped walk,
//! kept for the cache period, never from a walk per view.

use crate::support;

use sandbox::journal::CallFilter;
use support::{ordering::LINE, start_set_up, Harness, Setup};

const ACCESSORIES: usize = 10_000;

async fn catalog_of_10_000() -> Harness {
    start_set_up(
        sandbox::Config {
            synthetic_accessories: ACCESSORIES,
            ..sandbox::Config::ephemeral()
        },
        Setup::default(),
    )
    .await
}

/// The `limit` of each `/catalog/accessories` call since the journal was last cleared.
fn accessory_calls(harness: &Harness) -> Vec<String> {
    harness
        .mobproc_calls(&CallFilter::default().path("/mobproc/v1/catalog/accessories*"))
        .into_iter()
        .map(|call| {
            let query = call.query.unwrap_or_default();
            url::form_urlencoded::parse(query.as_bytes())
                .find(|(name, _)| name == "limit")
                .map(|(_, limit)| limit.into_owned())
                .unwrap_or_default()
        })
        .collect()
}

/// The `href` of the link whose text is `label`.
fn link(html: &str, label: &str) -> Option<String> {
    let end = html.find(&format!(">{label}</a>"))?;
    let start = html[..end].rfind("href=\"")? + "href=\"".len();
    let href = &html[start..];
    Some(href[..href.find('"')?].replace("&amp;", "&"))
}

#[tokio::test]
async fn a_view_of_a_10_000_item_catalog_asks_for_one_page() {
    let harness = catalog_of_10_000().await;
    let peter = harness.peter().await;
    let page = format!("/lines/{LINE}/accessories");

    harness.forget_mobproc_calls();
    let first = harness.page(&peter, &page).await;
    let calls = accessory_calls(&harness);
    let pages: Vec<_> = calls.iter().filter(|limit| *limit == "10").collect();
    let walked: Vec<_> = calls.iter().filter(|limit| *limit == "100").collect();
    assert_eq!(pages.len(), 1, "one page of ten: {calls:?}");
    assert!(
        (1..=10).contains(&walked.len()) && walked.len() + pages.len() == calls.len(),
        "the choices from one walk of at most ten pages of 100: {calls:?}"
    );
    let total: usize = first
        .split("Showing 10 of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("Showing 10 of N accessories");
    assert!(total > ACCESSORIES, "MOBPROC's total: {total}");

    // The next page, another view of the first and a filtered view each ask for one
    // page; the choices are known already.
    let next = link(&first, "Next page").expect("a next page");
    for path in [
        next,
        page.clone(),
        format!("{page}?q=Case"),
        format!("{page}?q=Headset&manufacturer=LG"),
    ] {
        harness.forget_mobproc_calls();
        harness.page(&peter, &path).await;
        let calls = accessory_calls(&harness);
        assert!(
            calls.len() <= 1 && calls.iter().all(|limit| limit == "10"),
            "{path}: {calls:?}"
        );
    }
}
