//! Registratie vakantieverhuur (Huisvestingswet 2014 ch. 5a): a resident requests a
//! registration number for their home (checked at the source through the registry proxy),
//! landlords report every stay, and the municipality's night cap per calendar year holds, also
//! under concurrent reports. Platforms verify a number without seeing personal data; inspectors
//! list addresses over or near the cap.
//!
//! [`HolidayRental`] is the component as the platform sees it; `api/` handlers call the use
//! cases of `app/`, which apply the rules of `domain/` and store through `store`.

pub mod api;
pub mod app;
pub mod config;
pub mod domain;
pub mod error;
pub mod register;
pub mod registry;
pub mod sdep;
pub mod store;

use platform::auth::ClientSettings;
use platform::component::{Component, Context, Platform};
use std::sync::Arc;

pub use config::{Config, RentalClient};
pub use platform::clock::{Clock, system_clock};

/// Version of the API.
pub const API_VERSION: &str = "1.0.0";

/// The component.
pub struct HolidayRental;

/// Shared state: the platform's parts (database, audit log, token checker, clock) and the
/// register's rules, upstreams and feeds.
#[derive(Clone)]
pub struct AppState {
    /// The platform's parts (the state dereferences to them).
    pub platform: Platform,
    /// Rules per municipality.
    pub rules: Arc<domain::rules::Rules>,
    /// The registry proxy.
    pub registry: platform::registry::RegistryClient,
    /// Limits the platform number check per client.
    pub rate_limit: store::rate_limit::RateLimiter,
    /// This component's settings of each client (an inspector's gemeentecode).
    pub clients: Arc<ClientSettings<RentalClient>>,
    /// Days a stay may be reported after it started (default 0: before it starts).
    pub report_grace_days: u32,
    /// The EU Single Digital Entry Point, when configured.
    pub sdep: Option<Arc<sdep::Sdep>>,
    /// The municipality this component answers to the SDEP for.
    pub sdep_gemeente: Option<platform::Gemeentecode>,
    /// How the last SDEP fetch went.
    pub sdep_feed: Arc<app::platform_data::Feed>,
    /// The area where registration applies, when configured.
    pub area: Option<Arc<domain::area::Area>>,
}

impl AppState {
    /// Today and the moment, from the clock (the use cases' view of [`Platform::now`]).
    pub fn when(&self) -> app::stays::Now {
        let at = self.platform.now();
        app::stays::Now { today: at.date(), at }
    }

    /// The caller as the use cases see it: the principal and its client's municipality.
    pub fn caller(&self, principal: platform::auth::Principal) -> app::Caller {
        let settings = self.clients.of(&principal.client_id);
        app::Caller {
            principal,
            gemeente: settings.gemeentecode,
            platform: settings.platform,
        }
    }
}

platform::component_migrations!();
platform::platform_state!(AppState);

impl Component for HolidayRental {
    const NAME: &'static str = "holiday-rental";
    const ABOUT: &'static str = "registratie vakantieverhuur: registration numbers, stay reports and the night cap";
    const DEFAULT_PORT: u16 = 8081;
    const API_VERSION: &'static str = API_VERSION;
    const PUBLICCODE: &'static str = include_str!("../../../catalog/entries/holiday-rental.publiccode.yml");
    const ACTIVITIES: &'static [&'static platform::register::Activity] = register::ACTIVITIES;
    // the enforcement list is also served as CSV
    const ALSO_PRODUCES: &'static [&'static str] = &["text/csv"];
    const MIGRATIONS: &'static [&'static platform::db::Migrations] = MIGRATIONS;
    type Api = api::ApiDoc;
    type Config = Config;
    type State = AppState;

    async fn build(ctx: Context, config: Config) -> Result<AppState, String> {
        let interval = config.sdep_poll_interval_seconds;
        let state = config.state(ctx)?;
        if state.sdep.is_some() && interval > 0 {
            actix_web::rt::spawn(app::platform_data::poll_forever(state.clone(), interval));
        }
        Ok(state)
    }

    fn upstreams(state: &AppState) -> Vec<(String, platform::app::ReadyCheck)> {
        vec![state.registry.upstream()]
    }

    fn feeds(state: &AppState) -> Vec<(String, platform::app::ReadyCheck)> {
        if state.sdep.is_none() {
            return Vec::new();
        }
        let feed = state.sdep_feed.clone();
        let check: platform::app::ReadyCheck = Arc::new(move || {
            let s = feed.state();
            Box::pin(async move {
                match s.last_error {
                    Some(e) => Err(format!("{e} ({} keer achter elkaar)", s.failures)),
                    None => Ok(()),
                }
            })
        });
        vec![("sdep".into(), check)]
    }
}
