//! A stand-in forge: GitHub's and GitLab's REST API for the calls a harvest makes, over real
//! HTTP on a loopback port. Every request the catalogue sends is checked against the contract
//! (GitHub: the official OpenAPI description in `standards/forges/`; GitLab: its documented
//! shapes, see that folder's SOURCES.md), and every GitHub answer against the official schema.
//! It counts requests, answers 304 to a matching `If-None-Match`, and can lose a repository or
//! a file, or go down.
#![allow(dead_code)]

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// A repository of the stand-in.
#[derive(Debug, Clone, Default)]
pub struct Repo {
    pub files: BTreeMap<String, String>,
    pub branch: String,
    pub archived: bool,
}

#[derive(Debug, Default)]
pub struct State {
    /// By full name (`owner/name`, `group/project`).
    pub repos: BTreeMap<String, Repo>,
    /// Documents served under `/specs/`.
    pub specs: BTreeMap<String, String>,
    /// Every request: method, path and query.
    pub requests: Vec<String>,
    /// Contract faults of the catalogue's requests (the test asserts there are none).
    pub faults: Vec<String>,
    /// Answers 503 to everything.
    pub down: bool,
}

pub struct Forge {
    pub url: String,
    pub state: Arc<Mutex<State>>,
    handle: actix_web::dev::ServerHandle,
}

fn github_contract() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../standards/forges/github-rest-subset.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{path}: the GitHub contract is needed for this test ({e}); see standards/forges/SOURCES.md")
    });
    serde_json::from_str(&text).unwrap()
}

/// The ETag of a file: its content's digest, as a forge gives one.
fn etag(text: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    format!("\"{:016x}\"", h.finish())
}

struct Shared {
    state: Arc<Mutex<State>>,
    github: Value,
    base: String,
}

impl Shared {
    fn fault(&self, why: String) {
        self.state.lock().unwrap().faults.push(why);
    }

    /// A query parameter of the request is one the operation declares, of its type.
    fn check_query(&self, op: &Value, query: &str) {
        let declared: Vec<Value> = op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| match p["$ref"].as_str() {
                Some(r) => self.github.pointer(&r[1..]).unwrap().clone(),
                None => p.clone(),
            })
            .collect();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match declared.iter().find(|p| p["name"] == name && p["in"] == "query") {
                None => self.fault(format!(
                    "{}: query parameter {name} is not in the spec",
                    op["operationId"]
                )),
                Some(p) => {
                    let schema = &p["schema"];
                    if schema["type"] == "integer" {
                        match value.parse::<i64>() {
                            Ok(n) => {
                                if schema["maximum"].as_i64().is_some_and(|m| n > m) {
                                    self.fault(format!("{name}={n} above the maximum"));
                                }
                                if schema["minimum"].as_i64().is_some_and(|m| n < m) {
                                    self.fault(format!("{name}={n} below the minimum"));
                                }
                            }
                            Err(_) => self.fault(format!("{name}={value} is no integer")),
                        }
                    }
                    if let Some(choices) = schema["enum"].as_array() {
                        if !choices.iter().any(|c| c == value) {
                            self.fault(format!("{name}={value} is not one of {choices:?}"));
                        }
                    }
                }
            }
        }
    }

    /// A GitHub answer is valid against the official schema.
    fn check_answer(&self, schema_ref: &str, array: bool, body: &Value) {
        let mut schema = if array {
            json!({ "type": "array", "items": { "$ref": schema_ref } })
        } else {
            json!({ "$ref": schema_ref })
        };
        schema["components"] = self.github["components"].clone();
        let validator = jsonschema::draft4::new(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "the stand-in's answer is not GitHub's {schema_ref}: {errors:?}"
        );
    }

    fn github_repo(&self, template: &Value, name: &str, repo: &Repo) -> Value {
        let mut r = template.clone();
        let (owner, short) = name.split_once('/').unwrap();
        r["name"] = json!(short);
        r["full_name"] = json!(name);
        r["html_url"] = json!(format!("https://github.com/{name}"));
        r["default_branch"] = json!(repo.branch);
        r["archived"] = json!(repo.archived);
        r["owner"]["login"] = json!(owner);
        // GitHub's own example of a full repository lacks `language`, which its schema
        // requires (at the top and in `source` and `parent`): the stand-in gives it
        for part in [None, Some("source"), Some("parent")] {
            let target = match part {
                None => Some(&mut r),
                Some(k) => r.get_mut(k),
            };
            if let Some(obj) = target.and_then(Value::as_object_mut) {
                obj.entry("language").or_insert(Value::Null);
            }
        }
        r
    }
}

fn not_found(message: &str) -> HttpResponse {
    HttpResponse::NotFound().json(json!({ "message": message, "documentation_url": "https://docs.github.com/rest" }))
}

/// Serves a file: 304 to its ETag, else the text with it.
fn file(req: &HttpRequest, text: &str) -> HttpResponse {
    let tag = etag(text);
    if req.headers().get("If-None-Match").and_then(|v| v.to_str().ok()) == Some(tag.as_str()) {
        return HttpResponse::NotModified().insert_header(("ETag", tag)).finish();
    }
    HttpResponse::Ok()
        .insert_header(("ETag", tag))
        .content_type("text/plain; charset=utf-8")
        .body(text.to_string())
}

fn page_of<T: Clone>(items: &[T], query: &web::Query<BTreeMap<String, String>>) -> Vec<T> {
    let per_page: usize = query.get("per_page").and_then(|v| v.parse().ok()).unwrap_or(30);
    let page: usize = query.get("page").and_then(|v| v.parse().ok()).unwrap_or(1);
    items
        .iter()
        .skip((page.max(1) - 1) * per_page)
        .take(per_page)
        .cloned()
        .collect()
}

async fn handle(
    req: HttpRequest,
    query: web::Query<BTreeMap<String, String>>,
    shared: web::Data<Shared>,
) -> HttpResponse {
    // the path as sent: a GitLab project is one segment with its slashes encoded
    let path = req.uri().path().to_string();
    let q = req.query_string().to_string();
    {
        let mut st = shared.state.lock().unwrap();
        st.requests.push(format!(
            "GET {path}{}",
            if q.is_empty() { String::new() } else { format!("?{q}") }
        ));
        if st.down {
            return HttpResponse::ServiceUnavailable().finish();
        }
    }
    let segments: Vec<String> = path.trim_start_matches('/').split('/').map(percent_decode).collect();
    let seg: Vec<&str> = segments.iter().map(String::as_str).collect();
    let state = shared.state.lock().unwrap();
    match seg.as_slice() {
        ["specs", name] => match state.specs.get(*name) {
            Some(text) => file(&req, text),
            None => HttpResponse::NotFound().finish(),
        },
        // GitHub: repos/list-for-org
        ["github", "orgs", org, "repos"] => {
            let op = &shared.github["paths"]["/orgs/{org}/repos"]["get"];
            shared.check_query(op, &q);
            let template = &shared.github["components"]["examples"]["minimal-repository-items"]["value"][0];
            let all: Vec<Value> = state
                .repos
                .iter()
                .filter(|(n, _)| n.split_once('/').is_some_and(|(o, _)| o == *org))
                .map(|(n, r)| shared.github_repo(template, n, r))
                .collect();
            if all.is_empty() && !state.repos.keys().any(|n| n.starts_with(&format!("{org}/"))) {
                return not_found("Not Found");
            }
            let page = Value::Array(page_of(&all, &query));
            shared.check_answer("#/components/schemas/minimal-repository", true, &page);
            HttpResponse::Ok().json(page)
        }
        // GitHub: repos/get
        ["github", "repos", owner, repo] => {
            shared.check_query(&shared.github["paths"]["/repos/{owner}/{repo}"]["get"], &q);
            let name = format!("{owner}/{repo}");
            let Some(r) = state.repos.get(&name) else {
                return not_found("Not Found");
            };
            let template = &shared.github["components"]["examples"]["full-repository-default-response"]["value"];
            let body = shared.github_repo(template, &name, r);
            shared.check_answer("#/components/schemas/full-repository", false, &body);
            HttpResponse::Ok().json(body)
        }
        // GitHub: repos/get-content, the raw media type
        ["github", "repos", owner, repo, "contents", rest @ ..] => {
            shared.check_query(
                &shared.github["paths"]["/repos/{owner}/{repo}/contents/{path}"]["get"],
                &q,
            );
            let accept = req.headers().get("Accept").and_then(|v| v.to_str().ok()).unwrap_or("");
            if accept != "application/vnd.github.raw+json" {
                shared.fault(format!("repos/get-content without the raw media type: {accept}"));
            }
            let name = format!("{owner}/{repo}");
            let Some(r) = state.repos.get(&name) else {
                return not_found("Not Found");
            };
            if query.get("ref") != Some(&r.branch) {
                shared.fault(format!(
                    "{name}: ref {:?}, not its default branch {}",
                    query.get("ref"),
                    r.branch
                ));
            }
            match r.files.get(&rest.join("/")) {
                Some(text) => file(&req, text),
                None => not_found("Not Found"),
            }
        }
        // GitLab: groups/:id/projects
        ["gitlab", "api", "v4", "groups", group, "projects"] => {
            gitlab_query(
                &shared,
                &q,
                &[
                    ("include_subgroups", "boolean"),
                    ("visibility", "string"),
                    ("per_page", "integer"),
                    ("page", "integer"),
                ],
            );
            let all: Vec<Value> = state
                .repos
                .iter()
                .filter(|(n, _)| n.starts_with(&format!("{group}/")))
                .enumerate()
                .map(|(i, (n, r))| gitlab_project(i, n, r))
                .collect();
            if all.is_empty() {
                return HttpResponse::NotFound().json(json!({ "message": "404 Group Not Found" }));
            }
            HttpResponse::Ok().json(Value::Array(page_of(&all, &query)))
        }
        // GitLab: projects/:id/repository/files/:file_path/raw
        [
            "gitlab",
            "api",
            "v4",
            "projects",
            project,
            "repository",
            "files",
            file_path,
            "raw",
        ] => {
            gitlab_query(&shared, &q, &[("ref", "string")]);
            let Some(r) = state.repos.get(*project) else {
                return HttpResponse::NotFound().json(json!({ "message": "404 Project Not Found" }));
            };
            match r.files.get(*file_path) {
                Some(text) => file(&req, text),
                None => HttpResponse::NotFound().json(json!({ "message": "404 File Not Found" })),
            }
        }
        // GitLab: projects/:id
        ["gitlab", "api", "v4", "projects", project] => {
            gitlab_query(&shared, &q, &[]);
            match state.repos.get(*project) {
                Some(r) => HttpResponse::Ok().json(gitlab_project(0, project, r)),
                None => HttpResponse::NotFound().json(json!({ "message": "404 Project Not Found" })),
            }
        }
        _ => {
            shared.fault(format!("GET {path} is no operation of the contract"));
            HttpResponse::NotFound().finish()
        }
    }
}

fn gitlab_query(shared: &Shared, q: &str, declared: &[(&str, &str)]) {
    for pair in q.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match declared.iter().find(|(n, _)| *n == name) {
            None => shared.fault(format!("GitLab: query parameter {name} is not documented")),
            Some((_, "integer")) if value.parse::<u32>().is_err() => shared.fault(format!("GitLab: {name}={value}")),
            Some((_, "boolean")) if value != "true" && value != "false" => {
                shared.fault(format!("GitLab: {name}={value}"))
            }
            _ => {}
        }
    }
}

fn gitlab_project(i: usize, name: &str, r: &Repo) -> Value {
    json!({
        "id": 1000 + i,
        "name": name.rsplit('/').next(),
        "path_with_namespace": name,
        "web_url": format!("https://gitlab.com/{name}"),
        "default_branch": r.branch,
        "archived": r.archived,
        "visibility": "public",
    })
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

impl Forge {
    pub async fn start() -> Forge {
        let state = Arc::new(Mutex::new(State::default()));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let shared = web::Data::new(Shared {
            state: state.clone(),
            github: github_contract(),
            base: url.clone(),
        });
        let server = HttpServer::new(move || App::new().app_data(shared.clone()).default_service(web::to(handle)))
            .workers(1)
            .listen(listener)
            .unwrap()
            .run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Forge { url, state, handle }
    }

    pub fn github_api(&self) -> String {
        format!("{}/github", self.url)
    }

    pub fn gitlab_api(&self) -> String {
        format!("{}/gitlab/api/v4", self.url)
    }

    pub fn put(&self, repo: &str, path: &str, text: &str) {
        let mut st = self.state.lock().unwrap();
        let r = st.repos.entry(repo.to_string()).or_insert_with(|| Repo {
            branch: "main".into(),
            ..Repo::default()
        });
        r.files.insert(path.to_string(), text.to_string());
    }

    pub fn remove_repo(&self, repo: &str) {
        self.state.lock().unwrap().repos.remove(repo);
    }

    pub fn spec(&self, name: &str, text: &str) -> String {
        self.state
            .lock()
            .unwrap()
            .specs
            .insert(name.to_string(), text.to_string());
        format!("{}/specs/{name}", self.url)
    }

    /// The requests since the last call.
    pub fn take_requests(&self) -> Vec<String> {
        std::mem::take(&mut self.state.lock().unwrap().requests)
    }

    pub fn faults(&self) -> Vec<String> {
        self.state.lock().unwrap().faults.clone()
    }

    pub fn set_down(&self, down: bool) {
        self.state.lock().unwrap().down = down;
    }

    pub async fn stop(self) {
        self.handle.stop(true).await;
    }
}
