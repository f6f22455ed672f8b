//! Test setup of the catalogue: clients, tokens, the app on a fresh database.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use actix_web::test::TestRequest;
use catalog::AppState;
use platform::auth::{Claims, ClientConfig, sign_hs256};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;

pub mod forge;

// not every test file reads pages
#[allow(unused_imports)]
pub use platform::testing::{send, send_text};

/// The test clients' HS256 secret, new for every test process.
pub use platform::testing::client_secret as secret;

pub fn clients() -> Vec<ClientConfig> {
    let client = |id: &str, scopes: &[&str]| ClientConfig {
        client_id: id.to_string(),
        secret: Some(secret().into()),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    vec![
        client("leverancier", &["catalogus.beheren"]).with("organisatie", "Leverancier BV"),
        client("andere-leverancier", &["catalogus.beheren"]).with("organisatie", "Andere Leverancier BV"),
        client("grondwerk", &["catalogus.beheren"]).with("organisatie", "Grondwerk"),
        client("maykin", &["catalogus.beheren"]).with("organisatie", "Maykin"),
        client("zonder-organisatie", &["catalogus.beheren"]),
        client("beheerder", &["catalogus.overdragen"]),
        client("lezer", &[]),
        client("utrecht", &["catalogus.gebruik"])
            .with("organisatie", "Gemeente Utrecht")
            .with("oin", "00000001002220647000")
            .with("gemeentecode", "0344"),
        client("naamloos", &["catalogus.gebruik"]),
    ]
}

pub fn token(client_id: &str) -> String {
    let c = clients().into_iter().find(|c| c.client_id == client_id).unwrap();
    format!(
        "Bearer {}",
        sign_hs256(&c, &Claims::default(), chrono::Utc::now().timestamp()).unwrap()
    )
}

pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

pub fn state(url: &str) -> AppState {
    AppState {
        platform: platform::testing::platform(url, 4, catalog::MIGRATIONS, clients()),
        builtin_entries: true,
        landscape: false,
        follows: Vec::new(),
        entries: Vec::new(),
        specs: None,
        public_url: "https://catalogus.example.nl".into(),
        organisation: "Grondwerk".into(),
        fetcher: catalog::fetch::Fetcher::strict(10 * 1024 * 1024),
        clients: Arc::new(platform::auth::ClientSettings::load(&clients()).unwrap()),
    }
}

pub fn get(uri: &str) -> actix_http::Request {
    TestRequest::get().uri(uri).to_request()
}

pub fn publish(auth: &str, body: Value) -> actix_http::Request {
    TestRequest::post()
        .uri("/api/v1/componenten")
        .insert_header(("Authorization", auth.to_string()))
        .set_json(body)
        .to_request()
}

pub const LONG: &str = "Een omschrijving die lang genoeg is om aan de eis van de standaard te voldoen: \
    minstens honderdvijftig tekens, zodat wie de catalogus doorzoekt weet wat het onderdeel doet.";

/// A supplier's file as found in public repositories: a country section and keys we do not know.
pub fn supplier_file(version: &str) -> String {
    format!(
        "publiccodeYmlVersion: '0.2'\nname: Zaakafhandeling\nurl: https://git.example.org/zaken.git\n\
         softwareVersion: {version}\nplatforms: [web]\ndevelopmentStatus: stable\nsoftwareType: standalone/web\n\
         description:\n  nl:\n    shortDescription: Zaken afhandelen\n    longDescription: \"{LONG}\"\n    features: [Zaken]\n\
         legal:\n  license: EUPL-1.2\n  mainCopyrightOwner: Leverancier BV\nmaintenance:\n  type: contract\n\
         \x20 contractors:\n    - name: Leverancier BV\n      until: '2028-01-01'\n\
         localisation:\n  localisationReady: true\n  availableLanguages: [nl]\n\
         it:\n  conforme:\n    gdpr: true\nx-eigen-veld: bewaard\n\
         nl-commonground:\n  laag: proces\n  installatietype: helm\n"
    )
}

pub fn put_json(uri: &str, auth: &str, body: Value) -> actix_http::Request {
    TestRequest::put()
        .uri(uri)
        .insert_header(("Authorization", auth.to_string()))
        .set_json(body)
        .to_request()
}

/// A catalogue on a real port at `bind` (for another catalogue to read over HTTP): its base URL
/// and the handle that stops it.
pub fn serve_at(state: AppState, bind: &str) -> (String, actix_web::dev::ServerHandle) {
    let settings = platform::component::Settings::of::<catalog::Catalog>(1024 * 1024);
    let server = platform::app::server(bind, move || {
        platform::component::configure::<catalog::Catalog>(state.clone(), settings.clone())
    })
    .unwrap();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (format!("http://{bind}"), handle)
}
