//! One check of a text against MOBPROC's rules for it (order properties §9, address
//! components §11): length bounds, then a `regEx` that must match the whole text. Both
//! sides that check (the storefront before sending, the sandbox on receipt) use it, so
//! a problem reads the same wherever it is found.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, OnceLock, PoisonError};

use regex::{Regex, RegexBuilder};

use super::{AddressComponent, PropertyDefinition};

/// How many distinct `regEx` rules stay compiled; beyond that the oldest is dropped.
const CACHE_CAPACITY: usize = 512;

/// Upstream rules are not ours: bound what compiling one may cost.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// The rules of one text input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextRules<'a> {
    pub min_length: Option<u32>,
    pub max_length: Option<u32>,
    /// Must match the whole text; a rule that does not compile checks nothing.
    pub reg_ex: Option<&'a str>,
    /// What a valid text looks like, for people (the definition's `pattern`).
    pub hint: Option<&'a str>,
}

/// Why a text breaks its rules. `Display` is the wording shown after the field's label
/// ("Postal Code must look like [99999] or [99999-9999].").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("must be at least {min} characters long.")]
    TooShort { min: u32 },
    #[error("must be at most {max} characters long.")]
    TooLong { max: u32 },
    #[error("{}", format_message(.hint.as_deref()))]
    Format { hint: Option<String> },
}

fn format_message(hint: Option<&str>) -> String {
    match hint {
        Some(hint) => format!("must look like {hint}."),
        None => "is not in the expected format.".to_owned(),
    }
}

/// Checks `text` against `rules`: lengths (in characters) first, then the `regEx`.
pub fn check_text(text: &str, rules: &TextRules<'_>) -> Result<(), TextProblem> {
    let length = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
    if let Some(min) = rules.min_length.filter(|&min| length < min) {
        return Err(TextProblem::TooShort { min });
    }
    if let Some(max) = rules.max_length.filter(|&max| length > max) {
        return Err(TextProblem::TooLong { max });
    }
    match rules.reg_ex {
        Some(rule) if !matches_reg_ex(rule, text) => Err(TextProblem::Format {
            hint: rules.hint.map(str::to_owned),
        }),
        _ => Ok(()),
    }
}

impl PropertyDefinition {
    /// This property's text rules: lengths, `regEx`, `pattern` as the hint.
    pub fn text_rules(&self) -> TextRules<'_> {
        TextRules {
            min_length: self.min_length,
            max_length: self.max_length,
            reg_ex: self.reg_ex.as_deref(),
            hint: self.pattern.as_deref(),
        }
    }

    /// Checks a value against [`text_rules`](Self::text_rules); choices and dates are
    /// the caller's to check.
    pub fn check(&self, value: &str) -> Result<(), TextProblem> {
        check_text(value, &self.text_rules())
    }
}

impl AddressComponent {
    /// This component's text rules: lengths, `regEx`, `pattern` as the hint.
    pub fn text_rules(&self) -> TextRules<'_> {
        TextRules {
            min_length: self.min_length,
            max_length: self.max_length,
            reg_ex: self.reg_ex.as_deref(),
            hint: self.pattern.as_deref(),
        }
    }

    /// Checks a value against [`text_rules`](Self::text_rules); whether a dropdown's
    /// value is among its `options` is the caller's to check.
    pub fn check(&self, value: &str) -> Result<(), TextProblem> {
        check_text(value, &self.text_rules())
    }
}

/// Compiled rules by their text; `None` for a rule that does not compile.
#[derive(Default)]
struct Compiled {
    by_rule: HashMap<String, Option<Regex>>,
    oldest_first: VecDeque<String>,
}

impl Compiled {
    fn get_or_compile(&mut self, rule: &str) -> Option<Regex> {
        if let Some(compiled) = self.by_rule.get(rule) {
            return compiled.clone();
        }
        let compiled = RegexBuilder::new(&format!("^(?:{rule})$"))
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .inspect_err(|error| {
                tracing::warn!(%rule, %error, "a MOBPROC regEx does not compile; it checks nothing");
            })
            .ok();
        if self.oldest_first.len() >= CACHE_CAPACITY {
            if let Some(oldest) = self.oldest_first.pop_front() {
                self.by_rule.remove(&oldest);
            }
        }
        self.oldest_first.push_back(rule.to_owned());
        self.by_rule.insert(rule.to_owned(), compiled.clone());
        compiled
    }
}

/// Whether all of `text` matches the MOBPROC `regEx` `rule` (`^(?:rule)$`). Each
/// distinct rule is compiled once per process (while it stays among the last
/// [`CACHE_CAPACITY`]); one that does not compile matches everything and is logged once.
pub fn matches_reg_ex(rule: &str, text: &str) -> bool {
    static COMPILED: OnceLock<Mutex<Compiled>> = OnceLock::new();
    let regex = COMPILED
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_compile(rule);
    regex.is_none_or(|re| re.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PropertyType, Validation};

    const POSTAL: &str = "[0-9]{4,5}(-[0-9]{4})?";

    #[test]
    fn rules_match_whole_values() {
        assert!(matches_reg_ex(POSTAL, "06477"));
        assert!(matches_reg_ex(POSTAL, "06477-1234"));
        assert!(!matches_reg_ex(POSTAL, "x06477"));
        assert!(!matches_reg_ex(POSTAL, "06477x"));
        assert!(!matches_reg_ex("[A-Za-z][A-Za-z]", "CTX"));
        // An alternation is whole-matched as a group, not just its first branch.
        assert!(!matches_reg_ex("a|b", "ab"));
        assert!(matches_reg_ex("a|b", "b"));
    }

    #[test]
    fn a_rule_that_does_not_compile_checks_nothing() {
        assert!(matches_reg_ex("(", "anything"));
        assert_eq!(
            check_text(
                "anything",
                &TextRules {
                    reg_ex: Some("("),
                    ..TextRules::default()
                }
            ),
            Ok(())
        );
    }

    #[test]
    fn lengths_count_characters_and_come_first() {
        let three = TextRules {
            min_length: Some(3),
            max_length: Some(3),
            reg_ex: Some("[0-9]+"),
            hint: Some("999"),
        };
        assert_eq!(check_text("512", &three), Ok(()));
        assert_eq!(
            check_text("51", &three),
            Err(TextProblem::TooShort { min: 3 })
        );
        assert_eq!(
            check_text("5123", &three),
            Err(TextProblem::TooLong { max: 3 })
        );
        assert_eq!(
            check_text("ab", &three),
            Err(TextProblem::TooShort { min: 3 })
        );
        assert_eq!(
            check_text("abc", &three),
            Err(TextProblem::Format {
                hint: Some("999".to_owned())
            })
        );
        let two = TextRules {
            max_length: Some(2),
            ..TextRules::default()
        };
        assert_eq!(check_text("é€", &two), Ok(()));
    }

    #[test]
    fn problems_read_as_one_wording() {
        assert_eq!(
            TextProblem::TooShort { min: 3 }.to_string(),
            "must be at least 3 characters long."
        );
        assert_eq!(
            TextProblem::TooLong { max: 40 }.to_string(),
            "must be at most 40 characters long."
        );
        assert_eq!(
            TextProblem::Format {
                hint: Some("[99999] or [99999-9999]".to_owned())
            }
            .to_string(),
            "must look like [99999] or [99999-9999]."
        );
        assert_eq!(
            TextProblem::Format { hint: None }.to_string(),
            "is not in the expected format."
        );
    }

    #[test]
    fn definitions_and_components_check_their_own_rules() {
        let area_code = PropertyDefinition {
            id: "PREFERRED_AREA_CODE".to_owned(),
            label: Some("Preferred Area Code".to_owned()),
            property_type: PropertyType::Text,
            validation: Some(Validation::Optional),
            min_length: Some(3),
            max_length: Some(3),
            pattern: Some("999".to_owned()),
            reg_ex: Some("[0-9]{3}".to_owned()),
            text: None,
            choices: None,
        };
        assert_eq!(area_code.check("512"), Ok(()));
        assert_eq!(
            area_code.check("5a2"),
            Err(TextProblem::Format {
                hint: Some("999".to_owned())
            })
        );
        let postal_code = AddressComponent {
            id: "POSTAL_CODE".to_owned(),
            label: Some("Postal Code".to_owned()),
            min_length: Some(5),
            max_length: Some(10),
            validation: Some(Validation::Required),
            options: None,
            pattern: None,
            reg_ex: Some(POSTAL.to_owned()),
        };
        assert_eq!(postal_code.check("06477-1234"), Ok(()));
        assert_eq!(
            postal_code.check("0647"),
            Err(TextProblem::TooShort { min: 5 })
        );
        assert_eq!(
            postal_code.check("06477-12"),
            Err(TextProblem::Format { hint: None })
        );
    }

    #[test]
    fn the_cache_stays_bounded() {
        let mut compiled = Compiled::default();
        for i in 0..CACHE_CAPACITY + 10 {
            assert!(compiled.get_or_compile(&format!("x{{{i}}}")).is_some());
        }
        assert_eq!(compiled.by_rule.len(), CACHE_CAPACITY);
        assert_eq!(compiled.oldest_first.len(), CACHE_CAPACITY);
        assert!(!compiled.by_rule.contains_key("x{0}"));
        assert!(compiled
            .by_rule
            .contains_key(&format!("x{{{}}}", CACHE_CAPACITY + 9)));
    }
}
