//! Huishoudboekje: municipal budget management for citizens who (temporarily) cannot keep their
//! own books. Bank statements (CAMT.053, MT940) are imported, transactions booked to the
//! citizen's agreements (afspraken), missing or wrong payments signalled, and outgoing payments
//! exported as SEPA pain.001.

pub mod domain;
pub mod import;
