//! Test setup: the registry proxy runs in-process on its mock backend (real HTTP), and the
//! holiday-rental app is built as in production on a fresh database.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use actix_web::dev::{Service, ServiceResponse};
use holiday_rental::{AppState, domain::rules::Rules, store::rate_limit::RateLimiter};
use platform::auth::{Claims, ClientConfig, sign_hs256};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// The test clients' HS256 secret, new for every test process.
pub use platform::testing::client_secret as secret;
pub const PROXY_CLIENT_SECRET: &str = "holiday-rental-proxy-secret";

fn client(id: &str, scopes: &[&str], gemeente: Option<&str>) -> ClientConfig {
    let c = ClientConfig {
        client_id: id.into(),
        secret: Some(secret().into()),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    match gemeente {
        Some(g) => c.with("gemeentecode", g),
        None => c,
    }
}

pub fn clients() -> Vec<ClientConfig> {
    vec![
        client("portaal", &["vakantieverhuur.aanvragen"], None),
        client("platform", &["vakantieverhuur.controleren"], None).with("platform", "booking.com"),
        client("platform-airbnb", &["vakantieverhuur.controleren"], None).with("platform", "airbnb.com"),
        client("platform-zonder-naam", &["vakantieverhuur.controleren"], None),
        client("sdep", &["vakantieverhuur.sdep"], None),
        client("handhaving-zonder-gemeente", &["vakantieverhuur.handhaven"], None),
        client("handhaving-0363", &["vakantieverhuur.handhaven"], Some("0363")),
        client("handhaving-0344", &["vakantieverhuur.handhaven"], Some("0344")),
    ]
}

pub fn token(client_id: &str, bsn: Option<&str>) -> String {
    token_with(
        client_id,
        Claims {
            bsn: bsn.map(str::to_string),
            ..Default::default()
        },
    )
}

pub fn token_with(client_id: &str, claims: Claims) -> String {
    let c = clients().into_iter().find(|c| c.client_id == client_id).unwrap();
    format!(
        "Bearer {}",
        sign_hs256(&c, &claims, chrono::Utc::now().timestamp()).unwrap()
    )
}

/// The proxy's own clients: this component (2 fields, purpose required) and a reader of the
/// protocollering.
pub fn proxy_clients() -> Vec<ClientConfig> {
    vec![
        ClientConfig {
            client_id: "holiday-rental".into(),
            secret: Some(PROXY_CLIENT_SECRET.into()),
            scopes: vec!["brp.personen.lezen".into(), "bag.lezen".into()],
            ..Default::default()
        }
        .with(
            "fields",
            vec![
                "verblijfplaats.nummeraanduidingIdentificatie",
                "gemeenteVanInschrijving",
            ],
        )
        .with("doelbinding_verplicht", true),
        ClientConfig {
            client_id: "toezicht".into(),
            secret: Some(secret().into()),
            scopes: vec!["brp.protocollering.lezen".into()],
            ..Default::default()
        },
    ]
}

/// A registry proxy on its mock backend, started once per test binary; returns its base URL.
pub fn proxy_url() -> String {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| registry_proxy::testing::start_mock_proxy(proxy_clients()))
        .clone()
}

pub fn state_with(url: &str, proxy: &str, per_minute: u32) -> AppState {
    let mut platform = platform::testing::platform(url, 8, holiday_rental::MIGRATIONS, clients());
    platform.clock = fixed_clock(TODAY);
    AppState {
        platform,
        rules: Arc::new(Rules::parse(holiday_rental::domain::rules::DEFAULT_RULES).unwrap()),
        registry: platform::registry::RegistryClient::new(
            proxy,
            "holiday-rental",
            PROXY_CLIENT_SECRET,
            "registratie vakantieverhuur",
            Duration::from_secs(5),
        )
        .unwrap(),
        rate_limit: RateLimiter::per_minute(per_minute),
        clients: Arc::new(platform::auth::ClientSettings::load(&clients()).unwrap()),
        report_grace_days: 0,
        sdep: None,
        sdep_gemeente: None,
        sdep_feed: Arc::new(holiday_rental::app::platform_data::Feed::default()),
        area: None,
    }
}

/// The day the tests run on, so their dates never fall into the past.
pub const TODAY: &str = "2026-01-01";

/// A clock that stands still at noon of `day`.
pub fn fixed_clock(day: &str) -> holiday_rental::Clock {
    let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    Arc::new(move || at)
}

pub fn state(url: &str) -> AppState {
    state_with(url, &proxy_url(), 1000)
}

/// The same app and database with the clock moved to `day`.
pub async fn app_at(
    state: &AppState,
    day: &str,
) -> impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error> {
    let mut moved = state.clone();
    moved.clock = fixed_clock(day);
    app(moved).await
}

pub async fn app(
    state: AppState,
) -> impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error> {
    platform::testing::component_app::<holiday_rental::HolidayRental>(state).await
}

/// Registrations stored (any status).
pub async fn registrations_stored(st: &AppState) -> i64 {
    st.db
        .run(|c| {
            use diesel::prelude::*;
            holiday_rental::store::registraties::table
                .count()
                .get_result::<i64>(c)
                .map_err(platform::db::DbError::from)
        })
        .await
        .unwrap()
}
