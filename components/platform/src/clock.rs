//! The clock a component reads the current moment from: the system's in production, a fixed one
//! in tests that need a known "today".

use std::sync::Arc;

/// The current moment in UTC.
pub type Clock = Arc<dyn Fn() -> chrono::NaiveDateTime + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(|| chrono::Utc::now().naive_utc())
}
