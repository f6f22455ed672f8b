//! The pure rules of the registry proxy: the BRP Personen contract's query and `fields` rules
//! (`brp/`) and the BAG address search's criteria (`bag.rs`). No HTTP, no sources.

pub mod bag;
pub mod brp;
