//! Times the catalogue's search in its parts on an existing database (one `catalog_bench`
//! left): the same 1,000 queries as the benchmark, each through `store::components` directly,
//! so that the time of the query and of the rows is told apart from HTTP and JSON.
//!
//!     cargo run --release -p catalog --example search_profile -- /tmp/sb.db

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use catalog::store::{self, Filter};
use std::time::Instant;

#[path = "common/queries.rs"]
mod queries;

fn main() {
    let db = std::env::args().nth(1).unwrap_or_else(|| "/tmp/sb.db".into());
    let database = platform::db::Database::connect(&format!("sqlite://{db}"), 2, catalog::MIGRATIONS).unwrap();
    let mut conn = database.conn().unwrap();
    if let Ok(pragmas) = std::env::var("PRAGMAS") {
        use diesel::connection::SimpleConnection;
        conn.batch_execute(&pragmas).unwrap();
        println!("with {pragmas}");
    }
    let mut times = Vec::new();
    for round in 0..2 {
        times.clear();
        for q in 0..1000usize {
            let query = queries::query(q);
            let filter = Filter {
                laag: query.layer.map(str::to_string),
                status: query.status.map(str::to_string),
                licentie: query.licence.map(str::to_string),
                software_type: None,
                organisatie: None,
                words: store::search_words(&query.words.join(" ")),
                recent_first: false,
            };
            let t = Instant::now();
            let (rows, total, facets) = store::components(&mut conn, &filter, 0, 20).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box((rows, total, facets));
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "round {round}: store::components, 1000 queries: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            times[500], times[990], times[999]
        );
    }
}
