//! Authentication and authorisation in the Common Ground/ZGW style.
//!
//! A request carries `Authorization: Bearer <JWT>`. HS256 tokens are signed with the secret of a
//! client configured in the file named by `GRONDWERK_CLIENTS`; they name the client in
//! `client_id` (or `iss`) and are valid for one hour after `iat` (plus a leeway), or until `exp`
//! when that comes first. RS256 tokens from an OpenID Connect provider are accepted when
//! `GRONDWERK_JWKS_URL` is set; their scopes come from the `scope` claim.

use crate::Problem;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::RwLock;

/// Header that carries the purpose (doelbinding); the token claim `doelbinding` is the fallback.
pub const PURPOSE_HEADER: &str = "x-doelbinding";

/// How long an HS256 token is valid after `iat` (the ZGW convention).
pub const TOKEN_LIFETIME_SECONDS: i64 = 3600;

/// One configured client.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default)]
pub struct ClientConfig {
    /// The client's id, as in the token's `client_id` claim.
    pub client_id: String,
    /// HS256 secret (absent for clients that only use OIDC tokens).
    #[serde(default)]
    pub secret: Option<String>,
    /// Scopes granted to the client.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The `client_id` (or `azp`) that an OpenID Connect provider's tokens name for this
    /// client: only such tokens get this client's settings (an OIDC token naming a client id
    /// of this file is not this client).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_client: Option<String>,
    /// The URI of the other organisation this client belongs to (e.g. its OIN as
    /// `urn:oid:…`), when it is not ours: the Logboek Dataverwerkingen records its calls with a
    /// `foreign_operation` pointing at it and a trace of our own. Absent: a client of our own
    /// organisation, whose trace we continue (`parent_span_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub externe_organisatie: Option<String>,
    /// Each component's own settings of the client (the registry proxy's `fields`,
    /// holiday-rental's `gemeentecode`, …), read by that component into its typed
    /// [`ClientSettings`].
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl ClientConfig {
    /// The same client with a component's key set (tests and the suite build clients this way).
    pub fn with(mut self, key: &str, value: impl Into<toml::Value>) -> Self {
        self.extra.insert(key.to_string(), value.into());
        self
    }
}

/// A component's typed extension of the client configuration: its own keys of every client,
/// parsed once at start-up (a client without them gets the default).
#[derive(Debug, Clone, Default)]
pub struct ClientSettings<T>(HashMap<String, T>);

impl<T: serde::de::DeserializeOwned + Default> ClientSettings<T> {
    /// Reads the extension of every client; a client whose keys do not fit is a start-up error.
    pub fn load<'a>(clients: impl IntoIterator<Item = &'a ClientConfig>) -> Result<Self, String> {
        clients
            .into_iter()
            .map(|c| {
                let v: T = toml::Value::Table(c.extra.clone())
                    .try_into()
                    .map_err(|e| format!("client '{}': {e}", c.client_id))?;
                Ok((c.client_id.clone(), v))
            })
            .collect::<Result<HashMap<_, _>, String>>()
            .map(ClientSettings)
    }

    /// A client's settings (the default for a client not in the file, e.g. an OIDC client).
    pub fn of(&self, client_id: &str) -> T
    where
        T: Clone,
    {
        self.0.get(client_id).cloned().unwrap_or_default()
    }
}

#[derive(Debug, Deserialize)]
struct ClientsFile {
    #[serde(default)]
    client: Vec<ClientConfig>,
}

/// Loads the clients file.
pub fn load_clients(path: &str) -> Result<Vec<ClientConfig>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    parse_clients(&text).map_err(|e| format!("{path}: {e}"))
}

/// SHA-256 of every secret that was ever written in the Grondwerk repository for clients (demo,
/// test and benchmark clients, in files and in defaults) and of the audit keys of its compose
/// file, benchmarks and test helpers: known to anyone who reads it, so never accepted from a
/// clients file or as an audit key.
const PUBLISHED_SECRETS: &[&str] = &[
    "11ef00e79965bf00693ea75190958c73263074a72dfd1ebdeac58d3fef13a75b",
    "f41063adb7fde2248109ac07579e5acc44741dfefeedf53f69c3b81931df4dc3",
    "217a325485ce1a339dcf721683cd928290ab12a7d9f2dbb8b8bb6042e10c7724",
    "456b5218063186db9155c616e86bd5d79ff1e24c010109a99934cba5b2132ee5",
    "28a7ae375f55c676c71368d6f95fd963980ccf80e0d918c5edbf209accaa8a17",
    "5b9c682224fcb1ee2b788548b35e64408d10cad4c963ec6f4653be7a645560cf",
    "a9c691b699c8aa5af8dbd7e4708176f241cd1e4045ca1dadb50ea58deb924f71",
    "20f6637e0f3418dad28cb6fd4f59fa2855801a2bf86e7f9779e952561345a6a8",
    "a5788d22a3e72192d44782d94456860d1212336dee0e7134567a3fdf9197672a",
    "543ee5f162bf68b5daf0436a5242494319e0dc6dca81d2908f9d7d83416aec33",
    "61e3049138d039d2794568b5716038a76a63efe1346bac5e322d20fd0cb8eec0",
    "4fd59ca704ab6e8e48f905bf81ca740d8f949f204703d68af1062eb0fcb43e64",
    "ade7d9e58b6b0b15e56d4c7ab1a7ce8a84d8c0fb55df6a4ae0058fe90e933984",
    "b5b5781f282397a10c1418ea19c1af55985fac3bdd574c2cec639076e3dccbc5",
    "696f83601d71b499150052ebd8ca5db2ba0cb2d5ac2e51345308df6986e094cd",
    "626b2a3dfd89d4f817e919bfdc5248bc72acc5948aa9bfc992d0e6ba6a56383c",
    "479d762f4b29db9ab50093df25055465ebd8fbc0241b55e35e08c0b972224f37",
    "d5c82afefda27e67fc65770b6c08aa52b6060b6c6d402836e7ff2616fb02e208",
    "b5c6904609fa7faa96fc6b23b37d61879052d9687ec24c9503afe360572c78e2",
    "b77520a305b52b07e2de9108a29665d86325e4b2029ac338fba8863a37882f25",
    "c61a80238bb9ccc6cf42f81a9fbb8450c9b6e9f18813de1e553163dd10d6b9db",
    "e7c7942c249a777c49fd1004eecd3ada17426f840cadad6b835a6fb21ea2def0",
    "1cbb2318f249fb06d166fb4a5b43b6f3a466d6f321980c0d473110c1f1bfbae3",
];

/// Whether a secret is one of the [`PUBLISHED_SECRETS`].
pub fn is_published_secret(secret: &str) -> bool {
    let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(secret.as_bytes()));
    PUBLISHED_SECRETS.contains(&hash.as_str())
}

/// A new random secret: 64 hexadecimal characters (244 random bits).
pub fn generate_secret() -> String {
    format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

/// A clients file from a template: every `[[client]]` without a `secret` gets a new random one,
/// on the line after its `client_id`; comments and everything else stay as written. The
/// repository's clients files are such templates, so no secret of them is ever in use.
pub fn fill_secrets(template: &str) -> String {
    // one block per [[client]]: does it have a secret of its own?
    let mut out = String::with_capacity(template.len() + 1024);
    let blocks: Vec<&str> = template.split("[[client]]").collect();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("[[client]]");
        }
        let has_secret = block.lines().any(|l| l.trim_start().starts_with("secret"));
        if i == 0 || has_secret {
            out.push_str(block);
            continue;
        }
        let mut done = false;
        for line in block.split_inclusive('\n') {
            out.push_str(line);
            if !done && line.trim_start().starts_with("client_id") {
                if !line.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&format!("secret = \"{}\"\n", generate_secret()));
                done = true;
            }
        }
    }
    out
}

/// Parses the clients TOML; refuses duplicate ids, short secrets and published ones.
pub fn parse_clients(text: &str) -> Result<Vec<ClientConfig>, String> {
    let file: ClientsFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut seen = std::collections::HashSet::new();
    for c in &file.client {
        if !seen.insert(c.client_id.clone()) {
            return Err(format!("client_id '{}' appears twice", c.client_id));
        }
        if let Some(s) = &c.secret {
            if s.len() < 16 {
                return Err(format!("secret of '{}' is shorter than 16 characters", c.client_id));
            }
            if is_published_secret(s) {
                return Err(format!(
                    "the secret of '{}' is published in the Grondwerk repository (a demo or test secret) and is never accepted; make your own, e.g. `openssl rand -hex 32`, or let `grondwerk clients` write a clients file with new secrets",
                    c.client_id
                ));
            }
        }
    }
    Ok(file.client)
}

/// Claims we read from a token.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Claims {
    /// Issuer; for HS256 tokens the client id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    /// The client id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Authorised party (OIDC); used when `client_id` is absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azp: Option<String>,
    /// Issued at (seconds since the epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    /// Expiry (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    /// Not before (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    /// The user behind the client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Human-readable user name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_representation: Option<String>,
    /// OIDC subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<String>,
    /// The citizen's BSN, set by a portal after DigiD login.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bsn: Option<String>,
    /// Purpose of the processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doelbinding: Option<String>,
    /// Space-separated scopes (OIDC tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The client (application).
    pub client_id: String,
    /// The user, from `user_id` or `sub`.
    pub user_id: Option<String>,
    /// The user's display name.
    pub user_representation: Option<String>,
    /// The citizen's BSN from the token, if any (checked: nine digits passing the eleven test).
    pub bsn: Option<crate::Bsn>,
    /// Purpose from the token, if any.
    pub doelbinding: Option<String>,
    /// Granted scopes.
    pub scopes: Vec<String>,
    /// The client's configuration (defaults for unknown OIDC clients).
    pub client: Arc<ClientConfig>,
    /// The request's trace context (Logboek Dataverwerkingen): where its records and the calls
    /// it makes belong.
    pub trace: crate::ldv::Trace,
}

impl Principal {
    /// Whether the caller holds a scope.
    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope)
    }

    /// The caller a checked token names; claims that go into audit records must be bounded and
    /// clean, and a `bsn` claim must be a BSN. Its trace is the request's (`arrival`), taken as
    /// the client's organisation asks, or a new one outside a request.
    fn from_claims(
        client_id: String,
        claims: Claims,
        scopes: Vec<String>,
        client: Arc<ClientConfig>,
        arrival: Option<crate::http::Arrival>,
    ) -> Result<Self, Problem> {
        check_claim_texts(&claims)?;
        let trace = match arrival {
            Some(a) => crate::ldv::Trace::of_request(a.traceparent, client.externe_organisatie.as_deref(), a.at),
            None => crate::ldv::Trace::start(),
        };
        Ok(Principal {
            client_id,
            bsn: token_bsn(claims.bsn.as_deref())?,
            user_id: claims.user_id.or(claims.sub),
            user_representation: claims.user_representation,
            doelbinding: claims.doelbinding,
            scopes,
            client,
            trace,
        })
    }

    /// The purpose (doelbinding) of this request: the `X-Doelbinding` header, else the token's
    /// claim. Bounded and free of control characters, since it goes into the audit log.
    pub fn purpose(&self, req: &HttpRequest) -> Result<Option<String>, Problem> {
        let header = match req.headers().get(PURPOSE_HEADER) {
            None => None,
            Some(v) => Some(v.to_str().map(str::to_string).map_err(|_| {
                Problem::params_validation(vec![crate::InvalidParam::new(
                    "X-Doelbinding",
                    "pattern",
                    "Waarde bevat stuur- of richtingstekens.",
                )])
            })?),
        };
        let purpose = header
            .or_else(|| self.doelbinding.clone())
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        if let Some(p) = &purpose {
            crate::audit::check_text("X-Doelbinding", p).map_err(|e| Problem::params_validation(vec![e]))?;
        }
        Ok(purpose)
    }

    /// 403 unless the caller holds the scope.
    pub fn require_scope(&self, scope: &str) -> Result<(), Problem> {
        if self.has_scope(scope) {
            Ok(())
        } else {
            Err(Problem::forbidden(format!("Scope {scope} is nodig.")))
        }
    }
}

/// How often the JWKS is fetched at most: a token with an unknown `kid` may mean a rotated
/// key, but forged tokens must not make every request a fetch.
pub const JWKS_MIN_REFRESH: Duration = Duration::from_secs(60);

/// What RS256 tokens of an OpenID Connect provider must be.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// The provider's JWKS.
    pub jwks_url: String,
    /// The `iss` its tokens carry.
    pub issuer: String,
    /// The `aud` they must be for (this deployment).
    pub audience: String,
    /// The longest a token may be valid, from `iat` (or from now, without one) to `exp`.
    pub max_lifetime_seconds: i64,
}

struct JwksCache {
    url: String,
    keys: RwLock<Option<(Instant, jsonwebtoken::jwk::JwkSet)>>,
    /// When the JWKS was last asked for, successfully or not.
    last_attempt: std::sync::Mutex<Option<Instant>>,
    http: reqwest::Client,
}

/// Checks tokens; shared by all workers.
pub struct Authenticator {
    clients: HashMap<String, Arc<ClientConfig>>,
    /// Clients by the OIDC client id mapped to them.
    oidc_clients: HashMap<String, Arc<ClientConfig>>,
    leeway: i64,
    oidc: Option<(OidcConfig, JwksCache)>,
}

impl Authenticator {
    /// An authenticator over configured clients, with an optional OpenID Connect provider for
    /// RS256 tokens.
    pub fn new(clients: Vec<ClientConfig>, leeway_seconds: i64, oidc: Option<OidcConfig>) -> Self {
        let oidc = oidc.map(|o| {
            let cache = JwksCache {
                url: o.jwks_url.clone(),
                keys: RwLock::new(None),
                last_attempt: std::sync::Mutex::new(None),
                http: reqwest::Client::builder()
                    .timeout(Duration::from_secs(5))
                    .build()
                    .unwrap_or_default(),
            };
            (o, cache)
        });
        let clients: HashMap<String, Arc<ClientConfig>> = clients
            .into_iter()
            .map(|c| (c.client_id.clone(), Arc::new(c)))
            .collect();
        let oidc_clients = clients
            .values()
            .filter_map(|c| c.oidc_client.clone().map(|o| (o, c.clone())))
            .collect();
        Authenticator {
            clients,
            oidc_clients,
            leeway: leeway_seconds,
            oidc,
        }
    }

    /// Every configured client (the file the token checker was built from).
    pub fn clients(&self) -> impl Iterator<Item = &ClientConfig> {
        self.clients.values().map(Arc::as_ref)
    }

    /// A configured client.
    pub fn client(&self, client_id: &str) -> Option<&Arc<ClientConfig>> {
        self.clients.get(client_id)
    }

    /// Checks a bearer token and returns the caller, in a trace of its own (no request).
    pub async fn authenticate(&self, token: &str) -> Result<Principal, Problem> {
        self.authenticate_arrival(token, None).await
    }

    /// Checks the bearer token of a request that made its `arrival`, and returns the caller in
    /// the request's trace.
    async fn authenticate_arrival(
        &self,
        token: &str,
        arrival: Option<crate::http::Arrival>,
    ) -> Result<Principal, Problem> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|_| Problem::unauthorized("Het token is geen geldig JWT."))?;
        let now = chrono::Utc::now().timestamp();
        match header.alg {
            Algorithm::HS256 => self.authenticate_hs256(token, now, arrival),
            Algorithm::RS256 => self.authenticate_rs256(token, header.kid, now, arrival).await,
            _ => Err(Problem::unauthorized(
                "Het algoritme van het token wordt niet ondersteund.",
            )),
        }
    }

    fn authenticate_hs256(
        &self,
        token: &str,
        now: i64,
        arrival: Option<crate::http::Arrival>,
    ) -> Result<Principal, Problem> {
        let unverified = unverified_claims(token)?;
        let client_id = unverified
            .client_id
            .or(unverified.iss)
            .ok_or_else(|| Problem::unauthorized("Het token noemt geen client_id."))?;
        let client = self
            .clients
            .get(&client_id)
            .ok_or_else(|| Problem::unauthorized("Onbekende client."))?;
        let secret = client
            .secret
            .as_deref()
            .ok_or_else(|| Problem::unauthorized("Deze client heeft geen HS256-secret."))?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.required_spec_claims.clear();
        validation.validate_exp = false;
        validation.validate_aud = false;
        let data = jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(secret.as_bytes()), &validation)
            .map_err(|_| Problem::unauthorized("De handtekening van het token is ongeldig."))?;
        let claims = data.claims;
        let iat = claims
            .iat
            .ok_or_else(|| Problem::unauthorized("Het token heeft geen iat."))?;
        if iat > now + self.leeway {
            return Err(Problem::unauthorized("Het token is uitgegeven in de toekomst."));
        }
        if now > iat + TOKEN_LIFETIME_SECONDS + self.leeway {
            return Err(Problem::unauthorized("Het token is verlopen."));
        }
        if let Some(exp) = claims.exp {
            if now > exp + self.leeway {
                return Err(Problem::unauthorized("Het token is verlopen."));
            }
        }
        if let Some(nbf) = claims.nbf {
            if nbf > now + self.leeway {
                return Err(Problem::unauthorized("Het token is nog niet geldig (nbf)."));
            }
        }
        Principal::from_claims(client_id, claims, client.scopes.clone(), client.clone(), arrival)
    }

    async fn authenticate_rs256(
        &self,
        token: &str,
        kid: Option<String>,
        now: i64,
        arrival: Option<crate::http::Arrival>,
    ) -> Result<Principal, Problem> {
        let (oidc, jwks) = self
            .oidc
            .as_ref()
            .ok_or_else(|| Problem::unauthorized("RS256-tokens worden niet geaccepteerd."))?;
        let set = jwks.get(false).await?;
        let jwk = match find_key(&set, kid.as_deref()) {
            Some(k) => k,
            // A key we do not know yet may have been rotated in: refresh, at most once per
            // JWKS_MIN_REFRESH
            None => {
                let set = jwks.get(true).await?;
                find_key(&set, kid.as_deref()).ok_or_else(|| Problem::unauthorized("Onbekende sleutel (kid)."))?
            }
        };
        let key = DecodingKey::from_jwk(&jwk).map_err(|_| Problem::unauthorized("Onbruikbare sleutel in de JWKS."))?;
        let mut validation = Validation::new(Algorithm::RS256);
        validation.leeway = self.leeway.max(0) as u64;
        validation.validate_nbf = true;
        validation.set_issuer(&[oidc.issuer.as_str()]);
        validation.set_audience(&[oidc.audience.as_str()]);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        let claims = jsonwebtoken::decode::<Claims>(token, &key, &validation)
            .map_err(|e| match e.kind() {
                jsonwebtoken::errors::ErrorKind::ExpiredSignature => Problem::unauthorized("Het token is verlopen."),
                jsonwebtoken::errors::ErrorKind::ImmatureSignature => {
                    Problem::unauthorized("Het token is nog niet geldig (nbf).")
                }
                jsonwebtoken::errors::ErrorKind::InvalidIssuer => {
                    Problem::unauthorized("Het token is niet van de ingestelde uitgever (iss).")
                }
                jsonwebtoken::errors::ErrorKind::InvalidAudience => {
                    Problem::unauthorized("Het token is niet voor deze toepassing (aud).")
                }
                jsonwebtoken::errors::ErrorKind::MissingRequiredClaim(c) => {
                    Problem::unauthorized(format!("Het token mist de claim {c}."))
                }
                _ => Problem::unauthorized("De handtekening van het token is ongeldig."),
            })?
            .claims;
        if let Some(iat) = claims.iat {
            if iat > now + self.leeway {
                return Err(Problem::unauthorized("Het token is uitgegeven in de toekomst."));
            }
        }
        // a token valid for years is a stolen token's lifetime: at most the configured one
        let exp = claims.exp.unwrap_or(i64::MAX);
        if exp.saturating_sub(claims.iat.unwrap_or(now)) > oidc.max_lifetime_seconds + self.leeway {
            return Err(Problem::unauthorized(format!(
                "Het token is langer geldig dan {} seconden.",
                oidc.max_lifetime_seconds
            )));
        }
        let token_client = claims
            .client_id
            .clone()
            .or(claims.azp.clone())
            .ok_or_else(|| Problem::unauthorized("Het token noemt geen client_id of azp."))?;
        // a client's settings only through the clients file's explicit oidc_client mapping; an
        // unmapped OIDC client is named apart, so it never passes for a configured client
        let (client_id, client) = match self.oidc_clients.get(&token_client) {
            Some(c) => (c.client_id.clone(), c.clone()),
            None => {
                let id = format!("oidc:{token_client}");
                let client = Arc::new(ClientConfig {
                    client_id: id.clone(),
                    ..Default::default()
                });
                (id, client)
            }
        };
        let scopes = claims
            .scope
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        Principal::from_claims(client_id, claims, scopes, client, arrival)
    }
}

/// Claims that end up in audit records must be bounded and free of control characters: 400
/// naming the claim otherwise.
fn check_claim_texts(c: &Claims) -> Result<(), Problem> {
    let errors: Vec<crate::InvalidParam> = [
        ("user_id", &c.user_id),
        ("user_representation", &c.user_representation),
        ("sub", &c.sub),
        ("doelbinding", &c.doelbinding),
    ]
    .into_iter()
    .filter_map(|(name, v)| v.as_deref().and_then(|v| crate::audit::check_text(name, v).err()))
    .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Problem::params_validation(errors))
    }
}

/// The `bsn` claim as a [`crate::Bsn`]; a token with a malformed one is refused.
fn token_bsn(claim: Option<&str>) -> Result<Option<crate::Bsn>, Problem> {
    claim
        .map(|b| {
            crate::Bsn::parse(b).map_err(|_| Problem::unauthorized("Het token bevat geen geldig burgerservicenummer."))
        })
        .transpose()
}

fn find_key(set: &jsonwebtoken::jwk::JwkSet, kid: Option<&str>) -> Option<jsonwebtoken::jwk::Jwk> {
    match kid {
        Some(kid) => set.find(kid).cloned(),
        None if set.keys.len() == 1 => set.keys.first().cloned(),
        None => None,
    }
}

impl JwksCache {
    /// The key set: the cached one while it is fresh (five minutes), unless `refresh` asks
    /// for a new one; never fetched more than once per [`JWKS_MIN_REFRESH`].
    async fn get(&self, refresh: bool) -> Result<jsonwebtoken::jwk::JwkSet, Problem> {
        if !refresh {
            if let Some((at, set)) = self.keys.read().await.as_ref() {
                if at.elapsed() < Duration::from_secs(300) {
                    return Ok(set.clone());
                }
            }
        }
        // claim the attempt before fetching, so parallel requests do not all fetch
        let may_fetch = match self.last_attempt.lock() {
            Ok(mut last) => {
                let due = last.is_none_or(|t| t.elapsed() >= JWKS_MIN_REFRESH);
                if due {
                    *last = Some(Instant::now());
                }
                due
            }
            Err(_) => false,
        };
        if !may_fetch {
            return match self.keys.read().await.as_ref() {
                Some((_, set)) => Ok(set.clone()),
                None => Err(Problem::service_unavailable("OpenID Connect provider")),
            };
        }
        let fetched = async {
            let resp = self.http.get(&self.url).send().await.ok()?;
            if !resp.status().is_success() {
                return None;
            }
            resp.json::<jsonwebtoken::jwk::JwkSet>().await.ok()
        }
        .await;
        match fetched {
            Some(set) => {
                *self.keys.write().await = Some((Instant::now(), set.clone()));
                Ok(set)
            }
            None => {
                tracing::warn!("JWKS could not be fetched");
                match self.keys.read().await.as_ref() {
                    Some((_, set)) => Ok(set.clone()),
                    None => Err(Problem::service_unavailable("OpenID Connect provider")),
                }
            }
        }
    }
}

fn unverified_claims(token: &str) -> Result<Claims, Problem> {
    let payload = token
        .split('.')
        .nth(1)
        .ok_or_else(|| Problem::unauthorized("Het token is geen geldig JWT."))?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| Problem::unauthorized("Het token is geen geldig JWT."))?;
    serde_json::from_slice(&bytes).map_err(|_| Problem::unauthorized("Het token is geen geldig JWT."))
}

/// Signs an HS256 token for a configured client (the `token` subcommand and tests).
pub fn sign_hs256(client: &ClientConfig, extra: &Claims, iat: i64) -> Result<String, String> {
    let secret = client
        .secret
        .as_deref()
        .ok_or_else(|| format!("client '{}' has no secret", client.client_id))?;
    let mut claims = extra.clone();
    claims.iss = Some(client.client_id.clone());
    claims.client_id = Some(client.client_id.clone());
    claims.iat = Some(iat);
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .map_err(|e| e.to_string())
}

/// The `token` subcommand: a token for a client of the clients file.
pub fn token_for(
    common: &crate::config::CommonConfig,
    client_id: &str,
    bsn: Option<String>,
    user: Option<String>,
    doelbinding: Option<String>,
) -> Result<String, String> {
    let path = common.clients.as_ref().ok_or_else(|| {
        format!(
            "GRONDWERK_CLIENTS is not set, and there is no {} of a suite here (start the suite once, or name a clients file)",
            common.suite_data_dir.join(crate::config::SUITE_CLIENTS_FILE).display()
        )
    })?;
    let extra = Claims {
        bsn,
        user_id: user,
        doelbinding,
        ..Default::default()
    };
    sign_for_client_in(path, client_id, &extra)
}

/// Signs a token with `claims` for `client_id` of the clients file at `path` (the components'
/// and the suite's `token` commands): an unknown client is named with the ones that are there,
/// and a `bsn` claim must pass the eleven test, since every component would refuse the token.
pub fn sign_for_client_in(path: &std::path::Path, client_id: &str, claims: &Claims) -> Result<String, String> {
    let clients = load_clients(&path.to_string_lossy())?;
    let client = clients.iter().find(|c| c.client_id == client_id).ok_or_else(|| {
        let known: Vec<&str> = clients.iter().map(|c| c.client_id.as_str()).collect();
        format!(
            "client '{client_id}' is not in {}; the clients there: {}",
            path.display(),
            known.join(", ")
        )
    })?;
    if let Some(b) = &claims.bsn {
        crate::Bsn::parse(b).map_err(|_| {
            format!("'{b}' is geen geldig burgerservicenummer (negen cijfers die de elfproef doorstaan)")
        })?;
    }
    sign_hs256(client, claims, chrono::Utc::now().timestamp())
}

impl FromRequest for Principal {
    type Error = Problem;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let auth = req.app_data::<web::Data<Authenticator>>().cloned();
        let header = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let incoming = req.extensions().get::<crate::http::Arrival>().copied();
        Box::pin(async move {
            let auth = auth.ok_or_else(Problem::internal)?;
            let header = header.ok_or_else(|| Problem::unauthorized("Er is geen Authorization-header meegestuurd."))?;
            let token = header
                .strip_prefix("Bearer ")
                .or_else(|| header.strip_prefix("bearer "))
                .ok_or_else(|| Problem::unauthorized("Verwacht 'Authorization: Bearer <token>'."))?;
            auth.authenticate_arrival(token.trim(), incoming).await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> ClientConfig {
        ClientConfig {
            client_id: "demo".into(),
            secret: Some("a-long-random-secret-for-tests".into()),
            scopes: vec!["brp.personen.lezen".into()],
            ..Default::default()
        }
    }

    fn auth() -> Authenticator {
        Authenticator::new(vec![client()], 60, None)
    }

    #[actix_web::test]
    async fn accepts_fresh_token_and_refuses_old_or_foreign_ones() {
        let now = chrono::Utc::now().timestamp();
        let t = sign_hs256(&client(), &Claims::default(), now).unwrap();
        let p = auth().authenticate(&t).await.unwrap();
        assert_eq!(p.client_id, "demo");
        assert!(p.has_scope("brp.personen.lezen"));

        let old = sign_hs256(&client(), &Claims::default(), now - 3600 - 120).unwrap();
        assert_eq!(auth().authenticate(&old).await.unwrap_err().status, 401);

        let mut other = client();
        other.secret = Some("another-secret-of-someone-else".into());
        let forged = sign_hs256(&other, &Claims::default(), now).unwrap();
        assert_eq!(auth().authenticate(&forged).await.unwrap_err().status, 401);

        let expired = sign_hs256(
            &client(),
            &Claims {
                exp: Some(now - 600),
                ..Default::default()
            },
            now - 700,
        )
        .unwrap();
        assert_eq!(auth().authenticate(&expired).await.unwrap_err().status, 401);
        assert_eq!(auth().authenticate("not-a-token").await.unwrap_err().status, 401);

        // not valid before nbf (security review, finding 7)
        let early = sign_hs256(
            &client(),
            &Claims {
                nbf: Some(now + 600),
                ..Default::default()
            },
            now,
        )
        .unwrap();
        assert_eq!(auth().authenticate(&early).await.unwrap_err().status, 401);
        // a user id with a newline or a bidi override never reaches the audit log
        let forged_user = sign_hs256(
            &client(),
            &Claims {
                user_id: Some("jan\nclient_id=beheer".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
        let e = auth().authenticate(&forged_user).await.unwrap_err();
        assert_eq!((e.status, e.invalid_params[0].name.as_str()), (400, "user_id"));
    }

    #[test]
    fn published_secrets_are_refused_and_templates_get_new_ones() {
        let published = "[[client]]\nclient_id='demo'\nsecret='demo-secret-change-me-0123456789'";
        assert!(parse_clients(published).unwrap_err().contains("published"));
        let template = "# a comment\n[[client]]\nclient_id = \"a\"\nscopes = [\"x\"]\n\n[[client]]\nclient_id = \"b\"\nsecret = \"kept-as-it-is-0123456789\"\n";
        let filled = fill_secrets(template);
        assert!(filled.starts_with("# a comment\n"));
        let clients = parse_clients(&filled).unwrap();
        let a = clients[0].secret.clone().unwrap();
        assert_eq!(a.len(), 64);
        assert_eq!(clients[1].secret.as_deref(), Some("kept-as-it-is-0123456789"));
        // a second fill makes other secrets
        assert_ne!(
            parse_clients(&fill_secrets(template)).unwrap()[0].secret.as_deref(),
            Some(a.as_str())
        );
    }

    #[test]
    fn clients_file_rules() {
        assert!(parse_clients("[[client]]\nclient_id='a'\nsecret='short'").is_err());
        assert!(parse_clients("[[client]]\nclient_id='a'\n[[client]]\nclient_id='a'").is_err());
        let c =
            parse_clients("[[client]]\nclient_id='a'\nsecret='0123456789abcdef'\nscopes=['x']\nfields=['*']").unwrap();
        #[derive(Debug, Clone, Default, Deserialize)]
        struct Ext {
            #[serde(default)]
            fields: Vec<String>,
        }
        let ext = ClientSettings::<Ext>::load(&c).unwrap();
        assert_eq!(ext.of("a").fields, vec!["*"]);
        assert!(ext.of("onbekend").fields.is_empty());
    }
}
