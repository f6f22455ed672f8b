//! The registry proxy: the municipality's single, logged gateway to the base registries.
//!
//! It speaks the official Haal Centraal contracts (BRP Personen 2.x, BAG Individuele
//! Bevragingen 2.x) so existing clients work unchanged, and adds per-client field authorisation,
//! protocollering (an audit record per delivered person) and the citizen's "who looked me up?"
//! answer from that log. [`RegistryProxy`] is the component as the platform sees it; `domain/`
//! holds the pure rules of the contracts, `backend/` the two sources behind one trait (the typed
//! clients of the registers), `app/` the use cases, `api/` the handlers and `error.rs` the one
//! error type. It stores nothing but its audit log, which is the platform's.

pub mod api;
pub mod app;
pub mod backend;
pub mod config;
pub mod domain;
pub mod error;
pub mod register;
#[cfg(feature = "testing")]
pub mod testing;

use platform::auth::ClientSettings;
use platform::component::{Component, Context, Platform};
use std::sync::Arc;

pub use config::{Config, ProxyClient};

/// Base path of BAG Individuele Bevragingen v2 (as in the official contract).
pub const BAG_BASE: &str = platform::registry::BAG;

/// Version of this component's API (reported in `API-Version`).
pub const API_VERSION: &str = "1.0.0";

/// The component.
pub struct RegistryProxy;

/// Shared state of the service.
#[derive(Clone)]
pub struct AppState {
    /// Where persons and addresses come from.
    pub backend: backend::Backend,
    /// The platform's parts: the database (the audit log's), the audit log, the token checker
    /// (shared with other components in the suite); the state dereferences to them.
    pub platform: Platform,
    /// This component's settings of each client (its BRP fields, whether it must state a purpose).
    pub clients: Arc<ClientSettings<ProxyClient>>,
}

/// Database migrations (the proxy only stores the audit log).
pub const MIGRATIONS: &[&platform::db::Migrations] = &[&platform::audit::MIGRATIONS];

/// The Haal Centraal drop-in spec (`openapi/registry-proxy-haalcentraal.json`), assembled from
/// the official contracts by tools/haalcentraal_spec.py.
pub const HAALCENTRAAL_SPEC: &str = include_str!("../../../openapi/registry-proxy-haalcentraal.json");

platform::platform_state!(AppState);

impl Component for RegistryProxy {
    const NAME: &'static str = "registry-proxy";
    const ABOUT: &'static str = "Haal Centraal BRP Personen and BAG proxy with protocollering";
    const DEFAULT_PORT: u16 = 8083;
    const API_VERSION: &'static str = API_VERSION;
    const PUBLICCODE: &'static str = include_str!("../../../catalog/entries/registry-proxy.publiccode.yml");
    const ACTIVITIES: &'static [&'static platform::register::Activity] = register::ACTIVITIES;
    // suppliers come for the Haal Centraal contract: offer it in the same Swagger UI
    const CONTRACT_SPECS: &'static [&'static str] = &[HAALCENTRAAL_SPEC];
    const EXTRA_SPECS: &'static [(&'static str, &'static str)] = &[(
        "Haal Centraal BRP Personen en BAG (drop-in)",
        "/api/v1/haalcentraal/openapi.json",
    )];
    const MIGRATIONS: &'static [&'static platform::db::Migrations] = MIGRATIONS;
    type Api = api::ApiDoc;
    type Config = Config;
    type State = AppState;

    async fn build(ctx: Context, config: Config) -> Result<AppState, String> {
        config.state(ctx)
    }

    fn routes(_state: &AppState, cfg: &mut actix_web::web::ServiceConfig) {
        cfg.configure(api::haalcentraal_routes).route(
            "/api/v1/haalcentraal/openapi.json",
            actix_web::web::get().to(api::haalcentraal_spec),
        );
    }

    fn upstreams(state: &AppState) -> Vec<(String, platform::app::ReadyCheck)> {
        state.backend.ready_checks()
    }
}
