//! Where BRP and BAG data come from, behind one trait: the synthetic data set ([`mock`]) or the
//! real Haal Centraal endpoints ([`upstream`]). Both answer in the official contracts' shape;
//! the handlers and the audit do not know which one runs.

pub mod mock;
pub mod upstream;

use crate::brp::query::PersonenQuery;
use futures_util::future::BoxFuture;
use platform::Problem;
use platform::app::ReadyCheck;
use serde_json::Value;
use std::sync::Arc;

/// Criteria of a BAG address search.
#[derive(Debug, Clone, Default)]
pub struct AdresSearch {
    /// Postcode, upper case without space.
    pub postcode: Option<String>,
    /// House number.
    pub huisnummer: Option<u32>,
    /// House letter.
    pub huisletter: Option<String>,
    pub huisnummertoevoeging: Option<String>,
    /// Only exact matches on letter and addition (default: also those without them asked).
    pub exacte_match: bool,
    /// Verblijfsobject id.
    pub adresseerbaar_object_identificatie: Option<String>,
    /// The request's query string, passed on upstream.
    pub raw_query: String,
}

/// A source of BRP persons and BAG addresses.
pub trait Source: Send + Sync {
    /// Name for `/api/v1/status`: `mock` or `upstream`.
    fn name(&self) -> &'static str;

    /// BRP personen: the persons found, filtered to the asked fields, each with its BSN (for
    /// the audit record, also when the client did not ask it).
    fn personen<'a>(&'a self, q: &'a PersonenQuery) -> BoxFuture<'a, Result<Vec<(String, Value)>, Problem>>;

    /// BAG addresses matching a search, as an `AdresIOHalCollection`.
    fn adressen<'a>(&'a self, s: &'a AdresSearch, self_href: &'a str) -> BoxFuture<'a, Result<Value, Problem>>;

    /// One BAG address by nummeraanduiding id; `None` when it does not exist.
    fn adres<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<Option<Value>, Problem>>;

    /// One addressable object by id; `None` when it does not exist.
    fn adresseerbaar_object<'a>(&'a self, id: &'a str) -> BoxFuture<'a, Result<Option<Value>, Problem>>;

    /// Readiness checks of the upstreams (none for the mock).
    fn ready_checks(&self) -> Vec<(String, ReadyCheck)>;
}

/// The source a proxy runs on.
pub type Backend = Arc<dyn Source>;
