//! publiccode.yml (every version the reference parser, publiccode-parser-go, supports: 0.2 to
//! 0.7), read into a JSON tree and checked for what the standard demands, with every problem
//! named by its YAML path; what the standard deprecates is a warning, as the reference parser
//! gives it. Unknown keys and
//! country-specific sections (`it:`, `nl-…`) are kept: real files carry them. The Common Ground
//! extension is our own country section `nl-commonground` with the layer (`laag`) and the
//! installation type (`installatietype`).

use super::kinds::{DevelopmentStatus, InstallationType, Layer, SoftwareType};
use serde::Serialize;
use serde_json::Value;

/// The versions of the standard accepted, as the reference parser lists them. `0` is how files
/// of the current 0.x standard say which version they follow (read as the latest, 0.7); one file
/// structure serves them all, so a key a later version added is checked in an earlier one's file
/// too, as the reference parser does.
const VERSIONS: [&str; 13] = [
    "0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5", "0.5.0", "0.7", "0.7.0",
];
/// The aliases a `supports[].id` may name (`alias:gdpr`); any other id is a URI (0.7).
const SUPPORTS_ALIASES: [&str; 9] = ["gdpr", "eidas", "nis2", "cra", "spid", "cie", "anpr", "pagopa", "io"];
const MAINTENANCE_TYPES: [&str; 4] = ["internal", "contract", "community", "none"];
/// The standard's categories.
const CATEGORIES: [&str; 106] = [
    "accounting",
    "agile-project-management",
    "applicant-tracking",
    "application-development",
    "appointment-scheduling",
    "backup",
    "billing-and-invoicing",
    "blog",
    "budgeting",
    "business-intelligence",
    "business-process-management",
    "cad",
    "call-center-management",
    "cloud-management",
    "collaboration",
    "communications",
    "compliance-management",
    "contact-management",
    "content-management",
    "crm",
    "customer-service-and-support",
    "data-analytics",
    "data-collection",
    "data-visualization",
    "design",
    "design-system",
    "digital-asset-management",
    "digital-citizenship",
    "document-management",
    "donor-management",
    "e-commerce",
    "e-signature",
    "educational-content",
    "email-management",
    "email-marketing",
    "employee-management",
    "enterprise-project-management",
    "enterprise-social-networking",
    "erp",
    "event-management",
    "facility-management",
    "feedback-and-reviews-management",
    "financial-reporting",
    "fleet-management",
    "fundraising",
    "gamification",
    "geographic-information-systems",
    "grant-management",
    "graphic-design",
    "help-desk",
    "hr",
    "ide",
    "identity-management",
    "instant-messaging",
    "integrated-library-system",
    "inventory-management",
    "it-asset-management",
    "it-development",
    "it-management",
    "it-security",
    "it-service-management",
    "knowledge-management",
    "learning-management-system",
    "marketing",
    "mind-mapping",
    "mobile-marketing",
    "mobile-payment",
    "network-management",
    "office",
    "online-booking",
    "online-community",
    "payment-gateway",
    "payroll",
    "predictive-analysis",
    "procurement",
    "productivity-suite",
    "project-collaboration",
    "project-management",
    "property-management",
    "real-estate-management",
    "regulations-and-directives",
    "remote-support",
    "resource-management",
    "sales-management",
    "seo",
    "service-desk",
    "social-media-management",
    "survey",
    "talent-management",
    "task-management",
    "taxes-management",
    "test-management",
    "time-management",
    "time-tracking",
    "translation",
    "video-conferencing",
    "video-editing",
    "visitor-management",
    "voip",
    "warehouse-management",
    "web-collaboration",
    "web-conferencing",
    "whistleblowing",
    "website-builder",
    "workflow-management",
    "other",
];
/// The standard's audience scopes.
const SCOPES: [&str; 24] = [
    "agriculture",
    "culture",
    "defence",
    "education",
    "emergency-services",
    "employment",
    "energy",
    "environment",
    "finance-and-economic-development",
    "foreign-affairs",
    "government",
    "healthcare",
    "infrastructures",
    "justice",
    "local-authorities",
    "manufacturing",
    "research",
    "science-and-technology",
    "security",
    "society",
    "sport",
    "tourism",
    "transportation",
    "welfare",
];

/// The ISO 3166-1 alpha-2 country codes (the standard's `countries`), separated by spaces.
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// One thing wrong with a file, at its YAML path (`description.nl.shortDescription`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// The YAML path of the value, e.g. `description.nl.shortDescription`.
    pub pad: String,
    /// What is wrong with it.
    pub melding: String,
}

/// What the catalogue reads from a valid file (the whole tree is kept as well).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The tree as read, unknown keys and country sections included.
    pub tree: Value,
    /// `name`.
    pub name: String,
    /// `url`: the repository, the component's identity.
    pub url: String,
    /// `softwareVersion`, when given.
    pub software_version: Option<String>,
    /// `developmentStatus`.
    pub development_status: DevelopmentStatus,
    /// `softwareType`.
    pub software_type: SoftwareType,
    /// `legal.license`.
    pub license: String,
    /// The maintaining organisation: `organisation.name`, else `legal.repoOwner`, else
    /// `legal.mainCopyrightOwner`.
    pub organisation: Option<String>,
    /// `nl-commonground.laag`.
    pub layer: Option<Layer>,
    /// `nl-commonground.installatietype`.
    pub installation_type: Option<InstallationType>,
    /// The Dutch description when there is one, else the English, else the first.
    pub short_description: String,
    /// The long description, chosen by language as the short one is.
    pub long_description: String,
    /// `dependsOn.open[].name`.
    pub depends_on: Vec<String>,
    /// Where its OpenAPI spec is: `nl-commonground.openapi`, else an `apiDocumentation` of a
    /// description that names a JSON or YAML file (a harvest fetches it).
    pub openapi_url: Option<String>,
    /// What the standard deprecates and the file still uses (see [`warnings`]): the file is
    /// accepted, the publisher is told.
    pub warnings: Vec<Problem>,
}

/// Why a file is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not YAML, or not a mapping at the top.
    Unreadable(String),
    /// Read, but not what the standard demands.
    Invalid(Vec<Problem>),
}

/// Largest file read (real files are a few kB; the longest description is 10,000 characters
/// per language).
pub const MAX_BYTES: usize = 1024 * 1024;
/// Largest tree a publiccode.yml may expand to through its aliases (see [`super::yaml`]).
pub const MAX_EXPANDED: usize = 4 * MAX_BYTES;

/// Reads and checks a publiccode.yml.
pub fn parse(text: &str) -> Result<Entry, Refusal> {
    if text.len() > MAX_BYTES {
        return Err(Refusal::Unreadable(format!("groter dan {MAX_BYTES} bytes")));
    }
    let tree: Value = super::yaml::from_str(text, MAX_EXPANDED).map_err(|e| Refusal::Unreadable(e.to_string()))?;
    if !tree.is_object() {
        return Err(Refusal::Unreadable("het bestand is geen YAML-mapping".into()));
    }
    let problems = check(&tree);
    if !problems.is_empty() {
        return Err(Refusal::Invalid(problems));
    }
    entry(tree)
}

/// Every problem of a tree, in document order of the standard's keys.
pub fn check(tree: &Value) -> Vec<Problem> {
    let mut c = Checker::default();
    c.one_of(tree, "publiccodeYmlVersion", &VERSIONS, true);
    c.text(tree, "name", true);
    // shown as a link on the pages: http(s) only (a javascript: URL has a host too)
    c.url(tree, "url", true, true);
    c.url(tree, "landingURL", false, true);
    c.url(tree, "roadmap", false, true);
    c.date(tree, "releaseDate", false);
    for key in ["applicationSuite", "softwareVersion"] {
        c.text(tree, key, false);
    }
    for key in ["logo", "monochromeLogo"] {
        c.logo(tree, key);
    }
    match at(tree, "isBasedOn") {
        Some(Value::String(_)) => c.url(tree, "isBasedOn", false, false),
        Some(Value::Array(list)) => {
            for (i, v) in list.iter().enumerate() {
                if !v.as_str().is_some_and(|u| is_url(u, false)) {
                    c.fault(format!("isBasedOn[{i}]"), "geen URL");
                }
            }
        }
        Some(_) => c.fault("isBasedOn".into(), "geen URL of lijst van URL's"),
        None => {}
    }
    c.texts(tree, "usedBy", false, None);
    for key in ["inputTypes", "outputTypes"] {
        c.texts(tree, key, false, None);
        if let Some(list) = at(tree, key).and_then(Value::as_array) {
            for (i, v) in list.iter().enumerate() {
                if v.as_str().is_some_and(|m| !is_mime_type(m)) {
                    c.fault(format!("{key}[{i}]"), "geen mediatype (RFC 6838)");
                }
            }
        }
    }
    if let Some(org) = c.object(tree, "organisation", false) {
        c.organisation_uri(org, "organisation.uri");
    }
    if let Some(list) = c.array(tree, "fundedBy", false) {
        for (i, org) in list.iter().enumerate() {
            if org.is_object() {
                c.organisation_uri(org, &format!("fundedBy[{i}].uri"));
            } else {
                c.fault(format!("fundedBy[{i}]"), "geen mapping");
            }
        }
    }
    c.texts(tree, "platforms", true, None);
    c.texts(tree, "categories", false, Some(&CATEGORIES));
    c.one_of(tree, "developmentStatus", DevelopmentStatus::VALUES, true);
    c.one_of(tree, "softwareType", SoftwareType::VALUES, true);
    if let Some(audience) = c.object(tree, "intendedAudience", false) {
        c.texts(audience, "intendedAudience.scope", false, Some(&SCOPES));
        for key in ["countries", "unsupportedCountries"] {
            let path = format!("intendedAudience.{key}");
            if let Some(list) = c.array(audience, &path, false) {
                for (i, v) in list.iter().enumerate() {
                    if !v.as_str().is_some_and(is_country) {
                        c.fault(format!("{path}[{i}]"), "geen landcode (ISO 3166-1 alpha-2)");
                    }
                }
            }
        }
    }
    c.descriptions(tree);
    if let Some(legal) = c.object(tree, "legal", true) {
        match at(legal, "legal.license") {
            None => c.fault("legal.license".into(), "ontbreekt"),
            Some(Value::String(l)) if spdx::Expression::parse(l).is_ok() => {}
            Some(_) => c.fault("legal.license".into(), "geen geldige SPDX-licentie-expressie"),
        }
    }
    c.maintenance(tree);
    if let Some(l) = c.object(tree, "localisation", true) {
        match at(l, "localisation.localisationReady") {
            Some(Value::Bool(_)) => {}
            None => c.fault("localisation.localisationReady".into(), "ontbreekt"),
            Some(_) => c.fault("localisation.localisationReady".into(), "geen boolean"),
        }
        if let Some(list) = c.array(l, "localisation.availableLanguages", true) {
            if list.is_empty() {
                c.fault("localisation.availableLanguages".into(), "mag niet leeg zijn");
            }
            for (i, v) in list.iter().enumerate() {
                if !v.as_str().is_some_and(is_language_tag) {
                    c.fault(
                        format!("localisation.availableLanguages[{i}]"),
                        "geen taalcode (BCP 47)",
                    );
                }
            }
        }
    }
    if let Some(deps) = c.object(tree, "dependsOn", false) {
        for kind in ["open", "proprietary", "hardware"] {
            let path = format!("dependsOn.{kind}");
            if let Some(list) = c.array(deps, &path, false) {
                for (i, d) in list.iter().enumerate() {
                    c.text(d, &format!("{path}[{i}].name"), true);
                    for key in ["version", "versionMin", "versionMax"] {
                        c.text(d, &format!("{path}[{i}].{key}"), false);
                    }
                    if at(d, "optional").is_some_and(|v| !v.is_boolean()) {
                        c.fault(format!("{path}[{i}].optional"), "geen boolean");
                    }
                }
            }
        }
    }
    if let Some(list) = c.array(tree, "supports", false) {
        for (i, item) in list.iter().enumerate() {
            let path = format!("supports[{i}]");
            if !item.is_object() {
                c.fault(path, "geen mapping");
            } else if let Some(id) = c.text(item, &format!("{path}.id"), true) {
                if !is_supports_id(id) {
                    c.fault(
                        format!("{path}.id"),
                        "geen bekende alias (alias:gdpr, alias:eidas, …) of URI",
                    );
                }
            }
        }
    }
    if let Some(cg) = c.object(tree, "nl-commonground", false) {
        c.one_of(cg, "nl-commonground.laag", Layer::VALUES, false);
        c.one_of(cg, "nl-commonground.installatietype", InstallationType::VALUES, false);
        c.url(cg, "nl-commonground.openapi", false, true);
    }
    c.problems
}

/// What the reference parser warns about in a file it accepts: a version other than the current
/// one (the file is read as 0.7), and the keys and spellings the standard deprecates.
pub fn warnings(tree: &Value) -> Vec<Problem> {
    const DROP: &str = "Verouderd: vervalt in een volgende versie van de standaard; kan weg.";
    let mut found = Vec::new();
    let mut warn = |pad: String, melding: String| found.push(Problem { pad, melding });
    let version = match tree.get("publiccodeYmlVersion") {
        Some(Value::String(v)) => Some(v.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    if let Some(v) = version.filter(|v| v != "0" && !v.starts_with("0.7")) {
        warn(
            "publiccodeYmlVersion".into(),
            format!("v{v} is niet de laatste versie; gebruik '0'. Het bestand is gelezen als v0.7."),
        );
    }
    let present = |v: Option<&Value>| v.is_some_and(|v| !v.is_null() && v.as_str() != Some(""));
    let keys: [(&[&str], &str); 5] = [
        (
            &["monochromeLogo"],
            "Verouderd: vervalt in een volgende versie van de standaard; gebruik 'logo'.",
        ),
        (&["legal", "authorsFile"], DROP),
        (
            &["legal", "repoOwner"],
            "Verouderd: vervalt in een volgende versie van de standaard; gebruik 'organisation.name'.",
        ),
        (&["inputTypes"], DROP),
        (&["outputTypes"], DROP),
    ];
    for (path, why) in keys {
        if present(path.iter().try_fold(tree, |v, k| v.get(k))) {
            warn(path.join("."), why.into());
        }
    }
    for key in ["countries", "unsupportedCountries"] {
        let list = tree
            .get("intendedAudience")
            .and_then(|a| a.get(key))
            .and_then(Value::as_array);
        for (i, code) in list.into_iter().flatten().enumerate() {
            if let Some(c) = code
                .as_str()
                .filter(|c| is_country(c) && c.bytes().all(|b| b.is_ascii_lowercase()))
            {
                warn(
                    format!("intendedAudience.{key}[{i}]"),
                    format!(
                        "Landcodes in kleine letters zijn verouderd; gebruik '{}'.",
                        c.to_ascii_uppercase()
                    ),
                );
            }
        }
    }
    for (lang, d) in tree.get("description").and_then(Value::as_object).into_iter().flatten() {
        if present(d.get("genericName")) {
            warn(format!("description.{lang}.genericName"), DROP.into());
        }
    }
    if tree.get("it").is_some() {
        warn(
            "it".into(),
            "Landcodes in kleine letters zijn verouderd; gebruik 'IT'.".into(),
        );
    }
    let it = tree.get("IT").or_else(|| tree.get("it"));
    if it.is_some_and(|it| it.get("conforme").is_some()) {
        warn("IT.conforme".into(), DROP.into());
    }
    if let Some(ipa) = it
        .and_then(|it| it.get("riuso"))
        .and_then(|r| r.get("codiceIPA"))
        .and_then(Value::as_str)
    {
        warn(
            "IT.riuso.codiceIPA".into(),
            format!(
                "Verouderd: vervalt in een volgende versie van de standaard; zet 'organisation.uri' op 'urn:x-italian-pa:{ipa}'."
            ),
        );
    }
    found
}

/// The warnings of a stored publiccode.yml. It was accepted when it was published; were it
/// refused by the checks as they are now, what they find is said instead of nothing.
pub fn stored_warnings(text: &str) -> Vec<Problem> {
    match parse(text) {
        Ok(entry) => entry.warnings,
        Err(Refusal::Invalid(problems)) => problems,
        Err(Refusal::Unreadable(why)) => vec![Problem {
            pad: String::new(),
            melding: why,
        }],
    }
}

/// A `supports[].id`: a known alias (`alias:gdpr`) or a URI.
fn is_supports_id(id: &str) -> bool {
    match id.strip_prefix("alias:") {
        Some(alias) => SUPPORTS_ALIASES.contains(&alias),
        None => is_url(id, false),
    }
}

/// The value at the last segment of `path` inside `parent`.
fn at<'a>(parent: &'a Value, path: &str) -> Option<&'a Value> {
    let key = path.rsplit('.').next().unwrap_or(path);
    parent.get(key).filter(|v| !v.is_null())
}

/// An ISO 3166-1 alpha-2 code, in upper or lower case (not mixed, as the reference parser reads it).
fn is_country(s: &str) -> bool {
    let one_case = s.bytes().all(|b| b.is_ascii_uppercase()) || s.bytes().all(|b| b.is_ascii_lowercase());
    let upper = s.to_ascii_uppercase();
    one_case && COUNTRIES.split(' ').any(|c| c == upper)
}

fn is_language_tag(s: &str) -> bool {
    language_tags::LanguageTag::parse(s).is_ok_and(|t| t.is_valid())
}

/// Whether `s` is an http(s) URL with a host: the only URLs taken where a link is made of one.
pub fn is_http_url(s: &str) -> bool {
    is_url(s, true)
}

fn is_url(s: &str, http_only: bool) -> bool {
    match url::Url::parse(s) {
        Ok(u) if http_only => matches!(u.scheme(), "http" | "https") && u.host().is_some(),
        Ok(u) => u.has_host() || u.scheme() == "urn",
        Err(_) => false,
    }
}

/// A media type as RFC 6838 writes it (`application/json`).
fn is_mime_type(s: &str) -> bool {
    let token = |t: &str| {
        !t.is_empty()
            && t.len() <= 127
            && t.chars().all(|c| c.is_ascii_alphanumeric() || "!#$&^_.+-".contains(c))
            && t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let (kind, sub) = s.trim().split_once('/').unwrap_or(("", ""));
    token(kind) && token(sub.split(';').next().unwrap_or("").trim())
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fault(&mut self, pad: String, melding: &str) {
        self.problems.push(Problem {
            pad,
            melding: melding.into(),
        });
    }

    fn missing(&mut self, path: &str, required: bool) {
        if required {
            self.fault(path.into(), "ontbreekt");
        }
    }

    /// The value at `path` as `pick` takes it; a missing value is a fault when required, one
    /// `pick` does not take is `fault` ("geen lijst").
    fn typed<'a, T>(
        &mut self,
        parent: &'a Value,
        path: &str,
        required: bool,
        fault: &str,
        pick: impl Fn(&'a Value) -> Option<T>,
    ) -> Option<T> {
        let Some(value) = at(parent, path) else {
            self.missing(path, required);
            return None;
        };
        let picked = pick(value);
        if picked.is_none() {
            self.fault(path.into(), fault);
        }
        picked
    }

    /// A text; an empty one counts as missing (a fault when required: "mag niet leeg zijn").
    fn text<'a>(&mut self, parent: &'a Value, path: &str, required: bool) -> Option<&'a str> {
        let s = self.typed(parent, path, required, "geen tekst", Value::as_str)?;
        if !s.trim().is_empty() {
            return Some(s);
        }
        if required {
            self.fault(path.into(), "mag niet leeg zijn");
        }
        None
    }

    fn one_of(&mut self, parent: &Value, path: &str, allowed: &[&str], required: bool) {
        // YAML reads `0.2` as a number: the version is compared as written
        let value = match at(parent, path) {
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.fault(path.into(), "geen tekst");
                return;
            }
            None => None,
        };
        match value {
            None => self.missing(path, required),
            Some(v) if allowed.contains(&v.as_str()) => {}
            Some(v) => self.fault(path.into(), &format!("'{v}' is niet een van: {}", allowed.join(", "))),
        }
    }

    fn url(&mut self, parent: &Value, path: &str, required: bool, http_only: bool) {
        if let Some(s) = self.text(parent, path, required) {
            if !is_url(s, http_only) {
                self.fault(path.into(), if http_only { "geen http(s)-URL" } else { "geen URL" });
            }
        }
    }

    fn date(&mut self, parent: &Value, path: &str, required: bool) {
        if at(parent, path)
            .and_then(Value::as_str)
            .is_some_and(|s| s.trim().is_empty())
        {
            self.fault(path.into(), "geen datum (JJJJ-MM-DD)");
            return;
        }
        if let Some(s) = self.text(parent, path, required) {
            if !is_date(s) {
                self.fault(path.into(), "geen datum (JJJJ-MM-DD)");
            }
        }
    }

    /// `logo` or `monochromeLogo`: a path in the repository (not absolute) or an http(s) URL, of
    /// an SVG, SVGZ or PNG file. Whether the file exists and is that image is not checked: that
    /// needs the repository.
    fn logo(&mut self, parent: &Value, path: &str) {
        let Some(s) = self.text(parent, path, false) else {
            return;
        };
        let file = match url::Url::parse(s) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => u.path().to_string(),
            Ok(_) => {
                self.fault(path.into(), "geen pad in de repository of http(s)-URL");
                return;
            }
            Err(_) if s.starts_with('/') => {
                self.fault(
                    path.into(),
                    "een absoluut pad; geef een pad in de repository of een http(s)-URL",
                );
                return;
            }
            Err(_) => s.to_string(),
        };
        let extension = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if !matches!(extension.as_deref(), Some("svg" | "svgz" | "png")) {
            self.fault(path.into(), "geen SVG-, SVGZ- of PNG-bestand");
        }
    }

    /// An organisation's `uri`: required, a URL or a URN.
    fn organisation_uri(&mut self, org: &Value, path: &str) {
        if let Some(u) = self.text(org, path, true) {
            if !is_url(u, false) {
                self.fault(path.into(), "geen URI");
            }
        }
    }

    fn object<'a>(&mut self, parent: &'a Value, path: &str, required: bool) -> Option<&'a Value> {
        self.typed(parent, path, required, "geen mapping", |v| v.is_object().then_some(v))
    }

    fn array<'a>(&mut self, parent: &'a Value, path: &str, required: bool) -> Option<&'a Vec<Value>> {
        self.typed(parent, path, required, "geen lijst", Value::as_array)
    }

    /// A list of texts, non-empty when required, each one of `allowed` when given.
    fn texts(&mut self, parent: &Value, path: &str, required: bool, allowed: Option<&[&str]>) {
        let Some(list) = self.array(parent, path, required) else {
            return;
        };
        if required && list.is_empty() {
            self.fault(path.into(), "mag niet leeg zijn");
        }
        for (i, v) in list.iter().enumerate() {
            match (v.as_str(), allowed) {
                (None, _) => self.fault(format!("{path}[{i}]"), "geen tekst"),
                (Some(s), Some(allowed)) if !allowed.contains(&s) => {
                    self.fault(format!("{path}[{i}]"), &format!("'{s}' is geen bekende waarde"))
                }
                _ => {}
            }
        }
    }

    fn descriptions(&mut self, tree: &Value) {
        let Some(Value::Object(langs)) = self.object(tree, "description", true) else {
            return;
        };
        if langs.is_empty() {
            self.fault("description".into(), "mag niet leeg zijn");
        }
        for (lang, d) in langs {
            let base = format!("description.{lang}");
            if !is_language_tag(lang) {
                self.fault(base.clone(), "de sleutel is geen taalcode (BCP 47)");
            }
            if !d.is_object() {
                self.fault(base, "geen mapping");
                continue;
            }
            let length = |s: &str| s.chars().count();
            if let Some(s) = self.text(d, &format!("{base}.genericName"), false) {
                if length(s) > 35 {
                    self.fault(format!("{base}.genericName"), "langer dan 35 tekens");
                }
            }
            if let Some(s) = self.text(d, &format!("{base}.shortDescription"), true) {
                if length(s) > 150 {
                    self.fault(format!("{base}.shortDescription"), "langer dan 150 tekens");
                }
            }
            if let Some(s) = self.text(d, &format!("{base}.longDescription"), true) {
                let n = length(s);
                if !(150..=10_000).contains(&n) {
                    self.fault(
                        format!("{base}.longDescription"),
                        "moet 150 tot 10.000 tekens lang zijn",
                    );
                }
            }
            for key in ["documentation", "apiDocumentation"] {
                self.url(d, &format!("{base}.{key}"), false, true);
            }
            self.texts(d, &format!("{base}.features"), true, None);
            self.text(d, &format!("{base}.localisedName"), false);
            self.texts(d, &format!("{base}.awards"), false, None);
            self.texts(d, &format!("{base}.screenshots"), false, None);
            if let Some(list) = self.array(d, &format!("{base}.videos"), false) {
                for (i, v) in list.iter().enumerate() {
                    if !v.as_str().is_some_and(|u| is_url(u, true)) {
                        self.fault(format!("{base}.videos[{i}]"), "geen http(s)-URL");
                    }
                }
            }
        }
    }

    fn maintenance(&mut self, tree: &Value) {
        let Some(m) = self.object(tree, "maintenance", true) else {
            return;
        };
        self.one_of(m, "maintenance.type", &MAINTENANCE_TYPES, true);
        let kind = at(m, "type").and_then(Value::as_str).unwrap_or_default();
        if let Some(list) = self.array(m, "maintenance.contractors", kind == "contract") {
            if kind != "contract" {
                self.fault("maintenance.contractors".into(), "alleen bij type contract");
            }
            for (i, c) in list.iter().enumerate() {
                let base = format!("maintenance.contractors[{i}]");
                self.text(c, &format!("{base}.name"), true);
                self.date(c, &format!("{base}.until"), true);
                self.email(c, &format!("{base}.email"));
                self.url(c, &format!("{base}.website"), false, true);
            }
        }
        let contacts_required = kind == "internal" || kind == "community";
        if let Some(list) = self.array(m, "maintenance.contacts", contacts_required) {
            for (i, c) in list.iter().enumerate() {
                let base = format!("maintenance.contacts[{i}]");
                self.text(c, &format!("{base}.name"), true);
                self.email(c, &format!("{base}.email"));
            }
        }
    }

    fn email(&mut self, parent: &Value, path: &str) {
        if let Some(s) = self.text(parent, path, false) {
            if !validator::ValidateEmail::validate_email(&s) {
                self.fault(path.into(), "geen e-mailadres");
            }
        }
    }
}

/// The fields the catalogue shows and filters on, from a checked tree (the check made sure the
/// closed lists hold one of their values; were one not to, the file is refused, not defaulted).
fn entry(tree: Value) -> Result<Entry, Refusal> {
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    let get = |path: &[&str]| path.iter().try_fold(&tree, |v, k| v.get(k)).filter(|v| !v.is_null());
    let description = tree.get("description").and_then(Value::as_object).and_then(|langs| {
        ["nl", "en"]
            .iter()
            .find_map(|l| langs.get(*l))
            .or_else(|| langs.values().next())
    });
    let version = match get(&["softwareVersion"]) {
        Some(Value::Number(n)) => Some(n.to_string()),
        other => s(other),
    };
    fn closed<T>(
        value: Option<String>,
        path: &str,
        parse: fn(&str) -> Result<T, platform::ids::UnknownValue>,
    ) -> Result<Option<T>, Refusal> {
        value.map(|v| parse(&v)).transpose().map_err(|e| {
            Refusal::Invalid(vec![Problem {
                pad: path.into(),
                melding: e.to_string(),
            }])
        })
    }
    let missing = |path: &str| {
        Refusal::Invalid(vec![Problem {
            pad: path.into(),
            melding: "ontbreekt".into(),
        }])
    };
    let development_status = closed(
        s(get(&["developmentStatus"])),
        "developmentStatus",
        DevelopmentStatus::parse,
    )?
    .ok_or_else(|| missing("developmentStatus"))?;
    let software_type = closed(s(get(&["softwareType"])), "softwareType", SoftwareType::parse)?
        .ok_or_else(|| missing("softwareType"))?;
    let layer = closed(
        s(get(&["nl-commonground", "laag"])),
        "nl-commonground.laag",
        Layer::parse,
    )?;
    let installation_type = closed(
        s(get(&["nl-commonground", "installatietype"])),
        "nl-commonground.installatietype",
        InstallationType::parse,
    )?;
    Ok(Entry {
        name: s(get(&["name"])).unwrap_or_default(),
        url: s(get(&["url"])).unwrap_or_default(),
        software_version: version,
        development_status,
        software_type,
        license: s(get(&["legal", "license"])).unwrap_or_default(),
        organisation: s(get(&["organisation", "name"]))
            .or_else(|| s(get(&["legal", "repoOwner"])))
            .or_else(|| s(get(&["legal", "mainCopyrightOwner"]))),
        layer,
        installation_type,
        short_description: s(description.and_then(|d| d.get("shortDescription"))).unwrap_or_default(),
        long_description: s(description.and_then(|d| d.get("longDescription"))).unwrap_or_default(),
        depends_on: get(&["dependsOn", "open"])
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(|d| s(d.get("name"))).collect())
            .unwrap_or_default(),
        openapi_url: s(get(&["nl-commonground", "openapi"])).or_else(|| {
            tree.get("description")
                .and_then(Value::as_object)
                .into_iter()
                .flat_map(|langs| langs.values())
                .filter_map(|d| d.get("apiDocumentation").and_then(Value::as_str))
                .find(|u| {
                    let path = u.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
                    [".json", ".yaml", ".yml"].iter().any(|ext| path.ends_with(ext))
                })
                .map(str::to_string)
        }),
        warnings: warnings(&tree),
        tree,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    const LONG: &str = "Een omschrijving die lang genoeg is om aan de eis van de standaard te voldoen: \
        minstens honderdvijftig tekens, zodat wie de catalogus doorzoekt weet wat het onderdeel doet.";

    fn minimal() -> String {
        format!(
            "publiccodeYmlVersion: \"0.4\"\nname: Voorbeeld\nurl: https://example.org/voorbeeld.git\n\
             platforms: [web]\ndevelopmentStatus: stable\nsoftwareType: standalone/backend\n\
             description:\n  nl:\n    shortDescription: Kort\n    longDescription: \"{LONG}\"\n    features: [Iets]\n\
             legal:\n  license: EUPL-1.2\nmaintenance:\n  type: internal\n  contacts:\n    - name: Team\n\
             localisation:\n  localisationReady: true\n  availableLanguages: [nl, en]\n"
        )
    }

    #[test]
    fn a_minimal_file_is_valid_and_unknown_sections_are_kept() {
        let text = format!("{}it:\n  conforme:\n    gdpr: true\nx-iets: 1\n", minimal());
        let e = parse(&text).unwrap();
        assert_eq!((e.name.as_str(), e.license.as_str()), ("Voorbeeld", "EUPL-1.2"));
        assert_eq!(e.tree["it"]["conforme"]["gdpr"], true);
        assert_eq!(e.tree["x-iets"], 1);
        // a number version as YAML reads `0.2`
        assert!(parse(&minimal().replace("\"0.4\"", "0.2")).is_ok());
    }

    #[test]
    fn every_problem_is_named_by_its_path() {
        let text = minimal()
            .replace("  license: EUPL-1.2\n", "  repoOwner: Gemeente\n")
            .replace("softwareType: standalone/backend", "softwareType: server")
            .replace("[nl, en]", "[nl, \"123\"]")
            .replace("shortDescription: Kort", &format!("shortDescription: \"{LONG}\""))
            .replace("  contacts:\n    - name: Team\n", "");
        let Err(Refusal::Invalid(p)) = parse(&text) else {
            panic!("accepted")
        };
        let paths: Vec<&str> = p.iter().map(|p| p.pad.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "softwareType",
                "description.nl.shortDescription",
                "legal.license",
                "maintenance.contacts",
                "localisation.availableLanguages[1]"
            ],
            "{p:?}"
        );
    }

    #[test]
    fn licences_dates_urls_and_the_common_ground_layer() {
        let bad = [
            ("  license: EUPL-1.2", "  license: GPL-3.0-or-later OR"),
            ("url: https://example.org/voorbeeld.git", "url: geen url"),
            ("platforms: [web]", "platforms: [web]\nreleaseDate: 2024-13-01"),
            (
                "platforms: [web]",
                "platforms: [web]\nnl-commonground:\n  laag: bovenste",
            ),
            ("platforms: [web]", "platforms: [web]\ncategories: [budgeting, vliegen]"),
        ];
        for (from, to) in bad {
            assert!(
                matches!(parse(&minimal().replace(from, to)), Err(Refusal::Invalid(_))),
                "{to}"
            );
        }
        let good = minimal().replace(
            "platforms: [web]",
            "platforms: [web]\nreleaseDate: \"2026-12-01\"\ncategories: [budgeting]\nnl-commonground:\n  laag: integratie\n  installatietype: helm",
        );
        let e = parse(&good.replace("EUPL-1.2", "EUPL-1.2 OR MIT")).unwrap();
        assert_eq!(
            (e.layer, e.installation_type),
            (Some(Layer::Integratie), Some(InstallationType::Helm))
        );
        assert!(matches!(parse("- een\n- lijst\n"), Err(Refusal::Unreadable(_))));
        assert!(matches!(parse("a: [\n"), Err(Refusal::Unreadable(_))));
    }

    #[test]
    fn the_optional_keys_are_checked_when_present() {
        let cases = [
            ("    features: [Iets]\n", "", "description.nl.features"),
            ("platforms: [web]", "platforms: [web]\nreleaseDate: ''", "releaseDate"),
            (
                "platforms: [web]",
                "platforms: [web]\ninputTypes: [tekst]",
                "inputTypes[0]",
            ),
            (
                "platforms: [web]",
                "platforms: [web]\nisBasedOn: [geen url]",
                "isBasedOn[0]",
            ),
            (
                "platforms: [web]",
                "platforms: [web]\norganisation:\n  name: Gemeente",
                "organisation.uri",
            ),
            (
                "platforms: [web]",
                "platforms: [web]\nfundedBy: [Gemeente]",
                "fundedBy[0]",
            ),
            (
                "platforms: [web]",
                "platforms: [web]\nsoftwareVersion: 1.0",
                "softwareVersion",
            ),
            ("platforms: [web]", "platforms: [web]\nusedBy: Gemeente", "usedBy"),
            (
                "platforms: [web]",
                "platforms: [web]\nintendedAudience:\n  countries: [nl, DE, Fr]",
                "intendedAudience.countries[2]",
            ),
            (
                "platforms: [web]",
                "platforms: [web]\nintendedAudience:\n  countries: [XX]",
                "intendedAudience.countries[0]",
            ),
            (
                "platforms: [web]",
                "platforms: [web]\ndependsOn:\n  open:\n    - name: PostgreSQL\n      optional: ja",
                "dependsOn.open[0].optional",
            ),
        ];
        for (from, to, path) in cases {
            match parse(&minimal().replace(from, to)) {
                Err(Refusal::Invalid(p)) => assert_eq!(p[0].pad, path, "{p:?}"),
                other => panic!("{to}: {other:?}"),
            }
        }
        let fine = minimal().replace(
            "platforms: [web]",
            "platforms: [web]\ninputTypes: [application/json]\nisBasedOn: https://example.org/a.git\n\
             organisation:\n  uri: urn:x-gemeente:0344\nfundedBy:\n  - uri: https://www.vng.nl",
        );
        assert!(parse(&fine).is_ok(), "{:?}", parse(&fine));
    }
}
