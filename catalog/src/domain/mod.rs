//! The catalogue's rules, pure: what a publiccode.yml must hold, and what an OpenAPI document is.

pub mod diff;
pub mod lint;
pub mod openapi;
pub mod publiccode;
