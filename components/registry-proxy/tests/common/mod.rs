//! Test app builder: the real app on a fresh database, with demo clients and token helpers.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use actix_web::dev::{Service, ServiceResponse};
use platform::auth::{Claims, ClientConfig, sign_hs256};
use registry_proxy::AppState;
use registry_proxy::backend::Backend;
use registry_proxy::backend::mock::{MockData, MockSource};
use std::sync::{Arc, OnceLock};

/// The test clients' HS256 secret, new for every test process.
pub use platform::testing::client_secret as secret;

pub fn clients() -> Vec<ClientConfig> {
    let c = |id: &str, scopes: &[&str], fields: &[&str], verplicht: bool| {
        ClientConfig {
            client_id: id.into(),
            secret: Some(secret().into()),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
        .with("fields", fields.to_vec())
        .with("doelbinding_verplicht", verplicht)
    };
    vec![
        c(
            "demo",
            &["brp.personen.lezen", "bag.lezen", "brp.protocollering.lezen"],
            &["*"],
            false,
        ),
        c(
            "beperkt",
            &["brp.personen.lezen"],
            &["naam", "geboorte.datum", "burgerservicenummer"],
            false,
        ),
        c("streng", &["brp.personen.lezen"], &["*"], true),
        c("bagonly", &["bag.lezen"], &[], false),
    ]
}

pub fn token(client: &str) -> String {
    token_with(client, Claims::default())
}

pub fn token_with(client: &str, claims: Claims) -> String {
    let c = clients().into_iter().find(|c| c.client_id == client).unwrap();
    format!(
        "Bearer {}",
        sign_hs256(&c, &claims, chrono::Utc::now().timestamp()).unwrap()
    )
}

pub fn mock_data() -> Arc<MockData> {
    static DATA: OnceLock<Arc<MockData>> = OnceLock::new();
    DATA.get_or_init(|| Arc::new(MockData::generate())).clone()
}

/// The mock source over the shared data set.
pub fn mock() -> Backend {
    Arc::new(MockSource(mock_data()))
}

pub fn state(url: &str, backend: Backend) -> AppState {
    AppState {
        backend,
        clients: Arc::new(platform::auth::ClientSettings::load(&clients()).unwrap()),
        platform: platform::testing::platform(url, 4, registry_proxy::MIGRATIONS, clients()),
    }
}

/// The component's server as its binary runs it, on `bind`.
pub fn server(state: AppState, bind: &str) -> actix_web::dev::Server {
    platform::app::server(bind, move || {
        platform::component::configure::<registry_proxy::RegistryProxy>(
            state.clone(),
            platform::component::Settings::of::<registry_proxy::RegistryProxy>(1024 * 1024),
        )
    })
    .unwrap()
}

pub async fn app(
    state: AppState,
) -> impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error> {
    platform::testing::component_app::<registry_proxy::RegistryProxy>(state).await
}

pub async fn audit_count(state: &AppState) -> i64 {
    state.db.run(platform::audit::count).await.unwrap()
}

/// The BRP personen path of the official contract.
pub const PATH: &str = "/haalcentraal/api/brp/personen";

/// A BRP request of a client.
pub fn post(body: serde_json::Value, client: &str) -> actix_web::test::TestRequest {
    actix_web::test::TestRequest::post()
        .uri(PATH)
        .insert_header(("Authorization", token(client)))
        .set_json(body)
}
