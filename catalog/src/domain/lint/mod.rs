//! The NL API Design Rules linter: the rules of the official Spectral rulesets (ADR 2.2, with
//! the same rule names, severities and paths as Spectral reports them), in Rust, so the
//! catalogue and a supplier's CI need no Node. Spectral lints the document with its `$ref`s
//! resolved and reports a finding at the place a referenced part is defined; [`Doc`] walks the
//! same way. Examples are checked against their schemas by a small validator of our own
//! (`examples`); the document as written against the OpenAPI meta-schema (`oas3-schema`) by a
//! JSON Schema validator that reports as Spectral's AJV does (`document_schema`).

mod document_schema;
mod examples;
mod nlgov;
mod oas;
mod oas_general;
mod path;

pub(crate) use path::{FindingPath, Path};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// How bad a finding is (Spectral's levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Breaks a rule the ruleset makes an error.
    Error,
    /// A warning.
    Warn,
}

/// One finding: the rule, its severity, where (a path of keys, as Spectral gives it) and why.
/// Stored and answered with the Dutch names of the API.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Finding {
    /// Rule name, as in the ruleset (`nlgov:paths-kebab-case`).
    #[serde(rename = "regel")]
    pub rule: String,
    /// How bad: `error` fails a supplier's CI, `warning` and `info` do not.
    #[serde(rename = "ernst")]
    pub severity: Severity,
    /// Path of keys from the document root.
    #[serde(rename = "pad")]
    pub path: Vec<String>,
    /// What is wrong and what the rule asks, in the ruleset's words.
    #[serde(rename = "melding")]
    pub message: String,
}

/// The official NL API Design Rules rulesets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ruleset {
    /// ADR 2.1 (`adr-2.1.0-spectral.yml`): its own rules on top of all of `spectral:oas`.
    V21,
    /// ADR 2.2 (`adr-2.2.0-rc.1-linter.yaml`): its own `nlgov:` rules and a few of `spectral:oas`.
    V22,
}

impl Ruleset {
    /// `2.1` or `2.2`.
    pub fn parse(s: &str) -> Option<Ruleset> {
        match s {
            "2.1" => Some(Ruleset::V21),
            "2.2" => Some(Ruleset::V22),
            _ => None,
        }
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Ruleset::V21 => "ADR 2.1",
            Ruleset::V22 => "ADR 2.2",
        }
    }

    /// Its rules with their severities.
    pub fn rules(self) -> &'static [(&'static str, Severity)] {
        match self {
            Ruleset::V21 => &RULES_21,
            Ruleset::V22 => &RULES,
        }
    }
}

/// The rules of the ADR 2.2 ruleset, with their severities.
pub const RULES: [(&str, Severity); 32] = [
    ("invalid-ref", Severity::Error),
    ("operation-operationId-unique", Severity::Error),
    ("path-params", Severity::Error),
    ("openapi-tags-uniqueness", Severity::Error),
    ("oas3-server-variables", Severity::Error),
    ("oas3-api-servers", Severity::Error),
    ("path-keys-no-trailing-slash", Severity::Error),
    ("nlgov:openapi3", Severity::Error),
    ("nlgov:openapi-root-exists", Severity::Error),
    ("nlgov:missing-version-header", Severity::Error),
    ("nlgov:missing-header", Severity::Error),
    ("nlgov:include-major-version-in-uri", Severity::Error),
    ("nlgov:paths-no-trailing-slash", Severity::Error),
    ("info-contact", Severity::Error),
    ("nlgov:info-contact-fields-exist", Severity::Error),
    ("nlgov:http-methods", Severity::Error),
    ("nlgov:paths-kebab-case", Severity::Error),
    ("nlgov:query-keys-camel-case", Severity::Error),
    ("nlgov:schema-camel-case", Severity::Warn),
    ("nlgov:servers-use-https", Severity::Warn),
    ("nlgov:use-problem-schema", Severity::Error),
    ("nlgov:problem-schema-members", Severity::Error),
    ("nlgov:problem-invalid-input", Severity::Error),
    ("nlgov:property-casing", Severity::Warn),
    ("nlgov:date-time-ensure-timezone", Severity::Error),
    ("nlgov:time-without-timezone", Severity::Error),
    ("nlgov:specify-format-for-date-and-time", Severity::Error),
    ("nlgov:use-date-instead-of-datetime", Severity::Error),
    ("nlgov:semver", Severity::Error),
    ("oas3-valid-media-example", Severity::Error),
    ("oas3-valid-schema-example", Severity::Error),
    ("oas3-schema", Severity::Error),
];

/// What a rule of the ADR 2.2 ruleset asks, in Dutch, for the catalogue's pages (the API and
/// the CLI keep the ruleset's own English messages, as Spectral gives them). `None` for a rule
/// outside that ruleset.
pub fn dutch_description(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "invalid-ref" => "Een $ref verwijst naar iets dat niet bestaat.",
        "operation-operationId-unique" => "Elke operatie heeft een eigen operationId.",
        "path-params" => "Padparameters zijn gedeclareerd, en elke gedeclareerde padparameter staat in het pad.",
        "openapi-tags-uniqueness" => "Elke tag staat één keer in de lijst van tags.",
        "oas3-server-variables" => "Servervariabelen zijn gedeclareerd en hun standaardwaarde is toegestaan.",
        "oas3-api-servers" => "De spec noemt minstens één server.",
        "path-keys-no-trailing-slash" => "Een pad eindigt niet op een schuine streep.",
        "nlgov:openapi3" => "De spec is OpenAPI 3.",
        "nlgov:openapi-root-exists" => "De root van het document heeft de eigenschap openapi.",
        "nlgov:missing-version-header" => "Elk succesantwoord (2xx, 3xx) declareert de header API-Version.",
        "nlgov:missing-header" => "Een antwoord geeft het volledige versienummer in een header (API-Version).",
        "nlgov:include-major-version-in-uri" => "De server-URL bevat het hoofdversienummer (/v1).",
        "nlgov:paths-no-trailing-slash" => "Een pad eindigt niet op een schuine streep.",
        "info-contact" => "De spec noemt een contact.",
        "nlgov:info-contact-fields-exist" => "Het contact heeft een naam, e-mailadres en URL.",
        "nlgov:http-methods" => "Een pad heeft alleen de operaties get, post, put, patch en delete (en parameters).",
        "nlgov:paths-kebab-case" => "Paden zijn in kebab-case (kleine letters met streepjes).",
        "nlgov:query-keys-camel-case" => "Queryparameters zijn in camelCase.",
        "nlgov:schema-camel-case" => "Namen van schema's zijn in UpperCamelCase.",
        "nlgov:servers-use-https" => "Server-URL's gebruiken https.",
        "nlgov:use-problem-schema" => {
            "Een foutantwoord is application/problem+json of application/problem+xml (RFC 9457)."
        }
        "nlgov:problem-schema-members" => "Een probleemantwoord heeft de leden status, title en detail.",
        "nlgov:problem-invalid-input" => {
            "GET en DELETE met parameters, en elke andere operatie, kunnen 400 antwoorden."
        }
        "nlgov:property-casing" => "Eigenschappen zijn in camelCase.",
        "nlgov:date-time-ensure-timezone" => "Een tijdstip heeft het format date-time, met tijdzone.",
        "nlgov:time-without-timezone" => "Een tijd zonder datum heeft het format time-local, zonder tijdzone.",
        "nlgov:specify-format-for-date-and-time" => "Een datumveld heeft het format date.",
        "nlgov:use-date-instead-of-datetime" => "Een veld dat een datum is, heeft het format date (geen date-time).",
        "nlgov:semver" => "De versie van de spec volgt Semantic Versioning.",
        "oas3-valid-media-example" => "Voorbeelden van inhoud kloppen met hun schema.",
        "oas3-valid-schema-example" => "Voorbeelden en standaardwaarden in schema's kloppen met het schema.",
        "oas3-schema" => "De spec voldoet aan het schema van OpenAPI 3.",
        _ => return None,
    })
}

/// The rules of the ADR 2.1 ruleset: its own (names without `nlgov:`) and `spectral:oas`'s
/// recommended ones, with their severities.
pub const RULES_21: [(&str, Severity); 50] = [
    ("invalid-ref", Severity::Error),
    ("oas3-api-servers", Severity::Error),
    ("openapi3", Severity::Error),
    ("missing-version-header", Severity::Error),
    ("missing-header", Severity::Error),
    ("include-major-version-in-uri", Severity::Error),
    ("paths-no-trailing-slash", Severity::Error),
    ("paths-open-api-json-resource-exists", Severity::Error),
    ("paths-open-api-json-resource-has-get", Severity::Error),
    ("paths-open-api-json-specify-cors-header", Severity::Error),
    ("info-contact", Severity::Error),
    ("info-contact-fields-exist", Severity::Error),
    ("http-methods", Severity::Error),
    ("paths-kebab-case", Severity::Warn),
    ("schema-camel-case", Severity::Warn),
    ("servers-use-https", Severity::Warn),
    ("use-problem-schema", Severity::Warn),
    ("property-casing", Severity::Warn),
    // spectral:oas, recommended
    ("operation-success-response", Severity::Warn),
    ("operation-operationId-unique", Severity::Error),
    ("operation-parameters", Severity::Warn),
    ("operation-tag-defined", Severity::Warn),
    ("path-params", Severity::Error),
    ("duplicated-entry-in-enum", Severity::Warn),
    ("info-description", Severity::Warn),
    ("no-eval-in-markdown", Severity::Warn),
    ("no-script-tags-in-markdown", Severity::Warn),
    ("openapi-tags-uniqueness", Severity::Error),
    ("operation-description", Severity::Warn),
    ("operation-operationId", Severity::Warn),
    ("operation-operationId-valid-in-url", Severity::Warn),
    ("operation-tags", Severity::Warn),
    ("path-declarations-must-exist", Severity::Warn),
    ("path-keys-no-trailing-slash", Severity::Warn),
    ("path-not-include-query", Severity::Warn),
    ("no-$ref-siblings", Severity::Error),
    ("array-items", Severity::Error),
    ("typed-enum", Severity::Warn),
    ("oas3-examples-value-or-externalValue", Severity::Warn),
    ("oas3-operation-security-defined", Severity::Warn),
    ("oas3-server-trailing-slash", Severity::Warn),
    ("oas3-valid-media-example", Severity::Error),
    ("oas3-valid-schema-example", Severity::Error),
    ("oas3-unused-component", Severity::Warn),
    ("oas3-server-variables", Severity::Error),
    ("oas3-callbacks-in-callbacks", Severity::Warn),
    ("oas3_1-servers-in-webhook", Severity::Warn),
    ("oas3_1-callbacks-in-webhook", Severity::Warn),
    ("oas3_2-no-deprecated-xml-attribute", Severity::Warn),
    ("oas3-schema", Severity::Error),
];

/// Lints an OpenAPI document against ADR 2.2; findings sorted by path, each reported once.
pub fn lint(doc: &Value) -> Vec<Finding> {
    lint_with(doc, Ruleset::V22)
}

/// Lints an OpenAPI document against a ruleset; findings sorted by path, each reported once.
pub fn lint_with(doc: &Value, ruleset: Ruleset) -> Vec<Finding> {
    let new = || Findings {
        ruleset,
        found: BTreeSet::new(),
    };
    // the document against the OpenAPI schema needs no walk with references followed: it runs
    // on the other core meanwhile (a fifth of the time of a large spec)
    let (mut out, schema) = std::thread::scope(|scope| {
        let schema = scope.spawn(|| {
            let mut out = new();
            document_schema::check(doc, &mut out);
            out
        });
        let d = Doc::new(doc);
        let mut out = new();
        oas::check(&d, &mut out);
        nlgov::check(&d, &mut out);
        examples::check(&d, &mut out);
        if ruleset == Ruleset::V21 {
            oas_general::check(&d, &mut out);
        }
        (out, schema.join())
    });
    match schema {
        Ok(found) => out.found.extend(found.found),
        // a panic is a fault of the linter, not of the spec: said as a finding of the rule, so
        // that it is seen rather than a document passing unchecked
        Err(_) => out.add(
            "oas3-schema",
            &Vec::<String>::new(),
            "The document could not be checked against the OpenAPI schema.",
        ),
    }
    let mut findings: Vec<Finding> = out.found.into_iter().collect();
    findings.sort_by(|a, b| {
        a.path
            .cmp(&b.path)
            .then(a.rule.cmp(&b.rule))
            .then(a.message.cmp(&b.message))
    });
    findings
}

/// The share of the rules evaluated that the spec passes, 0-100. A rule counts as broken by an
/// error; warnings are listed but are advice (the ruleset's own words: "should"), so a spec
/// that meets every rule the ruleset makes an error scores 100.
pub fn score(findings: &[Finding]) -> u8 {
    score_with(findings, Ruleset::V22)
}

/// [`score`] under a ruleset.
pub fn score_with(findings: &[Finding], ruleset: Ruleset) -> u8 {
    let evaluated: Vec<&str> = ruleset.rules().iter().map(|(r, _)| *r).collect();
    let broken: BTreeSet<&str> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule.as_str())
        .collect();
    let passed = evaluated.iter().filter(|r| !broken.contains(*r)).count();
    u8::try_from(passed * 100 / evaluated.len().max(1)).unwrap_or(100)
}

/// The findings of a run, each (rule, path, message) once, as Spectral reports them. The checks
/// report under the names of both rulesets; only the active ruleset's rules are kept.
struct Findings {
    ruleset: Ruleset,
    found: BTreeSet<Finding>,
}

impl Findings {
    fn add(&mut self, rule: &'static str, path: &(impl FindingPath + ?Sized), message: impl Into<String>) {
        let Some(severity) = self.ruleset.rules().iter().find(|(r, _)| *r == rule).map(|(_, s)| *s) else {
            return;
        };
        self.found.insert(Finding {
            rule: rule.to_string(),
            severity,
            path: path.keys(),
            message: message.into(),
        });
    }
}

/// A node of the document as the rules see it: its value with `$ref`s followed, the path a
/// finding on it is reported at, and where its members are written. As in Spectral, a node
/// that is only a `$ref` is reported where the referenced part is defined; a `$ref` with other
/// keys beside it is reported where it stands, its members where they are defined.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub value: &'a Value,
    pub path: Path<'a>,
    base: Path<'a>,
}

impl Node<'_> {
    /// Whether the node is defined at these keys.
    pub fn base_is(&self, keys: &[&str]) -> bool {
        self.base.is(keys)
    }
}

/// The document, for walking with references resolved.
pub(crate) struct Doc<'a> {
    root: &'a Value,
    /// Every member of the document, walked once for all the rules that look everywhere.
    everything: Vec<(Key<'a>, Node<'a>)>,
    /// Every member below `paths`.
    below_paths: Vec<(Key<'a>, Node<'a>)>,
}

/// A member's key as the rules see it: a name as written, or an item's index as text.
pub(crate) type Key<'a> = std::borrow::Cow<'a, str>;

/// How deep a chain of references is followed before it is taken as a loop.
const MAX_REF_HOPS: usize = 32;

impl<'a> Doc<'a> {
    fn new(root: &'a Value) -> Self {
        let mut d = Doc {
            root,
            everything: Vec::new(),
            below_paths: Vec::new(),
        };
        d.everything = d.descendants(&d.root());
        d.below_paths = d.get(&d.root(), "paths").map(|p| d.descendants(&p)).unwrap_or_default();
        d
    }

    /// Every member below the root at any depth (`$..`), as [`Doc::descendants`] gives them,
    /// walked once per document.
    pub fn all(&self) -> &[(Key<'a>, Node<'a>)] {
        &self.everything
    }

    /// The root node.
    pub fn root(&self) -> Node<'a> {
        Node {
            value: self.root,
            path: Path::default(),
            base: Path::default(),
        }
    }

    /// The node written at `path` (its `$ref`s followed).
    pub fn at(&self, value: &'a Value, path: Path<'a>) -> Node<'a> {
        self.resolve(Node {
            value,
            base: path.clone(),
            path,
        })
    }

    /// Follows local `$ref`s (`#/…`) from a node; an unresolvable one stays as it is.
    fn resolve(&self, node: Node<'a>) -> Node<'a> {
        let mut n = node;
        for _ in 0..MAX_REF_HOPS {
            let Some(target) = n.value.get("$ref").and_then(Value::as_str) else {
                return n;
            };
            let Some(pointer) = target.strip_prefix('#') else {
                return n;
            };
            let Some(v) = self.root.pointer(pointer) else { return n };
            let only_ref = n.value.as_object().is_some_and(|m| m.len() == 1);
            let target_path = Path::of(
                pointer
                    .split('/')
                    .skip(1)
                    .map(|s| s.replace("~1", "/").replace("~0", "~")),
            );
            n = Node {
                value: v,
                path: if only_ref { target_path.clone() } else { n.path },
                base: target_path,
            };
        }
        n
    }

    /// A member of an object node, resolved.
    pub fn get(&self, node: &Node<'a>, key: &str) -> Option<Node<'a>> {
        let (name, v) = node.value.as_object()?.get_key_value(key)?;
        Some(self.at(v, node.base.name(name)))
    }

    /// Where a member of a node is written (whether or not it exists).
    pub fn member_path(&self, node: &Node<'a>, key: &str) -> Path<'a> {
        node.base.owned(key)
    }

    /// The members of an object node (or the items of an array), resolved: (key, node).
    pub fn children(&self, node: &Node<'a>) -> Vec<(Key<'a>, Node<'a>)> {
        match node.value {
            Value::Object(m) => m
                .iter()
                .map(|(k, v)| (Key::Borrowed(k.as_str()), self.at(v, node.base.name(k))))
                .collect(),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, v)| (Key::Owned(i.to_string()), self.at(v, node.base.index(i))))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Every member below a node at any depth, as JSONPath `..` reaches it: (key, node), each
    /// defined place once (a part referenced from several places is walked once).
    pub fn descendants(&self, node: &Node<'a>) -> Vec<(Key<'a>, Node<'a>)> {
        let mut out = Vec::new();
        // a defined place is its value's address in the document: comparing addresses instead
        // of paths saves cloning and ordering a path per member
        let mut seen: std::collections::HashSet<*const Value> = std::collections::HashSet::new();
        let mut stack = vec![node.clone()];
        seen.insert(std::ptr::from_ref(node.value));
        while let Some(n) = stack.pop() {
            for (k, child) in self.children(&n) {
                if seen.insert(std::ptr::from_ref(child.value)) {
                    stack.push(child.clone());
                }
                out.push((k, child));
            }
        }
        out
    }

    /// Every member below the root's `paths` at any depth, as [`Doc::descendants`] gives them,
    /// walked once per document for the rules that look there.
    pub fn below_paths(&self) -> &[(Key<'a>, Node<'a>)] {
        &self.below_paths
    }
}

/// Whether a value is truthy as JavaScript sees it.
pub(crate) fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use serde_json::json;

    #[test]
    fn every_rule_of_the_ruleset_has_its_dutch_description() {
        for (rule, _) in RULES {
            assert!(dutch_description(rule).is_some(), "{rule}");
        }
        assert_eq!(dutch_description("nlgov:onbekend"), None);
    }

    #[test]
    fn a_referenced_part_is_reported_where_it_is_defined_and_once() {
        let doc = json!({
            "paths": {
                "/a": { "get": { "responses": { "200": { "$ref": "#/components/responses/Ok" } } } },
                "/b": { "get": { "responses": { "200": { "$ref": "#/components/responses/Ok" } } } }
            },
            "components": { "responses": { "Ok": { "description": "ok" } } }
        });
        let found: Vec<Finding> = lint(&doc)
            .into_iter()
            .filter(|f| f.rule == "nlgov:missing-header")
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, vec!["components", "responses", "Ok"]);
    }

    #[test]
    fn a_reference_loop_ends() {
        let doc = json!({ "a": { "$ref": "#/b" }, "b": { "$ref": "#/a" }, "c": { "properties": { "x": { "$ref": "#/c" } } } });
        let d = Doc::new(&doc);
        assert!(d.descendants(&d.root()).len() < 100);
    }

    #[test]
    fn odd_documents_give_findings_not_panics() {
        let odd = [
            json!(null),
            json!([1, 2]),
            json!({ "openapi": 3, "info": "x", "paths": [], "components": 5, "servers": "x" }),
            json!({ "paths": { "/a/{": { "get": { "parameters": "x", "responses": [] } } }, "tags": [1, { "name": 2 }] }),
            json!({ "paths": { "/a": { "$ref": "#/nergens" } }, "components": { "schemas": { "A": { "$ref": "other.yaml#/A" } } } }),
            json!({ "components": { "schemas": { "A": { "type": "array", "items": { "$ref": "#/components/schemas/A" },
                "example": [[[1]]], "enum": [1, 1, "x"], "properties": { "p": { "$ref": "#/components/schemas/A" } } } } } }),
        ];
        for doc in &odd {
            for ruleset in [Ruleset::V21, Ruleset::V22] {
                let found = lint_with(doc, ruleset);
                assert!(score_with(&found, ruleset) <= 100);
            }
        }
        let refs: Vec<Finding> = lint(&odd[4]).into_iter().filter(|f| f.rule == "invalid-ref").collect();
        assert_eq!(refs.len(), 2, "{refs:?}");
    }
}
