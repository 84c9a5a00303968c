//! The site's stylesheet link. Its name carries its content's hash (cargo-leptos'
//! hash-files), so browsers keep it as long as it is unchanged; the hash is read from
//! the build's hash file once per process, not on every page as Leptos'
//! `HashedStylesheet` does.

use std::sync::OnceLock;

use leptos::prelude::*;

static HREF: OnceLock<String> = OnceLock::new();

#[component]
pub fn SiteStylesheet(options: LeptosOptions) -> impl IntoView {
    view! { <link id="leptos" rel="stylesheet" href=href(&options)/> }
}

/// The stylesheet's path, e.g. `/pkg/storefront.<hash>.css`, read on first use.
pub fn href(options: &LeptosOptions) -> &'static str {
    HREF.get_or_init(|| format!("/{}/{}", options.site_pkg_dir, file_name(options)))
}

/// The path [`href`] found, for pages made without the options at hand.
pub fn known_href() -> &'static str {
    HREF.get().map_or("/pkg/storefront.css", String::as_str)
}

/// The stylesheet's file name, with the hash cargo-leptos wrote beside the server
/// binary when it hashed the names (read where Leptos itself reads it).
fn file_name(options: &LeptosOptions) -> String {
    let hash = options
        .hash_files
        .then(|| {
            let exe = std::env::current_exe().ok()?;
            std::fs::read_to_string(exe.parent()?.join(&*options.hash_file)).ok()
        })
        .flatten()
        .and_then(|hashes| css_hash(&hashes));
    match hash {
        Some(hash) => format!("{}.{hash}.css", options.output_name),
        None => format!("{}.css", options.output_name),
    }
}

/// The `css:` line of a hash file.
fn css_hash(hashes: &str) -> Option<String> {
    hashes.lines().find_map(|line| {
        let (file, hash) = line.split_once(':')?;
        (file.trim() == "css").then(|| hash.trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::css_hash;

    #[test]
    fn the_css_hash_is_read_from_its_line() {
        let hashes = "js: abc\nwasm: def\ncss: 0Fz-_\n";
        assert_eq!(css_hash(hashes).as_deref(), Some("0Fz-_"));
        assert_eq!(css_hash("js: abc"), None);
    }
}
