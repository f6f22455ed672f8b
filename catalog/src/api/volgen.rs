//! Federation: the feed of versions a follower reads, and the catalogues this one follows
//! (handlers over `app::follow`).

use super::dto::rfc3339;
use crate::AppState;
use crate::app::follow;
use crate::domain::kinds::Layer;
use actix_web::{HttpRequest, HttpResponse, get, web};
use platform::Problem;
use platform::pagination::{PageInfo, PageLinks, PageRequest};
use platform::query::Paged;
use platform::responses::BadRequest;
use serde::{Deserialize, Serialize};

/// The moment the feed starts at.
#[derive(Debug, Clone, Deserialize, validator::Validate, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct FeedFilter {
    /// Alleen versies die vanaf dit moment (RFC 3339) in deze catalogus zijn vastgelegd; zonder:
    /// alle.
    #[validate(length(max = 40))]
    #[param(format = DateTime, example = "2026-12-01T00:00:00Z")]
    pub sinds: Option<String>,
}

/// A version as a follower reads it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GepubliceerdeVersie {
    /// Het component in deze catalogus.
    pub component_id: String,
    /// De url van het component (uit de publiccode.yml): daaraan herkent een volger het.
    pub url: String,
    pub naam: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub laag: Option<Layer>,
    /// De organisatie waarvan het component is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eigenaar: Option<String>,
    /// 1, 2, …
    pub versie: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub software_versie: Option<String>,
    /// Gepubliceerd (RFC 3339), zoals de bron het dateert.
    #[schema(format = DateTime)]
    pub gepubliceerd_op: String,
    /// In deze catalogus vastgelegd (RFC 3339): de volgorde van de feed.
    #[schema(format = DateTime)]
    pub vastgelegd_op: String,
    /// De publiccode.yml zoals gepubliceerd.
    pub publiccode: String,
    /// Waar de OpenAPI-spec van deze versie staat, als die er is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openapi: Option<String>,
}

/// One page of the feed.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct VersiesPagina {
    /// De versies, in de volgorde waarin ze zijn vastgelegd.
    pub versies: Vec<GepubliceerdeVersie>,
    pub paginering: PageInfo,
    #[serde(rename = "_links")]
    pub _links: PageLinks,
}

/// A catalogue this one follows.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GevolgdeCatalogus {
    /// Het basisadres.
    pub url: String,
    /// Vanaf dit moment wordt de feed de volgende keer gelezen.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub sinds: Option<String>,
    /// Laatst gelezen.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = DateTime)]
    pub gevolgd_op: Option<String>,
    /// Waarom het lezen de laatste keer mislukte.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub melding: Option<String>,
    /// Overgenomen versies.
    pub overgenomen: i32,
    /// Weggelaten versies van componenten die deze catalogus al van elders heeft.
    pub overgeslagen: i32,
}

/// The catalogues followed.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GevolgdeCatalogi {
    pub gevolgde_catalogi: Vec<GevolgdeCatalogus>,
}

/// The versions stored in this catalogue since a moment, oldest first, of its own components
/// (published, seeded or harvested here; not those it follows itself): what a catalogue that
/// follows this one reads.
#[utoipa::path(
    tag = "volgen",
    params(FeedFilter, PageRequest),
    responses((status = 200, description = "De versies", body = VersiesPagina), BadRequest),
)]
#[get("/versies")]
pub async fn versies(
    req: HttpRequest,
    q: Paged<FeedFilter>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let since = match q.filter.sinds.as_deref() {
        None => chrono::NaiveDateTime::default(),
        Some(s) => chrono::DateTime::parse_from_rfc3339(s)
            .map_err(|_| {
                Problem::params_validation(vec![platform::InvalidParam::new(
                    "sinds",
                    "date-time",
                    "Een moment in RFC 3339, zoals 2026-12-01T00:00:00Z.",
                )])
            })?
            .naive_utc(),
    };
    let page = q.page;
    let (rows, total) = follow::feed(&state, since, page.offset(), page.page_size).await?;
    let (links, info) = platform::pagination::links(req.path(), &q.pairs, page, total);
    Ok(HttpResponse::Ok().json(VersiesPagina {
        versies: rows
            .into_iter()
            .map(|r| GepubliceerdeVersie {
                openapi: r.has_spec.then(|| {
                    format!(
                        "/api/v1/componenten/{}/versies/{}/openapi.json",
                        r.component_id, r.versie
                    )
                }),
                component_id: r.component_id,
                url: r.url,
                naam: r.naam,
                laag: r.laag,
                eigenaar: r.eigenaar,
                versie: r.versie,
                software_versie: r.software_versie,
                gepubliceerd_op: rfc3339(r.aangemaakt_op),
                vastgelegd_op: rfc3339(r.vastgelegd_op.unwrap_or(r.aangemaakt_op)),
                publiccode: r.publiccode,
            })
            .collect(),
        paginering: info,
        _links: links,
    }))
}

/// The catalogues this one follows (`CATALOG_FOLLOW`), with how far each was read.
#[utoipa::path(tag = "volgen", responses((status = 200, description = "De gevolgde catalogi", body = GevolgdeCatalogi)))]
#[get("/gevolgde-catalogi")]
pub async fn gevolgde_catalogi(state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let rows = follow::followed(&state).await?;
    Ok(HttpResponse::Ok().json(GevolgdeCatalogi {
        gevolgde_catalogi: rows
            .into_iter()
            .map(|r| GevolgdeCatalogus {
                url: r.url,
                sinds: r.sinds.map(rfc3339),
                gevolgd_op: r.gevolgd_op.map(rfc3339),
                melding: r.melding,
                overgenomen: r.overgenomen,
                overgeslagen: r.overgeslagen,
            })
            .collect(),
    }))
}
