use leptos::prelude::*;

use crate::{
    links,
    model::{cart::OrderTarget, catalog::PlaceSummary},
};

/// Where a new line will be used (and where its number comes from), with the way back
/// to the step that chose it, filled in.
#[component]
pub fn PlaceFacts(place: PlaceSummary, target: OrderTarget) -> impl IntoView {
    let step = links::place_step(target.order, target.service_id.as_deref());
    let mut pairs = links::place_pairs(&target);
    pairs.retain(|(name, _)| *name != "kind");
    let separator = if step.contains('?') { '&' } else { '?' };
    let query = links::query(&pairs);
    let change = match query.strip_prefix('?') {
        Some(rest) => format!("{step}{separator}{rest}"),
        None => step,
    };
    let used_in = match &place.postal_code {
        Some(postal_code) => format!("{}, {postal_code}", place.country),
        None => place.country.clone(),
    };
    view! {
        <div class="place-facts">
            <dl class="facts">
                <dt>"Used in"</dt>
                <dd>{used_in}</dd>
                {place.from.map(|from| view! { <dt>"Current carrier"</dt><dd>{from}</dd> })}
            </dl>
            <a href=change>"Change"<span class="visually-hidden">" where the line will be used"</span></a>
        </div>
    }
}
