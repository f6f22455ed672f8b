//! `catalog`: the component catalogue as a standalone service, and `catalog lint SPEC` for a
//! supplier's CI.

fn main() -> std::process::ExitCode {
    let mut args = std::env::args();
    if std::env::args().nth(1).as_deref() == Some("lint") {
        let program = args.next().unwrap_or_default();
        // `catalog lint …`: the command name, then lint's own arguments
        return catalog::cli::lint(std::iter::once(program).chain(args.skip(1)));
    }
    platform::component::main::<catalog::Catalog>()
}
