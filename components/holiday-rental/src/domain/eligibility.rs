//! Who may register an address: it exists in the BAG, its object has a residential use
//! (woonfunctie), and the applicant lives there according to the BRP. Pure: the answers of the
//! registers come in as values, the decision goes out as a typed refusal.

use platform::{Gemeentecode, NummeraanduidingId};

/// What the BAG says about the address (absent: it does not exist).
#[derive(Debug, Clone, PartialEq)]
pub struct BagAddress {
    /// The verblijfsobject, ligplaats or standplaats.
    pub adresseerbaar_object_id: String,
    /// `Keizersgracht 123A-2, 1015CJ Amsterdam`.
    pub display: String,
    /// The object's gebruiksdoelen (empty for lig- and standplaatsen).
    pub gebruiksdoelen: Vec<String>,
}

/// What the BRP says about the applicant (absent: not in the BRP).
#[derive(Debug, Clone, PartialEq)]
pub struct BrpResident {
    /// Where the applicant lives.
    pub nummeraanduiding: Option<NummeraanduidingId>,
    /// The municipality of registration.
    pub gemeente: Gemeentecode,
}

/// Why the address cannot be registered by this applicant; each has its own 422 code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ineligible {
    /// No such BAG address.
    AddressDoesNotExist,
    /// The object has no woonfunctie.
    NotResidential,
    /// The applicant does not live there.
    DoesNotLiveThere,
}

impl Ineligible {
    /// The problem code.
    pub fn code(&self) -> &'static str {
        match self {
            Ineligible::AddressDoesNotExist => "adresBestaatNiet",
            Ineligible::NotResidential => "geenWoonfunctie",
            Ineligible::DoesNotLiveThere => "woontNietOpAdres",
        }
    }

    /// The title.
    pub fn title(&self) -> &'static str {
        match self {
            Ineligible::AddressDoesNotExist => "Het adres bestaat niet.",
            Ineligible::NotResidential => "Het adres heeft geen woonfunctie.",
            Ineligible::DoesNotLiveThere => "De aanvrager woont niet op dit adres.",
        }
    }

    /// A human explanation.
    pub fn detail(&self) -> &'static str {
        match self {
            Ineligible::AddressDoesNotExist => "Er is geen BAG-adres met deze nummeraanduidingIdentificatie.",
            Ineligible::NotResidential => "Alleen een woning met woonfunctie kan worden verhuurd aan toeristen.",
            Ineligible::DoesNotLiveThere => "Volgens de BRP staat de aanvrager niet ingeschreven op dit adres.",
        }
    }
}

/// The address as registered: checked and with the applicant's municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct EligibleAddress {
    /// BAG verblijfsobject id.
    pub adresseerbaar_object_id: String,
    /// Address for display.
    pub adres: String,
    /// The applicant's municipality of registration.
    pub gemeente: Gemeentecode,
}

/// Decides an application from the registers' answers.
pub fn check_eligibility(
    asked: NummeraanduidingId,
    address: Option<BagAddress>,
    resident: Option<BrpResident>,
) -> Result<EligibleAddress, Ineligible> {
    let address = address.ok_or(Ineligible::AddressDoesNotExist)?;
    if !address.gebruiksdoelen.iter().any(|g| g == "woonfunctie") {
        return Err(Ineligible::NotResidential);
    }
    let resident = resident
        .filter(|r| r.nummeraanduiding == Some(asked))
        .ok_or(Ineligible::DoesNotLiveThere)?;
    Ok(EligibleAddress {
        adresseerbaar_object_id: address.adresseerbaar_object_id,
        adres: address.display,
        gemeente: resident.gemeente,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> NummeraanduidingId {
        NummeraanduidingId::parse(s).unwrap()
    }

    #[test]
    fn each_check_in_order() {
        let home = id("0363200000123456");
        let addr = |doelen: &[&str]| BagAddress {
            adresseerbaar_object_id: "0363010000123456".into(),
            display: "Keizersgracht 123, 1015CJ Amsterdam".into(),
            gebruiksdoelen: doelen.iter().map(|s| s.to_string()).collect(),
        };
        let lives = |at: &str| BrpResident {
            nummeraanduiding: Some(id(at)),
            gemeente: Gemeentecode::parse("0363").unwrap(),
        };
        assert_eq!(
            check_eligibility(home, None, Some(lives("0363200000123456"))),
            Err(Ineligible::AddressDoesNotExist)
        );
        assert_eq!(
            check_eligibility(home, Some(addr(&["winkelfunctie"])), Some(lives("0363200000123456"))),
            Err(Ineligible::NotResidential)
        );
        assert_eq!(
            check_eligibility(home, Some(addr(&["woonfunctie"])), Some(lives("0363200000000001"))),
            Err(Ineligible::DoesNotLiveThere)
        );
        assert_eq!(
            check_eligibility(home, Some(addr(&["woonfunctie"])), None),
            Err(Ineligible::DoesNotLiveThere)
        );
        let ok = check_eligibility(
            home,
            Some(addr(&["woonfunctie", "kantoorfunctie"])),
            Some(lives("0363200000123456")),
        )
        .unwrap();
        assert_eq!(ok.gemeente.as_str(), "0363");
    }
}
