//! The catalogue's settings (besides the platform's common ones), parsed once at start-up.

use crate::{AppState, system_clock};
use platform::component::Context;
use std::path::PathBuf;

/// Settings of the catalogue.
#[derive(Debug, Clone, clap::Args)]
pub struct Config {
    /// Folders with `<component>.publiccode.yml` files loaded at start-up (comma-separated).
    #[arg(
        long = "entries",
        env = "CATALOG_ENTRIES",
        value_delimiter = ',',
        default_value = "catalog/entries"
    )]
    pub entries: Vec<PathBuf>,
    /// Folder with the specs of those entries (`<component>.json`).
    #[arg(long = "specs", env = "CATALOG_SPECS", default_value = "openapi")]
    pub specs: PathBuf,
}

impl Config {
    /// The state from these settings.
    pub fn state(self, ctx: Context) -> Result<AppState, String> {
        Ok(AppState {
            db: ctx.db,
            audit: ctx.audit,
            auth: ctx.auth,
            entries: self.entries,
            specs: self.specs,
            clock: system_clock(),
        })
    }
}
