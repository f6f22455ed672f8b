//! `oas3-schema`: the document, as written (its `$ref`s not followed), against the OpenAPI
//! meta-schema of its version, reported as Spectral reports it.
//!
//! Spectral validates with AJV (all errors, `ajv-errors` messages, `ajv-formats`) against its own
//! edition of the OpenAPI 3.0, 3.1 and 3.2 schemas; the 3.1 and 3.2 ones build on the JSON Schema
//! 2020-12 meta-schemas. Those files are carried in `standards/openapi-schema/` and compiled in.
//! This is a JSON Schema validator for the keywords they use, with AJV's semantics where they
//! show in the findings: every error is collected; a passing `anyOf`/`oneOf` drops the errors
//! of its branches; `if` makes no errors of its own; `unevaluatedProperties` sees what
//! `properties`, `patternProperties`, `$ref`s, `allOf` and passing branches evaluated; an
//! `errorMessage` replaces the errors of its schema.

use super::Findings;
use regex::Regex;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::{LazyLock, OnceLock};

const RULE: &str = "oas3-schema";

/// The schema files (`standards/openapi-schema/`, see its SOURCES.md), each with its `$id` (a
/// test holds each to the file's own).
const FILES: [(&str, &str); 17] = [
    (
        "https://spec.openapis.org/oas/3.0/schema/2019-04-02",
        include_str!("../../../../standards/openapi-schema/spectral/oas/v3.0.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.1/schema/2021-09-28",
        include_str!("../../../../standards/openapi-schema/spectral/oas/v3.1/index.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.1/dialect/base",
        include_str!("../../../../standards/openapi-schema/spectral/oas/v3.1/dialect.schema.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.1/meta/base",
        include_str!("../../../../standards/openapi-schema/spectral/oas/v3.1/meta.schema.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.2/schema/2025-11-23",
        include_str!("../../../../standards/openapi-schema/spectral/oas/v3.2/index.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.2/dialect/2025-09-17",
        include_str!("../../../../standards/openapi-schema/spectral/oas/v3.2/dialect.schema.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.2/meta/2025-09-17",
        include_str!("../../../../standards/openapi-schema/spectral/oas/v3.2/meta.schema.json"),
    ),
    (
        "https://stoplight.io/json-schema/draft/2020-12",
        include_str!("../../../../standards/openapi-schema/spectral/json-schema/draft-2020-12/index.json"),
    ),
    (
        "https://stoplight.io/json-schema/draft/2020-12/meta/validation",
        include_str!("../../../../standards/openapi-schema/spectral/json-schema/draft-2020-12/validation.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/schema",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/schema.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/applicator",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/meta/applicator.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/content",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/meta/content.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/core",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/meta/core.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/format-annotation",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/meta/format-annotation.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/meta-data",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/meta/meta-data.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/unevaluated",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/meta/unevaluated.json"),
    ),
    (
        "https://json-schema.org/draft/2020-12/meta/validation",
        include_str!("../../../../standards/openapi-schema/json-schema-2020-12/meta/validation.json"),
    ),
];

/// The schema each OpenAPI version is validated against (as Spectral picks it).
const OAS_3_0: &str = "https://spec.openapis.org/oas/3.0/schema/2019-04-02";
const OAS_3_1: &str = "https://spec.openapis.org/oas/3.1/schema/2021-09-28";
const OAS_3_2: &str = "https://spec.openapis.org/oas/3.2/schema/2025-11-23";

/// Where JSON Schema's own meta-schemas live. AJV compiles them with `format` as an annotation
/// (their `uri-reference` and `regex` formats are not checked), so this validator does too.
const JSON_SCHEMA_ORG: &str = "https://json-schema.org/";

/// Each schema file parsed on its first use: a 3.0 document needs one file of the seventeen, and a
/// small spec's lint would otherwise spend most of its time reading the others.
static PARSED: [OnceLock<Option<Value>>; 17] = [const { OnceLock::new() }; 17];

/// A schema by its `$id`: (the id, the schema). One that does not parse is none, and a document
/// that would need it gets no `oas3-schema` findings rather than a crash (a test checks all
/// parse).
fn schema(id: &str) -> Option<(&'static str, &'static Value)> {
    let i = FILES.iter().position(|(known, _)| *known == id)?;
    let (known, text) = FILES.get(i)?;
    let parsed = PARSED.get(i)?.get_or_init(|| serde_json::from_str(text).ok());
    parsed.as_ref().map(|v| (*known, v))
}

/// `ajv-formats`' full `uri`, `uri-reference` and `email` formats, from its source.
static URI: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        "(?i)",
        r#"^(?:[a-z][a-z0-9+\-.]*:)(?:/?/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$"#
    ))
    .ok()
});
static URI_REFERENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        "(?i)",
        r#"^(?:[a-z][a-z0-9+\-.]*:)?(?:/?/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$"#
    ))
    .ok()
});
static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$",
    )
    .ok()
});

/// Validates the document against the schema of its OpenAPI version. Spectral runs the rule on
/// OpenAPI 3 documents only (`openapi` whose leading number is 3).
pub(super) fn check(doc: &Value, out: &mut Findings) {
    let Some(root_id) = schema_for(doc) else { return };
    let Some((_, schema)) = schema(root_id) else { return };
    let mut v = Validator {
        errors: Vec::new(),
        path: Vec::new(),
        scope: vec![root_id],
        depth: 0,
        patterns: RefCell::new(HashMap::new()),
        with_refs: RefCell::new(HashMap::new()),
    };
    v.validate(schema, root_id, doc);
    for e in v.errors {
        if e.keyword == "if" {
            continue;
        }
        let path = closest_path(doc, e.path);
        let property = path.last().cloned().unwrap_or_default();
        let message = e.message.replace("{{property}}", &property);
        out.add(RULE, &path, format!("{message}."));
    }
}

/// The schema Spectral picks: 3.2, 3.1, or else 3.0, for a document its `oas3` format matches.
fn schema_for(doc: &Value) -> Option<&'static str> {
    let version = match doc.get("openapi")? {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    // JavaScript's parseInt: leading whitespace, then digits
    let digits: String = version.trim_start().chars().take_while(char::is_ascii_digit).collect();
    if digits.parse::<u64>().ok()? != 3 {
        return None;
    }
    let minor = |m: &str| {
        version.strip_prefix(m).is_some_and(|rest| {
            rest.is_empty()
                || rest
                    .strip_prefix('.')
                    .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()))
        })
    };
    Some(if minor("3.2") {
        OAS_3_2
    } else if minor("3.1") {
        OAS_3_1
    } else {
        OAS_3_0
    })
}

/// The longest prefix of `path` that exists in the document (Spectral's `getClosestJsonPath`).
fn closest_path(doc: &Value, path: Vec<String>) -> Vec<String> {
    let mut node = doc;
    let mut out = Vec::new();
    for seg in path {
        let next = match node {
            Value::Object(m) => m.get(&seg),
            Value::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        };
        let Some(next) = next else { break };
        node = next;
        out.push(seg);
    }
    out
}

/// One error, as AJV reports it and Spectral words it.
struct SchemaError {
    /// Where in the document.
    path: Vec<String>,
    keyword: &'static str,
    message: String,
    /// The schema whose keyword made it (for `errorMessage` per keyword).
    origin: *const Value,
}

/// The properties of an object that the schemas applied to it evaluated.
#[derive(Default)]
struct Evaluated<'d> {
    all: bool,
    keys: BTreeSet<&'d str>,
}

impl<'d> Evaluated<'d> {
    fn merge(&mut self, other: Evaluated<'d>) {
        self.all |= other.all;
        self.keys.extend(other.keys);
    }
}

/// How deep schemas may nest while validating (documents nest far less; this stops a loop).
const MAX_DEPTH: usize = 512;

struct Validator {
    errors: Vec<SchemaError>,
    /// Where in the document the value being validated is.
    path: Vec<String>,
    /// The dynamic scope: the schema resources entered, outermost first (for `$dynamicRef`).
    scope: Vec<&'static str>,
    depth: usize,
    patterns: RefCell<HashMap<String, Option<Regex>>>,
    /// Which schemas (by address) hold a reference.
    with_refs: RefCell<HashMap<usize, bool>>,
}

impl Validator {
    /// Adds an error worded as Spectral words AJV's message (`cleanAjvMessage`: quotes made
    /// double, `NOT` made `not`, the property named in front), with `suffix` after it.
    fn error(&mut self, origin: &Value, keyword: &'static str, ajv_message: String) {
        self.error_with(origin, keyword, ajv_message, "");
    }

    fn error_with(&mut self, origin: &Value, keyword: &'static str, ajv_message: String, suffix: &str) {
        let cleaned = ajv_message.replace('\'', "\"").replace("NOT", "not");
        // the property as it stands in AJV's instancePath: a JSON Pointer segment
        let message = match self.path.last() {
            None => format!("{cleaned}{suffix}"),
            Some(p) => format!(
                "\"{}\" property {cleaned}{suffix}",
                p.replace('~', "~0").replace('/', "~1")
            ),
        };
        self.errors.push(SchemaError {
            path: self.path.clone(),
            keyword,
            message,
            origin,
        });
    }

    /// Whether a schema holds a reference anywhere inside it (AJV does not inline those).
    fn has_ref(&self, schema: &'static Value) -> bool {
        fn walk(v: &Value) -> bool {
            match v {
                Value::Object(m) => m
                    .iter()
                    .any(|(k, v)| matches!(k.as_str(), "$ref" | "$dynamicRef" | "$recursiveRef") || walk(v)),
                Value::Array(a) => a.iter().any(walk),
                _ => false,
            }
        }
        let key: *const Value = schema;
        *self
            .with_refs
            .borrow_mut()
            .entry(key as usize)
            .or_insert_with(|| walk(schema))
    }

    fn matches(&self, pattern: &str, text: &str) -> bool {
        let mut cache = self.patterns.borrow_mut();
        if !cache.contains_key(pattern) {
            cache.insert(pattern.to_string(), Regex::new(pattern).ok());
        }
        // a pattern this engine cannot compile is not held against the document
        cache
            .get(pattern)
            .and_then(Option::as_ref)
            .is_none_or(|r| r.is_match(text))
    }

    /// Validates `inst` against `schema` (in the resource `base`), adding errors; returns the
    /// properties evaluated. Valid when it added no errors.
    fn validate<'d>(&mut self, schema: &'static Value, base: &'static str, inst: &'d Value) -> Evaluated<'d> {
        let mut evaluated = Evaluated::default();
        let s = match schema {
            Value::Bool(true) => return evaluated,
            Value::Bool(false) => {
                self.error(schema, "false schema", "boolean schema is false".into());
                return evaluated;
            }
            Value::Object(s) => s,
            _ => return evaluated,
        };
        if self.depth > MAX_DEPTH {
            return evaluated;
        }
        self.depth += 1;
        let start = self.errors.len();

        for key in ["$ref", "$dynamicRef"] {
            if let Some(r) = s.get(key).and_then(Value::as_str) {
                if let Some((target, target_base)) = self.resolve(base, r, key == "$dynamicRef") {
                    let before = self.errors.len();
                    self.scope.push(target_base);
                    let e = self.validate(target, target_base, inst);
                    self.scope.pop();
                    // AJV inlines a referenced schema without references of its own and takes
                    // what it evaluated; one it calls as a function counts only when it passed
                    if (key == "$ref" && !self.has_ref(target)) || self.errors.len() == before {
                        evaluated.merge(e);
                    }
                }
            }
        }
        self.type_keyword(schema, s, inst);
        if let Some(c) = s.get("const") {
            if !json_eq(c, inst) {
                self.error(schema, "const", "must be equal to constant".into());
            }
        }
        if let Some(Value::Array(allowed)) = s.get("enum") {
            if !allowed.iter().any(|a| json_eq(a, inst)) {
                let printed: Vec<String> = allowed.iter().map(Value::to_string).collect();
                let suggestion = inst
                    .as_str()
                    .and_then(|text| best_match(text, allowed))
                    .map(|m| format!(". Did you mean \"{m}\"?"))
                    .unwrap_or_default();
                let suffix = format!(": {}{suggestion}", printed.join(", "));
                self.error_with(
                    schema,
                    "enum",
                    "must be equal to one of the allowed values".into(),
                    &suffix,
                );
            }
        }
        match inst {
            Value::Number(n) => self.number_keywords(schema, s, n.as_f64().unwrap_or(0.0)),
            Value::String(text) => self.string_keywords(schema, s, text, !base.starts_with(JSON_SCHEMA_ORG)),
            Value::Array(items) => self.array_keywords(schema, s, base, items),
            Value::Object(obj) => evaluated.merge(self.object_keywords(schema, s, base, inst, obj)),
            _ => {}
        }
        evaluated.merge(self.applicators(schema, s, base, inst));
        if let (Value::Object(obj), Some(u)) = (inst, s.get("unevaluatedProperties")) {
            if !evaluated.all {
                for (key, value) in obj {
                    if evaluated.keys.contains(key.as_str()) {
                        continue;
                    }
                    if u == &Value::Bool(false) {
                        self.error(
                            schema,
                            "unevaluatedProperties",
                            "must NOT have unevaluated properties".into(),
                        );
                    } else {
                        self.path.push(key.clone());
                        self.validate(u, base, value);
                        self.path.pop();
                    }
                }
                evaluated.all = true;
            }
        }
        if let Some(m) = s.get("errorMessage") {
            self.error_message(schema, m, start);
        }
        self.depth -= 1;
        evaluated
    }

    fn type_keyword(&mut self, schema: &Value, s: &Map<String, Value>, inst: &Value) {
        let ok = match s.get("type") {
            Some(Value::String(t)) => is_type(inst, t),
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(|t| is_type(inst, t)),
            _ => true,
        };
        if !ok {
            let named = match s.get("type") {
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","),
                Some(Value::String(t)) => t.clone(),
                _ => String::new(),
            };
            self.error(schema, "type", format!("must be {named}"));
        }
    }

    fn number_keywords(&mut self, schema: &Value, s: &Map<String, Value>, n: f64) {
        if let Some(m) = s.get("minimum").and_then(Value::as_f64) {
            if n < m {
                self.error(schema, "minimum", format!("must be >= {}", js_number(m)));
            }
        }
        if let Some(m) = s.get("exclusiveMinimum").and_then(Value::as_f64) {
            if n <= m {
                self.error(schema, "exclusiveMinimum", format!("must be > {}", js_number(m)));
            }
        }
    }

    fn string_keywords(&mut self, schema: &Value, s: &Map<String, Value>, text: &str, check_format: bool) {
        if let Some(p) = s.get("pattern").and_then(Value::as_str) {
            if !self.matches(p, text) {
                self.error(schema, "pattern", format!("must match pattern \"{p}\""));
            }
        }
        if let Some(f) = s.get("format").and_then(Value::as_str).filter(|_| check_format) {
            if !format_ok(f, text) {
                self.error(schema, "format", format!("must match format \"{f}\""));
            }
        }
    }

    fn array_keywords(
        &mut self,
        schema: &'static Value,
        s: &'static Map<String, Value>,
        base: &'static str,
        items: &[Value],
    ) {
        if let Some(m) = s.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < m {
                self.error(schema, "minItems", format!("must NOT have fewer than {m} items"));
            }
        }
        if s.get("uniqueItems") == Some(&Value::Bool(true)) {
            if let Some((j, i)) = duplicate(items, s.get("items")) {
                self.error(
                    schema,
                    "uniqueItems",
                    format!("must NOT have duplicate items (items ## {j} and {i} are identical)"),
                );
            }
        }
        if let Some(wanted) = s.get("contains") {
            let min = s.get("minContains").and_then(Value::as_u64).unwrap_or(1);
            let max = s.get("maxContains").and_then(Value::as_u64);
            let mut count = 0u64;
            for (i, item) in items.iter().enumerate() {
                let before = self.errors.len();
                self.path.push(i.to_string());
                self.validate(wanted, base, item);
                self.path.pop();
                count += u64::from(self.errors.len() == before);
                self.errors.truncate(before);
            }
            if count < min || max.is_some_and(|m| count > m) {
                let message = match max {
                    None => format!("must contain at least {min} valid item(s)"),
                    Some(m) => format!("must contain at least {min} and no more than {m} valid item(s)"),
                };
                self.error(schema, "contains", message);
            }
        }
        if let Some(item_schema) = s.get("items") {
            for (i, item) in items.iter().enumerate() {
                self.path.push(i.to_string());
                self.validate(item_schema, base, item);
                self.path.pop();
            }
        }
    }

    fn object_keywords<'d>(
        &mut self,
        schema: &'static Value,
        s: &'static Map<String, Value>,
        base: &'static str,
        inst: &'d Value,
        obj: &'d Map<String, Value>,
    ) -> Evaluated<'d> {
        let mut evaluated = Evaluated::default();
        for name in s.get("required").and_then(Value::as_array).into_iter().flatten() {
            if let Some(name) = name.as_str() {
                if !obj.contains_key(name) {
                    self.error(schema, "required", format!("must have required property \"{name}\""));
                }
            }
        }
        let count = obj.len() as u64;
        if let Some(m) = s.get("minProperties").and_then(Value::as_u64) {
            if count < m {
                self.error(
                    schema,
                    "minProperties",
                    format!("must NOT have fewer than {m} properties"),
                );
            }
        }
        if let Some(m) = s.get("maxProperties").and_then(Value::as_u64) {
            if count > m {
                self.error(
                    schema,
                    "maxProperties",
                    format!("must NOT have more than {m} properties"),
                );
            }
        }
        let properties = s.get("properties").and_then(Value::as_object);
        let patterns = s.get("patternProperties").and_then(Value::as_object);
        for (key, value) in obj {
            let mut declared = false;
            if let Some(p) = properties.and_then(|p| p.get(key)) {
                declared = true;
                self.path.push(key.clone());
                self.validate(p, base, value);
                self.path.pop();
            }
            for (pattern, p) in patterns.into_iter().flatten() {
                if self.matches(pattern, key) {
                    declared = true;
                    self.path.push(key.clone());
                    self.validate(p, base, value);
                    self.path.pop();
                }
            }
            if declared {
                evaluated.keys.insert(key.as_str());
            } else if let Some(extra) = s.get("additionalProperties") {
                if extra == &Value::Bool(false) {
                    self.path.push(key.clone());
                    self.errors.push(SchemaError {
                        path: self.path.clone(),
                        keyword: "additionalProperties",
                        message: format!("Property \"{key}\" is not expected to be here"),
                        origin: schema,
                    });
                    self.path.pop();
                } else {
                    self.path.push(key.clone());
                    self.validate(extra, base, value);
                    self.path.pop();
                }
            }
        }
        if s.contains_key("additionalProperties") {
            evaluated.all = true;
        }
        if let Some(names) = s.get("propertyNames") {
            for key in obj.keys() {
                let before = self.errors.len();
                let name = Value::String(key.clone());
                self.validate(names, base, &name);
                if self.errors.len() > before {
                    self.error(schema, "propertyNames", "property name must be valid".into());
                }
            }
        }
        if let Some(deps) = s.get("dependentSchemas").and_then(Value::as_object) {
            for (key, dep) in deps {
                if obj.contains_key(key) {
                    let before = self.errors.len();
                    let e = self.validate(dep, base, inst);
                    if self.errors.len() == before {
                        evaluated.merge(e);
                    }
                }
            }
        }
        evaluated
    }

    /// `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`, with AJV's error handling.
    fn applicators<'d>(
        &mut self,
        schema: &'static Value,
        s: &'static Map<String, Value>,
        base: &'static str,
        inst: &'d Value,
    ) -> Evaluated<'d> {
        let mut evaluated = Evaluated::default();
        for part in s.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            evaluated.merge(self.validate(part, base, inst));
        }
        for (key, exactly_one) in [("anyOf", false), ("oneOf", true)] {
            let Some(parts) = s.get(key).and_then(Value::as_array) else {
                continue;
            };
            let before = self.errors.len();
            let mut passing = 0;
            for part in parts {
                let errors = self.errors.len();
                let e = self.validate(part, base, inst);
                if self.errors.len() == errors {
                    passing += 1;
                    evaluated.merge(e);
                }
            }
            if passing == 1 || (passing > 1 && !exactly_one) {
                self.errors.truncate(before);
            } else if exactly_one {
                self.error(schema, "oneOf", "must match exactly one schema in oneOf".into());
            } else {
                self.error(schema, "anyOf", "must match a schema in anyOf".into());
            }
        }
        if let Some(not) = s.get("not") {
            let before = self.errors.len();
            self.validate(not, base, inst);
            let passed = self.errors.len() == before;
            self.errors.truncate(before);
            if passed {
                self.error(schema, "not", "must NOT be valid".into());
            }
        }
        if let Some(condition) = s.get("if") {
            // `if` makes no errors; the clause it picks does (AJV's own "must match" error
            // for the clause is one Spectral leaves out)
            let before = self.errors.len();
            let e = self.validate(condition, base, inst);
            let holds = self.errors.len() == before;
            self.errors.truncate(before);
            evaluated.merge(e);
            if let Some(clause) = s.get(if holds { "then" } else { "else" }) {
                let e = self.validate(clause, base, inst);
                if self.errors.len() == before {
                    evaluated.merge(e);
                }
            }
        }
        evaluated
    }

    /// `ajv-errors`: a string replaces every error the schema made (with those of its
    /// subschemas) by one; an object replaces the errors of the keywords it names.
    fn error_message(&mut self, schema: &'static Value, message: &Value, start: usize) {
        if self.errors.len() <= start {
            return;
        }
        match message {
            Value::String(m) => {
                self.errors.truncate(start);
                self.push_message(schema, m);
            }
            Value::Object(per_keyword) => {
                for (keyword, m) in per_keyword {
                    let Some(m) = m.as_str() else { continue };
                    let origin: *const Value = schema;
                    let mine =
                        |e: &SchemaError| e.keyword == keyword.as_str() && e.origin == origin && e.path == self.path;
                    let (replaced, kept): (Vec<SchemaError>, Vec<SchemaError>) =
                        self.errors.drain(start..).partition(|e| mine(e));
                    self.errors.extend(kept);
                    if !replaced.is_empty() {
                        self.push_message(schema, m);
                    }
                }
            }
            _ => {}
        }
    }

    fn push_message(&mut self, schema: &Value, message: &str) {
        self.errors.push(SchemaError {
            path: self.path.clone(),
            keyword: "errorMessage",
            message: message.to_string(),
            origin: schema,
        });
    }

    /// The schema a `$ref` (or `$dynamicRef`) names, with the resource it is in.
    fn resolve(&self, base: &'static str, reference: &str, dynamic: bool) -> Option<(&'static Value, &'static str)> {
        let (uri, fragment) = reference.split_once('#').unwrap_or((reference, ""));
        let id = if uri.is_empty() {
            base.to_string()
        } else if uri.contains("://") {
            uri.to_string()
        } else {
            let dir = base.rfind('/').map_or("", |i| &base[..=i]);
            format!("{dir}{uri}")
        };
        let (id, root) = schema(&id)?;
        let fragment = percent_decode(fragment);
        if fragment.is_empty() {
            return Some((root, id));
        }
        if fragment.starts_with('/') {
            return root.pointer(&fragment).map(|v| (v, id));
        }
        // a plain name: the resource's (dynamic) anchor
        let anchored = |v: &Value| {
            v.get("$dynamicAnchor").and_then(Value::as_str) == Some(fragment.as_str())
                || v.get("$anchor").and_then(Value::as_str) == Some(fragment.as_str())
        };
        if !anchored(root) {
            return None;
        }
        if dynamic && root.get("$dynamicAnchor").and_then(Value::as_str) == Some(fragment.as_str()) {
            // the outermost resource in the dynamic scope that has the same dynamic anchor
            for outer in &self.scope {
                if let Some((outer_id, outer_root)) = schema(outer) {
                    if outer_root.get("$dynamicAnchor").and_then(Value::as_str) == Some(fragment.as_str()) {
                        return Some((outer_root, outer_id));
                    }
                }
            }
        }
        Some((root, id))
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes.get(i), hex) {
            (Some(b'%'), Some(b)) => {
                out.push(b);
                i += 3;
            }
            (Some(b), _) => {
                out.push(*b);
                i += 1;
            }
            (None, _) => break,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// JSON Schema's types as AJV checks them (an integer is a number without a fraction).
fn is_type(v: &Value, t: &str) -> bool {
    match (t, v) {
        ("null", Value::Null) | ("boolean", Value::Bool(_)) | ("string", Value::String(_)) => true,
        ("object", Value::Object(_)) | ("array", Value::Array(_)) | ("number", Value::Number(_)) => true,
        ("integer", Value::Number(n)) => n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => false,
    }
}

/// A number as JavaScript prints it (no `.0` on whole numbers).
fn js_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// Deep equality as `fast-deep-equal` sees it: numbers by value, objects regardless of order.
fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// The first pair of equal items AJV's `uniqueItems` reports, as (j, i): with scalar item types
/// it keeps an index of values from the end, otherwise it compares every pair from the end.
fn duplicate(items: &[Value], item_schema: Option<&Value>) -> Option<(usize, usize)> {
    if items.len() < 2 {
        return None;
    }
    let types: Vec<&str> = match item_schema.and_then(|s| s.get("type")) {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !types.is_empty() && !types.iter().any(|t| *t == "object" || *t == "array") {
        let mut indices: HashMap<String, usize> = HashMap::new();
        for i in (0..items.len()).rev() {
            let item = items.get(i)?;
            if !types.iter().any(|t| is_type(item, t)) {
                continue;
            }
            let key = match item {
                Value::String(s) if types.len() > 1 => format!("{s}_"),
                Value::String(s) => s.clone(),
                Value::Number(n) => js_number(n.as_f64().unwrap_or(0.0)),
                other => other.to_string(),
            };
            if let Some(j) = indices.get(&key) {
                return Some((*j, i));
            }
            indices.insert(key, i);
        }
        return None;
    }
    for i in (0..items.len()).rev() {
        for j in (0..i).rev() {
            if let (Some(a), Some(b)) = (items.get(i), items.get(j)) {
                if json_eq(a, b) {
                    return Some((j, i));
                }
            }
        }
    }
    None
}

/// The allowed value closest to a wrong one, when it is close enough (Spectral's suggestion).
fn best_match(text: &str, allowed: &[Value]) -> Option<String> {
    let mut candidates: Vec<(usize, &str)> = allowed
        .iter()
        .filter_map(Value::as_str)
        .map(|a| (levenshtein(text, a), a))
        .collect();
    candidates.sort_by_key(|(weight, _)| *weight);
    let (weight, best) = candidates.first()?;
    (allowed.len() == 1 || *weight < best.encode_utf16().count()).then(|| (*best).to_string())
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<u16> = a.encode_utf16().collect();
    let b: Vec<u16> = b.encode_utf16().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let cost = usize::from(ca != cb);
            let value = (above + 1).min(left + 1).min(diagonal + cost);
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The formats `ajv-formats` checks in Spectral's validators; others (`media-range`, `iri`)
/// are not checked there either.
fn format_ok(format: &str, text: &str) -> bool {
    let matches = |re: &LazyLock<Option<Regex>>| re.as_ref().is_none_or(|r| r.is_match(text));
    match format {
        "uri" => (text.contains('/') || text.contains(':')) && matches(&URI),
        "uri-reference" => matches(&URI_REFERENCE),
        "email" => matches(&EMAIL),
        "regex" => regex_ok(text),
        _ => true,
    }
}

/// Whether JavaScript's `new RegExp` would take a pattern (and it has no `\Z`, which
/// `ajv-formats` refuses). This engine is stricter than JavaScript's (lookaround, backreferences,
/// needless escapes), so a pattern it refuses is only held wrong when its brackets do not pair
/// or a quantifier has nothing to repeat, which JavaScript refuses too.
fn regex_ok(pattern: &str) -> bool {
    let chars: Vec<char> = pattern.chars().collect();
    if chars
        .windows(3)
        .any(|w| w.first() != Some(&'\\') && w.get(1) == Some(&'\\') && w.get(2) == Some(&'Z'))
    {
        return false;
    }
    if Regex::new(pattern).is_ok() {
        return true;
    }
    let mut depth = 0usize;
    let mut in_class = false;
    let mut previous: Option<char> = None;
    let mut iter = chars.iter().peekable();
    while let Some(c) = iter.next() {
        match (*c, in_class) {
            ('\\', _) => {
                iter.next();
                previous = Some('a');
                continue;
            }
            ('[', false) => in_class = true,
            (']', true) => in_class = false,
            ('(', false) => {
                depth += 1;
                // a group's `(?:`, `(?=`, `(?!`, `(?<…`: the `?` quantifies nothing
                iter.next_if_eq(&&'?');
            }
            (')', false) => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            ('*' | '+' | '?', false) if matches!(previous, None | Some('(' | '|')) => return false,
            _ => {}
        }
        previous = Some(*c);
    }
    depth == 0 && !in_class
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use serde_json::json;

    fn findings(doc: &Value) -> Vec<(String, String)> {
        super::super::lint(doc)
            .into_iter()
            .filter(|f| f.rule == RULE)
            .map(|f| (f.path.join("."), f.message))
            .collect()
    }

    #[test]
    fn every_schema_file_is_there_by_its_id() {
        for (id, text) in FILES {
            let parsed: Value = serde_json::from_str(text).unwrap();
            assert_eq!(parsed["$id"].as_str().map(|s| s.trim_end_matches('#')), Some(id));
            assert!(schema(id).is_some(), "{id}");
        }
        for id in [OAS_3_0, OAS_3_1, OAS_3_2] {
            assert!(schema(id).is_some(), "{id}");
        }
        assert!(URI.is_some() && URI_REFERENCE.is_some() && EMAIL.is_some());
    }

    #[test]
    fn the_version_picks_the_schema_and_other_documents_are_left_alone() {
        assert_eq!(schema_for(&json!({ "openapi": "3.0.3" })), Some(OAS_3_0));
        assert_eq!(schema_for(&json!({ "openapi": "3.1" })), Some(OAS_3_1));
        assert_eq!(schema_for(&json!({ "openapi": "3.2.0" })), Some(OAS_3_2));
        assert_eq!(schema_for(&json!({ "openapi": 3.1 })), Some(OAS_3_1));
        assert_eq!(schema_for(&json!({ "openapi": "3.1.0-rc1" })), Some(OAS_3_0));
        assert_eq!(schema_for(&json!({ "swagger": "2.0" })), None);
        assert_eq!(schema_for(&json!({ "openapi": "4.0" })), None);
        assert_eq!(schema_for(&json!([1])), None);
    }

    #[test]
    fn a_missing_member_and_a_stray_one_are_named() {
        let doc = json!({ "openapi": "3.0.3", "info": { "title": "x" }, "paths": {}, "extra": 1 });
        let found = findings(&doc);
        assert!(
            found.contains(&(
                "info".into(),
                "\"info\" property must have required property \"version\".".into()
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&("extra".into(), "Property \"extra\" is not expected to be here.".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_passing_branch_drops_the_errors_of_the_others() {
        // a parameter with `schema` passes the oneOf's first branch; the second's error goes
        let doc = json!({ "openapi": "3.1.0", "info": { "title": "x", "version": "1" }, "paths": { "/a": { "get": {
            "parameters": [{ "name": "q", "in": "query", "schema": { "type": "string" } }],
            "responses": { "200": { "description": "ok" } } } } } });
        assert_eq!(findings(&doc), Vec::<(String, String)>::new());
    }

    #[test]
    fn references_in_the_document_are_not_followed() {
        let doc = json!({ "openapi": "3.0.3", "info": { "title": "x", "version": "1" }, "paths": { "/a": { "get": {
            "responses": { "200": { "$ref": "#/nergens" } } } } } });
        assert_eq!(findings(&doc), Vec::<(String, String)>::new());
    }

    #[test]
    fn an_enum_mistake_gets_a_suggestion() {
        let doc = json!({ "openapi": "3.0.3", "info": { "title": "x", "version": "1" }, "paths": { "/a": { "get": {
            "parameters": [{ "name": "q", "in": "queyr", "schema": { "type": "string" } }],
            "responses": { "200": { "description": "ok" } } } } } });
        let found = findings(&doc);
        assert!(
            found
                .iter()
                .any(|(p, m)| p == "paths./a.get.parameters.0.in" && m.ends_with("Did you mean \"query\"?.")),
            "{found:?}"
        );
    }

    #[test]
    fn javascript_patterns_are_judged_as_javascript_would() {
        assert!(regex_ok("^(?!0{16})[0-9]{16}$"));
        assert!(regex_ok(r"^\/a$"));
        assert!(!regex_ok("(["));
        assert!(!regex_ok("*a"));
        assert!(!regex_ok(r"a\Z"));
    }

    #[test]
    fn duplicates_are_found_as_ajv_reports_them() {
        let strings = json!({ "type": "string" });
        assert_eq!(duplicate(&[json!("a"), json!("a")], Some(&strings)), Some((1, 0)));
        assert_eq!(duplicate(&[json!({ "a": 1 }), json!({ "a": 1.0 })], None), Some((0, 1)));
        assert_eq!(duplicate(&[json!(1), json!(2)], None), None);
    }
}

#[cfg(test)]
mod depth_tests {
    #![allow(clippy::unwrap_used)]

    /// The deepest document the parser takes (it stops at 128 levels) is linted on a thread
    /// with the stack of a blocking-pool worker (2 MiB), in a debug build, without overflowing.
    #[test]
    fn the_deepest_document_the_parser_takes_is_linted_on_a_small_stack() {
        for (open, close) in [
            (r#"{"properties":{"a":"#, "}}"),
            (r#"{"items":"#, "}"),
            (r#"{"allOf":["#, "]}"),
        ] {
            let levels = 120 / close.len();
            let text = format!(
                r#"{{"openapi":"3.1.0","info":{{"title":"x","version":"1"}},"paths":{{}},"components":{{"schemas":{{"A":{}{{}}{}}}}}}}"#,
                open.repeat(levels),
                close.repeat(levels)
            );
            let doc = crate::domain::openapi::parse_any(&text).unwrap();
            let found = std::thread::Builder::new()
                .stack_size(2 * 1024 * 1024)
                .spawn(move || super::super::lint(&doc).len())
                .unwrap()
                .join()
                .unwrap();
            assert!(found < 1000);
        }
    }
}
