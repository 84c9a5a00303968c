//! Where to send someone after sign-in: only ever a path on this site.

/// Only local paths are followed after sign-in, so the page cannot be used to send
/// people to another site.
pub fn local_return_path(candidate: Option<String>) -> String {
    match candidate {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_return_path;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(local_return_path(Some("/cart?x=1".into())), "/cart?x=1");
        assert_eq!(local_return_path(Some("//evil.example/".into())), "/");
        assert_eq!(local_return_path(Some("https://evil.example/".into())), "/");
        assert_eq!(local_return_path(Some("/\\evil.example".into())), "/");
        assert_eq!(local_return_path(Some("/a\nb".into())), "/");
        assert_eq!(local_return_path(None), "/");
    }
}
