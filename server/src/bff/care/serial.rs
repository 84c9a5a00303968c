//! A phone's serial number as people type it, checked before MOBPROC sees it: an IMEI
//! is 15 digits whose last is the Luhn check digit; an ESN is 8 hexadecimal or 11
//! decimal digits, and its successor the MEID (sent as an ESN) 14 hexadecimal or 18
//! decimal digits.

use mobproc::model::SerialNumberType;

/// `typed` without the spaces and dashes people group digits with, if it is a valid
/// serial number of `kind`; else why not, in words.
pub fn check(kind: &SerialNumberType, typed: &str) -> Result<String, &'static str> {
    let value: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if value.is_empty() {
        return Err("Enter the phone's serial number.");
    }
    match kind {
        SerialNumberType::Imei => {
            if !value.chars().all(|c| c.is_ascii_digit()) || value.len() != 15 {
                Err("An IMEI has 15 digits.")
            } else if !luhn(&value) {
                Err("This IMEI's last digit does not check: please type it again.")
            } else {
                Ok(value)
            }
        }
        SerialNumberType::Esn => {
            let hex = value.chars().all(|c| c.is_ascii_hexdigit());
            let decimal = value.chars().all(|c| c.is_ascii_digit());
            match value.len() {
                8 | 14 if hex => Ok(value.to_ascii_uppercase()),
                11 | 18 if decimal => Ok(value),
                _ => Err(
                    "An ESN has 8 hexadecimal or 11 digits; a MEID 14 hexadecimal or 18 digits.",
                ),
            }
        }
        SerialNumberType::Unknown(_) => Err("Choose the serial number's type."),
    }
}

/// Whether `digits` (ASCII digits only) pass the Luhn check.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_imei_has_fifteen_digits_and_a_check_digit() {
        assert_eq!(
            check(&SerialNumberType::Imei, "49-015420-323751-8").as_deref(),
            Ok("490154203237518")
        );
        // The documented swap's IMEIs are made up: their check digits do not check.
        assert!(check(&SerialNumberType::Imei, "123456789001230").is_err());
        assert!(check(&SerialNumberType::Imei, "123456789001233").is_ok());
        assert_eq!(
            check(&SerialNumberType::Imei, "49015420323751"),
            Err("An IMEI has 15 digits.")
        );
        assert_eq!(
            check(&SerialNumberType::Imei, "490154203237519"),
            Err("This IMEI's last digit does not check: please type it again.")
        );
        assert_eq!(
            check(&SerialNumberType::Imei, "49015420323751A"),
            Err("An IMEI has 15 digits.")
        );
    }

    #[test]
    fn esns_and_meids_have_their_lengths() {
        assert_eq!(
            check(&SerialNumberType::Esn, "8ab3f2c1").as_deref(),
            Ok("8AB3F2C1")
        );
        assert!(check(&SerialNumberType::Esn, "12345678901").is_ok());
        assert!(check(&SerialNumberType::Esn, "A0000012345678").is_ok());
        assert!(check(&SerialNumberType::Esn, "270113177609123456").is_ok());
        assert!(
            check(&SerialNumberType::Esn, "4289183847832").is_err(),
            "13 digits"
        );
        assert_eq!(
            check(&SerialNumberType::Esn, " "),
            Err("Enter the phone's serial number.")
        );
    }
}
