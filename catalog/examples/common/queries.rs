//! The words, layers and statuses the catalogue benchmark's components are made of, and its
//! 1,000 varied searches: shared by `catalog_bench` (over HTTP) and `search_profile` (the store
//! alone), so that both time the same queries.

/// Words of names and descriptions.
pub const WORDS: [&str; 16] = [
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
/// The Common Ground layers.
pub const LAYERS: [&str; 5] = ["interactie", "proces", "integratie", "services", "data"];
/// Development statuses.
pub const STATUSES: [&str; 4] = ["concept", "development", "beta", "stable"];

/// Search `q` of the 1,000: its words (every seventh has two) and its filters (layer, status,
/// licence), all 1,000 different.
pub struct Query {
    pub words: Vec<&'static str>,
    pub layer: Option<&'static str>,
    pub status: Option<&'static str>,
    pub licence: Option<&'static str>,
}

/// The `q`th search.
pub fn query(q: usize) -> Query {
    let mut words = vec![WORDS[q % WORDS.len()]];
    if q.is_multiple_of(7) {
        words.push(WORDS[(q + 3) % WORDS.len()]);
    }
    Query {
        words,
        layer: q.is_multiple_of(2).then(|| LAYERS[q % LAYERS.len()]),
        status: q.is_multiple_of(3).then(|| STATUSES[q % STATUSES.len()]),
        licence: q.is_multiple_of(5).then_some("EUPL-1.2"),
    }
}
