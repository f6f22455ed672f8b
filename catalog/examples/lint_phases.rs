//! Times the phases of `catalog lint` on each spec given: reading the file, parsing it (JSON or
//! YAML), and linting it, best of 5 (for finding where a slow lint spends its time).

fn main() {
    // the first lint of the process pays for the lazily built parts (schemas, patterns)
    let t = std::time::Instant::now();
    let tiny = serde_json::json!({ "openapi": "3.0.3", "info": { "title": "x", "version": "1.0.0" }, "paths": {} });
    std::hint::black_box(catalog::domain::lint::lint(&tiny));
    println!(
        "first lint of the process (a tiny spec): {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let t = std::time::Instant::now();
    std::hint::black_box(catalog::domain::lint::lint(&tiny));
    println!("the same again: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0);
    for path in std::env::args().skip(1) {
        let mut best = [f64::MAX; 3];
        for _ in 0..5 {
            let t0 = std::time::Instant::now();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let t1 = std::time::Instant::now();
            let Ok(doc) = catalog::domain::openapi::parse_any(&text) else {
                println!("{path}: does not read");
                break;
            };
            let t2 = std::time::Instant::now();
            let findings = catalog::domain::lint::lint(&doc);
            let t3 = std::time::Instant::now();
            std::hint::black_box(findings);
            for (b, d) in best.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2]) {
                *b = b.min(d.as_secs_f64() * 1000.0);
            }
        }
        println!(
            "{path}: {} KB, read {:.1} ms, parse {:.1} ms, lint {:.1} ms",
            std::fs::metadata(&path).map(|m| m.len() / 1024).unwrap_or(0),
            best[0],
            best[1],
            best[2]
        );
    }
}
