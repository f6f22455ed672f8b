//! Rules per municipality, from a TOML file keyed by gemeentecode.

use platform::Gemeentecode;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The shipped default rules.
pub const DEFAULT_RULES: &str = include_str!("../../rules.toml");

/// One municipality's rules.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GemeenteRules {
    /// Name, for display.
    pub naam: String,
    /// Whether holiday rental needs a registration number here.
    pub registratie_verplicht: bool,
    /// Most nights per calendar year per address.
    pub max_nachten: i64,
    /// Most guests per stay.
    pub max_gasten: i64,
    /// Addresses within this many nights of the cap show on the enforcement list.
    #[serde(default = "default_threshold")]
    pub drempel_nachten: i64,
}

fn default_threshold() -> i64 {
    5
}

#[derive(Debug, Deserialize)]
struct RulesFile {
    gemeente: BTreeMap<String, GemeenteRules>,
}

/// All municipalities' rules.
#[derive(Debug, Clone)]
pub struct Rules(BTreeMap<Gemeentecode, GemeenteRules>);

impl Rules {
    /// Parses and checks a rules file.
    pub fn parse(text: &str) -> Result<Self, String> {
        let f: RulesFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut rules = BTreeMap::new();
        for (code, r) in f.gemeente {
            let g = Gemeentecode::parse(&code).map_err(|_| format!("'{code}' is not a 4-digit gemeentecode"))?;
            if r.max_nachten < 1 || r.max_gasten < 1 || r.drempel_nachten < 0 {
                return Err(format!("{code}: max_nachten and max_gasten must be positive"));
            }
            rules.insert(g, r);
        }
        Ok(Rules(rules))
    }

    /// The rules of one municipality.
    pub fn get(&self, gemeente: Gemeentecode) -> Option<&GemeenteRules> {
        self.0.get(&gemeente)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules() {
        let r = Rules::parse(DEFAULT_RULES).unwrap();
        let a = r.get(Gemeentecode::parse("0363").unwrap()).unwrap();
        assert_eq!((a.max_nachten, a.max_gasten), (30, 4));
        assert!(r.0.len() >= 3);
        assert!(
            Rules::parse("[gemeente.363]\nnaam='x'\nregistratie_verplicht=true\nmax_nachten=1\nmax_gasten=1").is_err()
        );
    }
}
