//! `catalog`: the component catalogue as a standalone service; `catalog lint SPEC` and
//! `catalog diff OLD NEW` for a supplier's CI.

/// The allocator of this binary (a library does not choose one): mimalloc, since glibc's malloc
/// took a fifth of the CPU under load (many small, short-lived allocations freed on other
/// threads than they were made on).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args();
    let program = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match rest.first().map(String::as_str) {
        // the command name, then its own arguments
        Some("lint") => catalog::cli::lint(std::iter::once(program).chain(rest.into_iter().skip(1))),
        Some("diff") => catalog::cli::diff(std::iter::once(program).chain(rest.into_iter().skip(1))),
        _ => platform::component::main_listing::<catalog::Catalog>(catalog::cli::commands()),
    }
}
