//! An OpenAPI document as the catalogue keeps it: JSON or YAML read into one JSON tree, refused
//! when it does not say it is OpenAPI 3.x.

use serde_json::Value;

/// Largest spec accepted.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Largest tree a YAML spec may expand to through its aliases (see [`super::yaml`]).
pub const MAX_EXPANDED: usize = 4 * MAX_BYTES;

/// Reads a spec (JSON, or YAML) and checks that it is OpenAPI 3.x with an `info.title`.
pub fn parse(text: &str) -> Result<Value, String> {
    let tree = parse_any(text)?;
    check(&tree)?;
    Ok(tree)
}

/// Reads a document (JSON, or YAML) of at most [`MAX_BYTES`] without judging what it is (the
/// linter reports what is wrong with it).
pub fn parse_any(text: &str) -> Result<Value, String> {
    if text.len() > MAX_BYTES {
        return Err(format!("groter dan {MAX_BYTES} bytes"));
    }
    match serde_json::from_str(text) {
        Ok(v) => Ok(v),
        Err(_) => super::yaml::from_str(text, MAX_EXPANDED).map_err(|e| match e {
            super::yaml::YamlError::Invalid(why) => format!("geen JSON of YAML: {why}"),
            expanded => expanded.to_string(),
        }),
    }
}

/// Whether a tree is an OpenAPI 3.x document.
pub fn check(tree: &Value) -> Result<(), String> {
    match tree.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.") => {}
        Some(v) => return Err(format!("OpenAPI-versie {v} wordt niet ondersteund (alleen 3.x)")),
        None => return Err("geen OpenAPI-document: het veld openapi ontbreekt".into()),
    }
    if tree.pointer("/info/title").and_then(Value::as_str).is_none() {
        return Err("info.title ontbreekt".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn json_or_yaml_of_openapi_3() {
        assert!(parse(r#"{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{}}"#).is_ok());
        assert!(parse("openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {}\n").is_ok());
        assert!(parse(r#"{"swagger":"2.0","info":{"title":"x"}}"#).is_err());
        assert!(parse(r#"{"openapi":"3.1.0"}"#).is_err());
        assert!(parse("[").is_err());
    }
}
