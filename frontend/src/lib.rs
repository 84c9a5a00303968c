//! The WASM entry: cargo-leptos builds this crate with `wasm-bindgen` and the
//! server's HTML calls `hydrate()` once the module has loaded.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
