//! Writing payment files: SEPA credit transfers as pain.001.

pub mod pain001;
