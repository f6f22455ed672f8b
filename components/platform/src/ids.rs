//! Identifiers of the Dutch registers as types, parsed once at the edge and stored as text:
//! [`Gemeentecode`], [`NummeraanduidingId`], [`KvkNummer`] (and [`crate::Bsn`]). [`text_newtype!`] gives any
//! such type serde (validated on the way in), diesel `Text` for both backends, `Display` and
//! `FromStr`, so rows, DTOs and the principal carry the type instead of a `String`.

/// Implements serde, diesel `Text` (SQLite and PostgreSQL through the multi-connection),
/// `Display` and `FromStr` for a type with `fn parse(&str) -> Result<Self, E>` and
/// `fn as_str(&self) -> &str`.
#[macro_export]
macro_rules! text_newtype {
    ($t:ty, $err:ty) => {
        impl ::std::str::FromStr for $t {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$t>::parse(s)
            }
        }

        impl ::serde::Serialize for $t {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $t {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                <$t>::parse(&s).map_err(::serde::de::Error::custom)
            }
        }

        $crate::text_column!($t);
    };
}

/// Implements diesel `Text` for both backends for a type with `fn parse(&str) -> Result<Self, E>`
/// and `fn as_str(&self) -> &str` (the type derives `AsExpression` and `FromSqlRow` with
/// `sql_type = Text`). A stored text that does not parse is an error of the row, never a default.
#[macro_export]
macro_rules! text_column {
    ($t:ty) => {
        impl<DB> ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB> for $t
        where
            DB: ::diesel::backend::Backend,
            str: ::diesel::serialize::ToSql<::diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(&'b self, out: &mut ::diesel::serialize::Output<'b, '_, DB>) -> ::diesel::serialize::Result {
                ::diesel::serialize::ToSql::<::diesel::sql_types::Text, DB>::to_sql(self.as_str(), out)
            }
        }

        impl<DB> ::diesel::deserialize::FromSql<::diesel::sql_types::Text, DB> for $t
        where
            DB: ::diesel::backend::Backend,
            String: ::diesel::deserialize::FromSql<::diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> ::diesel::deserialize::Result<Self> {
                let s = <String as ::diesel::deserialize::FromSql<::diesel::sql_types::Text, DB>>::from_sql(bytes)?;
                <$t>::parse(&s).map_err(|e| format!("stored value is not a valid {}: {e}", stringify!($t)).into())
            }
        }
    };
}

/// Gives an enum its texts (`as_str`, `parse`, `Display`) and stores it as that text (the enum
/// derives `AsExpression` and `FromSqlRow` with `sql_type = Text`); its serde form is its own.
#[macro_export]
macro_rules! text_enum {
    ($t:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $t {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$($t::$variant),+];

            /// Every value's text, in declaration order.
            pub const VALUES: &'static [&'static str] = &[$($text),+];

            /// Its text, as stored.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($t::$variant => $text,)+
                }
            }

            /// From its text.
            pub fn parse(s: &str) -> Result<Self, $crate::ids::UnknownValue> {
                match s {
                    $($text => Ok($t::$variant),)+
                    _ => Err($crate::ids::UnknownValue(s.chars().take(40).collect())),
                }
            }
        }

        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        $crate::text_column!($t);
    };
}

/// A text that names none of an enum's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not one of its values")]
pub struct UnknownValue(pub String);

use std::fmt;

/// Why a text is not a well-formed identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct IdError(pub &'static str);

/// An identifier of exactly N digits, kept as its ASCII text.
macro_rules! digits_id {
    ($(#[$doc:meta])* $name:ident, $n:literal, $fault:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub struct $name([u8; $n]);

        impl $name {
            /// Exactly the digits, nothing else.
            pub fn parse(s: &str) -> Result<Self, IdError> {
                let bytes: [u8; $n] = s.as_bytes().try_into().map_err(|_| IdError($fault))?;
                if bytes.iter().all(u8::is_ascii_digit) {
                    Ok($name(bytes))
                } else {
                    Err(IdError($fault))
                }
            }

            /// The digits.
            pub fn as_str(&self) -> &str {
                std::str::from_utf8(&self.0).unwrap_or_default()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        text_newtype!($name, IdError);
    };
}

digits_id!(
    /// A CBS gemeentecode: four digits (`0363` is Amsterdam).
    Gemeentecode, 4, "Waarde voldoet niet aan patroon ^[0-9]{4}$."
);

digits_id!(
    /// A BAG nummeraanduiding identification: sixteen digits (the first four the gemeentecode).
    NummeraanduidingId, 16, "Waarde voldoet niet aan patroon ^[0-9]{16}$."
);

digits_id!(
    /// A BAG adresseerbaar object identification (a verblijfsobject, standplaats or
    /// ligplaats): sixteen digits (the first four the gemeentecode).
    AdresseerbaarObjectId, 16, "Waarde voldoet niet aan patroon ^[0-9]{16}$."
);

digits_id!(
    /// A KvK number (Handelsregister): eight digits. Since 2016 new numbers carry no check
    /// digit, so the form is all there is to check.
    KvkNummer, 8, "Waarde voldoet niet aan patroon ^[0-9]{8}$."
);

/// A Dutch postcode: four digits (not starting with 0) and two letters; kept upper case
/// without the space (`1015CJ`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Postcode([u8; 6]);

impl Postcode {
    /// `1015CJ`, `1015 cj`: four digits, an optional space, two letters.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        const FAULT: IdError = IdError("Waarde voldoet niet aan patroon ^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$.");
        let compact: Vec<u8> = s
            .bytes()
            .enumerate()
            .filter(|(i, b)| !(*i == 4 && *b == b' '))
            .map(|(_, b)| b)
            .collect();
        let bytes: [u8; 6] = compact.as_slice().try_into().map_err(|_| FAULT)?;
        let [a, b, c, d, e, f] = bytes;
        let ok = (b'1'..=b'9').contains(&a)
            && [b, c, d].iter().all(u8::is_ascii_digit)
            && [e, f].iter().all(u8::is_ascii_alphabetic);
        if ok {
            Ok(Postcode([a, b, c, d, e.to_ascii_uppercase(), f.to_ascii_uppercase()]))
        } else {
            Err(FAULT)
        }
    }

    /// `1015CJ`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

text_newtype!(Postcode, IdError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_round_trip() {
        assert_eq!(Gemeentecode::parse("0363").unwrap().to_string(), "0363");
        assert!(Gemeentecode::parse("363").is_err());
        assert!(Gemeentecode::parse("03a3").is_err());
        let id = NummeraanduidingId::parse("0363200000123456").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"0363200000123456\"");
        assert_eq!(
            serde_json::from_str::<NummeraanduidingId>("\"0363200000123456\"").unwrap(),
            id
        );
        assert!(serde_json::from_str::<NummeraanduidingId>("\"123\"").is_err());
        assert!(NummeraanduidingId::parse("036320000012345x").is_err());
        assert_eq!(Postcode::parse("1015 cj").unwrap().as_str(), "1015CJ");
        assert_eq!(Postcode::parse("1015CJ").unwrap().as_str(), "1015CJ");
        for bad in ["0628HJ", "1015 C", "1015  CJ", "10152CJ", "1015C1", ""] {
            assert!(Postcode::parse(bad).is_err(), "{bad}");
        }
    }
}
