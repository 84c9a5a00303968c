//! The storefront's own reference for each confirmed order (`externalOrderNumber`):
//! unique, so an order whose submission had no answer can be found among the
//! actor's orders.

/// Crockford's base 32: no I, L, O or U to misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `SF-` and 16 characters of 5 random bits each (80 bits): 19 characters in all.
pub fn new() -> String {
    let mut number = String::with_capacity(19);
    number.push_str("SF-");
    for _ in 0..16 {
        number.push(char::from(ALPHABET[rand::random_range(0..ALPHABET.len())]));
    }
    number
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_readable_and_distinct() {
        let a = new();
        assert_eq!(a.len(), 19);
        assert!(a.starts_with("SF-"));
        assert!(a[3..].bytes().all(|b| ALPHABET.contains(&b)));
        assert_ne!(a, new());
    }

    #[test]
    fn every_position_takes_every_character() {
        let mut seen = [[false; 32]; 16];
        for _ in 0..2_000 {
            for (position, byte) in new()[3..].bytes().enumerate() {
                let index = ALPHABET.iter().position(|&b| b == byte).unwrap();
                seen[position][index] = true;
            }
        }
        assert!(
            seen.iter().all(|position| position.iter().all(|&s| s)),
            "no character is fixed at any position"
        );
    }
}
