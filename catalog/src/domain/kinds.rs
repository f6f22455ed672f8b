//! The closed lists a component is described by: the publiccode.yml standard's
//! `developmentStatus` and `softwareType`, our `nl-commonground` section's layer and
//! installation type, and the environments an organisation uses a component in. Each is stored
//! and answered as its text; a stored text that is none of them fails its row.

use diesel::{AsExpression, FromSqlRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `developmentStatus` of the publiccode.yml standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum DevelopmentStatus {
    /// An idea, no working code yet.
    Concept,
    /// Being built; not ready for use.
    Development,
    /// Usable, still changing.
    Beta,
    /// Ready for production.
    Stable,
    /// No longer maintained.
    Obsolete,
}

platform::text_enum!(DevelopmentStatus {
    Concept => "concept",
    Development => "development",
    Beta => "beta",
    Stable => "stable",
    Obsolete => "obsolete",
});

/// `softwareType` of the publiccode.yml standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum SoftwareType {
    /// A mobile app.
    #[serde(rename = "standalone/mobile")]
    Mobile,
    /// Software for devices.
    #[serde(rename = "standalone/iot")]
    Iot,
    /// A desktop application.
    #[serde(rename = "standalone/desktop")]
    Desktop,
    /// A web application.
    #[serde(rename = "standalone/web")]
    Web,
    /// A backend service (every Grondwerk component).
    #[serde(rename = "standalone/backend")]
    Backend,
    /// Other standalone software.
    #[serde(rename = "standalone/other")]
    Other,
    /// An addon to other software.
    #[serde(rename = "addon")]
    Addon,
    /// A library.
    #[serde(rename = "library")]
    Library,
    /// Configuration files.
    #[serde(rename = "configurationFiles")]
    ConfigurationFiles,
}

platform::text_enum!(SoftwareType {
    Mobile => "standalone/mobile",
    Iot => "standalone/iot",
    Desktop => "standalone/desktop",
    Web => "standalone/web",
    Backend => "standalone/backend",
    Other => "standalone/other",
    Addon => "addon",
    Library => "library",
    ConfigurationFiles => "configurationFiles",
});

/// The Common Ground layers, from the citizen's screen down to the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Layer {
    /// What citizens and employees see and use.
    Interactie,
    /// Processes and workflow.
    Proces,
    /// Connecting: gateways, proxies, notification routing.
    Integratie,
    /// Services over the data, with their APIs.
    Services,
    /// The registers and their data.
    Data,
}

platform::text_enum!(Layer {
    Interactie => "interactie",
    Proces => "proces",
    Integratie => "integratie",
    Services => "services",
    Data => "data",
});

impl Layer {
    /// Its name on the pages.
    pub fn title(self) -> &'static str {
        match self {
            Layer::Interactie => "Interactie",
            Layer::Proces => "Proces",
            Layer::Integratie => "Integratie",
            Layer::Services => "Services",
            Layer::Data => "Data",
        }
    }
}

/// How a component is installed (`nl-commonground.installatietype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum InstallationType {
    /// A Helm chart.
    Helm,
    /// Kubernetes manifests.
    Kubernetes,
    /// A container image.
    Container,
    /// Installed on its own, without containers.
    Zelfstandig,
}

platform::text_enum!(InstallationType {
    Helm => "helm",
    Kubernetes => "kubernetes",
    Container => "container",
    Zelfstandig => "zelfstandig",
});

/// An environment an organisation uses a component in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Omgeving {
    /// Used in production.
    Productie,
    /// Used in acceptance (pre-production).
    Acceptatie,
    /// Used in a test environment.
    Test,
}

platform::text_enum!(Omgeving {
    Productie => "productie",
    Acceptatie => "acceptatie",
    Test => "test",
});

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// The serde form (the API and the spec's enum) is the stored text, for every value.
    #[test]
    fn each_value_is_answered_as_it_is_stored() {
        fn same<T: Serialize + Copy>(values: &[&str], parse: fn(&str) -> Result<T, platform::ids::UnknownValue>) {
            for text in values {
                let v = parse(text).unwrap();
                assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(text));
            }
        }
        same(DevelopmentStatus::VALUES, DevelopmentStatus::parse);
        same(SoftwareType::VALUES, SoftwareType::parse);
        same(Layer::VALUES, Layer::parse);
        same(InstallationType::VALUES, InstallationType::parse);
        same(Omgeving::VALUES, Omgeving::parse);
        assert!(Layer::parse("bovenste").is_err());
    }
}
