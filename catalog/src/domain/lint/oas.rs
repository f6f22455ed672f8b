//! The `spectral:oas` rules the ADR ruleset switches on (those that need no JSON Schema
//! validator), with Spectral's paths and messages.

use super::{Doc, Findings, Key, Node};
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
            path_params(d, &key, &item, out);
        }
        equivalent_paths(d, &paths, out);
    }
}

/// The operations of a path item: (method, node).
fn operations<'a>(d: &Doc<'a>, item: &Node<'a>) -> Vec<(Key<'a>, Node<'a>)> {
    d.children(item)
        .into_iter()
        .filter(|(k, _)| METHODS.contains(&&**k))
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
        }
    }
    for server in all_servers(d, root) {
        server_variables(d, &server, out);
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

/// Every Server Object `oas3-server-variables` looks at: the document's, each path item's and
/// operation's, and each link's `server`.
fn all_servers<'a>(d: &Doc<'a>, root: &Node<'a>) -> Vec<Node<'a>> {
    let mut found = Vec::new();
    let list_of = |holder: &Node<'a>, found: &mut Vec<Node<'a>>| {
        if let Some(list) = d.get(holder, "servers") {
            found.extend(d.children(&list).into_iter().map(|(_, s)| s));
        }
    };
    list_of(root, &mut found);
    let mut responses = Vec::new();
    if let Some(paths) = d.get(root, "paths") {
        for (_, item) in d.children(&paths) {
            list_of(&item, &mut found);
            for (_, op) in operations(d, &item) {
                list_of(&op, &mut found);
                if let Some(r) = d.get(&op, "responses") {
                    responses.extend(d.children(&r).into_iter().map(|(_, n)| n));
                }
            }
        }
    }
    let components = d.get(root, "components");
    if let Some(r) = components.as_ref().and_then(|c| d.get(c, "responses")) {
        responses.extend(d.children(&r).into_iter().map(|(_, n)| n));
    }
    let mut links: Vec<Node<'a>> = Vec::new();
    if let Some(l) = components.as_ref().and_then(|c| d.get(c, "links")) {
        links.extend(d.children(&l).into_iter().map(|(_, n)| n));
    }
    for response in &responses {
        if let Some(l) = d.get(response, "links") {
            links.extend(d.children(&l).into_iter().map(|(_, n)| n));
        }
    }
    found.extend(links.iter().filter_map(|link| d.get(link, "server")));
    found
}

/// `{name}` placeholders of a server URL as Spectral finds them (`/{(.+?)}/g`).
fn url_variables(url: &str) -> Vec<String> {
    let chars: Vec<char> = url.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i) == Some(&'{') {
            // at least one character, then the first `}` (no line breaks: `.`)
            let mut j = i + 2;
            while j < chars.len() && chars.get(j) != Some(&'}') && chars.get(j - 1) != Some(&'\n') {
                j += 1;
            }
            let inner: String = chars.get(i + 1..j).map(|c| c.iter().collect()).unwrap_or_default();
            if j < chars.len() && !inner.is_empty() && !inner.contains('\n') {
                out.push(inner);
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether a Server Object has the shape Spectral's `serverVariables` takes as input.
fn server_shape_ok(server: &Value) -> bool {
    let Some(obj) = server.as_object() else { return false };
    if !obj.get("url").is_some_and(Value::is_string) {
        return false;
    }
    let Some(vars) = obj.get("variables") else { return true };
    let Some(vars) = vars.as_object() else { return false };
    vars.values().all(|var| {
        let Some(var) = var.as_object() else { return false };
        var.iter().all(|(k, v)| match k.as_str() {
            "enum" => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
            "default" | "description" | "examples" => v.is_string(),
            other => other.starts_with("x-"),
        })
    })
}

/// JavaScript's `encodeURI`.
fn encode_uri(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || ";,/?:@&=+$-_.!~*'()#".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// `oas3-server-variables`, as Spectral's `serverVariables` with `checkSubstitutions` and
/// `requireDefault`.
fn server_variables(d: &Doc<'_>, server: &Node<'_>, out: &mut Findings) {
    const RULE: &str = "oas3-server-variables";
    if !server_shape_ok(server.value) {
        out.add(RULE, &server.path, "Invalid Server Object");
        return;
    }
    let Some(url) = server.value.get("url").and_then(Value::as_str) else {
        return;
    };
    let found = url_variables(url);
    let vars = d.get(server, "variables");
    let defined: Vec<String> = vars
        .as_ref()
        .and_then(|v| v.value.as_object())
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let vars_path = d.member_path(server, "variables");
    let at_var = |name: &str| vars_path.owned(name);
    for name in defined.iter().filter(|v| !found.contains(v)) {
        out.add(
            RULE,
            &at_var(name),
            format!("Server's \"variables\" object has unused defined \"{name}\" url variable."),
        );
    }
    if found.is_empty() {
        return;
    }
    let missing: Vec<&str> = found
        .iter()
        .filter(|v| !defined.contains(v))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        let at = if vars.is_some() {
            vars_path.clone()
        } else {
            server.path.clone()
        };
        out.add(
            RULE,
            &at,
            format!(
                "Not all server's variables are described with \"variables\" object. Missed: {}.",
                missing.join(", ")
            ),
        );
    }
    let Some(vars) = vars else { return };
    let mut pairs: Vec<(String, Vec<String>)> = Vec::new();
    for name in defined.iter().filter(|v| found.contains(v)) {
        let Some(var) = vars.value.get(name) else { continue };
        let default = var.get("default").and_then(Value::as_str);
        if let Some(choices) = var.get("enum").and_then(Value::as_array) {
            let choices: Vec<String> = choices.iter().filter_map(Value::as_str).map(str::to_string).collect();
            if let Some(def) = default {
                if !choices.iter().any(|c| c == def) {
                    let at = at_var(name).owned("default");
                    out.add(
                        RULE,
                        &at,
                        format!("Server Variable \"{name}\" has a default not listed in the enum."),
                    );
                }
            }
            pairs.push((name.clone(), choices));
        } else {
            pairs.push((name.clone(), default.map(|d| vec![d.to_string()]).unwrap_or_default()));
        }
        if default.is_none() {
            out.add(
                RULE,
                &at_var(name),
                format!("Server Variable \"{name}\" has a missing default."),
            );
        }
    }
    if pairs.is_empty() {
        return;
    }
    let mut invalid: Vec<String> = Vec::new();
    substitute(url, &pairs, &mut |candidate| {
        if url::Url::parse(candidate).is_err() {
            invalid.push(candidate.to_string());
        }
        invalid.len() < 5
    });
    if invalid.len() == 5 {
        out.add(
            RULE,
            &vars_path,
            format!(
                "At least 5 substitutions of server variables resulted in invalid URLs: {} and more",
                invalid.join(", ")
            ),
        );
    } else if !invalid.is_empty() {
        out.add(
            RULE,
            &vars_path,
            format!(
                "A few substitutions of server variables resulted in invalid URLs: {}",
                invalid.join(", ")
            ),
        );
    }
}

/// Every URL the variables' values make, in Spectral's order, until `visit` says stop.
fn substitute(url: &str, pairs: &[(String, Vec<String>)], visit: &mut dyn FnMut(&str) -> bool) -> bool {
    let Some(((name, values), rest)) = pairs.split_first() else {
        return visit(url);
    };
    for value in values {
        let candidate = url.replace(&format!("{{{name}}}"), &encode_uri(value));
        if !substitute(&candidate, rest, visit) {
            return false;
        }
    }
    true
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

fn path_params(d: &Doc<'_>, key: &str, item: &Node<'_>, out: &mut Findings) {
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
