//! `catalog`: the component catalogue as a standalone service.

fn main() -> std::process::ExitCode {
    platform::component::main::<catalog::Catalog>()
}
