//! The platforms' data from the EU Single Digital Entry Point: fetching it on demand, the
//! inspectors' platform signals (JSON or CSV) and closing them, and removal orders (handlers
//! over `app::platform_data`).

use super::SCOPE_HANDHAVEN;
use crate::AppState;
use crate::app::platform_data;
use crate::store::platform_data::{RemovalRow, SignalRow};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use platform::auth::Principal;
use platform::http::csv_field;
use platform::pagination::{PageInfo, PageLinks, PageRequest, StatusFilter};
use platform::query::{NoFilter, Paged};
use platform::responses::{BadGateway, BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{Problem, Valid};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// What a fetch from the SDEP stored.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Ophaalresultaat {
    /// Platform stays stored for the first time (a record fetched again is not stored twice).
    pub aantal_nieuwe_verblijven: usize,
    /// Listings stored for the first time.
    pub aantal_nieuwe_advertenties: usize,
    /// Records without a number, URL, platform or period: not stored.
    pub aantal_onbruikbaar: usize,
    /// Signals made for the first time.
    pub aantal_nieuwe_signalen: usize,
}

/// Fetch activity data and listings from the SDEP now, and match them (inspectors of the
/// municipality the SDEP delivers for).
#[utoipa::path(
    tag = "platformgegevens",
    responses(
        (status = 200, description = "Opgehaald en vergeleken", body = Ophaalresultaat),
        BadRequest, Unauthorized, Forbidden, Conflict, BadGateway,
    ),
    security(("bearer" = [])),
)]
#[post("/platformgegevens/ophalen")]
pub async fn ophalen(p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    platform_data::may_fetch(&state, &state.caller(p))?;
    let done = platform_data::fetch(&state).await?;
    Ok(HttpResponse::Ok().json(Ophaalresultaat {
        aantal_nieuwe_verblijven: done.new_stays,
        aantal_nieuwe_advertenties: done.new_listings,
        aantal_onbruikbaar: done.unusable,
        aantal_nieuwe_signalen: done.new_signals,
    }))
}

/// A platform signal.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Platformsignaal {
    pub id: String,
    /// `nietGemeldeNachten`, `maximumOverschredenOpPlatforms`, `nummerBestaatNiet`, `nummerIngetrokken`, `nummerAndereGemeente` or `adresZonderRegistratie`.
    pub soort: String,
    /// The registration number the listings carry.
    pub registratienummer: String,
    /// Calendar year.
    pub jaar: i32,
    /// Nights: not reported, or on the platforms together.
    pub nachten: i64,
    /// The platform stays it rests on: platform, listing URL, period.
    #[schema(value_type = Vec<Object>)]
    pub bewijs: serde_json::Value,
    /// `open` or `gesloten`.
    pub status: String,
    /// The inspector's note on closing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notitie: Option<String>,
}

impl From<&SignalRow> for Platformsignaal {
    fn from(s: &SignalRow) -> Self {
        Platformsignaal {
            id: s.id.clone(),
            soort: s.soort.clone(),
            registratienummer: s.registratienummer.clone(),
            jaar: s.jaar,
            nachten: s.nachten,
            bewijs: serde_json::from_str(&s.bewijs).unwrap_or_default(),
            status: s.status.clone(),
            notitie: s.notitie.clone(),
        }
    }
}

/// A page of platform signals.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PlatformsignaalPagina {
    /// Signals, newest first.
    pub platformsignalen: Vec<Platformsignaal>,
    /// Page facts.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    pub _links: PageLinks,
}

/// The inspector's municipality's platform signals.
#[utoipa::path(
    tag = "platformgegevens",
    params(StatusFilter, PageRequest),
    responses(
        (status = 200, description = "Signalen (ook als text/csv)", content((PlatformsignaalPagina = "application/json"), (String = "text/csv"))),
        BadRequest, Unauthorized, Forbidden,
    ),
    security(("bearer" = [])),
)]
#[get("/platformsignalen")]
pub async fn signalen(
    req: HttpRequest,
    p: Principal,
    q: Paged<StatusFilter>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let status = q.filter.status.map(|s| s.as_str().to_string());
    let page = q.page;
    let (rows, total) = platform_data::signals(&state, &state.caller(p), status, page.offset(), page.page_size).await?;
    let items: Vec<Platformsignaal> = rows.iter().map(Platformsignaal::from).collect();
    if platform::http::wants_csv(&req) {
        let mut out = String::from("id,soort,registratienummer,jaar,nachten,status,urls\r\n");
        for s in &items {
            let urls: Vec<&str> = s
                .bewijs
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e.get("url").and_then(serde_json::Value::as_str))
                .collect();
            out.push_str(&format!(
                "{},{},{},{},{},{},{}\r\n",
                csv_field(&s.id),
                csv_field(&s.soort),
                csv_field(&s.registratienummer),
                s.jaar,
                s.nachten,
                csv_field(&s.status),
                csv_field(&urls.join(" "))
            ));
        }
        return Ok(HttpResponse::Ok().content_type("text/csv; charset=utf-8").body(out));
    }
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(PlatformsignaalPagina {
        platformsignalen: items,
        paginering: info,
        _links: links,
    }))
}

/// Closing a signal.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Afhandeling {
    /// What was done (1–500 characters, no control characters).
    #[validate(custom(function = "platform::extract::plain_text"))]
    #[schema(pattern = "plain-text", min_length = 1, max_length = 500)]
    pub notitie: String,
}

/// Close a platform signal with a note.
#[utoipa::path(
    tag = "platformgegevens",
    params(("id" = String, Path, description = "Het signaal")),
    request_body = Afhandeling,
    responses(
        (status = 200, description = "Gesloten", body = Platformsignaal),
        BadRequest, Unauthorized, Forbidden, NotFound, Conflict,
    ),
    security(("bearer" = [])),
)]
#[post("/platformsignalen/{id}/sluiten")]
pub async fn sluiten(
    p: Principal,
    path: web::Path<String>,
    body: Valid<Afhandeling>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let row =
        platform_data::close_signal(&state, &state.caller(p), path.into_inner(), body.into_inner().notitie).await?;
    Ok(HttpResponse::Ok().json(Platformsignaal::from(&row)))
}

/// Asking for removal orders.
#[derive(Debug, Deserialize, Validate, utoipa::ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct NieuwVerwijderverzoek {
    /// The signal about an invalid number whose listings must go.
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub signaal_id: String,
}

/// A removal order: no personal data, for the SDEP and the platforms.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verwijderverzoek {
    /// The listing.
    pub url: String,
    /// Its platform.
    pub platform: String,
    /// The number it carries.
    pub registratienummer: String,
    /// Why: `nummerBestaatNiet`, `nummerIngetrokken` or `nummerAndereGemeente`.
    pub reden: String,
    /// Issued on.
    pub datum: chrono::NaiveDate,
}

impl From<&RemovalRow> for Verwijderverzoek {
    fn from(r: &RemovalRow) -> Self {
        Verwijderverzoek {
            url: r.url.clone(),
            platform: r.platform.clone(),
            registratienummer: r.registratienummer.clone(),
            reden: r.reden.clone(),
            datum: r.datum,
        }
    }
}

/// Order the platforms to remove the listings of a signal about an invalid number (inspectors).
#[utoipa::path(
    tag = "platformgegevens",
    request_body = NieuwVerwijderverzoek,
    responses(
        (status = 201, description = "Verzoeken tot verwijdering", body = Vec<Verwijderverzoek>),
        BadRequest, Unauthorized, Forbidden, NotFound,
    ),
    security(("bearer" = [])),
)]
#[post("/verwijderverzoeken")]
pub async fn verwijderen(
    p: Principal,
    body: Valid<NieuwVerwijderverzoek>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let rows = platform_data::order_removal(&state, &state.caller(p), body.into_inner().signaal_id).await?;
    let items: Vec<Verwijderverzoek> = rows.iter().map(Verwijderverzoek::from).collect();
    Ok(HttpResponse::Created().json(items))
}

/// A page of removal orders.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct VerwijderverzoekPagina {
    /// Orders, oldest first.
    pub verwijderverzoeken: Vec<Verwijderverzoek>,
    /// Page facts.
    pub paginering: PageInfo,
    /// Links to this resource or page and its neighbours (HAL).
    pub _links: PageLinks,
}

/// The removal orders: the SDEP sees all of them (scope vakantieverhuur.sdep), an inspector
/// those of their municipality, a platform those about its own listings. Audited.
#[utoipa::path(
    tag = "platformgegevens",
    params(PageRequest),
    responses(
        (status = 200, description = "Verzoeken", body = VerwijderverzoekPagina),
        BadRequest, Unauthorized, Forbidden,
    ),
    security(("bearer" = [])),
)]
#[get("/verwijderverzoeken")]
pub async fn verwijderverzoeken(
    req: HttpRequest,
    p: Principal,
    q: Paged<NoFilter>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let page = q.page;
    let (rows, total) = platform_data::removals(&state, &state.caller(p), page.offset(), page.page_size).await?;
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(VerwijderverzoekPagina {
        verwijderverzoeken: rows.iter().map(Verwijderverzoek::from).collect(),
        paginering: info,
        _links: links,
    }))
}

/// The area where registration applies (GeoJSON, public: it is the municipality's rule).
#[utoipa::path(
    tag = "platformgegevens",
    responses(
        (status = 200, description = "Het gebied als GeoJSON Feature", content((Object = "application/geo+json"))),
        BadRequest, NotFound,
    ),
    security(()),
)]
#[get("/gebied")]
pub async fn gebied(state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let area = state
        .area
        .as_ref()
        .ok_or_else(|| Problem::not_found("Er is geen gebied ingesteld."))?;
    Ok(HttpResponse::Ok()
        .content_type("application/geo+json")
        .body(area.geojson.to_string()))
}

/// Send the area to the SDEP now, as a zipped shapefile (inspectors; also done at start-up).
#[utoipa::path(
    tag = "platformgegevens",
    responses(
        (status = 204, description = "Verstuurd"),
        BadRequest, Unauthorized, Forbidden, Conflict, BadGateway,
    ),
    security(("bearer" = [])),
)]
#[post("/gebied/versturen")]
pub async fn gebied_versturen(p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_HANDHAVEN)?;
    platform_data::send_area(&state).await?;
    Ok(HttpResponse::NoContent().finish())
}
