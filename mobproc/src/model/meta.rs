//! `_meta`: links of an item and pagination of a collection (API.md §6).

use serde::{Deserialize, Serialize};

/// The `_meta` object. Items carry `href` and related links; collections add
/// `limit`, `offset`, `totalCount` and the navigation links, each present only
/// when it points at a page other than the current one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_previous: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_next: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_devices: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_services: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_children: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_history: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href_shipments: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_count: Option<u32>,
}

/// A paginated collection: `{"_meta":{…},"items":[…]}`, the value under the
/// collection's name (e.g. `{"devices":{…}}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    #[serde(rename = "_meta", default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// The link to the next page, if MOBPROC gave one.
    pub fn next_href(&self) -> Option<&str> {
        self.meta.as_ref().and_then(|m| m.href_next.as_deref())
    }
}

/// A collection that MOBPROC sends either paginated (`{"_meta","items"}`) or as a
/// bare array (the states example of API.md §6). Both are accepted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
// `allow`, not `expect`: the lint fires on 64-bit targets only, not in the WASM build.
#[allow(
    clippy::large_enum_variant,
    reason = "one per response, short-lived; boxing would change the variant the client matches on"
)]
pub enum Listing<T> {
    Paged(Page<T>),
    Bare(Vec<T>),
}

impl<T> Listing<T> {
    pub fn items(&self) -> &[T] {
        match self {
            Self::Paged(page) => &page.items,
            Self::Bare(items) => items,
        }
    }

    pub fn into_items(self) -> Vec<T> {
        match self {
            Self::Paged(page) => page.items,
            Self::Bare(items) => items,
        }
    }

    pub fn next_href(&self) -> Option<&str> {
        match self {
            Self::Paged(page) => page.next_href(),
            Self::Bare(_) => None,
        }
    }
}

// Not `#[serde(untagged)]` on the way in: serde's untagged buffering cannot read
// numbers under serde_json's `arbitrary_precision`, so the shape is picked by hand.
impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Listing<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(deserializer)?;
        if value.is_array() {
            serde_json::from_value(value)
                .map(Self::Bare)
                .map_err(D::Error::custom)
        } else {
            serde_json::from_value(value)
                .map(Self::Paged)
                .map_err(D::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_accepts_both_shapes() {
        let paged: Listing<String> = serde_json::from_str(
            r#"{"_meta":{"limit":2,"offset":0,"totalCount":3,"hrefNext":"n"},"items":["a","b"]}"#,
        )
        .unwrap();
        assert_eq!(paged.items(), ["a", "b"]);
        assert_eq!(paged.next_href(), Some("n"));
        let bare: Listing<String> = serde_json::from_str(r#"["c"]"#).unwrap();
        assert_eq!(bare.items(), ["c"]);
        assert_eq!(bare.next_href(), None);
    }
}
