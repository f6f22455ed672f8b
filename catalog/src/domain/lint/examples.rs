//! `oas3-valid-media-example` and `oas3-valid-schema-example`: every example (and schema
//! default) must be valid against its schema. A small JSON Schema validator for OpenAPI 3.0/3.1
//! schemas: types (with `nullable`), enums, formats, patterns, lengths, ranges, required and
//! additional properties, items, `allOf`/`anyOf`/`oneOf`. A finding is reported at the example
//! plus the path inside it, as Spectral reports it.

use super::{Doc, Findings, Node, Path};
use regex::Regex;
use serde_json::Value;

const MEDIA: &str = "oas3-valid-media-example";
const SCHEMA: &str = "oas3-valid-schema-example";

/// Runs both rules in one walk of the document. A node is a holder when it is a `content`,
/// `headers` or `parameters` member or lies below one; a node is a schema when it is the
/// `schema` of a holder, a schema of `components.schemas`, or lies below one. Holders' examples
/// are checked against their schema, schemas' examples and defaults against themselves. Each
/// place is expanded once per kind, so a schema referenced from many operations is walked once.
pub(super) fn check(d: &Doc<'_>, out: &mut Findings) {
    // a place is its value's address in the document (see Doc::descendants)
    let mut expanded: std::collections::HashSet<(*const Value, bool, bool)> = std::collections::HashSet::new();
    let mut stack = vec![(d.root(), false, false)];
    while let Some((node, holder, schema)) = stack.pop() {
        if !expanded.insert((std::ptr::from_ref(node.value), holder, schema)) {
            continue;
        }
        let in_schemas = node.base_is(&["components", "schemas"]);
        for (key, child) in d.children(&node) {
            let is_holder = holder || matches!(&*key, "content" | "headers" | "parameters");
            let is_schema = schema || (holder && key == "schema") || in_schemas;
            if is_holder {
                media_examples(d, &child, out);
            }
            if is_schema && key != "properties" {
                schema_example(d, &child, out);
            }
            stack.push((child, is_holder, is_schema));
        }
    }
}

/// The examples of a media type, header or parameter object against its schema.
fn media_examples(d: &Doc<'_>, holder: &Node<'_>, out: &mut Findings) {
    let Some(schema) = d.get(holder, "schema") else { return };
    if let Some(example) = holder.value.get("example") {
        let at = d.member_path(holder, "example");
        report(d, MEDIA, example, &schema, at, out);
    }
    if let Some(examples) = d.get(holder, "examples") {
        for (_, ex) in d.children(&examples) {
            if let Some(v) = ex.value.get("value") {
                let at = d.member_path(&ex, "value");
                report(d, MEDIA, v, &schema, at, out);
            }
        }
    }
}

/// A schema's own `example` and `default`, against itself.
fn schema_example(d: &Doc<'_>, s: &Node<'_>, out: &mut Findings) {
    if !s.value.is_object() {
        return;
    }
    let describes = ["enum", "type", "format", "properties", "items"]
        .iter()
        .any(|k| s.value.get(k).is_some());
    if !describes {
        return;
    }
    for field in ["example", "default"] {
        if let Some(v) = s.value.get(field) {
            let at = d.member_path(s, field);
            report(d, SCHEMA, v, s, at, out);
        }
    }
}

fn report(d: &Doc<'_>, rule: &'static str, value: &Value, schema: &Node<'_>, at: Path<'_>, out: &mut Findings) {
    if let Some((instance, message)) = validate(d, value, schema, &mut Vec::new(), 0) {
        let mut path = at.to_vec();
        path.extend(instance);
        let name = path.last().cloned().unwrap_or_default();
        out.add(rule, &path, format!("\"{name}\" property {message}"));
    }
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn type_ok(v: &Value, t: &str) -> bool {
    let actual = type_of(v);
    actual == t || (t == "number" && actual == "integer")
}

static URI: std::sync::LazyLock<Option<Regex>> =
    std::sync::LazyLock::new(|| Regex::new(r"^[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$").ok());

fn format_ok(format: &str, s: &str) -> bool {
    match format {
        "uri" | "url" => URI.as_ref().is_none_or(|r| r.is_match(s)),
        "date" => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() && s.len() == 10,
        "date-time" => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        "email" => {
            let mut parts = s.split('@');
            matches!((parts.next(), parts.next(), parts.next()), (Some(l), Some(dom), None) if !l.is_empty() && dom.contains('.') && !s.contains(char::is_whitespace))
        }
        "uuid" => {
            s.len() == 36
                && s.chars().enumerate().all(|(i, c)| {
                    if [8, 13, 18, 23].contains(&i) {
                        c == '-'
                    } else {
                        c.is_ascii_hexdigit()
                    }
                })
        }
        "ipv4" => s.parse::<std::net::Ipv4Addr>().is_ok(),
        "ipv6" => s.parse::<std::net::Ipv6Addr>().is_ok(),
        // formats JSON Schema does not define (int32, byte, password, …) are not checked
        _ => true,
    }
}

/// An error inside an example: the path inside the value and the message.
type Invalid = (Vec<String>, String);

/// Validates `v` against `schema`, stopping at the first error as Spectral's validator does
/// (its keywords in its order: type, then those of the value's type, then enum, then the
/// combinators).
fn validate(d: &Doc<'_>, v: &Value, schema: &Node<'_>, at: &mut Vec<String>, depth: usize) -> Option<Invalid> {
    let s = schema.value;
    if depth > 64 || !s.is_object() {
        return None;
    }
    let fail = |at: &Vec<String>, m: String| Some((at.clone(), m));
    if v.is_null() && s.get("nullable") == Some(&Value::Bool(true)) {
        return None;
    }
    match s.get("type") {
        Some(Value::String(t)) if !type_ok(v, t) => return fail(at, format!("type must be {t}")),
        Some(Value::Array(ts)) if !ts.iter().filter_map(Value::as_str).any(|t| type_ok(v, t)) => {
            return fail(at, "type is not one of the allowed types".into());
        }
        _ => {}
    }
    if let Some(n) = v.as_f64() {
        let limit = |k: &str| s.get(k).and_then(Value::as_f64);
        let exclusive = |k: &str| s.get(k) == Some(&Value::Bool(true));
        if let Some(m) = limit("maximum") {
            if n > m || (exclusive("exclusiveMaximum") && n >= m) {
                return fail(at, format!("must be <= {m}"));
            }
        }
        if let Some(m) = limit("minimum") {
            if n < m || (exclusive("exclusiveMinimum") && n <= m) {
                return fail(at, format!("must be >= {m}"));
            }
        }
    }
    if let Some(text) = v.as_str() {
        let len = text.chars().count() as u64;
        if s.get("maxLength").and_then(Value::as_u64).is_some_and(|m| len > m) {
            return fail(at, "must NOT have more characters".into());
        }
        if s.get("minLength").and_then(Value::as_u64).is_some_and(|m| len < m) {
            return fail(at, "must NOT have fewer characters".into());
        }
        if let Some(p) = s.get("pattern").and_then(Value::as_str) {
            if Regex::new(p).is_ok_and(|r| !r.is_match(text)) {
                return fail(at, format!("must match pattern \"{p}\""));
            }
        }
        if let Some(f) = s.get("format").and_then(Value::as_str) {
            if !format_ok(f, text) {
                return fail(at, format!("must match format \"{f}\""));
            }
        }
    }
    if let Some(items) = v.as_array() {
        if s.get("maxItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| (items.len() as u64) > m)
        {
            return fail(at, "must NOT have more items".into());
        }
        if s.get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| (items.len() as u64) < m)
        {
            return fail(at, "must NOT have fewer items".into());
        }
        if let Some(item_schema) = d.get(schema, "items").filter(|n| n.value.is_object()) {
            for (i, item) in items.iter().enumerate() {
                at.push(i.to_string());
                let e = validate(d, item, &item_schema, at, depth + 1);
                at.pop();
                if e.is_some() {
                    return e;
                }
            }
        }
    }
    if let Some(obj) = v.as_object() {
        for r in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            if let Some(name) = r.as_str() {
                if !obj.contains_key(name) {
                    return fail(at, format!("must have required property \"{name}\""));
                }
            }
        }
        let props = d.get(schema, "properties");
        let declared = |k: &str| props.as_ref().is_some_and(|p| p.value.get(k).is_some());
        if s.get("additionalProperties") == Some(&Value::Bool(false)) {
            if let Some(k) = obj.keys().find(|k| !declared(k)) {
                at.push(k.clone());
                let e = fail(at, "is not expected to be here".into());
                at.pop();
                return e;
            }
        } else if let Some(extra) = d.get(schema, "additionalProperties").filter(|n| n.value.is_object()) {
            for (k, child) in obj.iter().filter(|(k, _)| !declared(k)) {
                at.push(k.clone());
                let e = validate(d, child, &extra, at, depth + 1);
                at.pop();
                if e.is_some() {
                    return e;
                }
            }
        }
        // the schema's properties, in the schema's order
        if let Some(props) = &props {
            for (k, p) in d.children(props) {
                let Some(child) = obj.get(&*k) else { continue };
                at.push(k.into_owned());
                let e = validate(d, child, &p, at, depth + 1);
                at.pop();
                if e.is_some() {
                    return e;
                }
            }
        }
    }
    if let Some(choices) = s.get("enum").and_then(Value::as_array) {
        if !choices.contains(v) {
            return fail(at, "must be equal to one of the allowed values".into());
        }
    }
    if let Some(all) = d.get(schema, "allOf") {
        for (_, part) in d.children(&all) {
            let e = validate(d, v, &part, at, depth + 1);
            if e.is_some() {
                return e;
            }
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(alternatives) = d.get(schema, key) {
            let parts = d.children(&alternatives);
            let fits = parts
                .iter()
                .any(|(_, part)| validate(d, v, part, &mut at.clone(), depth + 1).is_none());
            if !parts.is_empty() && !fits {
                return fail(at, format!("must match a schema in {key}"));
            }
        }
    }
    None
}
