//! Bodies of the master data around the citizens: huishoudens, organisaties with afdelingen,
//! rekeningen, grootboekrekeningen and rubrieken.

use super::{Soort, rfc3339, short_text};
use crate::domain::iban::Iban;
use crate::store::{AccountRow, DepartmentRow, HouseholdRow, LedgerAccountRow, OrganisationRow, RubriekRow};
use platform::KvkNummer;
use platform::pagination::{PageInfo, PageLinks};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A name: 1–200 characters of plain text.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Naam {
    /// The name.
    #[validate(length(min = 1), custom(function = "short_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub naam: String,
}

/// A household.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Huishouden {
    pub id: String,
    pub naam: String,
    /// The ids of its citizens.
    pub burger_ids: Vec<String>,
    /// When added (RFC 3339).
    #[schema(format = DateTime)]
    pub aangemaakt_op: String,
}

impl Huishouden {
    /// A household with its members.
    pub fn new(h: &HouseholdRow, burger_ids: Vec<String>) -> Self {
        Huishouden {
            id: h.id.clone(),
            naam: h.naam.clone(),
            burger_ids,
            aangemaakt_op: rfc3339(h.aangemaakt_op),
        }
    }
}

/// A household in a list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HuishoudenSamenvatting {
    pub id: String,
    pub naam: String,
}

/// A page of households.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HuishoudensPagina {
    /// The households.
    pub huishoudens: Vec<HuishoudenSamenvatting>,
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

impl From<&HouseholdRow> for HuishoudenSamenvatting {
    fn from(h: &HouseholdRow) -> Self {
        HuishoudenSamenvatting {
            id: h.id.clone(),
            naam: h.naam.clone(),
        }
    }
}

/// A new or changed organisation.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweOrganisatie {
    /// KvK number (eight digits).
    #[schema(value_type = String, pattern = "^[0-9]{8}$", example = "30012345")]
    pub kvk_nummer: KvkNummer,
    #[validate(length(min = 1), custom(function = "short_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub naam: String,
}

/// A department.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Afdeling {
    pub id: String,
    /// Its organisation.
    pub organisatie_id: String,
    pub naam: String,
    /// Its accounts.
    pub rekeningen: Vec<Rekening>,
}

impl Afdeling {
    /// A department with its accounts.
    pub fn new(d: &DepartmentRow, accounts: &[AccountRow]) -> Self {
        Afdeling {
            id: d.id.clone(),
            organisatie_id: d.organisatie_id.clone(),
            naam: d.naam.clone(),
            rekeningen: accounts.iter().map(Rekening::from).collect(),
        }
    }
}

/// An organisation.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Organisatie {
    pub id: String,
    /// KvK number.
    #[schema(value_type = String)]
    pub kvk_nummer: KvkNummer,
    pub naam: String,
    /// Its departments (only when one organisation is read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub afdelingen: Option<Vec<Afdeling>>,
}

impl Organisatie {
    /// An organisation, with its departments when given.
    pub fn new(o: &OrganisationRow, afdelingen: Option<Vec<Afdeling>>) -> Self {
        Organisatie {
            id: o.id.clone(),
            kvk_nummer: o.kvk_nummer,
            naam: o.naam.clone(),
            afdelingen,
        }
    }
}

/// A page of organisations.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrganisatiesPagina {
    /// The organisations.
    pub organisaties: Vec<Organisatie>,
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

/// An account to link to a citizen or department.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweRekening {
    /// The account number (IBAN); spaces are allowed and dropped.
    #[schema(value_type = String, example = "NL20INGB0001234567")]
    pub iban: Iban,
    /// The holder's name as the bank knows it.
    #[validate(length(min = 1), custom(function = "short_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub rekeninghouder: String,
}

/// A changed account holder.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RekeningWijziging {
    /// The holder's name as the bank knows it.
    #[validate(length(min = 1), custom(function = "short_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub rekeninghouder: String,
}

/// An account.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Rekening {
    /// The account number (IBAN), without spaces.
    #[schema(value_type = String)]
    pub iban: Iban,
    /// Holder's name.
    pub rekeninghouder: String,
}

impl From<&AccountRow> for Rekening {
    fn from(a: &AccountRow) -> Self {
        Rekening {
            iban: a.iban.clone(),
            rekeninghouder: a.rekeninghouder.clone(),
        }
    }
}

/// A citizen's or department's accounts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Rekeningen {
    /// The accounts.
    pub rekeningen: Vec<Rekening>,
}

/// An account with who holds it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RekeningMetHouders {
    /// The account number (IBAN), without spaces.
    #[schema(value_type = String)]
    pub iban: Iban,
    /// Holder's name.
    pub rekeninghouder: String,
    /// The citizens who hold it.
    pub burger_ids: Vec<String>,
    /// The departments that hold it.
    pub afdeling_ids: Vec<String>,
}

/// A page of accounts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RekeningenPagina {
    /// The accounts.
    pub rekeningen: Vec<Rekening>,
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

/// A grootboekrekening of the chart of accounts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Grootboekrekening {
    /// The number of the account in the chart.
    pub code: String,
    pub naam: String,
    /// Income or expense.
    pub soort: Soort,
}

impl From<&LedgerAccountRow> for Grootboekrekening {
    fn from(g: &LedgerAccountRow) -> Self {
        Grootboekrekening {
            code: g.code.clone(),
            naam: g.naam.clone(),
            soort: Soort::from(g.soort),
        }
    }
}

/// The chart of accounts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Grootboekrekeningen {
    /// By code.
    pub grootboekrekeningen: Vec<Grootboekrekening>,
}

/// A new or changed rubriek.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NieuweRubriek {
    /// Name (unique).
    #[validate(length(min = 1), custom(function = "short_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 200)]
    pub naam: String,
    /// Code of its grootboekrekening.
    #[validate(length(min = 1, max = 20))]
    #[schema(min_length = 1, max_length = 20, example = "4000")]
    pub grootboekrekening: String,
}

/// A rubriek.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Rubriek {
    pub id: String,
    pub naam: String,
    /// Code of its grootboekrekening.
    pub grootboekrekening: String,
}

impl From<&RubriekRow> for Rubriek {
    fn from(r: &RubriekRow) -> Self {
        Rubriek {
            id: r.id.clone(),
            naam: r.naam.clone(),
            grootboekrekening: r.grootboekrekening.clone(),
        }
    }
}

/// A page of rubrieken.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RubriekenPagina {
    /// By name.
    pub rubrieken: Vec<Rubriek>,
    /// Page number, page size and the totals.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}
