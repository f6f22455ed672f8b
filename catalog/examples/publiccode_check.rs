//! Reads every publiccode.yml given on the command line and says whether the catalogue accepts
//! it, with the problems or the warnings (for checking the reader against real-world files).

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        match catalog::domain::publiccode::parse(&text) {
            Ok(e) if e.warnings.is_empty() => println!("OK   {path}: {}", e.name),
            Ok(e) => println!(
                "WARN {path}: {}",
                e.warnings
                    .iter()
                    .map(|w| format!("{}: {}", w.pad, w.melding))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Err(catalog::domain::publiccode::Refusal::Unreadable(why)) => println!("READ {path}: {why}"),
            Err(catalog::domain::publiccode::Refusal::Invalid(p)) => println!(
                "BAD  {path}: {}",
                p.iter()
                    .map(|p| format!("{}: {}", p.pad, p.melding))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        }
    }
}
