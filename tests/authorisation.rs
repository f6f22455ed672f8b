//! The authorisation matrix: every operation of every component's spec (`openapi/*.json`) ×
//! {no token, malformed, wrong signature, expired, `alg: none`, valid without the scope, valid
//! with it, another tenant's or citizen's object}, against the running suite over HTTP. The
//! operations come from the specs, so an operation added without a row here fails the test.
//! Every refusal is problem+json and carries no personal data, and every answer carries the
//! transport-security headers.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use platform::auth::{Claims, ClientConfig};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// A statement of the suite's account that the demo did not import.
const STATEMENT: &[u8] = include_bytes!("../components/household-budget/tests/fixtures/camt053_v04.xml");

/// The people of the fixture, whose data must never appear in a refusal.
const JAN: &str = "999990019";
const FATIMA: &str = "999990032";
const ANNA: &str = "999990068";
const SOPHIE: &str = "999990044";

/// One operation of a spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Operation {
    method: String,
    /// The path as the spec has it, with the server's prefix.
    path: String,
    port_variable: &'static str,
}

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

fn operations() -> Vec<Operation> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut ops = Vec::new();
    for (file, port_variable) in [
        ("catalog.json", "CATALOG_PORT"),
        ("holiday-rental.json", "HOLIDAY_RENTAL_PORT"),
        ("household-budget.json", "HOUSEHOLD_BUDGET_PORT"),
        ("registry-proxy.json", "REGISTRY_PROXY_PORT"),
        ("registry-proxy-haalcentraal.json", "REGISTRY_PROXY_PORT"),
    ] {
        let spec: Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{root}/openapi/{file}")).unwrap()).unwrap();
        let server = spec["servers"][0]["url"]
            .as_str()
            .unwrap()
            .trim_end_matches('/')
            .to_string();
        for (path, item) in spec["paths"].as_object().unwrap() {
            for method in ["get", "post", "put", "patch", "delete"] {
                if item.get(method).is_some() {
                    ops.push(Operation {
                        method: method.to_uppercase(),
                        path: format!("{server}{path}"),
                        port_variable,
                    });
                }
            }
        }
    }
    ops
}

/// What a request sends.
#[derive(Debug, Clone)]
enum Body {
    None,
    Json(Value),
    Xml(Vec<u8>),
}

/// Who may call an operation.
#[derive(Debug, Clone)]
enum Access {
    /// Anyone, without a token.
    Public,
    /// A client with the scope (its token claims), and a valid client without it.
    Scoped { with: Caller, without: Caller },
}

/// A client of the clients file, with a citizen's BSN in its token or not.
#[derive(Debug, Clone)]
struct Caller(&'static str, Option<&'static str>);

/// Another tenant's or citizen's object: asked by `caller` at `path`, expected 404.
#[derive(Debug, Clone)]
enum Other {
    Object {
        caller: Caller,
        path: String,
        body: Body,
    },
    /// Why the operation has no such case.
    NotApplicable(&'static str),
}

/// One row of the matrix: the operation as the authorised caller makes it, and what it answers.
#[derive(Debug, Clone)]
struct Row {
    access: Access,
    path: String,
    body: Body,
    /// The answer with a valid token with the scope.
    ok: u16,
    other: Other,
}

/// The suite and what the rows need of its data.
struct Fixture {
    suite: Suite,
    clients: Vec<ClientConfig>,
    http: reqwest::Client,
    ids: BTreeMap<&'static str, String>,
}

impl Fixture {
    fn token(&self, caller: &Caller) -> String {
        let client = self.clients.iter().find(|c| c.client_id == caller.0).unwrap();
        let claims = Claims {
            bsn: caller.1.map(str::to_string),
            ..Default::default()
        };
        platform::auth::sign_hs256(client, &claims, chrono::Utc::now().timestamp()).unwrap()
    }

    fn id(&self, name: &str) -> String {
        self.ids
            .get(name)
            .unwrap_or_else(|| panic!("fixture has no {name}"))
            .clone()
    }

    /// A call that must succeed while the fixture is made.
    async fn call(&self, method: &str, url: String, caller: &Caller, body: Body) -> Value {
        let (status, _, text) = send(
            &self.http,
            method,
            &url,
            Some(format!("Bearer {}", self.token(caller))),
            &body,
        )
        .await;
        assert!(status < 300, "fixture: {method} {url}: {status} {text}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    fn url(&self, op: &Operation, path: &str) -> String {
        format!("{}{path}", self.suite.url(op.port_variable))
    }
}

async fn send(
    http: &reqwest::Client,
    method: &str,
    url: &str,
    authorization: Option<String>,
    body: &Body,
) -> (u16, String, String) {
    let mut req = http.request(method.parse().unwrap(), url);
    if let Some(a) = authorization {
        req = req.header("Authorization", a);
    }
    req = match body {
        Body::None => req,
        Body::Json(v) => req.json(v),
        Body::Xml(bytes) => req.header("Content-Type", "application/xml").body(bytes.clone()),
    };
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    // the transport-security headers of the ADR on every answer, refusals included
    let h = resp.headers();
    let secure = h.get("x-content-type-options").is_some_and(|v| v == "nosniff")
        && h.get("x-frame-options").is_some_and(|v| v == "DENY")
        && h.get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("frame-ancestors 'none'"))
        && h.get("cache-control").is_some();
    let text = resp.text().await.unwrap_or_default();
    if !secure {
        return (status, content_type, format!("MISSING SECURITY HEADERS {text}"));
    }
    (status, content_type, text)
}

/// An IBAN of the Netherlands with correct check digits for a ten-digit account number.
fn iban(bank: &str, account: u64) -> String {
    let bban = format!("{bank}{account:010}");
    let digits: String = format!("{bban}NL00")
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                c.to_string()
            } else {
                (c as u32 - 'A' as u32 + 10).to_string()
            }
        })
        .collect();
    let rest = digits
        .chars()
        .fold(0u64, |r, c| (r * 10 + u64::from(c.to_digit(10).unwrap())) % 97);
    format!("NL{:02}{bban}", 98 - rest)
}

const TEAM: Caller = Caller("budgetbeheer", None);
const SUPPLIER: Caller = Caller("leverancier", None);
/// The client the suite's components publish themselves as; its organisation owns their entries.
const GRONDWERK: Caller = Caller("grondwerk", None);

/// Makes the objects the rows ask for, through the APIs.
async fn fixture() -> Fixture {
    let data = temp_dir("authorisation");
    let clients_file = data.join("clients.toml");
    write_clients(&clients_file);
    // Amsterdam's area, served publicly at /gebied
    let area = data.join("gebied.geojson");
    std::fs::write(
        &area,
        r#"{"type":"Polygon","coordinates":[[[4.73,52.28],[5.07,52.28],[5.07,52.43],[4.73,52.43],[4.73,52.28]]]}"#,
    )
    .unwrap();
    let suite = Suite::start_with(
        &data,
        free_ports(),
        true,
        &[
            ("GRONDWERK_CLIENTS", clients_file.to_str().unwrap()),
            ("HOLIDAY_RENTAL_AREA", area.to_str().unwrap()),
        ],
    );
    let clients = platform::auth::parse_clients(&std::fs::read_to_string(&clients_file).unwrap()).unwrap();
    let mut fx = Fixture {
        suite,
        clients,
        http: reqwest::Client::new(),
        ids: BTreeMap::new(),
    };
    let rental = format!("{}/api/v1", fx.suite.url("HOLIDAY_RENTAL_PORT"));
    let budget = format!("{}/api/v1", fx.suite.url("HOUSEHOLD_BUDGET_PORT"));
    let catalog = format!("{}/api/v1", fx.suite.url("CATALOG_PORT"));
    let proxy = fx.suite.url("REGISTRY_PROXY_PORT");

    // holiday-rental: Jan's demo registration and its stays, and another demo registration to
    // withdraw
    let jan = Caller("burgerportaal", Some(JAN));
    let demo = fx.suite.demo_registrations();
    let jan_nr = demo[0].clone();
    fx.ids.insert("registratie", jan_nr.clone());
    let stays = fx
        .call(
            "GET",
            format!("{rental}/registraties/{jan_nr}/verblijven"),
            &jan,
            Body::None,
        )
        .await;
    let stays = stays["verblijven"].as_array().unwrap().clone();
    fx.ids.insert("verblijf", stays[0]["id"].as_str().unwrap().into());
    fx.ids
        .insert("verblijf-annuleren", stays[1]["id"].as_str().unwrap().into());
    fx.ids.insert("registratie-intrekken", demo[1].clone());

    // household-budget: Anna (demo) and a second citizen, Fatima
    let citizens = fx.call("GET", format!("{budget}/burgers"), &TEAM, Body::None).await;
    let anna = citizens["burgers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["burgerservicenummer"] == ANNA)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    fx.ids.insert("burger", anna.clone());
    let fatima = fx
        .call(
            "POST",
            format!("{budget}/burgers"),
            &TEAM,
            Body::Json(json!({ "burgerservicenummer": FATIMA, "voornamen": "Fatima", "achternaam": "Yilmaz" })),
        )
        .await;
    let fatima = fatima["id"].as_str().unwrap().to_string();
    fx.ids.insert("burger-ander", fatima.clone());
    let afspraak = |omschrijving: &str| {
        json!({ "omschrijving": omschrijving, "soort": "uitgaven", "bedragInCenten": 1250,
                "tegenrekening": "NL15BNGH0285162624", "geldigVan": "2024-01-01" })
    };
    for (name, burger) in [("afspraak-ander", &fatima), ("afspraak-verwijderen", &anna)] {
        let a = fx
            .call(
                "POST",
                format!("{budget}/burgers/{burger}/afspraken"),
                &TEAM,
                Body::Json(afspraak(name)),
            )
            .await;
        fx.ids.insert(name, a["id"].as_str().unwrap().into());
    }
    let afspraken = fx
        .call("GET", format!("{budget}/burgers/{anna}/afspraken"), &TEAM, Body::None)
        .await;
    let afspraken = afspraken["afspraken"].as_array().unwrap().clone();
    let huur = afspraken.iter().find(|a| a["omschrijving"] == "Huur").unwrap();
    fx.ids.insert("afspraak", huur["id"].as_str().unwrap().into());
    for (name, naam) in [("huishouden", "Huishouden De Vries"), ("huishouden-verwijderen", "Weg")] {
        let h = fx
            .call(
                "POST",
                format!("{budget}/huishoudens"),
                &TEAM,
                Body::Json(json!({ "naam": naam })),
            )
            .await;
        fx.ids.insert(name, h["id"].as_str().unwrap().into());
    }
    for (name, kvk) in [("organisatie", "69599084"), ("organisatie-verwijderen", "69599085")] {
        let o = fx
            .call(
                "POST",
                format!("{budget}/organisaties"),
                &TEAM,
                Body::Json(json!({ "kvkNummer": kvk, "naam": format!("Woningcorporatie {kvk}") })),
            )
            .await;
        fx.ids.insert(name, o["id"].as_str().unwrap().into());
    }
    let organisatie = fx.id("organisatie");
    for name in ["afdeling", "afdeling-verwijderen"] {
        let a = fx
            .call(
                "POST",
                format!("{budget}/organisaties/{organisatie}/afdelingen"),
                &TEAM,
                Body::Json(json!({ "naam": name })),
            )
            .await;
        fx.ids.insert(name, a["id"].as_str().unwrap().into());
    }
    // accounts: Anna's own, Fatima's, one to delete, and new ones the rows link
    for (name, burger, account) in [
        ("rekening", &anna, 1u64),
        ("rekening-ander", &fatima, 2),
        ("rekening-verwijderen", &anna, 3),
        ("rekening-ontkoppelen", &anna, 4),
    ] {
        let iban = iban("ABNA", 417_164_300 + account);
        fx.call(
            "POST",
            format!("{budget}/burgers/{burger}/rekeningen"),
            &TEAM,
            Body::Json(json!({ "iban": iban, "rekeninghouder": "A. de Vries" })),
        )
        .await;
        fx.ids.insert(name, iban);
    }
    let spare = fx.id("rekening-verwijderen");
    fx.call(
        "DELETE",
        format!("{budget}/burgers/{anna}/rekeningen/{spare}"),
        &TEAM,
        Body::None,
    )
    .await;
    fx.ids.insert("rekening-nieuw", iban("ABNA", 417_164_310));
    fx.ids.insert("rekening-afdeling", iban("ABNA", 417_164_311));
    for (name, naam) in [("rubriek", "Huur"), ("rubriek-verwijderen", "Weg")] {
        let r = fx
            .call(
                "POST",
                format!("{budget}/rubrieken"),
                &TEAM,
                Body::Json(json!({ "naam": naam, "grootboekrekening": "4000" })),
            )
            .await;
        fx.ids.insert(name, r["id"].as_str().unwrap().into());
    }
    // a booked transaction of the demo import, unbooked so that the rows book and unbook it
    let transactions = fx
        .call("GET", format!("{budget}/transacties?pageSize=100"), &TEAM, Body::None)
        .await;
    let booked = transactions["transacties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["boeking"].is_object())
        .unwrap_or_else(|| panic!("no booked transaction: {transactions}"))
        .clone();
    let t = booked["id"].as_str().unwrap().to_string();
    fx.ids.insert("transactie", t.clone());
    fx.ids.insert(
        "transactie-afspraak",
        booked["boeking"]["afspraakId"].as_str().unwrap().into(),
    );
    fx.call("DELETE", format!("{budget}/transacties/{t}/boeking"), &TEAM, Body::None)
        .await;
    let file = fx
        .call(
            "POST",
            format!("{budget}/betaalbestanden"),
            &TEAM,
            Body::Json(json!({ "van": "2024-06-01", "tot": "2024-06-30" })),
        )
        .await;
    fx.ids.insert("betaalbestand", file["id"].as_str().unwrap().into());
    let signals = fx
        .call("GET", format!("{budget}/signaleringen"), &TEAM, Body::None)
        .await;
    fx.ids.insert(
        "signalering",
        signals["signaleringen"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("no signal: {signals}"))
            .into(),
    );

    // the catalogue: holiday-rental's entry, used by Amsterdam in production
    let components = fx
        .call("GET", format!("{catalog}/componenten"), &SUPPLIER, Body::None)
        .await;
    let entry = components["componenten"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["url"].as_str().is_some_and(|u| u.ends_with("#holiday-rental")))
        .unwrap_or_else(|| panic!("no holiday-rental in {components}"))
        .clone();
    let id = entry["id"].as_str().unwrap().to_string();
    fx.ids.insert("component", id.clone());
    // a second version with a changed spec, so that it has changes against the first
    let first = format!("{catalog}/componenten/{id}/versies/1");
    let publiccode = platform::testing::text(fx.http.get(format!("{first}/publiccode.yml"))).await;
    let mut spec: Value = fx
        .http
        .get(format!("{first}/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    spec["info"]["description"] = json!("Versie 2, met een gewijzigde beschrijving.");
    let second = fx
        .call(
            "POST",
            format!("{catalog}/componenten"),
            &GRONDWERK,
            Body::Json(json!({ "publiccode": publiccode, "openapi": spec })),
        )
        .await;
    assert_eq!(second["laatsteVersie"], 2, "{second}");
    fx.ids.insert("versie", "2".into());
    let amsterdam = Caller("gemeente-amsterdam", None);
    for omgeving in ["productie", "test"] {
        fx.call(
            "PUT",
            format!("{catalog}/componenten/{id}/gebruik"),
            &amsterdam,
            Body::Json(json!({ "versie": 1, "sinds": "2026-01-01", "omgeving": omgeving })),
        )
        .await;
    }

    // two harvest sources of Grondwerk's: one to harvest, one to end (their forge is refused
    // at once: loopback, which the suite does not fetch from)
    for name in ["oogstbron", "oogstbron-weg"] {
        let source = fx
            .call(
                "POST",
                format!("{catalog}/oogstbronnen"),
                &GRONDWERK,
                Body::Json(json!({ "soort": "github", "apiUrl": "https://127.0.0.1:9", "groep": "grondwerk" })),
            )
            .await;
        fx.ids.insert(name, source["id"].as_str().unwrap().into());
    }

    // the BAG: the addressable object of Keizersgracht 123
    let adres = fx
        .call(
            "GET",
            format!("{proxy}/lvbag/individuelebevragingen/v2/adressen/0363200000123456"),
            &Caller("demo", None),
            Body::None,
        )
        .await;
    fx.ids.insert(
        "adresseerbaarobject",
        adres["adresseerbaarObjectIdentificatie"].as_str().unwrap().into(),
    );
    fx
}

/// The row of an operation; an operation without one fails the test.
async fn row(op: &Operation, fx: &Fixture) -> Row {
    let id = |name: &str| fx.id(name);
    let scoped = |with: Caller, without: Caller| Access::Scoped { with, without };
    let none = Other::NotApplicable;
    let jan = Caller("burgerportaal", Some(JAN));
    let fatima = Caller("burgerportaal", Some(FATIMA));
    let amsterdam = Caller("handhaving-amsterdam", None);
    let utrecht = Caller("handhaving-utrecht", None);
    let platform = Caller("platform-demo", None);
    let anna = Caller("budgetportaal", Some(ANNA));
    let brp = Caller("demo", None);
    let row = |access, path: String, body, ok, other| Row {
        access,
        path,
        body,
        ok,
        other,
    };
    let other = |caller: Caller, path: String, body: Body| Other::Object { caller, path, body };
    let reg = id("registratie");
    let stay = id("verblijf");
    let burger = id("burger");
    let budget_other = "one budget team per deployment: a worker with the scope may see every household";
    match (op.method.as_str(), op.path.as_str()) {
        // the catalogue
        ("GET", "/api/v1/componenten") => row(Access::Public, op.path.clone(), Body::None, 200, none("public")),
        ("POST", "/api/v1/componenten") => {
            let c = id("component");
            let v = id("versie");
            let base = fx.suite.url("CATALOG_PORT");
            let publiccode = platform::testing::text(
                fx.http
                    .get(format!("{base}/api/v1/componenten/{c}/versies/{v}/publiccode.yml")),
            )
            .await;
            row(
                scoped(GRONDWERK, platform),
                op.path.clone(),
                Body::Json(json!({ "publiccode": publiccode })),
                201,
                none(
                    "a publication names its component by the url in its publiccode.yml; another organisation's publication of it is a 403 naming the owner (catalog/tests/componenten.rs)",
                ),
            )
        }
        ("PUT", "/api/v1/componenten/{id}/eigenaar") => row(
            scoped(Caller("catalogusbeheer", None), GRONDWERK),
            format!("/api/v1/componenten/{}/eigenaar", id("component")),
            Body::Json(json!({ "organisatie": "Grondwerk" })),
            200,
            none("the catalogue's administrator may transfer any component"),
        ),
        ("GET", "/api/v1/componenten/{id}") => row(
            Access::Public,
            format!("/api/v1/componenten/{}", id("component")),
            Body::None,
            200,
            none("public"),
        ),
        ("GET", p) if p.starts_with("/api/v1/componenten/{id}/versies/{versie}/") => row(
            Access::Public,
            p.replace("{id}", &id("component")).replace("{versie}", &id("versie")),
            Body::None,
            200,
            none("public"),
        ),
        ("GET", "/api/v1/componenten/{id}/api-register") => row(
            Access::Public,
            format!("/api/v1/componenten/{}/api-register", id("component")),
            Body::None,
            200,
            none("public"),
        ),
        ("PUT", "/api/v1/componenten/{id}/gebruik") => row(
            scoped(Caller("gemeente-utrecht", None), SUPPLIER),
            format!("/api/v1/componenten/{}/gebruik", id("component")),
            Body::Json(json!({ "versie": 1, "sinds": "2026-02-01", "omgeving": "acceptatie" })),
            200,
            none("a client records its own organisation's use, taken from its settings"),
        ),
        ("DELETE", "/api/v1/componenten/{id}/gebruik/{omgeving}") => {
            let path = format!("/api/v1/componenten/{}/gebruik/test", id("component"));
            row(
                scoped(Caller("gemeente-amsterdam", None), SUPPLIER),
                path.clone(),
                Body::None,
                204,
                other(Caller("gemeente-utrecht", None), path, Body::None),
            )
        }

        ("GET", "/api/v1/oogstbronnen" | "/api/v1/versies" | "/api/v1/gevolgde-catalogi") => {
            row(Access::Public, op.path.clone(), Body::None, 200, none("public"))
        }
        ("POST", "/api/v1/oogstbronnen") => row(
            scoped(GRONDWERK, platform),
            op.path.clone(),
            Body::Json(json!({ "soort": "gitlab", "apiUrl": "https://gitlab.com/api/v4", "groep": "grondwerk" })),
            201,
            none("a source is its caller's organisation's, taken from the client's settings"),
        ),
        ("GET", "/api/v1/oogstbronnen/{id}") => row(
            Access::Public,
            format!("/api/v1/oogstbronnen/{}", id("oogstbron")),
            Body::None,
            200,
            none("public"),
        ),
        ("POST", "/api/v1/oogstbronnen/{id}/oogsten") => row(
            scoped(GRONDWERK, platform),
            format!("/api/v1/oogstbronnen/{}/oogsten", id("oogstbron")),
            Body::None,
            200,
            none(
                "sources are public; another organisation's harvest or end of a source is a 403 naming the owner (catalog/tests/harvest.rs)",
            ),
        ),
        ("DELETE", "/api/v1/oogstbronnen/{id}") => row(
            scoped(GRONDWERK, platform),
            format!("/api/v1/oogstbronnen/{}", id("oogstbron-weg")),
            Body::None,
            204,
            none(
                "sources are public; another organisation's harvest or end of a source is a 403 naming the owner (catalog/tests/harvest.rs)",
            ),
        ),

        // holiday-rental
        ("POST", "/api/v1/registraties") => row(
            scoped(Caller("burgerportaal", Some(ANNA)), amsterdam.clone()),
            op.path.clone(),
            Body::Json(json!({ "nummeraanduidingIdentificatie": "0344200000200200" })),
            201,
            none("a citizen registers their own home; the BSN comes from the token"),
        ),
        ("GET", "/api/v1/registraties/{registratienummer}") => row(
            scoped(jan.clone(), platform.clone()),
            format!("/api/v1/registraties/{reg}"),
            Body::None,
            200,
            other(fatima.clone(), format!("/api/v1/registraties/{reg}"), Body::None),
        ),
        ("POST", "/api/v1/registraties/{registratienummer}/intrekken") => {
            let path = format!("/api/v1/registraties/{}/intrekken", id("registratie-intrekken"));
            let body = Body::Json(json!({ "reden": "woning verkocht" }));
            row(
                scoped(amsterdam.clone(), platform.clone()),
                path.clone(),
                body.clone(),
                200,
                other(utrecht.clone(), path, body),
            )
        }
        ("GET", "/api/v1/registratienummers/{registratienummer}") => row(
            scoped(platform.clone(), jan.clone()),
            format!("/api/v1/registratienummers/{reg}"),
            Body::None,
            200,
            none("the public check: any platform checks any number, and learns only whether it is valid"),
        ),
        ("GET", "/api/v1/sdep/number-valid-check/{registrationNumber}") => row(
            scoped(platform.clone(), jan.clone()),
            format!("/api/v1/sdep/number-valid-check/{reg}"),
            Body::None,
            200,
            none("the public check: any platform checks any number, and learns only whether it is valid"),
        ),
        ("GET", "/api/v1/registraties/{registratienummer}/verblijven") => row(
            scoped(jan.clone(), platform.clone()),
            format!("/api/v1/registraties/{reg}/verblijven"),
            Body::None,
            200,
            other(
                utrecht.clone(),
                format!("/api/v1/registraties/{reg}/verblijven"),
                Body::None,
            ),
        ),
        ("POST", "/api/v1/registraties/{registratienummer}/verblijven") => {
            let start = chrono::Utc::now().date_naive() + chrono::Days::new(120);
            let body = Body::Json(
                json!({ "startDatum": start, "eindDatum": start + chrono::Days::new(2), "aantalGasten": 2 }),
            );
            let path = format!("/api/v1/registraties/{reg}/verblijven");
            row(
                scoped(jan.clone(), platform.clone()),
                path.clone(),
                body.clone(),
                201,
                other(fatima.clone(), path, body),
            )
        }
        ("DELETE", "/api/v1/registraties/{registratienummer}/verblijven/{id}") => {
            let path = format!("/api/v1/registraties/{reg}/verblijven/{}", id("verblijf-annuleren"));
            row(
                scoped(jan.clone(), platform.clone()),
                path.clone(),
                Body::None,
                204,
                other(fatima.clone(), path, Body::None),
            )
        }
        ("POST", "/api/v1/registraties/{registratienummer}/verblijven/{id}/correctie") => {
            let path = format!("/api/v1/registraties/{reg}/verblijven/{stay}/correctie");
            let body = Body::Json(json!({ "reden": "dubbel gemeld" }));
            row(
                scoped(amsterdam.clone(), platform.clone()),
                path.clone(),
                body.clone(),
                200,
                other(utrecht.clone(), path, body),
            )
        }
        ("GET", "/api/v1/registraties/{registratienummer}/nachten") => {
            let path = format!(
                "/api/v1/registraties/{reg}/nachten?jaar={}",
                chrono::Utc::now().format("%Y")
            );
            row(
                scoped(jan.clone(), platform.clone()),
                path.clone(),
                Body::None,
                200,
                other(fatima.clone(), path, Body::None),
            )
        }
        ("GET", "/api/v1/handhaving/adressen") => row(
            scoped(amsterdam.clone(), jan.clone()),
            format!("{}?jaar={}", op.path, chrono::Utc::now().format("%Y")),
            Body::None,
            200,
            none("a list, filtered to the inspector's own municipality (holiday-rental's tests)"),
        ),
        // without an SDEP in the suite these answer 409 once the caller is authorised; with one
        // they are covered by holiday-rental's tests/platformgegevens.rs
        ("POST", "/api/v1/platformgegevens/ophalen") => row(
            scoped(amsterdam.clone(), platform.clone()),
            op.path.clone(),
            Body::None,
            409,
            none("the caller's own municipality's data"),
        ),
        ("GET", "/api/v1/platformsignalen") => row(
            scoped(amsterdam.clone(), platform.clone()),
            op.path.clone(),
            Body::None,
            200,
            none("a list, filtered to the inspector's own municipality"),
        ),
        ("POST", "/api/v1/platformsignalen/{id}/sluiten") => row(
            scoped(amsterdam.clone(), platform.clone()),
            format!("/api/v1/platformsignalen/{}/sluiten", uuid::Uuid::new_v4()),
            Body::Json(json!({ "notitie": "bekeken" })),
            404,
            none("no signals without an SDEP; covered by holiday-rental's tests/platformgegevens.rs"),
        ),
        ("GET", "/api/v1/verwijderverzoeken") => row(
            scoped(platform.clone(), jan.clone()),
            op.path.clone(),
            Body::None,
            200,
            none("the removal orders are for the platforms to carry out: every platform client reads them"),
        ),
        ("POST", "/api/v1/verwijderverzoeken") => row(
            scoped(amsterdam.clone(), platform.clone()),
            op.path.clone(),
            Body::Json(json!({ "signaalId": uuid::Uuid::new_v4().to_string() })),
            404,
            none("no signals without an SDEP; covered by holiday-rental's tests/platformgegevens.rs"),
        ),
        ("GET", "/api/v1/gebied") => row(Access::Public, op.path.clone(), Body::None, 200, none("public")),
        ("POST", "/api/v1/gebied/versturen") => row(
            scoped(amsterdam.clone(), platform.clone()),
            op.path.clone(),
            Body::None,
            409,
            none("the caller's own municipality's area; without an SDEP in the suite: 409"),
        ),

        // household-budget
        ("POST", "/api/v1/bankafschriften") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::Xml(STATEMENT.to_vec()),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/burgers") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("POST", "/api/v1/burgers") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::Json(json!({ "burgerservicenummer": SOPHIE, "voornamen": "Sophie", "achternaam": "Bakker" })),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/burgers/{id}") => row(
            scoped(anna.clone(), SUPPLIER),
            format!("/api/v1/burgers/{burger}"),
            Body::None,
            200,
            other(
                anna.clone(),
                format!("/api/v1/burgers/{}", id("burger-ander")),
                Body::None,
            ),
        ),
        ("PUT", "/api/v1/burgers/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/burgers/{}", id("burger-ander")),
            Body::Json(json!({ "burgerservicenummer": FATIMA, "voornamen": "Fatima", "achternaam": "Yılmaz" })),
            200,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/burgers/{id}") => {
            // a citizen of its own, without afspraken
            let created = fx
                .call(
                    "POST",
                    format!("{}/api/v1/burgers", fx.suite.url("HOUSEHOLD_BUDGET_PORT")),
                    &TEAM,
                    Body::Json(
                        json!({ "burgerservicenummer": "999990056", "voornamen": "Hendrik", "achternaam": "Weg" }),
                    ),
                )
                .await;
            row(
                scoped(TEAM, anna.clone()),
                format!("/api/v1/burgers/{}", created["id"].as_str().unwrap()),
                Body::None,
                204,
                none(budget_other),
            )
        }
        ("GET", "/api/v1/burgers/{id}/afspraken") => row(
            scoped(anna.clone(), SUPPLIER),
            format!("/api/v1/burgers/{burger}/afspraken"),
            Body::None,
            200,
            other(
                anna.clone(),
                format!("/api/v1/burgers/{}/afspraken", id("burger-ander")),
                Body::None,
            ),
        ),
        ("POST", "/api/v1/burgers/{id}/afspraken") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/burgers/{burger}/afspraken"),
            Body::Json(
                json!({ "omschrijving": "Water", "soort": "uitgaven", "bedragInCenten": 2200,
                               "tegenrekening": "NL54INGB0661901246", "geldigVan": "2024-01-01" }),
            ),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/afspraken/{id}") => row(
            scoped(anna.clone(), SUPPLIER),
            format!("/api/v1/afspraken/{}", id("afspraak")),
            Body::None,
            200,
            other(
                anna.clone(),
                format!("/api/v1/afspraken/{}", id("afspraak-ander")),
                Body::None,
            ),
        ),
        ("PUT", "/api/v1/afspraken/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/afspraken/{}", id("afspraak-ander")),
            Body::Json(
                json!({ "omschrijving": "Gewijzigd", "soort": "uitgaven", "bedragInCenten": 1300,
                               "tegenrekening": "NL15BNGH0285162624", "geldigVan": "2024-01-01" }),
            ),
            200,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/afspraken/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/afspraken/{}", id("afspraak-verwijderen")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("GET", "/api/v1/burgers/{id}/overzicht") => row(
            scoped(anna.clone(), SUPPLIER),
            format!("/api/v1/burgers/{burger}/overzicht?van=2024-07-01&tot=2024-07-31"),
            Body::None,
            200,
            other(
                anna.clone(),
                format!(
                    "/api/v1/burgers/{}/overzicht?van=2024-07-01&tot=2024-07-31",
                    id("burger-ander")
                ),
                Body::None,
            ),
        ),
        ("GET", "/api/v1/huishoudens") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("POST", "/api/v1/huishoudens") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::Json(json!({ "naam": "Huishouden Bakker" })),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/huishoudens/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/huishoudens/{}", id("huishouden")),
            Body::None,
            200,
            none(budget_other),
        ),
        ("PUT", "/api/v1/huishoudens/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/huishoudens/{}", id("huishouden")),
            Body::Json(json!({ "naam": "Huishouden De Vries-Bakker" })),
            204,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/huishoudens/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/huishoudens/{}", id("huishouden-verwijderen")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("GET", "/api/v1/organisaties") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("POST", "/api/v1/organisaties") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::Json(json!({ "kvkNummer": "69599086", "naam": "Energieleverancier" })),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/organisaties/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/organisaties/{}", id("organisatie")),
            Body::None,
            200,
            none(budget_other),
        ),
        ("PUT", "/api/v1/organisaties/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/organisaties/{}", id("organisatie")),
            Body::Json(json!({ "kvkNummer": "69599084", "naam": "Woningcorporatie Eigen Haard" })),
            200,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/organisaties/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/organisaties/{}", id("organisatie-verwijderen")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("POST", "/api/v1/organisaties/{id}/afdelingen") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/organisaties/{}/afdelingen", id("organisatie")),
            Body::Json(json!({ "naam": "Incasso" })),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/afdelingen/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/afdelingen/{}", id("afdeling")),
            Body::None,
            200,
            none(budget_other),
        ),
        ("PUT", "/api/v1/afdelingen/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/afdelingen/{}", id("afdeling")),
            Body::Json(json!({ "naam": "Debiteuren" })),
            204,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/afdelingen/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/afdelingen/{}", id("afdeling-verwijderen")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("GET", "/api/v1/rekeningen") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("GET", "/api/v1/rekeningen/{iban}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/rekeningen/{}", id("rekening")),
            Body::None,
            200,
            none(budget_other),
        ),
        ("PUT", "/api/v1/rekeningen/{iban}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/rekeningen/{}", id("rekening")),
            Body::Json(json!({ "rekeninghouder": "A. de Vries-Bakker" })),
            200,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/rekeningen/{iban}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/rekeningen/{}", id("rekening-verwijderen")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("GET", "/api/v1/burgers/{id}/rekeningen") => row(
            scoped(anna.clone(), SUPPLIER),
            format!("/api/v1/burgers/{burger}/rekeningen"),
            Body::None,
            200,
            other(
                anna.clone(),
                format!("/api/v1/burgers/{}/rekeningen", id("burger-ander")),
                Body::None,
            ),
        ),
        ("POST", "/api/v1/burgers/{id}/rekeningen") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/burgers/{burger}/rekeningen"),
            Body::Json(json!({ "iban": id("rekening-nieuw"), "rekeninghouder": "A. de Vries" })),
            201,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/burgers/{id}/rekeningen/{iban}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/burgers/{burger}/rekeningen/{}", id("rekening-ontkoppelen")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("POST", "/api/v1/afdelingen/{id}/rekeningen") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/afdelingen/{}/rekeningen", id("afdeling")),
            Body::Json(json!({ "iban": id("rekening-afdeling"), "rekeninghouder": "Woningcorporatie" })),
            201,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/afdelingen/{id}/rekeningen/{iban}") => row(
            scoped(TEAM, anna.clone()),
            format!(
                "/api/v1/afdelingen/{}/rekeningen/{}",
                id("afdeling"),
                id("rekening-afdeling")
            ),
            Body::None,
            204,
            none(budget_other),
        ),
        ("GET", "/api/v1/grootboekrekeningen") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("GET", "/api/v1/rubrieken") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("POST", "/api/v1/rubrieken") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::Json(json!({ "naam": "Energie", "grootboekrekening": "4000" })),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/rubrieken/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/rubrieken/{}", id("rubriek")),
            Body::None,
            200,
            none(budget_other),
        ),
        ("PUT", "/api/v1/rubrieken/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/rubrieken/{}", id("rubriek")),
            Body::Json(json!({ "naam": "Huur en servicekosten", "grootboekrekening": "4000" })),
            200,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/rubrieken/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/rubrieken/{}", id("rubriek-verwijderen")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("GET", "/api/v1/transacties") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("GET", "/api/v1/transacties/{id}/suggesties") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/transacties/{}/suggesties", id("transactie")),
            Body::None,
            200,
            none(budget_other),
        ),
        ("POST", "/api/v1/transacties/{id}/boeking") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/transacties/{}/boeking", id("transactie")),
            Body::Json(json!({ "afspraakId": id("transactie-afspraak") })),
            201,
            none(budget_other),
        ),
        ("DELETE", "/api/v1/transacties/{id}/boeking") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/transacties/{}/boeking", id("transactie")),
            Body::None,
            204,
            none(budget_other),
        ),
        ("POST", "/api/v1/betaalbestanden") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::Json(json!({ "van": "2024-07-01", "tot": "2024-07-31" })),
            201,
            none(budget_other),
        ),
        ("GET", "/api/v1/betaalbestanden/{id}") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/betaalbestanden/{}", id("betaalbestand")),
            Body::None,
            200,
            none(budget_other),
        ),
        ("GET", "/api/v1/signaleringen") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("GET", "/api/v1/burgers/{id}/signaleringen") => row(
            scoped(anna.clone(), SUPPLIER),
            format!("/api/v1/burgers/{burger}/signaleringen"),
            Body::None,
            200,
            other(
                anna.clone(),
                format!("/api/v1/burgers/{}/signaleringen", id("burger-ander")),
                Body::None,
            ),
        ),
        ("POST", "/api/v1/signaleringen/berekenen") => row(
            scoped(TEAM, anna.clone()),
            op.path.clone(),
            Body::None,
            200,
            none(budget_other),
        ),
        ("POST", "/api/v1/signaleringen/{id}/sluiten") => row(
            scoped(TEAM, anna.clone()),
            format!("/api/v1/signaleringen/{}/sluiten", id("signalering")),
            Body::Json(json!({ "notitie": "afgesproken met de energieleverancier" })),
            200,
            none(budget_other),
        ),

        // the registry proxy
        ("POST", "/haalcentraal/api/brp/personen") => row(
            scoped(brp.clone(), SUPPLIER),
            op.path.clone(),
            Body::Json(
                json!({ "type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [JAN],
                               "fields": ["naam.voornamen"] }),
            ),
            200,
            none(
                "the BRP serves every resident to a client with the scope; fields are authorised per client (registry-proxy tests/security.rs)",
            ),
        ),
        ("GET", "/lvbag/individuelebevragingen/v2/adressen") => row(
            scoped(brp.clone(), SUPPLIER),
            "/lvbag/individuelebevragingen/v2/adressen?postcode=1015CJ&huisnummer=123".into(),
            Body::None,
            200,
            none("the BAG is public information behind a scope"),
        ),
        ("GET", "/lvbag/individuelebevragingen/v2/adressen/{nummeraanduidingIdentificatie}") => row(
            scoped(brp.clone(), SUPPLIER),
            "/lvbag/individuelebevragingen/v2/adressen/0363200000123456".into(),
            Body::None,
            200,
            none("the BAG is public information behind a scope"),
        ),
        ("GET", "/lvbag/individuelebevragingen/v2/adresseerbareobjecten/{adresseerbaarObjectIdentificatie}") => row(
            scoped(brp.clone(), SUPPLIER),
            format!(
                "/lvbag/individuelebevragingen/v2/adresseerbareobjecten/{}",
                id("adresseerbaarobject")
            ),
            Body::None,
            200,
            none("the BAG is public information behind a scope"),
        ),
        ("GET", "/api/v1/protocollering") => row(
            scoped(brp.clone(), SUPPLIER),
            format!("/api/v1/protocollering?burgerservicenummer={JAN}"),
            Body::None,
            200,
            none("the privacy officer's view of every delivery"),
        ),
        ("GET", "/api/v1/protocollering/verificatie") => row(
            scoped(brp.clone(), SUPPLIER),
            op.path.clone(),
            Body::None,
            200,
            none("the privacy officer's view of every delivery"),
        ),
        ("GET", "/api/v1/status") => row(Access::Public, op.path.clone(), Body::None, 200, none("public")),
        _ => panic!("{op}: no row in the authorisation matrix; add one"),
    }
}

/// The five tokens that must be refused with 401, for the client that would be allowed.
fn bad_tokens(fx: &Fixture, caller: &Caller) -> Vec<(&'static str, Option<String>)> {
    let valid = fx.token(caller);
    let client = fx.clients.iter().find(|c| c.client_id == caller.0).unwrap();
    let claims = Claims {
        bsn: caller.1.map(str::to_string),
        ..Default::default()
    };
    let forged = ClientConfig {
        secret: Some("not-the-secret-of-this-client-0123".into()),
        ..client.clone()
    };
    let now = chrono::Utc::now().timestamp();
    let payload = valid.split('.').nth(1).unwrap();
    vec![
        ("no token", None),
        ("malformed token", Some("Bearer not.a-jwt".into())),
        (
            "wrong signature",
            Some(format!(
                "Bearer {}",
                platform::auth::sign_hs256(&forged, &claims, now).unwrap()
            )),
        ),
        (
            "expired",
            Some(format!(
                "Bearer {}",
                platform::auth::sign_hs256(client, &claims, now - 3 * 3600).unwrap()
            )),
        ),
        // {"alg":"none","typ":"JWT"} over the valid claims, without a signature
        (
            "alg none",
            Some(format!("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.")),
        ),
    ]
}

/// What no refusal may contain: the fixture's BSNs, IBANs and names.
fn personal_data(fx: &Fixture) -> Vec<String> {
    let mut values: Vec<String> = [
        JAN,
        FATIMA,
        ANNA,
        SOPHIE,
        "Yilmaz",
        "Amrani",
        "Bakker",
        "Keizersgracht",
        "Oudegracht",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    values.extend(
        fx.ids
            .iter()
            .filter(|(k, _)| k.starts_with("rekening"))
            .map(|(_, v)| v.clone()),
    );
    values
}

#[actix_web::test]
async fn every_operation_refuses_bad_tokens_missing_scopes_and_other_tenants() {
    let fx = fixture().await;
    let ops = operations();
    assert!(ops.len() > 80, "{} operations", ops.len());
    let personal = personal_data(&fx);
    let mut failures = Vec::new();
    let mut checked = 0;
    for op in &ops {
        let row = row(op, &fx).await;
        let url = fx.url(op, &row.path);
        let mut check = |case: &str, status: u16, content_type: &str, text: &str, expected: u16| {
            checked += 1;
            if text.starts_with("MISSING SECURITY HEADERS") {
                failures.push(format!("{op} [{case}]: {status} without the security headers"));
            }
            if status != expected {
                failures.push(format!("{op} [{case}]: {status}, expected {expected}: {text}"));
            }
            if status >= 400 {
                if !content_type.starts_with("application/problem+json") {
                    failures.push(format!("{op} [{case}]: {status} as {content_type}, not problem+json"));
                }
                for p in &personal {
                    if text.contains(p.as_str()) {
                        failures.push(format!("{op} [{case}]: personal data '{p}' in {text}"));
                    }
                }
            }
        };
        if let Access::Scoped { with, without } = &row.access {
            for (case, authorization) in bad_tokens(&fx, with) {
                let (status, ct, text) = send(&fx.http, &op.method, &url, authorization, &row.body).await;
                check(case, status, &ct, &text, 401);
            }
            let (status, ct, text) = send(
                &fx.http,
                &op.method,
                &url,
                Some(format!("Bearer {}", fx.token(without))),
                &row.body,
            )
            .await;
            check("valid without scope", status, &ct, &text, 403);
            if let Other::NotApplicable(why) = &row.other {
                println!("{op}: no other tenant's object: {why}");
            }
            if let Other::Object { caller, path, body } = &row.other {
                let (status, ct, text) = send(
                    &fx.http,
                    &op.method,
                    &fx.url(op, path),
                    Some(format!("Bearer {}", fx.token(caller))),
                    body,
                )
                .await;
                check("another tenant's object", status, &ct, &text, 404);
            }
        }
        let authorization = match &row.access {
            Access::Public => None,
            Access::Scoped { with, .. } => Some(format!("Bearer {}", fx.token(with))),
        };
        let (status, ct, text) = send(&fx.http, &op.method, &url, authorization, &row.body).await;
        check("valid with scope", status, &ct, &text, row.ok);
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} cases failed:\n{}\n(suite log: {})",
        failures.len(),
        failures.join("\n"),
        std::fs::read_to_string(fx.suite.data.join("stderr.log"))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("ERROR") || l.contains("panicked"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
