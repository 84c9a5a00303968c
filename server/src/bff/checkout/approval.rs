//! What can be known before placing an order about its approval, from MOBPROC's own
//! data only: an upgrade before the line's upgrade eligibility date needs one. Other
//! rules (a company's spending limits) are MOBPROC's to apply, and are not guessed.

use mobproc::model::ServiceAsset;
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

use crate::bff::present;

/// Why an upgrade of `line` now will need approval, if its eligibility date is ahead.
pub fn before_eligibility(line: &ServiceAsset) -> Option<String> {
    let eligible = line.upgrade_eligibility_date.as_deref().or_else(|| {
        line.device
            .as_ref()
            .and_then(|d| d.upgrade_eligibility_date.as_deref())
    })?;
    let date = OffsetDateTime::parse(eligible, &Rfc3339).ok()?;
    (date > OffsetDateTime::now_utc()).then(|| {
        format!(
            "This upgrade comes before the line's upgrade eligibility date ({}), so it needs \
             approval: nothing ships until an approver agrees.",
            present::date(eligible)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(eligible: &str) -> ServiceAsset {
        serde_json::from_value(serde_json::json!({"id": "1", "upgradeEligibilityDate": eligible}))
            .unwrap()
    }

    #[test]
    fn only_an_eligibility_date_ahead_says_so() {
        let note = before_eligibility(&line("2999-07-21T06:00:00Z")).expect("ahead");
        assert!(note.contains("July 21, 2999"), "{note}");
        assert_eq!(before_eligibility(&line("2015-07-21T06:00:00Z")), None);
        assert_eq!(before_eligibility(&line("soon")), None, "never a guess");
    }
}
