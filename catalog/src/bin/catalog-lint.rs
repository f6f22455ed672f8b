//! `catalog-lint SPEC`: `catalog lint` on its own, for a supplier's CI. The same linter and
//! output, in a binary without the service: it links no PostgreSQL client or TLS library, so it
//! runs on a bare CI image and starts in a fraction of the time of the service's binary.

/// mimalloc, as the service's binary (a large spec's tree is many small allocations).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    catalog::cli::lint(std::env::args())
}
