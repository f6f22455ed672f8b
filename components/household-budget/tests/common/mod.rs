//! Test setup: the household-budget app built as in production on a fresh database.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use household_budget::AppState;
use household_budget::domain::iban::Iban;
use platform::auth::{Claims, ClientConfig, sign_hs256};
use std::path::PathBuf;
use std::sync::Arc;

/// The test clients' HS256 secret, new for every test process.
pub use platform::testing::client_secret as secret;
/// The account of the Huishoudboekje sample and the hand-written statements.
pub const ACCOUNT: &str = "NL36ABNA5632579034";
/// The second account of the version .10 statement.
pub const SECOND_ACCOUNT: &str = "NL91ABNA0417164300";

fn client(id: &str, scopes: &[&str]) -> ClientConfig {
    ClientConfig {
        client_id: id.into(),
        secret: Some(secret().into()),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

pub fn clients() -> Vec<ClientConfig> {
    vec![
        client("budgetbeheer", &["huishoudboekje.lezen", "huishoudboekje.beheren"]),
        client("lezer", &["huishoudboekje.lezen"]),
        client("portaal", &["huishoudboekje.burger"]),
    ]
}

pub fn token(client_id: &str, bsn: Option<&str>) -> String {
    let c = clients().into_iter().find(|c| c.client_id == client_id).unwrap();
    let claims = Claims {
        bsn: bsn.map(str::to_string),
        ..Default::default()
    };
    format!(
        "Bearer {}",
        sign_hs256(&c, &claims, chrono::Utc::now().timestamp()).unwrap()
    )
}

/// The state on a fresh database, with the given accounts of the municipality.
pub fn state_with(url: &str, accounts: &[&str], max_bytes: usize) -> AppState {
    AppState {
        platform: platform::testing::platform(url, 4, household_budget::MIGRATIONS, clients()),
        accounts: Arc::new(accounts.iter().map(|a| Iban::parse(a).unwrap()).collect()),
        max_statement_bytes: max_bytes,
        account_name: "Gemeente Utrecht budgetbeheer".into(),
        booking_tolerance: household_budget::domain::money::Cents(100),
        signal_margin_days: 3,
        registry: Some(
            platform::registry::RegistryClient::new(
                &proxy_url(),
                "household-budget",
                PROXY_CLIENT_SECRET,
                household_budget::app::PURPOSE,
                std::time::Duration::from_secs(5),
            )
            .unwrap(),
        ),
    }
}

pub const PROXY_CLIENT_SECRET: &str = "household-budget-proxy-secret";

/// The proxy's client for this component: name and residential address only, purpose required.
fn proxy_clients() -> Vec<ClientConfig> {
    vec![
        ClientConfig {
            client_id: "household-budget".into(),
            secret: Some(PROXY_CLIENT_SECRET.into()),
            scopes: vec!["brp.personen.lezen".into()],
            ..Default::default()
        }
        .with("fields", vec!["naam", "verblijfplaats.verblijfadres"])
        .with("doelbinding_verplicht", true),
    ]
}

/// A registry proxy on its mock backend, started once per test binary; returns its base URL.
pub fn proxy_url() -> String {
    static URL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    URL.get_or_init(|| registry_proxy::testing::start_mock_proxy(proxy_clients()))
        .clone()
}

pub fn state(url: &str) -> AppState {
    state_with(url, &[ACCOUNT], 50 * 1024 * 1024)
}

pub async fn app(
    state: AppState,
) -> impl actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse, Error = actix_web::Error>
{
    platform::testing::component_app::<household_budget::HouseholdBudget>(state).await
}

/// A file of the repository, from this crate's folder.
pub fn file(path: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn sample() -> Vec<u8> {
    file("../../standards/samples/camt/huishoudboekje_persona1_202407_camt053.001.02.xml")
}

pub fn fixture(name: &str) -> Vec<u8> {
    file(&format!("tests/fixtures/{name}"))
}

pub use platform::testing::send;

/// Imports a statement file as the budget team.
pub async fn import<S>(app: &S, body: Vec<u8>, content_type: &str) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let req = actix_web::test::TestRequest::post()
        .uri("/api/v1/bankafschriften")
        .insert_header(("Content-Type", content_type))
        .insert_header(("Authorization", token("budgetbeheer", None)))
        .set_payload(body)
        .to_request();
    send(app, req).await
}

/// A POST with a JSON body and a token.
pub fn post_json(uri: &str, auth: &str, body: serde_json::Value) -> actix_http::Request {
    actix_web::test::TestRequest::post()
        .uri(uri)
        .insert_header(("Authorization", auth.to_string()))
        .set_json(body)
        .to_request()
}

/// A GET with a token.
pub fn get(uri: &str, auth: &str) -> actix_http::Request {
    actix_web::test::TestRequest::get()
        .uri(uri)
        .insert_header(("Authorization", auth.to_string()))
        .to_request()
}

/// A POST with a JSON body as the budget team (`budgetbeheer`): the status and the body.
pub async fn post_as_team<S>(app: &S, uri: &str, body: serde_json::Value) -> (u16, serde_json::Value)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    send(app, post_json(uri, &token("budgetbeheer", None), body)).await
}

/// Jan Jansen (BSN 999990019), added by the budget team: his id.
pub async fn jan_jansen<S>(app: &S) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let body = serde_json::json!({ "burgerservicenummer": "999990019", "voornamen": "Jan", "achternaam": "Jansen" });
    let (status, b) = post_as_team(app, "/api/v1/burgers", body).await;
    assert_eq!(status, 201, "{b}");
    b["id"].as_str().unwrap().to_string()
}

/// Imports a CAMT.053 file of `tests/fixtures` as the budget team and expects it accepted: the
/// import's answer.
pub async fn import_fixture<S>(app: &S, name: &str) -> serde_json::Value
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let (status, answer) = import(app, fixture(name), "application/xml").await;
    assert_eq!(status, 201, "{name}: {answer}");
    answer
}

/// The state on a fresh database at `url` and the app over it.
pub async fn started(
    url: &str,
) -> (
    AppState,
    impl actix_web::dev::Service<actix_http::Request, Response = actix_web::dev::ServiceResponse, Error = actix_web::Error>,
) {
    let st = state(url);
    let app = app(st.clone()).await;
    (st, app)
}

/// A GET as the budget team asking for CSV (`Accept: text/csv`): the body, after checking that
/// it came as CSV.
pub async fn get_csv<S>(app: &S, uri: &str) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let request = actix_web::test::TestRequest::get()
        .uri(uri)
        .insert_header(("Authorization", token("budgetbeheer", None)))
        .insert_header(("Accept", "text/csv"))
        .to_request();
    let answer = actix_web::test::call_service(app, request).await;
    let kind = answer
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    assert!(
        kind.as_deref().is_some_and(|k| k.starts_with("text/csv")),
        "{uri}: {kind:?}"
    );
    String::from_utf8(actix_web::test::read_body(answer).await.to_vec()).unwrap()
}
