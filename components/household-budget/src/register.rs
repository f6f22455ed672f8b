//! The processing activities of household-budget (AVG art. 30), as its register serves them and
//! every Logboek record names them. Retention periods are defaults a municipality sets for
//! itself (`GRONDWERK_BEWAARTERMIJNEN`).

use platform::register::{Activity, DataSubjectKind, LegalBasis, LegalRole, ProcessingOption, Recipient};

/// The budget of a citizen in debt assistance: master data, statements, bookings, payments.
pub const BUDGETBEHEER: Activity = Activity {
    id: "5647b88b-5ee4-4cb4-b52f-31ce49d862fb",
    version: 1,
    name: "Budgetbeheer in de schuldhulpverlening",
    purpose: "Inkomsten en uitgaven van een burger in de schuldhulpverlening beheren: afspraken, bankafschriften, boekingen, signalen, betalingen en rapportages",
    legal_basis: &[LegalBasis::LegalObligation, LegalBasis::OfficialAuthorityOfController],
    grondslag: "Wet gemeentelijke schuldhulpverlening",
    categories: &[
        "burgerservicenummer",
        "naam en adres",
        "IBAN",
        "inkomsten en uitgaven",
        "banktransacties",
        "betalingen namens de burger",
    ],
    data_subjects: &[DataSubjectKind::VulnerableHuman, DataSubjectKind::Citizen],
    processing_options: &[
        ProcessingOption::Obtain,
        ProcessingOption::Store,
        ProcessingOption::Use,
        ProcessingOption::Organise,
        ProcessingOption::Transfer,
    ],
    recipients: &[
        Recipient {
            legal_role: LegalRole::DataController,
            name: "de gemeente (schuldhulpverlening)",
        },
        Recipient {
            legal_role: LegalRole::DataProcessor,
            name: "de bank van de gemeente (betaalopdrachten)",
        },
    ],
    retention: "P7Y",
    retention_grounds: "Betalingen namens een burger worden verantwoord zoals de financiële administratie: zeven jaar; de gemeente stelt haar eigen termijn in volgens haar selectielijst.",
    valid_from: "2026-12-08T00:00:00Z",
};

/// Every activity of the component.
pub const ACTIVITIES: &[&Activity] = &[&BUDGETBEHEER];
