//! The catalogue's settings (besides the platform's common ones), parsed once at start-up.

use crate::AppState;
use platform::component::Context;
use std::path::PathBuf;

/// Settings of the catalogue.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Load the built-in entries at start-up: Grondwerk's four components, their publiccode.yml
    /// and spec compiled into the binary (`false`: a catalogue without them).
    #[arg(long, env = "CATALOG_BUILTIN_ENTRIES", default_value_t = true, action = clap::ArgAction::Set)]
    pub builtin_entries: bool,
    /// Load the seeded landscape at the first start that does not know it: Open Zaak, Open
    /// Notificaties, the Objects and Objecttypes API, Open Formulieren, Open Klant, Open Inwoner,
    /// Signalen and the Haal Centraal BRP and BAG APIs, each with its real publiccode.yml and spec
    /// per version (`false`: a catalogue without them).
    #[arg(long, env = "CATALOG_LANDSCAPE", default_value_t = true, action = clap::ArgAction::Set)]
    pub landscape: bool,
    /// Folders with more `<component>.publiccode.yml` files loaded at start-up (comma-separated).
    #[arg(long = "entries", env = "CATALOG_ENTRIES", value_delimiter = ',')]
    pub entries: Vec<PathBuf>,
    /// Folder with the specs of those entries (`<component>.json`); without it, the entries'
    /// own folder.
    #[arg(long = "specs", env = "CATALOG_SPECS")]
    pub specs: Option<PathBuf>,
    /// The catalogue's public base URL (links in exports point there).
    #[arg(long, env = "CATALOG_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub public_url: String,
    /// The organisation the catalogue's own entries (built in and CATALOG_ENTRIES) belong to:
    /// only a client of this organisation publishes new versions of them.
    #[arg(long, env = "CATALOG_ORGANISATIE", default_value = "Grondwerk")]
    pub organisatie: String,
    /// Seconds between two harvests of a source (its publiccode.yml files; each unchanged
    /// repository costs one conditional request); `0`: no harvesting.
    #[arg(long, env = "CATALOG_HARVEST_INTERVAL", default_value_t = 3600)]
    pub harvest_interval: u64,
    /// Catalogues to follow (their base URLs, comma-separated): their own components are taken
    /// over with their versions, marked with where they came from.
    #[arg(long = "follow", env = "CATALOG_FOLLOW", value_delimiter = ',')]
    pub follow: Vec<String>,
    /// Seconds between two reads of each followed catalogue's feed.
    #[arg(long, env = "CATALOG_FOLLOW_INTERVAL", default_value_t = 900)]
    pub follow_interval: u64,
    /// Largest spec fetched by URL, in bytes.
    #[arg(long, env = "CATALOG_FETCH_MAX_BYTES", default_value_t = 10 * 1024 * 1024)]
    pub fetch_max_bytes: usize,
    /// Fetch specs over plain http too. Only for tests: production fetches https only.
    #[arg(long, env = "CATALOG_FETCH_ALLOW_HTTP", default_value_t = false)]
    pub fetch_allow_http: bool,
    /// Fetch specs from loopback addresses too. Only for tests: never the catalogue's own host.
    #[arg(long, env = "CATALOG_FETCH_ALLOW_LOOPBACK", default_value_t = false)]
    pub fetch_allow_loopback: bool,
}

impl Config {
    /// The state from these settings.
    pub fn state(self, ctx: Context) -> Result<AppState, String> {
        Ok(AppState {
            clients: std::sync::Arc::new(platform::auth::ClientSettings::load(ctx.platform.auth.clients())?),
            builtin_entries: self.builtin_entries,
            landscape: self.landscape,
            follows: self
                .follow
                .iter()
                .map(|u| u.trim().trim_end_matches('/').to_string())
                .filter(|u| !u.is_empty())
                .collect(),
            entries: self.entries,
            specs: self.specs,
            public_url: self.public_url.trim_end_matches('/').to_string(),
            organisation: self.organisatie,
            fetcher: crate::fetch::Fetcher {
                allow_http: self.fetch_allow_http,
                allow_loopback: self.fetch_allow_loopback,
                ..crate::fetch::Fetcher::strict(self.fetch_max_bytes)
            },
            platform: ctx.platform,
        })
    }
}
