//! YAML read into a JSON tree with a budget on its expanded size.
//!
//! An alias (`*a`) repeats the node its anchor (`&a`) names, so a few kilobytes of YAML can
//! stand for gigabytes of tree: a 200 KB scalar referred to 5,000 times is a gigabyte. Limits
//! that count parser events do not see that. Here every scalar costs its length in bytes and
//! every node [`NODE_COST`] bytes, as the tree is built; when the budget is spent the document
//! is refused before the tree takes the memory. A document without aliases costs about its own
//! size, so the budget only refuses amplification.

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::Cell;
use std::fmt;

/// What a node costs beside its text, about what it takes in the tree (a `Value`, its slot in
/// a list or map, a string's header): an alias of a long list of empty values is not free.
pub const NODE_COST: usize = 64;

/// Why a YAML document is not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum YamlError {
    /// Its aliases expand it beyond the budget (in bytes).
    #[error(
        "het YAML-document is uitgeklapt (met de aliassen ingevuld) groter dan {} MB; aliassen die zo veel herhalen worden niet gelezen",
        .0 / (1024 * 1024)
    )]
    TooLargeExpanded(usize),
    /// It is not YAML (the parser's words).
    #[error("{0}")]
    Invalid(String),
}

/// Reads `text` as YAML into a JSON tree whose expanded size stays within `budget` bytes.
pub fn from_str(text: &str, budget: usize) -> Result<Value, YamlError> {
    // without a `*` there is no alias, and the tree is no larger than the text
    let left = Cell::new(if text.contains('*') { budget } else { usize::MAX });
    let de = yaml_serde::Deserializer::from_str(text);
    let root = Bounded { left: &left };
    match root.deserialize(de) {
        Ok(v) => Ok(v),
        Err(_) if left.get() == 0 => Err(YamlError::TooLargeExpanded(budget)),
        Err(e) => Err(YamlError::Invalid(e.to_string())),
    }
}

/// Builds one node, spending from the budget first.
#[derive(Clone, Copy)]
struct Bounded<'a> {
    left: &'a Cell<usize>,
}

impl Bounded<'_> {
    fn spend<E: serde::de::Error>(&self, bytes: usize) -> Result<(), E> {
        match self.left.get().checked_sub(bytes.saturating_add(NODE_COST)) {
            Some(rest) => {
                self.left.set(rest);
                Ok(())
            }
            None => {
                self.left.set(0);
                Err(E::custom("het document is uitgeklapt te groot"))
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Bounded<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A mapping key: a string, as a JSON tree has them.
struct Key<'a>(Bounded<'a>);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        let key = String::deserialize(d)?;
        self.0.spend(key.len())?;
        Ok(key)
    }
}

use serde::Deserialize as _;

impl<'de> Visitor<'de> for Bounded<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
        self.spend(v.len())?;
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
        self.spend(v.len())?;
        Ok(Value::String(v))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Value, E> {
        self.spend(0)?;
        Ok(Value::Null)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut list = Vec::new();
        while let Some(v) = seq.next_element_seed(self)? {
            list.push(v);
        }
        Ok(Value::Array(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.spend(0)?;
        let mut out = Map::new();
        while let Some(k) = map.next_key_seed(Key(self))? {
            let v = map.next_value_seed(self)?;
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        // a tagged value (`!Tag x`): not something a publiccode.yml or an OpenAPI document has
        Err(A::Error::custom("YAML-tags (!tag) worden niet gelezen"))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn reads_yaml_as_the_json_tree_it_is() {
        let v = from_str("a: 1\nb: [x, 2.5, true, null]\nc: {d: e}\n", 1024).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a": 1, "b": ["x", 2.5, true, null], "c": {"d": "e"}})
        );
        // a small alias is fine
        let v = from_str("a: &x [1, 2]\nb: *x\n", 1024).unwrap();
        assert_eq!(v["b"], serde_json::json!([1, 2]));
    }

    #[test]
    fn amplification_by_aliases_is_refused_by_its_expanded_size() {
        let big = "x".repeat(10_000);
        let mut doc = format!("a: &a {big}\nb:\n");
        for _ in 0..200 {
            doc.push_str("  - *a\n");
        }
        // 10 kB of text, 2 MB expanded
        let err = from_str(&doc, 1024 * 1024).unwrap_err();
        assert_eq!(err, YamlError::TooLargeExpanded(1024 * 1024));
        assert!(err.to_string().contains("groter dan 1 MB"), "{err}");
        // nested aliases of many small nodes cost their nodes too
        let doc = "a: &a [0,0,0,0,0,0,0,0,0,0]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
        assert_eq!(
            from_str(doc, 1024 * 1024),
            Err(YamlError::TooLargeExpanded(1024 * 1024))
        );
        // what is not YAML says so
        assert!(matches!(from_str("a: [", 1024), Err(YamlError::Invalid(_))));
    }
}
