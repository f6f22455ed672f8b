//! The EU Single Digital Entry Point (SDEP), competent-authority side, as the prototype's spec
//! (`standards/sdep/swagger.yaml`, 0.0.49) describes it: an OAuth2 token by client credentials,
//! then `GET /ca/activity-data` and `GET /ca/listings`. The wire types keep the spec's names.

#![allow(non_snake_case)]

use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Where the SDEP is and who this municipality is there.
#[derive(Debug, Clone)]
pub struct SdepConfig {
    /// Base URL, up to and including the prototype's `/api/v0`.
    pub base_url: String,
    /// The OAuth2 token endpoint.
    pub token_url: String,
    /// OAuth2 client id of this competent authority.
    pub client_id: String,
    /// Its secret.
    pub client_secret: String,
    /// The token's audience (the prototype: `https://str.eu`).
    pub audience: String,
    /// Timeout of each call.
    pub timeout: Duration,
    /// Records asked per call (`limit`).
    pub limit: u32,
}

/// A failed call: unreachable, a status other than 200, or an answer that is not the spec's.
#[derive(Debug, thiserror::Error)]
pub enum SdepError {
    /// No answer (connection, timeout).
    #[error("SDEP unreachable: {0}")]
    Unreachable(String),
    /// An answer with another status.
    #[error("SDEP answered {0}")]
    Status(u16),
    /// An answer that is not what the spec promises.
    #[error("SDEP answer is not the spec's: {0}")]
    Garbage(String),
}

/// `handler.Temporal`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Temporal {
    /// Check-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startDateTime: Option<String>,
    /// Check-out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endDateTime: Option<String>,
}

/// `handler.Address`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postalCode: Option<String>,
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
}

/// `handler.GuestData`: one stay.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GuestData {
    /// The listing's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub URL: Option<String>,
    /// The unit's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The area's competent authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competentAuthorityId_area: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competentAuthorityName_area: Option<String>,
    /// Guests' countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countryOfGuests: Option<Vec<String>>,
    /// The host at the platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hostId: Option<String>,
    /// Number of guests, when the platform knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numberOfGuests: Option<i64>,
    /// The registration number the listing carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registrationNumber: Option<String>,
    /// The stay's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporal: Option<Temporal>,
}

/// `handler.Metadata`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Metadata {
    /// The platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// When the platform submitted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submissionDate: Option<String>,
    /// A free-form property the SDEP spec allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additionalProp1: Option<serde_json::Value>,
}

/// `handler.SingleActivityData`: what `/ca/activity-data` lists.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SingleActivityData {
    /// The validated competent authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competentAuthorityId_validated: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competentAuthorityName_validated: Option<String>,
    /// The stay.
    pub data: GuestData,
    /// Who sent it.
    pub metadata: Metadata,
}

/// `handler.Unit`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Unit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The listing's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
}

/// `handler.RegistrationData`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RegistrationData {
    /// The unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub Unit: Option<Unit>,
    /// The area's competent authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competentAuthorityId_area: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competentAuthorityName_area: Option<String>,
    /// The number the listing carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registrationNumber: Option<String>,
}

/// `handler.SingleListingData`: what `/ca/listings` lists.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SingleListingData {
    /// The listing.
    pub data: RegistrationData,
    /// Who sent it.
    pub metadata: Metadata,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(default)]
    expires_in: Option<u64>,
}

/// The SDEP client (one token, renewed a minute before it expires).
pub struct Sdep {
    config: SdepConfig,
    http: reqwest::Client,
    token: Mutex<Option<(String, Instant)>>,
}

impl Sdep {
    /// A client for `config`.
    pub fn new(config: SdepConfig) -> Result<Self, String> {
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Sdep {
            config,
            http,
            token: Mutex::new(None),
        })
    }

    /// The SDEP's base URL (stored with every record as its source).
    pub fn base_url(&self) -> &str {
        &self.config.base_url
    }

    async fn token(&self) -> Result<String, SdepError> {
        if let Some((t, until)) = self.token.lock().unwrap_or_else(|p| p.into_inner()).clone() {
            if Instant::now() < until {
                return Ok(t);
            }
        }
        let resp = self
            .http
            .post(&self.config.token_url)
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", self.config.client_id.as_str()),
                ("client_secret", self.config.client_secret.as_str()),
                ("audience", self.config.audience.as_str()),
            ])
            .send()
            .await
            .map_err(|e| SdepError::Unreachable(e.to_string()))?;
        if !resp.status().is_success() {
            return Err(SdepError::Status(resp.status().as_u16()));
        }
        let answer: TokenAnswer = resp
            .json()
            .await
            .map_err(|e| SdepError::Garbage(format!("token: {e}")))?;
        let lifetime = Duration::from_secs(answer.expires_in.unwrap_or(300).saturating_sub(60).max(1));
        *self.token.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((answer.access_token.clone(), Instant::now() + lifetime));
        Ok(answer.access_token)
    }

    async fn get<T: serde::de::DeserializeOwned>(&self, path: &str, limit: u32) -> Result<T, SdepError> {
        let token = self.token().await?;
        let url = format!("{}{path}?limit={limit}", self.config.base_url.trim_end_matches('/'));
        let resp = self
            .http
            .get(url)
            .bearer_auth(token)
            .send()
            .await
            .map_err(|e| SdepError::Unreachable(e.to_string()))?;
        let status = resp.status().as_u16();
        if status == 401 {
            // a revoked or expired token: the next call gets a new one
            *self.token.lock().unwrap_or_else(|p| p.into_inner()) = None;
        }
        if status != 200 {
            return Err(SdepError::Status(status));
        }
        let body = resp.bytes().await.map_err(|e| SdepError::Unreachable(e.to_string()))?;
        serde_json::from_slice(&body).map_err(|e| SdepError::Garbage(format!("{path}: {e}")))
    }

    /// `POST /ca/str-area`: the area where registration applies, as a zipped shapefile.
    pub async fn upload_area(&self, zip: Vec<u8>, authority_id: &str, authority_name: &str) -> Result<(), SdepError> {
        let token = self.token().await?;
        let part = reqwest::multipart::Part::bytes(zip)
            .file_name("gebied.zip")
            .mime_str("application/zip")
            .map_err(|e| SdepError::Garbage(e.to_string()))?;
        let form = reqwest::multipart::Form::new()
            .part("file", part)
            .text("competentAuthorityId", authority_id.to_string())
            .text("competentAuthorityName", authority_name.to_string());
        let url = format!("{}/ca/str-area", self.config.base_url.trim_end_matches('/'));
        let resp = self
            .http
            .post(url)
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .map_err(|e| SdepError::Unreachable(e.to_string()))?;
        match resp.status().as_u16() {
            200 | 201 => Ok(()),
            status => Err(SdepError::Status(status)),
        }
    }

    /// Records asked per activity-data call.
    pub fn activity_limit(&self) -> usize {
        self.config.limit.max(1) as usize
    }

    /// Records asked per listings call (the spec allows at most 100).
    pub fn listing_limit(&self) -> usize {
        self.config.limit.clamp(1, 100) as usize
    }

    /// `GET /ca/activity-data`.
    pub async fn activity_data(&self) -> Result<Vec<SingleActivityData>, SdepError> {
        self.get("/ca/activity-data", self.config.limit.max(1)).await
    }

    /// `GET /ca/listings` (the spec allows at most 100 per call).
    pub async fn listings(&self) -> Result<Vec<SingleListingData>, SdepError> {
        self.get("/ca/listings", self.config.limit.clamp(1, 100)).await
    }
}
