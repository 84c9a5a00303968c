//! Closed sets on the wire that must not break the client when MOBPROC adds a value.

/// Declares a string enum whose unknown wire values are kept in `Unknown(String)`
/// and serialized back unchanged, so a new upstream value never fails a response.
#[macro_export]
macro_rules! open_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this client does not know yet, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// The value as it travels on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(other) => other.as_str(),
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(match s {
                    $($wire => Self::$variant,)+
                    other => Self::Unknown(other.to_owned()),
                })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(s.parse().unwrap_or_else(|never| match never {}))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::open_enum! {
        enum Colour {
            Red = "RED",
            DarkBlue = "DARK_BLUE",
        }
    }

    #[test]
    fn known_values_map_to_variants() {
        let colour: Colour = serde_json::from_str(r#""DARK_BLUE""#).unwrap();
        assert_eq!(colour, Colour::DarkBlue);
        assert_eq!(serde_json::to_string(&Colour::Red).unwrap(), r#""RED""#);
    }

    #[test]
    fn unknown_values_are_kept_and_written_back() {
        let colour: Colour = serde_json::from_str(r#""ULTRA_VIOLET""#).unwrap();
        assert_eq!(colour, Colour::Unknown("ULTRA_VIOLET".to_owned()));
        assert_eq!(colour.to_string(), "ULTRA_VIOLET");
        assert_eq!(serde_json::to_string(&colour).unwrap(), r#""ULTRA_VIOLET""#);
    }

    #[test]
    fn reads_from_an_owned_value_too() {
        // `Listing<T>` deserializes its items from a `serde_json::Value`.
        let colours: Vec<Colour> =
            serde_json::from_value(serde_json::json!(["RED", "GREEN"])).unwrap();
        assert_eq!(colours, [Colour::Red, Colour::Unknown("GREEN".to_owned())]);
    }

    #[test]
    fn other_types_are_still_refused() {
        assert!(serde_json::from_str::<Colour>("7").is_err());
    }
}
