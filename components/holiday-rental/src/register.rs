//! The processing activities of holiday-rental (AVG art. 30), as its register serves them and
//! every Logboek record names them. Retention periods are defaults a municipality sets for
//! itself (`GRONDWERK_BEWAARTERMIJNEN`).

use platform::register::{Activity, DataSubjectKind, LegalBasis, LegalRole, ProcessingOption, Recipient};

const WET: &str = "Huisvestingswet 2014, hoofdstuk 5a (toeristische verhuur van woonruimte), en de huisvestingsverordening van de gemeente";

/// A resident asks for a registration number, which is checked in the BAG and BRP and kept.
pub const REGISTRATIE: Activity = Activity {
    id: "4a87fa36-0f78-4b4d-bc74-387c29b06cec",
    version: 1,
    name: "Registratie vakantieverhuur",
    purpose: "Een registratienummer voor toeristische verhuur afgeven aan de bewoner van een woning, na controle van adres (BAG) en inschrijving (BRP)",
    legal_basis: &[LegalBasis::LegalObligation],
    grondslag: WET,
    categories: &["burgerservicenummer", "adres van de woning", "registratienummer"],
    data_subjects: &[DataSubjectKind::Applicant, DataSubjectKind::Citizen],
    processing_options: &[ProcessingOption::Obtain, ProcessingOption::Store, ProcessingOption::Use],
    recipients: &[
        Recipient {
            legal_role: LegalRole::DataController,
            name: "de gemeente (vergunningverlening en handhaving)",
        },
        Recipient {
            legal_role: LegalRole::ThirdParty,
            name: "verhuurplatforms: alleen of een nummer geldig is, zonder persoonsgegevens",
        },
    ],
    retention: "P7Y",
    retention_grounds: "Een registratie moet na intrekking nog te controleren zijn bij handhaving en bezwaar over eerdere jaren; de gemeente stelt haar eigen termijn in volgens haar selectielijst.",
    valid_from: "2026-12-08T00:00:00Z",
};

/// Landlords report their stays; the night cap is counted from them.
pub const VERHUURMELDING: Activity = Activity {
    id: "db0ddaab-86a7-497e-ad9a-00afb59a7367",
    version: 1,
    name: "Melding van verhuurnachten",
    purpose: "Verhuurnachten en aantallen gasten per registratie bijhouden en het maximum aantal nachten per kalenderjaar bewaken",
    legal_basis: &[LegalBasis::LegalObligation],
    grondslag: WET,
    categories: &["registratienummer", "data van verblijf", "aantal gasten"],
    data_subjects: &[DataSubjectKind::Citizen],
    processing_options: &[ProcessingOption::Obtain, ProcessingOption::Store, ProcessingOption::Use],
    recipients: &[Recipient {
        legal_role: LegalRole::DataController,
        name: "de gemeente (handhaving)",
    }],
    retention: "P7Y",
    retention_grounds: "Meldingen onderbouwen een boete over het jaar waarin verhuurd werd; bezwaar en beroep lopen enkele jaren door.",
    valid_from: "2026-12-08T00:00:00Z",
};

/// Data exchanged with platforms and the Single Digital Entry Point, and enforcement signals.
pub const PLATFORMGEGEVENS: Activity = Activity {
    id: "eb4febba-2dd7-4e36-bd60-3266e646e85f",
    version: 1,
    name: "Gegevensuitwisseling met verhuurplatforms en handhaving",
    purpose: "Registratienummers laten controleren door platforms, activiteitsgegevens van platforms ontvangen en signalen voor handhaving maken en afhandelen",
    legal_basis: &[LegalBasis::LegalObligation, LegalBasis::OfficialAuthorityOfController],
    grondslag: "Verordening (EU) 2024/1028 (gegevens over kortetermijnverhuur) en Huisvestingswet 2014, hoofdstuk 5a",
    categories: &[
        "registratienummer",
        "adres van een advertentie",
        "verhuurnachten volgens platforms",
        "handhavingssignalen",
    ],
    data_subjects: &[DataSubjectKind::Citizen],
    processing_options: &[
        ProcessingOption::Obtain,
        ProcessingOption::Store,
        ProcessingOption::Use,
        ProcessingOption::Disclose,
    ],
    recipients: &[
        Recipient {
            legal_role: LegalRole::ThirdParty,
            name: "verhuurplatforms en het Single Digital Entry Point",
        },
        Recipient {
            legal_role: LegalRole::DataController,
            name: "de gemeente (handhaving)",
        },
    ],
    retention: "P7Y",
    retention_grounds: "Signalen en de gegevens die ze onderbouwen horen bij handhavingszaken, die met bezwaar en beroep jaren kunnen lopen.",
    valid_from: "2026-12-08T00:00:00Z",
};

/// Every activity of the component.
pub const ACTIVITIES: &[&Activity] = &[&REGISTRATIE, &VERHUURMELDING, &PLATFORMGEGEVENS];
