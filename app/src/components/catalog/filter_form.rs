use leptos::prelude::*;
use leptos_router::components::Form;

use crate::{
    catalog_query::query_string,
    components::pending::PendingScope,
    model::catalog::{CatalogFilter, Choice, SortOrder},
};

/// Search, filters and sort as a plain GET form: the filter lives in the page URL, so
/// it works without JavaScript, can be shared, and the back button undoes it. A new
/// search starts at the first page, so the page token is not part of the form.
#[component]
pub fn CatalogFilterForm(
    filter: CatalogFilter,
    #[prop(into)] path: String,
    /// Hidden fields that say which listing this is, e.g. `view=plans`.
    hidden: Vec<(&'static str, String)>,
    manufacturers: Vec<Choice>,
    carriers: Vec<Choice>,
) -> impl IntoView {
    let clear = format!("{path}{}", query_string(&hidden, &CatalogFilter::default()));
    let hidden = hidden
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect::<Vec<_>>();
    let sort = filter.sort;
    let sorts = SortOrder::ALL
        .iter()
        .copied()
        .map(|option| {
            view! {
                <option value=option.as_str() selected=option == sort>{option.label()}</option>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="catalog-filter" role="search">
            <PendingScope busy="Searching…".to_string()>
            <Form method="get" action=path>
                {hidden}
                <div class="field search-field">
                    <label for="catalog-q">"Search by name"</label>
                    <input
                        id="catalog-q"
                        name="q"
                        type="search"
                        value=filter.q.clone().unwrap_or_default()
                    />
                </div>
                <ChoiceField
                    id="catalog-manufacturer"
                    name="manufacturer"
                    label="Manufacturer"
                    any="Any manufacturer"
                    choices=manufacturers
                    selected=filter.manufacturer.clone()
                />
                <ChoiceField
                    id="catalog-vendor"
                    name="vendor"
                    label="Carrier"
                    any="Any carrier"
                    choices=carriers
                    selected=filter.vendor.clone()
                />
                <fieldset class="price-range">
                    <legend>"Price"</legend>
                    <label for="catalog-min-price">"From $"</label>
                    <input
                        id="catalog-min-price"
                        name="min_price"
                        type="number"
                        min="0"
                        step="0.01"
                        inputmode="decimal"
                        value=filter.min_price.clone().unwrap_or_default()
                    />
                    <label for="catalog-max-price">"to $"</label>
                    <input
                        id="catalog-max-price"
                        name="max_price"
                        type="number"
                        min="0"
                        step="0.01"
                        inputmode="decimal"
                        value=filter.max_price.clone().unwrap_or_default()
                    />
                </fieldset>
                <div class="field">
                    <label for="catalog-sort">"Sort by"</label>
                    <select id="catalog-sort" name="sort">{sorts}</select>
                </div>
                <div class="filter-actions">
                    <button type="submit">"Search"</button>
                    <a href=clear>"Clear filters"</a>
                </div>
            </Form>
            </PendingScope>
        </div>
    }
}

/// A drop-down of `choices` with an "any" option; left out when the listing has
/// nothing to choose from. A value from the URL that is not among the choices is kept
/// as its own option, so the form shows what the page was asked for.
#[component]
fn ChoiceField(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    any: &'static str,
    mut choices: Vec<Choice>,
    selected: Option<String>,
) -> impl IntoView {
    let offered = !choices.is_empty();
    if let Some(value) = selected.as_ref().filter(|_| offered) {
        if !choices.iter().any(|c| &c.value == value) {
            choices.push(Choice {
                value: value.clone(),
                label: value.clone(),
            });
        }
    }
    offered.then(|| {
        let options = choices
            .into_iter()
            .map(|choice| {
                let is_selected = selected.as_ref() == Some(&choice.value);
                view! { <option value=choice.value selected=is_selected>{choice.label}</option> }
            })
            .collect::<Vec<_>>();
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id name=name>
                    <option value="" selected=selected.is_none()>{any}</option>
                    {options}
                </select>
            </div>
        }
    })
}
