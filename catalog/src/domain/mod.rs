//! The catalogue's rules, pure: what a publiccode.yml must hold, what an OpenAPI document is,
//! and how YAML is read without letting aliases blow it up.

pub mod diff;
pub mod forge;
pub mod kinds;
pub mod lint;
pub mod openapi;
pub mod publiccode;
pub mod yaml;
