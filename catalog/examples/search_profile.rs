//! Times the catalogue's search in its parts on an existing database (one `catalog_bench`
//! left): the same 1,000 queries as the benchmark, each through `store::components` directly,
//! so that the time of the query and of the rows is told apart from HTTP and JSON.
//!
//!     cargo run --release -p catalog --example search_profile -- /tmp/sb.db

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use catalog::store::{self, Filter};
use std::time::Instant;

const WORDS: [&str; 16] = [
    "zaak",
    "burger",
    "belasting",
    "vergunning",
    "afval",
    "parkeren",
    "subsidie",
    "melding",
    "afspraak",
    "betaling",
    "woning",
    "onderwijs",
    "zorg",
    "verkiezing",
    "archief",
    "register",
];
const LAYERS: [&str; 5] = ["interactie", "proces", "integratie", "services", "data"];
const STATUSES: [&str; 4] = ["concept", "development", "beta", "stable"];

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
            let words = if q.is_multiple_of(7) {
                format!("{} {}", WORDS[q % WORDS.len()], WORDS[(q + 3) % WORDS.len()])
            } else {
                WORDS[q % WORDS.len()].to_string()
            };
            let filter = Filter {
                laag: q.is_multiple_of(2).then(|| LAYERS[q % LAYERS.len()].to_string()),
                status: q.is_multiple_of(3).then(|| STATUSES[q % STATUSES.len()].to_string()),
                licentie: q.is_multiple_of(5).then(|| "EUPL-1.2".to_string()),
                software_type: None,
                organisatie: None,
                words: store::search_words(&words),
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
