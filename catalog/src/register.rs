//! The processing activity of the catalogue (AVG art. 30): it holds no citizen's data, only the
//! client and user ids of the maintainers who change it.

use platform::register::{Activity, DataSubjectKind, LegalBasis, LegalRole, ProcessingOption, Recipient};

/// Components published, changed and removed by their maintainers.
pub const CATALOGUSBEHEER: Activity = Activity {
    id: "bd6b2587-0059-42bd-bc7f-958a9d37471e",
    version: 1,
    name: "Beheer van de componentencatalogus",
    purpose: "Bijhouden wie welke component in de catalogus publiceerde, wijzigde of verwijderde",
    legal_basis: &[LegalBasis::PublicInterest],
    grondslag: "Taak van algemeen belang: de gezamenlijke componentencatalogus van gemeenten (Common Ground)",
    categories: &["client-id en gebruikers-id van beheerders"],
    data_subjects: &[DataSubjectKind::User],
    processing_options: &[ProcessingOption::Store, ProcessingOption::Use],
    recipients: &[Recipient {
        legal_role: LegalRole::DataController,
        name: "de beheerder van de catalogus",
    }],
    retention: "P2Y",
    retention_grounds: "Lang genoeg om een wijziging van een component te kunnen verantwoorden; de component zelf en haar versies blijven openbaar.",
    valid_from: "2026-12-08T00:00:00Z",
};

/// Every activity of the component.
pub const ACTIVITIES: &[&Activity] = &[&CATALOGUSBEHEER];
