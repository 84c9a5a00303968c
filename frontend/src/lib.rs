//! The WASM entry: cargo-leptos builds this crate with `wasm-bindgen`, and the
//! server's islands script calls `hydrate()` and then each `#[island]` of the page.

// The islands are exported by the `app` crate; naming it links them in.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
