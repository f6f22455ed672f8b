//! The `spectral:oas` rules the ADR ruleset switches on (those that need no JSON Schema
//! validator), with Spectral's paths and messages.

use super::{Doc, Findings, Node};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// Runs every rule.
pub(super) fn check(d: &Doc<'_>, out: &mut Findings) {
    let root = d.root();
    invalid_refs(root.value, root.value, &mut Vec::new(), out);
    operation_ids(d, &root, out);
    tags(d, &root, out);
    servers(d, &root, out);
    if let Some(paths) = d.get(&root, "paths") {
        for (key, item) in d.children(&paths) {
            if key.len() > 1 && key.ends_with('/') {
                out.add(
                    "path-keys-no-trailing-slash",
                    &d.member_path(&paths, &key),
                    "Path must not end with slash.",
                );
            }
            path_params(d, &paths, &key, &item, out);
        }
        equivalent_paths(d, &paths, out);
    }
}

/// The operations of a path item: (method, node).
fn operations<'a>(d: &Doc<'a>, item: &Node<'a>) -> Vec<(String, Node<'a>)> {
    d.children(item)
        .into_iter()
        .filter(|(k, _)| METHODS.contains(&k.as_str()))
        .collect()
}

fn operation_ids(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let Some(paths) = d.get(root, "paths") else { return };
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (_, item) in d.children(&paths) {
        for (_, op) in operations(d, &item) {
            let Some(id) = d.get(&op, "operationId") else { continue };
            let Some(text) = id.value.as_str() else { continue };
            if !seen.insert(text.to_string()) {
                out.add(
                    "operation-operationId-unique",
                    &id.path,
                    "Every operation must have unique \"operationId\".",
                );
            }
        }
    }
}

fn tags(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let Some(list) = d.get(root, "tags") else { return };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, tag) in d.children(&list) {
        let Some(name) = tag.value.get("name").and_then(Value::as_str) else {
            continue;
        };
        if let Some(first) = seen.get(name) {
            let at = d.member_path(&tag, "name");
            out.add(
                "openapi-tags-uniqueness",
                &at,
                format!("\"tags\" object contains duplicate tag name \"{name}\" (first at tags[{first}])."),
            );
        } else {
            seen.insert(name.to_string(), i.parse().unwrap_or_default());
        }
    }
}

fn servers(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    match d.get(root, "servers") {
        None => out.add(
            "oas3-api-servers",
            &root.path,
            "OpenAPI \"servers\" must be present and non-empty array.",
        ),
        Some(list) => {
            let ok = list
                .value
                .as_array()
                .is_some_and(|a| !a.is_empty() && a.iter().all(Value::is_object));
            if !ok {
                out.add(
                    "oas3-api-servers",
                    &list.path,
                    "OpenAPI \"servers\" must be present and non-empty array.",
                );
            }
            for (_, server) in d.children(&list) {
                server_variables(d, &server, out);
            }
        }
    }
}

/// `{name}` placeholders of a template.
fn placeholders(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        out.push(after[..end].to_string());
        rest = &after[end + 1..];
    }
    out
}

fn server_variables(d: &Doc<'_>, server: &Node<'_>, out: &mut Findings) {
    let Some(url) = server.value.get("url").and_then(Value::as_str) else {
        return;
    };
    let used = placeholders(url);
    let vars = d.get(server, "variables");
    let defined: Vec<String> = vars
        .as_ref()
        .and_then(|v| v.value.as_object())
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let url_path = d.member_path(server, "url");
    for u in &used {
        if !defined.contains(u) {
            out.add(
                "oas3-server-variables",
                &url_path,
                format!("Server's \"url\" property has undefined variable \"{u}\"."),
            );
        }
    }
    let Some(vars) = vars else { return };
    for (name, var) in d.children(&vars) {
        if !used.contains(&name) {
            out.add(
                "oas3-server-variables",
                &var.path,
                format!("Server's \"variables\" object has unused defined \"{name}\" url variable."),
            );
        }
        if let (Some(default), Some(choices)) = (
            var.value.get("default"),
            var.value.get("enum").and_then(Value::as_array),
        ) {
            if !choices.contains(default) {
                let at = d.member_path(&var, "default");
                out.add(
                    "oas3-server-variables",
                    &at,
                    format!("Server Variable \"{name}\" has a default not listed in the enum."),
                );
            }
        }
    }
}

/// The path parameters defined at a level: name → (node, required).
fn path_parameters<'a>(d: &Doc<'a>, holder: &Node<'a>) -> Vec<(String, Node<'a>)> {
    let Some(list) = d.get(holder, "parameters") else {
        return Vec::new();
    };
    d.children(&list)
        .into_iter()
        .filter(|(_, p)| p.value.get("in").and_then(Value::as_str) == Some("path"))
        .filter_map(|(_, p)| p.value.get("name").and_then(Value::as_str).map(|n| (n.to_string(), p)))
        .collect()
}

fn path_params(d: &Doc<'_>, paths: &Node<'_>, key: &str, item: &Node<'_>, out: &mut Findings) {
    let template = placeholders(key);
    let shared = path_parameters(d, item);
    let check_defined = |defined: &[(String, Node<'_>)], out: &mut Findings| {
        for (name, p) in defined {
            if p.value.get("required") != Some(&Value::Bool(true)) {
                out.add(
                    "path-params",
                    &p.path,
                    format!("Path parameter \"{name}\" must have \"required\" property that is set to \"true\"."),
                );
            }
            if !template.contains(name) {
                out.add(
                    "path-params",
                    &p.path,
                    format!("Parameter \"{name}\" must be used in path \"{key}\"."),
                );
            }
        }
    };
    check_defined(&shared, out);
    let ops = operations(d, item);
    for (_, op) in &ops {
        let own = path_parameters(d, op);
        check_defined(&own, out);
        for t in &template {
            if !shared.iter().chain(own.iter()).any(|(n, _)| n == t) {
                out.add(
                    "path-params",
                    &op.path,
                    format!("Operation must define parameter \"{{{t}}}\" as expected by path \"{key}\"."),
                );
            }
        }
    }
    if ops.is_empty() {
        for t in &template {
            if !shared.iter().any(|(n, _)| n == t) {
                out.add(
                    "path-params",
                    &d.member_path(paths, key),
                    format!("Operation must define parameter \"{{{t}}}\" as expected by path \"{key}\"."),
                );
            }
        }
    }
}

/// Paths that differ only in their parameter names (`/a/{x}` and `/a/{y}`).
fn equivalent_paths(d: &Doc<'_>, paths: &Node<'_>, out: &mut Findings) {
    let Some(map) = paths.value.as_object() else { return };
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for key in map.keys() {
        let mut normal = key.clone();
        for p in placeholders(key) {
            normal = normal.replace(&format!("{{{p}}}"), "{}");
        }
        if let Some(first) = seen.get(&normal) {
            out.add(
                "path-params",
                &d.member_path(paths, key),
                format!("Paths \"{first}\" and \"{key}\" must not be equivalent."),
            );
        } else {
            seen.insert(normal, key.clone());
        }
    }
}

/// A `$ref` that leads nowhere is a finding (Spectral's resolver reports it as `invalid-ref`),
/// never a crash; references to other files are not fetched and count as unresolved.
fn invalid_refs(root: &Value, v: &Value, path: &mut Vec<String>, out: &mut Findings) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                path.push(k.clone());
                if k == "$ref" {
                    if let Some(target) = c.as_str() {
                        let found = target.strip_prefix('#').is_some_and(|p| root.pointer(p).is_some());
                        if !found {
                            out.add("invalid-ref", path, format!("'{target}' does not exist"));
                        }
                    }
                } else {
                    invalid_refs(root, c, path, out);
                }
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                path.push(i.to_string());
                invalid_refs(root, c, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}
