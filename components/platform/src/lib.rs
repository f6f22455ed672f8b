//! Shared ground for every Grondwerk service: configuration, database, authentication,
//! problem+json errors, NL API Design Rules middleware, health, metrics and the audit log.
//!
//! The platform has no routes of its own apart from the operational ones (`/health/*`,
//! `/metrics`, the spec and Swagger UI); each service mounts its API next to them through
//! [`app::configure_service`].

pub mod app;
pub mod audit;
pub mod auth;
pub mod bsn;
pub mod clock;
pub mod component;
pub mod config;
pub mod db;
pub mod extract;
pub mod files;
pub mod http;
pub mod ids;
pub mod ldv;
pub mod metrics;
pub mod pagination;
pub mod problem;
pub mod publish;
pub mod query;
pub mod register;
pub mod registry;
pub mod responses;
pub mod telemetry;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use bsn::Bsn;
pub use extract::Valid;
pub use ids::{AdresseerbaarObjectId, Gemeentecode, KvkNummer, NummeraanduidingId, Postcode};
pub use problem::{InvalidParam, Problem};
