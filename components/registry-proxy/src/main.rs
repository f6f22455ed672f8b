//! `registry-proxy`: the Haal Centraal BRP/BAG proxy as a standalone service.

fn main() -> std::process::ExitCode {
    platform::component::main::<registry_proxy::RegistryProxy>()
}
