//! The catalogue's built-in entries: Grondwerk's own components, their publiccode.yml and spec
//! compiled into the binary, so a catalogue started from any folder (or from a bare container
//! image) has them. The files stay the source: `catalog/entries/` and `openapi/` (a test keeps
//! the specs equal to the code).

/// An entry compiled into the binary.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    /// The component's name (`<name>.publiccode.yml`).
    pub name: &'static str,
    /// Its publiccode.yml.
    pub publiccode: &'static str,
    /// Its OpenAPI spec (JSON).
    pub spec: &'static str,
}

macro_rules! built_in {
    ($($name:literal),* $(,)?) => {
        [$(BuiltIn {
            name: $name,
            publiccode: include_str!(concat!("../entries/", $name, ".publiccode.yml")),
            spec: include_str!(concat!("../../openapi/", $name, ".json")),
        }),*]
    };
}

/// Grondwerk's components, in the order they are loaded.
pub const BUILT_IN: [BuiltIn; 4] = built_in!("catalog", "holiday-rental", "household-budget", "registry-proxy");
