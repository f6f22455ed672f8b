//! What changed between two versions of a spec, and whether a client written against the old
//! one breaks: a removed path or operation, a removed or retyped response property, a new
//! required parameter or request property, a changed type, a narrowed enum, an added security
//! requirement, a removed media type. Additions that a client can ignore are listed as not
//! breaking. `$ref`s are followed (each schema once per comparison, so loops end).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// One change, with its place in the new (or, when removed, the old) spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Change {
    /// Whether a client of the old version breaks.
    #[serde(rename = "brekend")]
    pub breaking: bool,
    /// What kind of change (`operatieVerwijderd`, `typeGewijzigd`, …).
    #[serde(rename = "soort")]
    pub kind: String,
    /// Path of keys in the spec.
    #[serde(rename = "pad")]
    pub path: Vec<String>,
    /// In words.
    #[serde(rename = "omschrijving")]
    pub description: String,
}

/// Which way data flows through a schema: what a client sends, or what it receives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Request,
    Response,
}

struct Diff<'a> {
    old: &'a Value,
    new: &'a Value,
    changes: Vec<Change>,
    seen: BTreeSet<(String, String, &'static str)>,
}

/// The changes from `old` to `new`, breaking ones first.
pub fn diff(old: &Value, new: &Value) -> Vec<Change> {
    let mut d = Diff {
        old,
        new,
        changes: Vec::new(),
        seen: BTreeSet::new(),
    };
    d.paths();
    let mut changes = d.changes;
    changes.sort_by(|a, b| {
        b.breaking
            .cmp(&a.breaking)
            .then(a.path.cmp(&b.path))
            .then(a.kind.cmp(&b.kind))
    });
    changes.dedup();
    changes
}

static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);

/// The members of an object node (none for anything else).
fn obj(v: Option<&Value>) -> &Map<String, Value> {
    v.and_then(Value::as_object).unwrap_or(&EMPTY)
}

fn at(path: &[String], more: &[&str]) -> Vec<String> {
    let mut p = path.to_vec();
    p.extend(more.iter().map(|s| s.to_string()));
    p
}

impl<'a> Diff<'a> {
    fn add(&mut self, breaking: bool, kind: &str, path: Vec<String>, description: String) {
        self.changes.push(Change {
            breaking,
            kind: kind.into(),
            path,
            description,
        });
    }

    /// A node with local `$ref`s followed (a loop or an unknown reference leaves it).
    fn resolve(doc: &'a Value, v: &'a Value) -> &'a Value {
        let mut cur = v;
        for _ in 0..32 {
            let Some(r) = cur.get("$ref").and_then(Value::as_str) else {
                return cur;
            };
            match r.strip_prefix('#').and_then(|p| doc.pointer(p)) {
                Some(t) => cur = t,
                None => return cur,
            }
        }
        cur
    }

    fn paths(&mut self) {
        let (old, new) = (obj(self.old.get("paths")), obj(self.new.get("paths")));
        for (p, old_item) in old {
            let base = vec!["paths".to_string(), p.clone()];
            let Some(new_item) = new.get(p) else {
                self.add(true, "padVerwijderd", base, format!("Pad {p} is verwijderd."));
                continue;
            };
            let (old_item, new_item) = (Self::resolve(self.old, old_item), Self::resolve(self.new, new_item));
            for m in METHODS {
                match (old_item.get(m), new_item.get(m)) {
                    (Some(_), None) => self.add(
                        true,
                        "operatieVerwijderd",
                        at(&base, &[m]),
                        format!("{} {p} is verwijderd.", m.to_uppercase()),
                    ),
                    (None, Some(_)) => self.add(
                        false,
                        "operatieToegevoegd",
                        at(&base, &[m]),
                        format!("{} {p} is toegevoegd.", m.to_uppercase()),
                    ),
                    (Some(o), Some(n)) => {
                        let (o, n) = (Self::resolve(self.old, o), Self::resolve(self.new, n));
                        self.operation(&at(&base, &[m]), old_item, o, new_item, n);
                    }
                    (None, None) => {}
                }
            }
        }
        for p in new.keys().filter(|p| !old.contains_key(*p)) {
            self.add(
                false,
                "padToegevoegd",
                vec!["paths".into(), p.clone()],
                format!("Pad {p} is toegevoegd."),
            );
        }
    }

    /// The parameters of an operation with those of its path item: (in, name) → parameter.
    fn parameters(doc: &'a Value, item: &'a Value, op: &'a Value) -> Vec<((String, String), &'a Value)> {
        let mut out: Vec<((String, String), &'a Value)> = Vec::new();
        for list in [item.get("parameters"), op.get("parameters")] {
            for p in list.and_then(Value::as_array).into_iter().flatten() {
                let p = Self::resolve(doc, p);
                let key = (
                    p.get("in").and_then(Value::as_str).unwrap_or_default().to_string(),
                    p.get("name").and_then(Value::as_str).unwrap_or_default().to_string(),
                );
                out.retain(|(k, _)| *k != key);
                out.push((key, p));
            }
        }
        out
    }

    fn operation(&mut self, base: &[String], old_item: &'a Value, o: &'a Value, new_item: &'a Value, n: &'a Value) {
        let old_params = Self::parameters(self.old, old_item, o);
        let new_params = Self::parameters(self.new, new_item, n);
        for ((place, name), np) in &new_params {
            let required = np.get("required") == Some(&Value::Bool(true));
            let path = at(base, &["parameters", name]);
            match old_params.iter().find(|(k, _)| k.0 == *place && k.1 == *name) {
                None if required => self.add(
                    true,
                    "verplichteParameterToegevoegd",
                    path,
                    format!("Nieuwe verplichte parameter {name} ({place})."),
                ),
                None => self.add(
                    false,
                    "parameterToegevoegd",
                    path,
                    format!("Nieuwe parameter {name} ({place})."),
                ),
                Some((_, op)) => {
                    if required && op.get("required") != Some(&Value::Bool(true)) {
                        self.add(
                            true,
                            "parameterVerplicht",
                            path.clone(),
                            format!("Parameter {name} ({place}) is nu verplicht."),
                        );
                    }
                    if let (Some(os), Some(ns)) = (op.get("schema"), np.get("schema")) {
                        self.schema(&at(&path, &["schema"]), os, ns, Flow::Request);
                    }
                }
            }
        }
        for ((place, name), _) in &old_params {
            if !new_params.iter().any(|(k, _)| k.0 == *place && k.1 == *name) {
                self.add(
                    false,
                    "parameterVerwijderd",
                    at(base, &["parameters", name]),
                    format!("Parameter {name} ({place}) is verwijderd."),
                );
            }
        }
        self.request_body(base, o, n);
        self.responses(base, o, n);
        self.security(base, o, n);
    }

    fn request_body(&mut self, base: &[String], o: &'a Value, n: &'a Value) {
        let path = at(base, &["requestBody"]);
        let (ob, nb) = match (o.get("requestBody"), n.get("requestBody")) {
            (None, None) => return,
            (Some(_), None) => {
                self.add(false, "bodyVerwijderd", path, "De request body is verwijderd.".into());
                return;
            }
            (None, Some(nb)) => {
                let nb = Self::resolve(self.new, nb);
                if nb.get("required") == Some(&Value::Bool(true)) {
                    self.add(
                        true,
                        "bodyVerplicht",
                        path,
                        "Een verplichte request body is toegevoegd.".into(),
                    );
                }
                return;
            }
            (Some(ob), Some(nb)) => (Self::resolve(self.old, ob), Self::resolve(self.new, nb)),
        };
        if nb.get("required") == Some(&Value::Bool(true)) && ob.get("required") != Some(&Value::Bool(true)) {
            self.add(
                true,
                "bodyVerplicht",
                path.clone(),
                "De request body is nu verplicht.".into(),
            );
        }
        self.content(&path, ob, nb, Flow::Request);
    }

    fn content(&mut self, base: &[String], o: &'a Value, n: &'a Value, flow: Flow) {
        let (oc, nc) = (obj(o.get("content")), obj(n.get("content")));
        for (media, om) in oc {
            let path = at(base, &["content", media]);
            match nc.get(media) {
                None => self.add(
                    true,
                    "mediatypeVerwijderd",
                    path,
                    format!(
                        "Mediatype {media} wordt niet meer {}.",
                        if flow == Flow::Request {
                            "aangenomen"
                        } else {
                            "geleverd"
                        }
                    ),
                ),
                Some(nm) => {
                    if let (Some(os), Some(ns)) = (om.get("schema"), nm.get("schema")) {
                        self.schema(&at(&path, &["schema"]), os, ns, flow);
                    }
                }
            }
        }
        for media in nc.keys().filter(|m| !oc.contains_key(*m)) {
            self.add(
                false,
                "mediatypeToegevoegd",
                at(base, &["content", media]),
                format!("Mediatype {media} is toegevoegd."),
            );
        }
    }

    fn responses(&mut self, base: &[String], o: &'a Value, n: &'a Value) {
        let (or, nr) = (obj(o.get("responses")), obj(n.get("responses")));
        for (code, ov) in or.iter().filter(|(c, _)| c.starts_with('2')) {
            let path = at(base, &["responses", code]);
            let Some(nv) = nr.get(code) else {
                self.add(
                    true,
                    "responsVerwijderd",
                    path,
                    format!("Respons {code} is verwijderd."),
                );
                continue;
            };
            let (ov, nv) = (Self::resolve(self.old, ov), Self::resolve(self.new, nv));
            self.content(&path, ov, nv, Flow::Response);
        }
    }

    fn security(&mut self, base: &[String], o: &'a Value, n: &'a Value) {
        let effective = |doc: &'a Value, op: &'a Value| -> BTreeSet<String> {
            op.get("security")
                .or_else(|| doc.get("security"))
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_object)
                .flat_map(|m| m.keys().cloned().collect::<Vec<_>>())
                .collect()
        };
        let (os, ns) = (effective(self.old, o), effective(self.new, n));
        for s in ns.difference(&os) {
            self.add(
                true,
                "beveiligingToegevoegd",
                at(base, &["security"]),
                format!("Beveiligingseis {s} is toegevoegd."),
            );
        }
    }

    fn types(s: &Value) -> BTreeSet<String> {
        match s.get("type") {
            Some(Value::String(t)) => BTreeSet::from([t.clone()]),
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
            _ => BTreeSet::new(),
        }
    }

    fn schema(&mut self, path: &[String], o: &'a Value, n: &'a Value, flow: Flow) {
        // each pair of schemas once per direction: references make loops
        let key = (
            o.get("$ref")
                .and_then(Value::as_str)
                .map_or_else(|| path.join("/"), str::to_string),
            n.get("$ref")
                .and_then(Value::as_str)
                .map_or_else(|| path.join("/"), str::to_string),
            if flow == Flow::Request { "request" } else { "response" },
        );
        if !self.seen.insert(key) || path.len() > 64 {
            return;
        }
        let (o, n) = (Self::resolve(self.old, o), Self::resolve(self.new, n));
        let (ot, nt) = (Self::types(o), Self::types(n));
        if !ot.is_empty() && !nt.is_empty() && ot != nt {
            let widened = flow == Flow::Request && nt.is_superset(&ot);
            self.add(
                !widened,
                "typeGewijzigd",
                path.to_vec(),
                format!(
                    "Type {} is {}.",
                    ot.iter().cloned().collect::<Vec<_>>().join("|"),
                    nt.iter().cloned().collect::<Vec<_>>().join("|")
                ),
            );
        }
        if let (Some(oe), Some(ne)) = (
            o.get("enum").and_then(Value::as_array),
            n.get("enum").and_then(Value::as_array),
        ) {
            let removed: Vec<&Value> = oe.iter().filter(|v| !ne.contains(v)).collect();
            let added: Vec<&Value> = ne.iter().filter(|v| !oe.contains(v)).collect();
            if !removed.is_empty() {
                self.add(
                    true,
                    "enumIngeperkt",
                    at(path, &["enum"]),
                    format!(
                        "Waarden vervallen: {}.",
                        removed.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            if !added.is_empty() {
                // a client receiving a value it does not know may break; one sending has more choice
                self.add(
                    flow == Flow::Response,
                    "enumUitgebreid",
                    at(path, &["enum"]),
                    format!(
                        "Waarden erbij: {}.",
                        added.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
        }
        let required = |s: &Value| -> BTreeSet<String> {
            s.get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        };
        let (oreq, nreq) = (required(o), required(n));
        let (op, np) = (obj(o.get("properties")), obj(n.get("properties")));
        for name in op.keys() {
            let p = at(path, &["properties", name]);
            match (
                o.get("properties").and_then(|m| m.get(name)),
                n.get("properties").and_then(|m| m.get(name)),
            ) {
                (Some(_), None) => self.add(
                    flow == Flow::Response,
                    "eigenschapVerwijderd",
                    p,
                    format!("Eigenschap {name} is verwijderd."),
                ),
                (Some(os), Some(ns)) => self.schema(&p, os, ns, flow),
                _ => {}
            }
        }
        for name in np.keys().filter(|k| !op.contains_key(*k)) {
            let required_now = nreq.contains(name);
            self.add(
                flow == Flow::Request && required_now,
                if flow == Flow::Request && required_now {
                    "verplichteEigenschapToegevoegd"
                } else {
                    "eigenschapToegevoegd"
                },
                at(path, &["properties", name]),
                format!(
                    "Eigenschap {name} is toegevoegd{}.",
                    if required_now { " (verplicht)" } else { "" }
                ),
            );
        }
        if flow == Flow::Request {
            for name in nreq.difference(&oreq).filter(|k| op.contains_key(*k)) {
                self.add(
                    true,
                    "eigenschapVerplicht",
                    at(path, &["properties", name]),
                    format!("Eigenschap {name} is nu verplicht."),
                );
            }
        }
        if let (Some(oi), Some(ni)) = (o.get("items"), n.get("items")) {
            self.schema(&at(path, &["items"]), oi, ni, flow);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use serde_json::json;

    fn spec(paths: Value, schemas: Value) -> Value {
        json!({ "openapi": "3.0.3", "info": { "title": "x", "version": "1.0.0" }, "paths": paths,
                "components": { "schemas": schemas } })
    }

    fn ding(props: Value, required: Value) -> Value {
        json!({ "Ding": { "type": "object", "properties": props, "required": required } })
    }

    fn ops(params: Value) -> Value {
        json!({
            "/dingen": {
                "get": { "parameters": params, "responses": { "200": { "description": "ok",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ding" } } } } } },
                "delete": { "responses": { "204": { "description": "weg" } } }
            }
        })
    }

    #[test]
    fn a_removed_operation_and_a_new_required_parameter_break() {
        let old = spec(ops(json!([])), ding(json!({ "naam": { "type": "string" } }), json!([])));
        let mut new = spec(
            ops(json!([{ "name": "soort", "in": "query", "required": true, "schema": { "type": "string" } }])),
            ding(json!({ "naam": { "type": "string" } }), json!([])),
        );
        new["paths"]["/dingen"].as_object_mut().unwrap().remove("delete");
        let changes = diff(&old, &new);
        let breaking: Vec<&str> = changes.iter().filter(|c| c.breaking).map(|c| c.kind.as_str()).collect();
        assert_eq!(
            breaking,
            vec!["operatieVerwijderd", "verplichteParameterToegevoegd"],
            "{changes:?}"
        );
    }

    #[test]
    fn response_properties_types_and_enums() {
        let old = spec(
            ops(json!([])),
            ding(
                json!({ "naam": { "type": "string" }, "aantal": { "type": "integer" },
                         "soort": { "type": "string", "enum": ["a", "b"] } }),
                json!([]),
            ),
        );
        let new = spec(
            ops(json!([])),
            ding(
                json!({ "aantal": { "type": "string" }, "soort": { "type": "string", "enum": ["a"] },
                         "nieuw": { "type": "string" } }),
                json!([]),
            ),
        );
        let changes = diff(&old, &new);
        let kinds: Vec<(&str, bool)> = changes.iter().map(|c| (c.kind.as_str(), c.breaking)).collect();
        assert_eq!(
            kinds,
            vec![
                ("typeGewijzigd", true),
                ("eigenschapVerwijderd", true),
                ("enumIngeperkt", true),
                ("eigenschapToegevoegd", false)
            ],
            "{changes:?}"
        );
        assert_eq!(
            changes[1].path,
            vec![
                "paths",
                "/dingen",
                "get",
                "responses",
                "200",
                "content",
                "application/json",
                "schema",
                "properties",
                "naam"
            ]
        );
        // the same spec: nothing
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn security_media_types_and_loops() {
        let mut old = spec(
            ops(json!([])),
            json!({ "Ding": { "type": "object", "properties": { "kind": { "$ref": "#/components/schemas/Ding" } } } }),
        );
        let mut new = old.clone();
        new["paths"]["/dingen"]["get"]["security"] = json!([{ "bearer": [] }]);
        let body = |media: &str| json!({ "content": { media: { "schema": { "type": "object" } } } });
        old["paths"]["/dingen"]["post"] = json!({ "requestBody": body("application/json"), "responses": {} });
        new["paths"]["/dingen"]["post"] = json!({ "requestBody": body("application/xml"), "responses": {} });
        let kinds: Vec<String> = diff(&old, &new)
            .into_iter()
            .filter(|c| c.breaking)
            .map(|c| c.kind)
            .collect();
        assert_eq!(kinds, vec!["beveiligingToegevoegd", "mediatypeVerwijderd"]);
    }
}
