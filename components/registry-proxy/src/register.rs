//! The processing activities of the registry proxy (AVG art. 30), as its register serves them
//! and every Logboek record names them. Retention periods are defaults a municipality sets for
//! itself (`GRONDWERK_BEWAARTERMIJNEN`).

use platform::register::{Activity, DataSubjectKind, LegalBasis, LegalRole, ProcessingOption, Recipient};

/// Persons looked up in the BRP for a client of the municipality.
pub const BRP_BEVRAGEN: Activity = Activity {
    id: "89608644-c4e5-4eb2-b41b-f007e6d61147",
    version: 1,
    name: "Verstrekken van gegevens uit de BRP",
    purpose: "Gegevens uit de Basisregistratie Personen verstrekken aan applicaties van de gemeente die ze voor hun taak nodig hebben, per applicatie beperkt tot de velden waarvoor zij geautoriseerd is",
    legal_basis: &[LegalBasis::LegalObligation, LegalBasis::OfficialAuthorityOfController],
    grondslag: "Wet basisregistratie personen (verstrekking aan organen van de gemeente)",
    categories: &[
        "burgerservicenummer",
        "naam",
        "geboorte",
        "verblijfplaats",
        "overige BRP-gegevens waarvoor de afnemer geautoriseerd is",
    ],
    data_subjects: &[DataSubjectKind::Citizen],
    processing_options: &[ProcessingOption::Obtain, ProcessingOption::Disclose],
    recipients: &[Recipient {
        legal_role: LegalRole::ServiceConsumer,
        name: "applicaties van de gemeente met een BRP-autorisatie (clients van de proxy)",
    }],
    retention: "P5Y",
    retention_grounds: "Lang genoeg om een burger te laten zien wie zijn gegevens inzag (AVG art. 15) en om verstrekkingen over meerdere jaren te controleren; de gemeente stelt haar eigen termijn in volgens haar selectielijst.",
    valid_from: "2026-12-08T00:00:00Z",
};

/// A citizen's lookups shown to them or to the privacy officer (protocollering).
pub const INZAGE: Activity = Activity {
    id: "55477af1-d7f2-47f4-af86-098fc842a8c4",
    version: 1,
    name: "Inzage in verstrekkingen",
    purpose: "Een burger (of de functionaris gegevensbescherming namens hem) laten zien wie zijn gegevens uit de BRP opvroeg, wanneer en waarom",
    legal_basis: &[LegalBasis::LegalObligation],
    grondslag: "AVG art. 15 (recht van inzage)",
    categories: &["burgerservicenummer", "verstrekkingen aan de betrokkene"],
    data_subjects: &[DataSubjectKind::Citizen],
    processing_options: &[ProcessingOption::Use, ProcessingOption::Disclose],
    recipients: &[Recipient {
        legal_role: LegalRole::DataController,
        name: "de betrokkene zelf, of de functionaris gegevensbescherming",
    }],
    retention: "P5Y",
    retention_grounds: "Even lang als de verstrekkingen waarover de inzage ging.",
    valid_from: "2026-12-08T00:00:00Z",
};

/// Every activity of the component.
pub const ACTIVITIES: &[&Activity] = &[&BRP_BEVRAGEN, &INZAGE];
