//! Enforcement: addresses of the inspector's municipality over or near the cap in a year, as
//! JSON or CSV.

use super::{SCOPE_HANDHAVEN, audit_entry};
use crate::AppState;
use crate::domain::registration_number::RegistrationNumber;
use crate::domain::stays::Period;
use crate::store::{self, Registration};
use actix_web::{HttpRequest, HttpResponse, get, web};
use platform::Problem;
use platform::auth::Principal;
use platform::pagination::{PageInfo, PageLinks, PageRequest};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

/// An address on the enforcement list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HandhavingAdres {
    /// The address's current (or last) registration.
    pub registratienummer: String,
    /// `actief` or `ingetrokken`.
    pub status: String,
    /// The address.
    pub adres: String,
    /// BAG nummeraanduiding.
    pub nummeraanduiding_identificatie: String,
    /// Nights reported in the year (not cancelled).
    pub nachten: i64,
    /// The cap.
    pub maximum: i64,
    /// Whether the cap is passed.
    pub boven_maximum: bool,
}

/// A page of the list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct HandhavingPagina {
    /// Addresses, most nights first.
    pub adressen: Vec<HandhavingAdres>,
    /// Page facts.
    pub paginering: PageInfo,
    /// Links.
    pub _links: PageLinks,
}

/// Addresses over the cap or within the municipality's threshold of it.
#[utoipa::path(
    tag = "handhaving",
    params(
        ("jaar" = i32, Query, description = "Kalenderjaar", minimum = 2000, maximum = 2100),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-100)", minimum = 1, maximum = 100),
    ),
    responses(
        (status = 200, description = "Adressen (ook als text/csv)", content((HandhavingPagina = "application/json"), (String = "text/csv"))),
        (status = 400, description = "Onjuiste parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Niet geautoriseerd of geen gemeentecode", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/handhaving/adressen")]
pub async fn adressen(req: HttpRequest, p: Principal, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    p.require_scope(SCOPE_HANDHAVEN)?;
    let gemeente = p
        .client
        .gemeentecode
        .clone()
        .ok_or_else(|| Problem::forbidden("Deze client heeft geen gemeentecode."))?;
    let params = platform::http::QueryParams::parse(req.query_string(), &["jaar", "page", "pageSize"])?;
    let jaar = super::verblijven::parse_year(params.get("jaar"))?;
    let mut errors = Vec::new();
    let page = PageRequest::parse(params.get("page"), params.get("pageSize"), &mut errors);
    if !errors.is_empty() {
        return Err(Problem::params_validation(errors));
    }
    let Some(rules) = state.rules.get(&gemeente).cloned() else {
        return Err(Problem::forbidden("Voor deze gemeente zijn geen regels ingesteld."));
    };
    let g = gemeente.clone();
    let rows = state
        .db
        .run(move |c| store::registrations_with_stays(c, &g, jaar))
        .await?;

    // nights count per address, across registrations; the address shows its newest registration
    let mut per_address: BTreeMap<String, (Registration, i64)> = BTreeMap::new();
    for (reg, stays) in rows {
        let nights: i64 = stays
            .iter()
            .map(|s| {
                Period {
                    start: s.start_datum,
                    end: s.eind_datum,
                }
                .nights_in(jaar)
            })
            .sum();
        let e = per_address
            .entry(reg.nummeraanduiding_id.clone())
            .or_insert((reg.clone(), 0));
        e.1 += nights;
        if reg.aangemaakt_op > e.0.aangemaakt_op {
            e.0 = reg;
        }
    }
    let mut listed: Vec<(Registration, i64)> = per_address
        .into_values()
        .filter(|(_, n)| *n >= rules.max_nachten - rules.drempel_nachten)
        .collect();
    listed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.registratienummer.cmp(&b.0.registratienummer)));
    let total = listed.len() as i64;
    let items: Vec<HandhavingAdres> = listed
        .iter()
        .skip(page.offset() as usize)
        .take(page.page_size as usize)
        .map(|(r, n)| HandhavingAdres {
            registratienummer: RegistrationNumber::parse(&r.registratienummer)
                .map(|x| x.to_string())
                .unwrap_or_default(),
            status: r.status.clone(),
            adres: r.adres.clone(),
            nummeraanduiding_identificatie: r.nummeraanduiding_id.clone(),
            nachten: *n,
            maximum: rules.max_nachten,
            boven_maximum: *n > rules.max_nachten,
        })
        .collect();
    let entries = listed
        .iter()
        .skip(page.offset() as usize)
        .take(page.page_size as usize)
        .map(|(r, _)| audit_entry(&p, "vakantieverhuur.handhaving.raadplegen", r, json!({ "jaar": jaar })))
        .collect();
    state.audit.record(entries).await?;

    let wants_csv = req
        .headers()
        .get("accept")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/csv"));
    if wants_csv {
        return Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .body(to_csv(&items)));
    }
    let (links, info) = platform::pagination::links(req.path(), params.pairs(), page, total);
    Ok(HttpResponse::Ok().json(HandhavingPagina {
        adressen: items,
        paginering: info,
        _links: links,
    }))
}

fn csv_field(s: &str) -> String {
    // quote always; neutralise spreadsheet formulas
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn to_csv(items: &[HandhavingAdres]) -> String {
    let mut out =
        String::from("registratienummer,status,adres,nummeraanduidingIdentificatie,nachten,maximum,bovenMaximum\r\n");
    for i in items {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\r\n",
            csv_field(&i.registratienummer),
            csv_field(&i.status),
            csv_field(&i.adres),
            csv_field(&i.nummeraanduiding_identificatie),
            i.nachten,
            i.maximum,
            i.boven_maximum
        ));
    }
    out
}
