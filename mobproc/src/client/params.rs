//! Query parameters: a typed struct per resource family (API.md §7), and their encoding.
//!
//! Unset fields are left out. The generic calls also take any slice of pairs, e.g.
//! `&[("parentRegion", Some(id))]`.

use serde::Serialize;
use serde_json::Value;
use url::Url;

use super::error::ErrorKind;
use crate::model::TransactionType;

/// `GET /employees`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmployeeQuery {
    pub employee: Option<String>,
    pub company_employee_id: Option<String>,
    pub date_time_updated_on_or_after: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// `GET /assets/services` and `/assets/devices`; the `include*` flags are read by devices.
/// `employee` / `companyEmployeeId` filter within the user's rights; they do not change
/// the actor (API.md §4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssetQuery {
    pub employee: Option<String>,
    pub company_employee_id: Option<String>,
    pub include_service_details: Option<bool>,
    pub include_upgrade_eligible_date: Option<bool>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// The catalog. Devices read service, regionId, postalCode, vendor; plans also device;
/// features read plan; accessories read service (only what fits that line's device),
/// device and compatibleWithDeviceAssetId.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogQuery {
    pub service: Option<String>,
    pub region_id: Option<String>,
    pub postal_code: Option<String>,
    pub vendor: Option<String>,
    pub device: Option<String>,
    pub plan: Option<String>,
    pub compatible_with_device_asset_id: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// `GET /vendors`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VendorQuery {
    #[serde(rename = "type")]
    pub vendor_type: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// `GET /orders`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderQuery {
    pub employee: Option<String>,
    pub company_employee_id: Option<String>,
    pub eligible_to_approve_employee_id: Option<String>,
    pub date_time_updated: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}

/// `GET /orders/properties`: a transaction type and either the vendor or the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertiesQuery {
    pub transaction_type: TransactionType,
    pub vendor: Option<String>,
    pub service: Option<String>,
    pub order_excludes_device: Option<bool>,
    pub order_excludes_plan: Option<bool>,
}

impl PropertiesQuery {
    pub fn for_vendor(transaction_type: TransactionType, vendor: impl Into<String>) -> Self {
        Self {
            vendor: Some(vendor.into()),
            ..Self::bare(transaction_type)
        }
    }

    pub fn for_service(transaction_type: TransactionType, service: impl Into<String>) -> Self {
        Self {
            service: Some(service.into()),
            ..Self::bare(transaction_type)
        }
    }

    fn bare(transaction_type: TransactionType) -> Self {
        Self {
            transaction_type,
            vendor: None,
            service: None,
            order_excludes_device: None,
            order_excludes_plan: None,
        }
    }
}

/// `url` with `query` appended: a struct's fields or a slice's pairs, skipping `None`s.
pub(crate) fn with_query<Q: Serialize + ?Sized>(mut url: Url, query: &Q) -> Result<Url, ErrorKind> {
    let pairs: Vec<(String, Value)> =
        match serde_json::to_value(query).map_err(ErrorKind::Encode)? {
            Value::Null => Vec::new(),
            Value::Object(fields) => fields.into_iter().collect(),
            Value::Array(items) => items.into_iter().map(pair).collect::<Result<_, _>>()?,
            _ => return Err(not_parameters()),
        };
    let mut encoded = Vec::with_capacity(pairs.len());
    for (name, value) in pairs {
        match value {
            Value::Null => {}
            Value::String(text) => encoded.push((name, text)),
            Value::Bool(_) | Value::Number(_) => encoded.push((name, value.to_string())),
            _ => return Err(not_parameters()),
        }
    }
    if !encoded.is_empty() {
        url.query_pairs_mut().extend_pairs(encoded);
    }
    Ok(url)
}

fn pair(item: Value) -> Result<(String, Value), ErrorKind> {
    match item {
        Value::Array(mut pair) if pair.len() == 2 => match (pair.remove(0), pair.remove(0)) {
            (Value::String(name), value) => Ok((name, value)),
            _ => Err(not_parameters()),
        },
        _ => Err(not_parameters()),
    }
}

fn not_parameters() -> ErrorKind {
    ErrorKind::Encode(serde::ser::Error::custom(
        "query parameters must be a struct of scalars or a slice of (name, value) pairs",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("http://m.test/v1/x").unwrap()
    }

    #[test]
    fn structs_skip_unset_fields() {
        let query = CatalogQuery {
            service: Some("a b&c".into()),
            limit: Some(10),
            ..CatalogQuery::default()
        };
        let url = with_query(base(), &query).unwrap();
        assert_eq!(url.query(), Some("limit=10&service=a+b%26c"));
        assert_eq!(
            with_query(base(), &CatalogQuery::default())
                .unwrap()
                .query(),
            None
        );
        assert_eq!(with_query(base(), &()).unwrap().query(), None);
    }

    #[test]
    fn slices_and_renamed_fields() {
        let url = with_query(base(), &[("parentRegion", Some("7")), ("x", None)]).unwrap();
        assert_eq!(url.query(), Some("parentRegion=7"));
        let vendors = VendorQuery {
            vendor_type: Some("CARRIER".into()),
            ..VendorQuery::default()
        };
        assert_eq!(
            with_query(base(), &vendors).unwrap().query(),
            Some("type=CARRIER")
        );
        let properties = PropertiesQuery::for_service(TransactionType::Upgrade, "38");
        assert_eq!(
            with_query(base(), &properties).unwrap().query(),
            Some("service=38&transactionType=UPGRADE")
        );
    }

    #[test]
    fn nested_values_are_refused() {
        assert!(with_query(base(), &[("a", vec!["b"])]).is_err());
        assert!(with_query(base(), "text").is_err());
    }
}
