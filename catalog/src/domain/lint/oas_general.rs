//! The recommended `spectral:oas` rules that ADR 2.1 switches on besides its own (ADR 2.2 has
//! them off; they report only under 2.1), each with Spectral's path and message.

use super::{Doc, Findings, Node, Path, truthy};
use serde_json::Value;
use std::collections::BTreeSet;

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// Runs every rule.
pub(super) fn check(d: &Doc<'_>, out: &mut Findings) {
    let root = d.root();
    info(d, &root, out);
    servers(d, &root, out);
    unused_components(&root, out);
    ref_siblings(&root, out);
    markdown(d, out);
    enums(d, out);
    array_items(d, out);
    callbacks_and_webhooks(d, &root, out);
    examples_value_or_external(d, &root, out);
    security_defined(d, &root, out);
    let Some(paths) = d.get(&root, "paths") else { return };
    let tags: BTreeSet<String> = root
        .value
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| t.get("name").and_then(Value::as_str).map(str::to_string))
        .collect();
    for (key, item) in d.children(&paths) {
        let at = d.member_path(&paths, &key);
        if key.contains('?') {
            out.add("path-not-include-query", &at, "Path must not include query string.");
        }
        if key.contains("{}") {
            out.add(
                "path-declarations-must-exist",
                &at,
                "Path parameter declarations must not be empty, ex.\"/given/{}\" is invalid.",
            );
        }
        for (method, op) in d.children(&item) {
            if METHODS.contains(&&*method) {
                operation(d, &op, &tags, out);
            }
        }
    }
}

/// Where a truthy check of `key` on `node` reports: the member when it is there, else the node.
fn at_member<'a>(d: &Doc<'a>, node: &Node<'a>, key: &str) -> Path<'a> {
    if node.value.get(key).is_some() {
        d.member_path(node, key)
    } else {
        node.path.clone()
    }
}

fn operation(d: &Doc<'_>, op: &Node<'_>, tags: &BTreeSet<String>, out: &mut Findings) {
    if !truthy(op.value.get("description")) {
        out.add(
            "operation-description",
            &at_member(d, op, "description"),
            "Operation \"description\" must be present and non-empty string.",
        );
    }
    if !truthy(op.value.get("operationId")) {
        out.add(
            "operation-operationId",
            &at_member(d, op, "operationId"),
            "Operation must have \"operationId\".",
        );
    }
    if let Some(id) = op.value.get("operationId").and_then(Value::as_str) {
        let valid = id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=".contains(c));
        if !valid {
            out.add(
                "operation-operationId-valid-in-url",
                &d.member_path(op, "operationId"),
                "operationId must not contain characters that are invalid when used in URL.",
            );
        }
    }
    if !truthy(op.value.get("tags")) {
        out.add(
            "operation-tags",
            &at_member(d, op, "tags"),
            "Operation must have non-empty \"tags\" array.",
        );
    }
    if let Some(list) = d.get(op, "tags") {
        for (i, t) in d.children(&list) {
            if t.value.as_str().is_some_and(|name| !tags.contains(name)) {
                out.add(
                    "operation-tag-defined",
                    &d.member_path(&list, &i),
                    "Operation tags must be defined in global tags.",
                );
            }
        }
    }
    match d.get(op, "responses") {
        Some(responses) => {
            let ok = responses
                .value
                .as_object()
                .is_some_and(|m| m.keys().any(|k| k.starts_with('2') || k.starts_with('3')));
            if !ok {
                out.add(
                    "operation-success-response",
                    &responses.path,
                    "Operation must have at least one \"2xx\" or \"3xx\" response.",
                );
            }
        }
        None => out.add(
            "operation-success-response",
            &op.path,
            "Operation must have at least one \"2xx\" or \"3xx\" response.",
        ),
    }
    if let Some(params) = d.get(op, "parameters") {
        let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
        for (i, p) in d.children(&params) {
            let key = (
                p.value
                    .get("in")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                p.value
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            );
            if !seen.insert(key) {
                out.add(
                    "operation-parameters",
                    &d.member_path(&params, &i),
                    "A parameter in this operation already exposes the same combination of \"name\" and \"in\" values.",
                );
            }
        }
    }
}

fn info(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let Some(info) = d.get(root, "info") else { return };
    if !truthy(info.value.get("description")) {
        out.add(
            "info-description",
            &at_member(d, &info, "description"),
            "Info \"description\" must be present and non-empty string.",
        );
    }
}

fn servers(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let Some(list) = d.get(root, "servers") else { return };
    for (_, server) in d.children(&list) {
        if let Some(url) = d.get(&server, "url") {
            if url.value.as_str().is_some_and(|u| u.len() > 1 && u.ends_with('/')) {
                out.add(
                    "oas3-server-trailing-slash",
                    &url.path,
                    "Server URL must not have trailing slash.",
                );
            }
        }
    }
}

/// Every `$ref` string of the document.
fn refs(v: &Value, into: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                if k == "$ref" {
                    if let Some(r) = c.as_str() {
                        into.insert(r.to_string());
                    }
                } else {
                    refs(c, into);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|c| refs(c, into)),
        _ => {}
    }
}

fn unused_components(root: &Node<'_>, out: &mut Findings) {
    let Some(components) = root.value.get("components").and_then(Value::as_object) else {
        return;
    };
    let mut used = BTreeSet::new();
    refs(root.value, &mut used);
    for kind in [
        "schemas",
        "responses",
        "parameters",
        "examples",
        "requestBodies",
        "headers",
        "links",
        "callbacks",
    ] {
        let Some(m) = components.get(kind).and_then(Value::as_object) else {
            continue;
        };
        for name in m.keys() {
            let pointer = format!("#/components/{kind}/{}", name.replace('~', "~0").replace('/', "~1"));
            if !used.contains(&pointer) {
                out.add(
                    "oas3-unused-component",
                    &["components".to_string(), kind.to_string(), name.clone()][..],
                    "Potentially unused component has been detected.",
                );
            }
        }
    }
}

/// OpenAPI 3.0 ignores the keys beside a `$ref`; Spectral flags them (3.0 documents only).
fn ref_siblings(root: &Node<'_>, out: &mut Findings) {
    let is_30 = root
        .value
        .get("openapi")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("3.0"));
    if !is_30 {
        return;
    }
    fn walk(v: &Value, path: &mut Vec<String>, out: &mut Findings) {
        match v {
            Value::Object(m) => {
                if m.contains_key("$ref") {
                    for k in m.keys().filter(|k| *k != "$ref") {
                        path.push(k.clone());
                        out.add(
                            "no-$ref-siblings",
                            path,
                            "$ref must not be placed next to any other properties",
                        );
                        path.pop();
                    }
                }
                for (k, c) in m {
                    path.push(k.clone());
                    walk(c, path, out);
                    path.pop();
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    path.push(i.to_string());
                    walk(c, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    walk(root.value, &mut Vec::new(), out);
}

fn markdown(d: &Doc<'_>, out: &mut Findings) {
    for (key, node) in d.all() {
        if key != "description" && key != "title" {
            continue;
        }
        let Some(text) = node.value.as_str() else { continue };
        if text.contains("eval(") {
            out.add(
                "no-eval-in-markdown",
                &node.path,
                "Markdown descriptions must not have \"eval(\".",
            );
        }
        if text.to_ascii_lowercase().contains("<script") {
            out.add(
                "no-script-tags-in-markdown",
                &node.path,
                "Markdown descriptions must not have \"<script>\" tags.",
            );
        }
    }
}

/// Callbacks inside callbacks; servers and callbacks in webhooks (3.1 and later); the xml
/// `attribute` flag OpenAPI 3.2 deprecates.
fn callbacks_and_webhooks(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let version = root.value.get("openapi").and_then(Value::as_str).unwrap_or_default();
    if let Some(paths) = d.get(root, "paths") {
        for (_, item) in d.children(&paths) {
            for (method, op) in d.children(&item) {
                if !METHODS.contains(&&*method) {
                    continue;
                }
                let Some(callbacks) = d.get(&op, "callbacks") else {
                    continue;
                };
                for (_, callback) in d.children(&callbacks) {
                    for (_, expression) in d.children(&callback) {
                        for (_, inner) in d.children(&expression) {
                            if inner.value.get("callbacks").is_some() {
                                out.add(
                                    "oas3-callbacks-in-callbacks",
                                    &d.member_path(&inner, "callbacks"),
                                    "Callbacks should not be defined within a callback",
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    if version.starts_with("3.1") || version.starts_with("3.2") {
        if let Some(webhooks) = d.get(root, "webhooks") {
            if webhooks.value.get("servers").is_some() {
                out.add(
                    "oas3_1-servers-in-webhook",
                    &d.member_path(&webhooks, "servers"),
                    "Servers should not be defined in a webhook.",
                );
            }
            for (_, hook) in d.children(&webhooks) {
                for (_, op) in d.children(&hook) {
                    if op.value.get("servers").is_some() {
                        out.add(
                            "oas3_1-servers-in-webhook",
                            &d.member_path(&op, "servers"),
                            "Servers should not be defined in a webhook.",
                        );
                    }
                    if op.value.get("callbacks").is_some() {
                        out.add(
                            "oas3_1-callbacks-in-webhook",
                            &d.member_path(&op, "callbacks"),
                            "Callbacks should not be defined in a webhook.",
                        );
                    }
                }
            }
        }
    }
    if version.starts_with("3.2") {
        for (_, node) in d.all() {
            let Some(xml) = d.get(node, "xml") else { continue };
            if xml.value.get("attribute") == Some(&Value::Bool(true)) {
                out.add(
                    "oas3_2-no-deprecated-xml-attribute",
                    &xml.path,
                    "\"xml.attribute\" is deprecated in OAS 3.2; use \"xml.nodeType: attribute\" instead.",
                );
            }
        }
    }
}

/// A schema of type array needs `items`.
fn array_items(d: &Doc<'_>, out: &mut Findings) {
    for (_, node) in d.all() {
        let is_array = match node.value.get("type") {
            Some(Value::String(t)) => t == "array",
            Some(Value::Array(ts)) => ts.iter().any(|t| t == "array"),
            _ => false,
        };
        if is_array && !truthy(node.value.get("items")) {
            out.add(
                "array-items",
                &at_member(d, node, "items"),
                "Schemas with \"type: array\", require a sibling \"items\" field",
            );
        }
    }
}

fn type_fits(v: &Value, t: &str) -> bool {
    match t {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "null" => v.is_null(),
        _ => true,
    }
}

fn enums(d: &Doc<'_>, out: &mut Findings) {
    for (key, node) in d.all() {
        if key == "properties" {
            continue;
        }
        let Some(values) = node.value.get("enum").and_then(Value::as_array) else {
            continue;
        };
        let enum_path = d.member_path(node, "enum");
        let mut seen: Vec<&Value> = Vec::new();
        let mut duplicated = false;
        for v in values {
            duplicated |= seen.contains(&v);
            seen.push(v);
        }
        if duplicated {
            out.add(
                "duplicated-entry-in-enum",
                &enum_path,
                "A duplicated entry in the enum was found.",
            );
        }
        let types: Vec<&str> = match node.value.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => continue,
        };
        let nullable = node.value.get("nullable") == Some(&Value::Bool(true));
        for (i, v) in values.iter().enumerate() {
            if !(types.iter().any(|t| type_fits(v, t)) || (nullable && v.is_null())) {
                let at = enum_path.index(i);
                out.add(
                    "typed-enum",
                    &at,
                    format!("Enum value \"{v}\" must be \"{}\".", types.join("\", \"")),
                );
            }
        }
    }
}

fn examples_value_or_external(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let check = |ex: &Node<'_>, out: &mut Findings| {
        let value = ex.value.get("value").is_some();
        let external = ex.value.get("externalValue").is_some();
        if value == external {
            out.add(
                "oas3-examples-value-or-externalValue",
                &ex.path,
                "Examples must have either \"value\" or \"externalValue\" field.",
            );
        }
    };
    if let Some(list) = d.get(root, "components").and_then(|c| d.get(&c, "examples")) {
        for (_, ex) in d.children(&list) {
            check(&ex, out);
        }
    }
    for (key, node) in d.all() {
        if key != "examples"
            || !node
                .path
                .to_vec()
                .iter()
                .any(|p| p == "content" || p == "parameters" || p == "headers")
        {
            continue;
        }
        for (_, ex) in d.children(node) {
            if ex.value.is_object() {
                check(&ex, out);
            }
        }
    }
}

fn security_defined(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let schemes: BTreeSet<String> = root
        .value
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let check = |list: &Node<'_>, out: &mut Findings| {
        for (_, req) in d.children(list) {
            let Some(m) = req.value.as_object() else { continue };
            for name in m.keys().filter(|n| !schemes.contains(*n)) {
                out.add(
                    "oas3-operation-security-defined",
                    &d.member_path(&req, name),
                    "API \"security\" values must match a scheme defined in the \"components.securitySchemes\" object.",
                );
            }
        }
    };
    if let Some(global) = d.get(root, "security") {
        check(&global, out);
    }
    if let Some(paths) = d.get(root, "paths") {
        for (_, item) in d.children(&paths) {
            for (method, op) in d.children(&item) {
                if METHODS.contains(&&*method) {
                    if let Some(list) = d.get(&op, "security") {
                        check(&list, out);
                    }
                }
            }
        }
    }
}
