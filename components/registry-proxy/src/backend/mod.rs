//! Where BRP and BAG data come from, behind one trait: the synthetic data set ([`mock`]) or the
//! real Haal Centraal endpoints ([`upstream`]). Both answer in the official contracts' shape;
//! the handlers and the audit do not know which one runs.

pub mod mock;
pub mod upstream;

use crate::domain::bag::AdresSearch;
use crate::domain::brp::query::PersonenQuery;
use crate::error::Error;
use futures_util::future::BoxFuture;
use platform::app::ReadyCheck;
use platform::{AdresseerbaarObjectId, NummeraanduidingId};
use serde_json::Value;
use std::sync::Arc;

/// A source of BRP persons and BAG addresses.
pub trait Source: Send + Sync {
    /// Name for `/api/v1/status`: `mock` or `upstream`.
    fn name(&self) -> &'static str;

    /// BRP personen: the persons found, filtered to the asked fields, each with its BSN (for
    /// the audit record, also when the client did not ask it).
    fn personen<'a>(&'a self, q: &'a PersonenQuery) -> BoxFuture<'a, Result<Vec<(String, Value)>, Error>>;

    /// BAG addresses matching a search, as an `AdresIOHalCollection`.
    fn adressen<'a>(&'a self, s: &'a AdresSearch, self_href: &'a str) -> BoxFuture<'a, Result<Value, Error>>;

    /// One BAG address by nummeraanduiding id; `None` when it does not exist.
    fn adres<'a>(&'a self, id: &'a NummeraanduidingId) -> BoxFuture<'a, Result<Option<Value>, Error>>;

    /// One addressable object by id; `None` when it does not exist.
    fn adresseerbaar_object<'a>(&'a self, id: &'a AdresseerbaarObjectId)
    -> BoxFuture<'a, Result<Option<Value>, Error>>;

    /// Readiness checks of the upstreams (none for the mock).
    fn ready_checks(&self) -> Vec<(String, ReadyCheck)>;
}

/// The source a proxy runs on.
pub type Backend = Arc<dyn Source>;
