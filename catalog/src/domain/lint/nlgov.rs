//! The rules the ADR 2.2 ruleset defines itself (`nlgov:…` and `info-contact`), each following
//! the ruleset's JSONPath `given` and function as Spectral evaluates them, quirks included (the
//! ruleset's patterns are used as written).

use super::{Doc, Findings, Node, Path, truthy};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// A pattern of this file (constants, compiled once; `every_pattern_compiles` tests them all).
/// A pattern of the ruleset as JavaScript reads it: `\d` and `\w` are ASCII there (Unicode in
/// Rust, whose classes are also far slower to build: a tenth of a tiny spec's lint).
fn re(pattern: &str) -> Regex {
    let js = pattern.replace(r"\d", "[0-9]").replace(r"\w", "[A-Za-z0-9_]");
    Regex::new(&js).unwrap_or_else(|e| panic!("pattern {pattern}: {e}"))
}

static OPENAPI3: LazyLock<Regex> = LazyLock::new(|| re(r"^3(.\d+){1,2}$"));
static OPENAPI30: LazyLock<Regex> = LazyLock::new(|| re(r"^3.0.*$"));
static OPENAPI_JSON: LazyLock<Regex> = LazyLock::new(|| re(r"\/openapi\.json"));
static SUCCESS: LazyLock<Regex> = LazyLock::new(|| re(r"(2|3)\d\d"));
static ERROR: LazyLock<Regex> = LazyLock::new(|| re(r"(4|5)\d\d"));
static MAJOR_VERSION: LazyLock<Regex> = LazyLock::new(|| re(r"\/v[\d+]"));
static TRAILING: LazyLock<Regex> = LazyLock::new(|| re(r".+ \/$"));
static DESCRIPTION_OR_SUMMARY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(description|summary)"));
static METHODS: LazyLock<Regex> = LazyLock::new(|| re("post|put|get|delete|patch|parameters"));
static OPENAPI_FILE: LazyLock<Regex> = LazyLock::new(|| re(r"\/openapi\.(json)|(yaml)"));
static KEBAB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(\/|(\/_[a-z0-9]+|\/(([a-z0-9\-]+|\{[^}]+\})(\/([a-z0-9\-\.]+|\{[^}]+\}))*)(\/_[a-z]+)?)\/?)$")
});
static CAMEL_QUERY: LazyLock<Regex> = LazyLock::new(|| re(r"^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$"));
/// Spectral's `casing: pascal` (an empty separator adds nothing): an upper-case letter or
/// digit in it is followed by lower case, so `AdresIO` is not pascal case.
static PASCAL: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Z][a-z0-9]*(?:[A-Z0-9](?:[a-z0-9]+|$))*$"));
static HTTPS: LazyLock<Regex> = LazyLock::new(|| re("^https://.*"));
static GET_OR_DELETE: LazyLock<Regex> = LazyLock::new(|| re("(get)|(delete)"));
static PUT_POST_PATCH: LazyLock<Regex> = LazyLock::new(|| re("(put)|(post)|(patch)"));
static DATE_NAME: LazyLock<Regex> = LazyLock::new(|| re(r"((\w+D)|(_[dD]))((ate)|(atum))"));
static SEMVER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$",
    )
});

/// Runs every rule.
pub(super) fn check(d: &Doc<'_>, out: &mut Findings) {
    let root = d.root();
    openapi(d, &root, out);
    responses(d, out);
    servers(d, &root, out);
    paths(d, &root, out);
    info(d, &root, out);
    schema_names(d, &root, out);
    invalid_input(d, &root, out);
    dates(d, out);
}

fn openapi(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    match d.get(root, "openapi") {
        Some(n) => {
            if let Some(v) = n.value.as_str() {
                if !OPENAPI3.is_match(v) {
                    out.add(
                        "nlgov:openapi3",
                        &n.path,
                        "The OpenAPI Specification is versioned using a `major.minor.patch` versioning scheme. Use a version 3 OpenAPI Specification for documentation.",
                    );
                }
                if !OPENAPI30.is_match(v) {
                    out.add("openapi3", &n.path, "Use OpenAPI Specification for documentation");
                }
            }
            if !truthy(Some(n.value)) {
                out.add(
                    "nlgov:openapi-root-exists",
                    &n.path,
                    "The root of the document must contain the `openapi` property.",
                );
            }
        }
        None => out.add(
            "nlgov:openapi-root-exists",
            &root.path,
            "The root of the document must contain the `openapi` property.",
        ),
    }
}

/// The responses under any `responses` member whose code matches `pattern` (as `$..[responses]
/// [?(@property.match(…))]` selects them).
fn responses_matching<'a>(d: &Doc<'a>, pattern: &Regex) -> Vec<Node<'a>> {
    let mut found: Vec<Node<'a>> = Vec::new();
    let mut seen: std::collections::HashSet<Path<'a>> = std::collections::HashSet::new();
    for (key, node) in d.all() {
        if key != "responses" {
            continue;
        }
        for (code, response) in d.children(node) {
            if pattern.is_match(&code) && seen.insert(response.path.clone()) {
                found.push(response);
            }
        }
    }
    found
}

fn responses(d: &Doc<'_>, out: &mut Findings) {
    const VERSION: &str = "Return the full version number in a response header.";
    const VERSION_21: &str = "/core/version-header: Return the full version number in a response header: https://logius-standaarden.github.io/API-Design-Rules/#/core/version-header";
    for response in responses_matching(d, &SUCCESS) {
        match d.get(&response, "headers") {
            Some(headers) if truthy(Some(headers.value)) => {
                let named = [
                    "API-Version",
                    "Api-Version",
                    "Api-version",
                    "api-version",
                    "API-version",
                ]
                .iter()
                .any(|h| headers.value.get(h).is_some());
                if headers.value.is_object() && !named {
                    out.add("nlgov:missing-version-header", &headers.path, VERSION);
                    out.add(
                        "missing-version-header",
                        &headers.path,
                        "Return the full version number in a response header",
                    );
                }
            }
            _ => {
                out.add("nlgov:missing-header", &response.path, VERSION);
                out.add("missing-header", &response.path, VERSION_21);
            }
        }
    }
    for response in responses_matching(d, &ERROR) {
        let Some(content) = d.get(&response, "content") else {
            continue;
        };
        let problem = ["application/problem+json", "application/problem+xml"];
        if !content.value.is_object() || !problem.iter().any(|m| content.value.get(m).is_some()) {
            let why = "The content type of an error response should be application/problem+json or application/problem+xml to match RFC 9457.";
            out.add("nlgov:use-problem-schema", &content.path, why);
            out.add("use-problem-schema", &content.path, why);
        }
        for (media, body) in d.children(&content) {
            if !problem.contains(&&*media) {
                continue;
            }
            for (key, schema) in d.descendants(&body) {
                if key == "schema" {
                    problem_members(d, &schema, out);
                }
            }
        }
    }
}

fn problem_members(d: &Doc<'_>, schema: &Node<'_>, out: &mut Findings) {
    let message = |e: &str| format!("{e}. These fields are required: status, title and detail.");
    if !schema.value.is_object() {
        out.add(
            "nlgov:problem-schema-members",
            &schema.path,
            message("Value type must be object"),
        );
        return;
    }
    let Some(props) = d.get(schema, "properties") else {
        return;
    };
    if !props.value.is_object() {
        out.add(
            "nlgov:problem-schema-members",
            &props.path,
            message("\"properties\" property type must be object"),
        );
        return;
    }
    for field in ["status", "title", "detail"] {
        if props.value.get(field).is_none() {
            out.add(
                "nlgov:problem-schema-members",
                &props.path,
                message(&format!(
                    "\"properties\" property must have required property \"{field}\""
                )),
            );
        }
    }
}

fn servers(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let mut all: Vec<Node<'_>> = Vec::new();
    if let Some(list) = d.get(root, "servers") {
        all.extend(d.children(&list).into_iter().map(|(_, n)| n));
    }
    if d.get(root, "paths").is_some() {
        for (key, node) in d.below_paths() {
            if key == "servers" {
                all.extend(d.children(node).into_iter().map(|(_, n)| n));
            }
        }
    }
    let top: Vec<Path<'_>> = d
        .get(root, "servers")
        .map(|l| d.children(&l).into_iter().map(|(_, n)| n.path).collect())
        .unwrap_or_default();
    for server in all {
        let Some(url) = d.get(&server, "url") else { continue };
        let Some(u) = url.value.as_str() else { continue };
        if top.contains(&server.path) && !MAJOR_VERSION.is_match(u) {
            out.add(
                "nlgov:include-major-version-in-uri",
                &url.path,
                "Include the major version number in the URI.",
            );
            out.add(
                "include-major-version-in-uri",
                &url.path,
                "/core/uri-version: Include the major version number in the URI: https://logius-standaarden.github.io/API-Design-Rules/#/core/uri-version",
            );
        }
        if !HTTPS.is_match(u) {
            let why = format!("Server URL {u} \"{u}\" must match the pattern \"^https://.*\".");
            out.add("nlgov:servers-use-https", &url.path, why.clone());
            out.add("servers-use-https", &url.path, why);
        }
    }
}

fn paths(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let Some(paths) = d.get(root, "paths") else { return };
    openapi_json_resource(d, &paths, out);
    let Some(map) = paths.value.as_object() else { return };
    for (key, item) in map {
        let at = d.member_path(&paths, key);
        if TRAILING.is_match(key) {
            out.add(
                "nlgov:paths-no-trailing-slash",
                &at,
                "Leave off trailing slashes from URIs.",
            );
            out.add(
                "paths-no-trailing-slash",
                &at,
                "/core/no-trailing-slash: Leave off trailing slashes from URIs: https://logius-standaarden.github.io/API-Design-Rules/#/core/no-trailing-slash",
            );
        }
        // the ruleset's `field: "@key"` checks the keys of the path item (not the path), as
        // Spectral applies it: only under a path that says description or summary
        if DESCRIPTION_OR_SUMMARY.is_match(key) {
            let resolved = d.at(item, at.clone());
            for (member, _) in d.children(&resolved).into_iter().filter(|_| resolved.value.is_object()) {
                if !METHODS.is_match(&member) {
                    let at = d.member_path(&resolved, &member);
                    out.add("nlgov:http-methods", &at, "Only apply standard HTTP methods.");
                    out.add(
                        "http-methods",
                        &at,
                        "/core/http-methods: Only apply standard HTTP methods: https://logius-standaarden.github.io/API-Design-Rules/#http-methods",
                    );
                }
            }
        }
        if !KEBAB.is_match(key) {
            if !OPENAPI_FILE.is_match(key) {
                out.add("nlgov:paths-kebab-case", &at, format!("{key} is not kebab-case."));
            }
            if !OPENAPI_JSON.is_match(key) {
                out.add("paths-kebab-case", &at, format!("{key} is not kebab-case."));
            }
        }
        let item = d.at(item, at);
        for (_, member) in d.children(&item) {
            let Some(params) = d.get(&member, "parameters") else {
                continue;
            };
            for (_, p) in d.children(&params) {
                query_key(d, &p, out);
            }
        }
    }
    if let Some(schemes) = d.get(root, "components").and_then(|c| d.get(&c, "securitySchemes")) {
        for (_, s) in d.children(&schemes) {
            query_key(d, &s, out);
        }
    }
}

fn query_key(d: &Doc<'_>, p: &Node<'_>, out: &mut Findings) {
    if p.value.get("in").and_then(Value::as_str) != Some("query") {
        return;
    }
    let Some(name) = d.get(p, "name") else { return };
    if let Some(n) = name.value.as_str() {
        if !CAMEL_QUERY.is_match(n) {
            out.add(
                "nlgov:query-keys-camel-case",
                &name.path,
                format!("{n} is not lower camelCase."),
            );
        }
    }
}

fn info(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let info = d.get(root, "info");
    let contact = info.as_ref().and_then(|i| d.get(i, "contact"));
    match &contact {
        Some(c) if truthy(Some(c.value)) => {
            if c.value.is_object() && ["email", "name", "url"].iter().any(|f| c.value.get(f).is_none()) {
                let why = "Missing fields in `info.contact` field. Must specify email, name and url.";
                out.add("nlgov:info-contact-fields-exist", &c.path, why);
                out.add("info-contact-fields-exist", &c.path, why);
            }
        }
        Some(c) => out.add("info-contact", &c.path, "Info object must have \"contact\" object."),
        None => {
            let at = info.as_ref().map_or_else(|| root.path.clone(), |i| i.path.clone());
            out.add("info-contact", &at, "Info object must have \"contact\" object.");
        }
    }
    if let Some(version) = info.as_ref().and_then(|i| d.get(i, "version")) {
        if let Some(v) = version.value.as_str() {
            if !SEMVER.is_match(v) {
                out.add(
                    "nlgov:semver",
                    &version.path,
                    format!("Version {v} is not in semver format."),
                );
            }
        }
    }
}

fn schema_names(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    let Some(schemas) = d.get(root, "components").and_then(|c| d.get(&c, "schemas")) else {
        return;
    };
    let Some(map) = schemas.value.as_object() else { return };
    for key in map.keys() {
        if !PASCAL.is_match(key) {
            let at = d.member_path(&schemas, key);
            out.add(
                "nlgov:schema-camel-case",
                &at,
                format!("Schema name should be UpperCamelCase in {}", at.join(".")),
            );
            out.add(
                "schema-camel-case",
                &at,
                format!("Schema name should be CamelCase in {}", at.join(".")),
            );
        }
    }
}

fn invalid_input(d: &Doc<'_>, root: &Node<'_>, out: &mut Findings) {
    const MESSAGE: &str =
        "GET and DELETE endpoints that have parameters, and all other endpoints must be able to return a 400 response";
    if d.get(root, "paths").is_none() {
        return;
    }
    for (key, node) in d.below_paths() {
        let with_params = node
            .value
            .get("parameters")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
        let selected = (GET_OR_DELETE.is_match(key) && with_params) || PUT_POST_PATCH.is_match(key);
        if !selected {
            continue;
        }
        if !node.value.is_object() {
            out.add("nlgov:problem-invalid-input", &node.path, MESSAGE);
            continue;
        }
        let Some(responses) = d.get(node, "responses") else {
            continue;
        };
        if !responses.value.is_object() || responses.value.get("400").is_none() {
            out.add("nlgov:problem-invalid-input", &responses.path, MESSAGE);
        }
    }
}

fn dates(d: &Doc<'_>, out: &mut Findings) {
    for (key, props) in d.all() {
        if key != "properties" {
            continue;
        }
        for (name, prop) in d.children(props) {
            if let Some(format) = d.get(&prop, "format") {
                match format.value.as_str() {
                    Some("date-time-local") => out.add(
                        "nlgov:date-time-ensure-timezone",
                        &format.path,
                        "Use date-time format which includes a timezone",
                    ),
                    Some("time") => out.add(
                        "nlgov:time-without-timezone",
                        &format.path,
                        "Use time-local format without a timezone",
                    ),
                    _ => {}
                }
            }
            if !(name == "date" || name == "datum" || DATE_NAME.is_match(&name)) {
                continue;
            }
            let has_format = prop.value.get("format").is_some();
            let all_of_formats = prop
                .value
                .get("allOf")
                .and_then(Value::as_array)
                .is_some_and(|items| items.iter().all(|i| i.get("format").is_some()));
            if prop.value.is_object() && !has_format && !all_of_formats {
                out.add(
                    "nlgov:specify-format-for-date-and-time",
                    &prop.path,
                    "Any date field must set 'format' to 'date'",
                );
            }
            let mut formats: Vec<Node<'_>> = d
                .descendants(&prop)
                .into_iter()
                .filter(|(k, _)| k == "format")
                .map(|(_, n)| n)
                .collect();
            if let Some(f) = d.get(&prop, "format") {
                formats.push(f);
            }
            for f in formats {
                if f.value.as_str() == Some("date-time") {
                    out.add(
                        "nlgov:use-date-instead-of-datetime",
                        &f.path,
                        "Field represents a date and therefore must set 'format' to 'date'",
                    );
                }
            }
        }
    }
}

/// ADR 2.1: the API serves its own spec at `/openapi.json`, with GET only, and with CORS.
fn openapi_json_resource(d: &Doc<'_>, paths: &Node<'_>, out: &mut Findings) {
    let Some(item) = d.get(paths, "/openapi.json").filter(|n| truthy(Some(n.value))) else {
        out.add(
            "paths-open-api-json-resource-exists",
            &paths.path,
            "There does not exist a resource `/openapi.json` that returns the OpenAPI specification document",
        );
        return;
    };
    for (key, _) in d.children(&item) {
        if !key.contains("get") {
            out.add(
                "paths-open-api-json-resource-has-get",
                &d.member_path(&item, &key),
                "There does not exist a GET method (and no other methods) for the `/openapi.json` resource",
            );
        }
    }
    let Some(responses) = d.get(&item, "get").and_then(|g| d.get(&g, "responses")) else {
        return;
    };
    for (code, response) in d.children(&responses) {
        if !SUCCESS.is_match(&code) {
            continue;
        }
        let Some(headers) = d.get(&response, "headers") else {
            continue;
        };
        if !truthy(headers.value.get("access-control-allow-origin")) {
            out.add(
                "paths-open-api-json-specify-cors-header",
                &headers.path,
                "The response of the `/openapi.json` resource should set the `access-control-allow-origin` header with value `*`",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_reads_as_the_ruleset_means() {
        assert!(OPENAPI3.is_match("3.0.3") && OPENAPI3.is_match("3.1") && !OPENAPI3.is_match("2.0"));
        assert!(SUCCESS.is_match("200") && !SUCCESS.is_match("default") && ERROR.is_match("404"));
        assert!(MAJOR_VERSION.is_match("https://x.nl/api/v1") && !MAJOR_VERSION.is_match("https://x.nl/api"));
        // the ruleset's pattern has a space before the slash: a plain trailing slash passes it
        assert!(!TRAILING.is_match("/a/") && TRAILING.is_match("/a /"));
        assert!(DESCRIPTION_OR_SUMMARY.is_match("/Summary") && METHODS.is_match("/get-summary"));
        assert!(OPENAPI_FILE.is_match("/openapi.json") && OPENAPI_FILE.is_match("/x.yaml"));
        assert!(KEBAB.is_match("/burgers/{id}/afspraken") && KEBAB.is_match("/") && !KEBAB.is_match("/Burgers"));
        assert!(CAMEL_QUERY.is_match("pageSize") && !CAMEL_QUERY.is_match("page_size"));
        assert!(PASCAL.is_match("ComponentDetail") && !PASCAL.is_match("AdresIO") && !PASCAL.is_match("Problem_x"));
        assert!(HTTPS.is_match("https://x") && !HTTPS.is_match("/api/v1"));
        assert!(GET_OR_DELETE.is_match("get") && PUT_POST_PATCH.is_match("output"));
        assert!(DATE_NAME.is_match("geboorteDatum") && DATE_NAME.is_match("startDate") && !DATE_NAME.is_match("datum"));
        assert!(SEMVER.is_match("1.0.0") && SEMVER.is_match("2.1.0-rc.1") && !SEMVER.is_match("1.0"));
    }
}
