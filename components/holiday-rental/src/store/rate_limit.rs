//! The platform number check's rate limit: a fixed window per client, counted in the database
//! so that every replica of the component counts against the same limit.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use platform::Problem;
use platform::db::{Database, DbConnection};

diesel::table! {
    /// Requests per client per window.
    platformcontrole_tellingen (client_id, venster) {
        client_id -> Text,
        venster -> BigInt,
        aantal -> BigInt,
    }
}

/// A limit of requests per client per fixed window.
#[derive(Debug, Clone, Copy)]
pub struct RateLimiter {
    limit: u32,
    window_secs: i64,
}

/// What the limiter says of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Within the limit.
    Allowed,
    /// Over the limit: seconds until the window ends (for `Retry-After`).
    Refused(u64),
}

impl RateLimiter {
    /// `limit` requests per minute per client.
    pub fn per_minute(limit: u32) -> Self {
        RateLimiter { limit, window_secs: 60 }
    }

    /// The window `now` falls in, and the seconds left in it.
    fn window(&self, now: NaiveDateTime) -> (i64, u64) {
        let secs = now.and_utc().timestamp();
        let window = secs.div_euclid(self.window_secs);
        let left = self.window_secs - secs.rem_euclid(self.window_secs);
        (window, u64::try_from(left).unwrap_or(1).max(1))
    }

    /// Counts one request of `client` at `now`, in the database every replica shares.
    pub async fn check(&self, db: &Database, client: &str, now: NaiveDateTime) -> Result<Verdict, Problem> {
        let (window, left) = self.window(now);
        let client = client.to_string();
        let count = db
            .write_transaction(move |conn| count_request(conn, &client, window).map_err(Problem::from))
            .await?;
        Ok(if count > i64::from(self.limit) {
            Verdict::Refused(left)
        } else {
            Verdict::Allowed
        })
    }
}

/// Adds one to the client's count in the window and returns the new count, in one statement
/// (two replicas counting at once both count); the first request of a window removes the
/// client's older windows.
fn count_request(conn: &mut DbConnection, client: &str, window: i64) -> Result<i64, diesel::result::Error> {
    use platformcontrole_tellingen::dsl as t;
    let query = diesel::insert_into(t::platformcontrole_tellingen)
        .values((t::client_id.eq(client), t::venster.eq(window), t::aantal.eq(1i64)))
        .on_conflict((t::client_id, t::venster))
        .do_update()
        .set(t::aantal.eq(t::aantal + 1i64))
        .returning(t::aantal);
    let count: i64 = match conn {
        DbConnection::Pg(c) => query.get_result(c)?,
        DbConnection::Sqlite(c) => query.get_result(c)?,
    };
    if count == 1 {
        let old = diesel::delete(
            t::platformcontrole_tellingen
                .filter(t::client_id.eq(client))
                .filter(t::venster.lt(window)),
        );
        match conn {
            DbConnection::Pg(c) => old.execute(c)?,
            DbConnection::Sqlite(c) => old.execute(c)?,
        };
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_window_and_what_is_left_of_it() {
        let r = RateLimiter::per_minute(2);
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap();
        let (w1, left) = r.window(at("2026-01-01T12:00:10"));
        assert_eq!(left, 50);
        let (w2, _) = r.window(at("2026-01-01T12:00:59"));
        assert_eq!(w1, w2);
        let (w3, left) = r.window(at("2026-01-01T12:01:00"));
        assert_eq!((w3, left), (w1 + 1, 60));
    }
}
