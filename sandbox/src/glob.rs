//! The path patterns of fault rules and of the call journal's filter: `*` matches any
//! run of characters, `/` included; a pattern with a `?` is matched against path and
//! query, one without against the path alone.

/// Whether `pattern` matches a request's `path` (and `query`, when the pattern has a `?`).
pub fn target_matches(pattern: &str, path: &str, query: Option<&str>) -> bool {
    match query.filter(|_| pattern.contains('?')) {
        Some(query) => glob(pattern, &format!("{path}?{query}")),
        None => glob(pattern, path),
    }
}

/// Whether `pattern` (`*` = any run of characters) matches all of `text`.
pub fn glob(pattern: &str, text: &str) -> bool {
    let (pattern, text) = (pattern.as_bytes(), text.as_bytes());
    let (mut p, mut t) = (0, 0);
    // Where the last `*` was, and where in `text` it started matching.
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_targets() {
        assert!(glob("/mobproc/v1/orders*", "/mobproc/v1/orders"));
        assert!(glob(
            "/mobproc/v1/orders*",
            "/mobproc/v1/orders/8712001/history"
        ));
        assert!(glob("*/history", "/mobproc/v1/orders/1/history"));
        assert!(glob("/a/*/c*", "/a/b/c"));
        assert!(!glob("/mobproc/v1/orders", "/mobproc/v1/orders/1"));
        assert!(!glob("/a/*/d", "/a/b/c"));
        assert!(glob("*", ""));
    }

    #[test]
    fn the_query_counts_only_when_the_pattern_names_one() {
        let orders = "/mobproc/v1/orders";
        assert!(target_matches(
            "*?confirm=true",
            orders,
            Some("confirm=true")
        ));
        assert!(!target_matches("*?confirm=true", orders, None));
        assert!(target_matches(orders, orders, Some("confirm=true")));
        assert!(!target_matches("*confirm*", orders, Some("confirm=true")));
    }
}
