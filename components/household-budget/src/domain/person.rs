//! A citizen's name and address: what the budget worker typed wins, the BRP fills what was left
//! out (when asked), and a citizen without first names and surname is not a record.

use platform::Postcode;

/// What the BRP knows of a person (each part may be absent: in onderzoek, abroad, not asked).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrpPerson {
    /// First names.
    pub voornamen: Option<String>,
    /// Prefix of the surname (`van der`).
    pub voorvoegsel: Option<String>,
    /// Surname without prefix.
    pub geslachtsnaam: Option<String>,
    /// Street (official name).
    pub straat: Option<String>,
    /// House number with letter and addition (`12A-2`).
    pub huisnummer: Option<String>,
    pub postcode: Option<String>,
    pub woonplaats: Option<String>,
}

/// An address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub straat: String,
    /// House number with letter and addition.
    pub huisnummer: String,
    pub postcode: Postcode,
    pub plaats: String,
}

/// Name and address as given, or as they will be stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameAndAddress {
    /// First names.
    pub voornamen: Option<String>,
    /// Surname with prefix.
    pub achternaam: Option<String>,
    pub adres: Option<Address>,
}

/// What a citizen's record still lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No first names given or found.
    Voornamen,
    /// No surname given or found.
    Achternaam,
}

fn present(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl BrpPerson {
    /// The surname as written: prefix and surname.
    fn achternaam(&self) -> Option<String> {
        let surname = present(self.geslachtsnaam.clone())?;
        Some(match present(self.voorvoegsel.clone()) {
            Some(prefix) => format!("{prefix} {surname}"),
            None => surname,
        })
    }

    /// The residential address, when the BRP gives every part of it.
    fn address(&self) -> Option<Address> {
        Some(Address {
            straat: present(self.straat.clone())?,
            huisnummer: present(self.huisnummer.clone())?,
            postcode: Postcode::parse(self.postcode.as_deref()?).ok()?,
            plaats: present(self.woonplaats.clone())?,
        })
    }
}

/// The name and address to store: the given parts, the BRP's for the parts left out; both
/// names are required in the end.
pub fn complete(given: NameAndAddress, brp: Option<&BrpPerson>) -> Result<NameAndAddress, Missing> {
    let filled = NameAndAddress {
        voornamen: present(given.voornamen).or_else(|| brp.and_then(|p| present(p.voornamen.clone()))),
        achternaam: present(given.achternaam).or_else(|| brp.and_then(BrpPerson::achternaam)),
        adres: given.adres.or_else(|| brp.and_then(BrpPerson::address)),
    };
    if filled.voornamen.is_none() {
        return Err(Missing::Voornamen);
    }
    if filled.achternaam.is_none() {
        return Err(Missing::Achternaam);
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn brp() -> BrpPerson {
        BrpPerson {
            voornamen: Some("Jan Pieter".into()),
            voorvoegsel: Some("van der".into()),
            geslachtsnaam: Some("Berg".into()),
            straat: Some("Damstraat".into()),
            huisnummer: Some("12A".into()),
            postcode: Some("1012JS".into()),
            woonplaats: Some("Amsterdam".into()),
        }
    }

    #[test]
    fn given_parts_win_and_the_brp_fills_the_rest() {
        let given = NameAndAddress {
            voornamen: Some("Jan".into()),
            ..Default::default()
        };
        let c = complete(given, Some(&brp())).unwrap();
        assert_eq!(c.voornamen.as_deref(), Some("Jan"));
        assert_eq!(c.achternaam.as_deref(), Some("van der Berg"));
        assert_eq!(c.adres.unwrap().postcode.as_str(), "1012JS");
    }

    #[test]
    fn names_are_required_and_a_partial_address_is_no_address() {
        assert_eq!(complete(NameAndAddress::default(), None), Err(Missing::Voornamen));
        let mut p = brp();
        p.geslachtsnaam = Some(" ".into());
        p.postcode = None;
        assert_eq!(complete(NameAndAddress::default(), Some(&p)), Err(Missing::Achternaam));
        p.geslachtsnaam = Some("Berg".into());
        assert_eq!(complete(NameAndAddress::default(), Some(&p)).unwrap().adres, None);
    }
}
