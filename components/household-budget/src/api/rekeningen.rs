//! Bank accounts of citizens and departments (handlers over `app::master_data`).

use super::dto::{NieuweRekening, Rekening, RekeningMetHouders, RekeningWijziging, Rekeningen, RekeningenPagina};
use crate::AppState;
use crate::app::master_data::{self, HolderId};
use crate::domain::iban::Iban;
use actix_web::{HttpResponse, delete, get, post, put, web};
use platform::auth::Principal;
use platform::responses::{BadRequest, Conflict, Forbidden, NotFound, Unauthorized};
use platform::{InvalidParam, Problem, Valid};

/// An IBAN from the path (400 when it is none).
fn iban(s: &str) -> Result<Iban, Problem> {
    Iban::parse(s).map_err(|e| Problem::params_validation(vec![InvalidParam::new("iban", "invalid", e.to_string())]))
}

paged_list! {
    /// The accounts, by IBAN.
    rekeningen: "/rekeningen", tag "rekeningen", "Rekeningen",
    master_data::accounts => RekeningenPagina { rekeningen: Rekening::from }
}

/// An account with the citizens and departments that hold it.
#[utoipa::path(
    tag = "rekeningen",
    params(("iban" = String, Path, description = "IBAN van de rekening")),
    responses((status = 200, description = "De rekening", body = RekeningMetHouders), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/rekeningen/{iban}")]
pub async fn rekening(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let (a, burger_ids, afdeling_ids) = master_data::account(&state, &p, iban(&path)?).await?;
    Ok(HttpResponse::Ok().json(RekeningMetHouders {
        iban: a.iban,
        rekeninghouder: a.rekeninghouder,
        burger_ids,
        afdeling_ids,
    }))
}

/// Change an account's holder name.
#[utoipa::path(
    tag = "rekeningen",
    params(("iban" = String, Path, description = "IBAN van de rekening")),
    request_body = RekeningWijziging,
    responses((status = 200, description = "Gewijzigd", body = Rekening), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[put("/rekeningen/{iban}")]
pub async fn rekening_wijzigen(
    p: Principal,
    path: web::Path<String>,
    body: Valid<RekeningWijziging>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let a = master_data::rename_account(&state, &p, iban(&path)?, body.into_inner().rekeninghouder).await?;
    Ok(HttpResponse::Ok().json(Rekening::from(&a)))
}

/// Remove an account nobody holds (409 otherwise).
#[utoipa::path(
    tag = "rekeningen",
    params(("iban" = String, Path, description = "IBAN van de rekening")),
    responses((status = 204, description = "Verwijderd"), BadRequest, Unauthorized, Forbidden, NotFound, Conflict),
    security(("bearer" = [])),
)]
#[delete("/rekeningen/{iban}")]
pub async fn rekening_verwijderen(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    master_data::delete_account(&state, &p, iban(&path)?).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A citizen's accounts (a budget worker, or the citizen themselves).
#[utoipa::path(
    tag = "rekeningen",
    params(("id" = String, Path, description = "Id van de burger")),
    responses((status = 200, description = "Rekeningen van de burger", body = Rekeningen), BadRequest, Unauthorized, Forbidden, NotFound),
    security(("bearer" = [])),
)]
#[get("/burgers/{id}/rekeningen")]
pub async fn rekeningen_van_burger(
    p: Principal,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, Problem> {
    let rows = master_data::accounts_of_citizen(&state, &p, path.into_inner()).await?;
    Ok(HttpResponse::Ok().json(Rekeningen {
        rekeningen: rows.iter().map(Rekening::from).collect(),
    }))
}

/// Linking and unlinking the accounts of one kind of holder (`POST <holder>/{id}/rekeningen`,
/// `DELETE <holder>/{id}/rekeningen/{iban}`): the same two use cases for citizens and departments.
macro_rules! holder_accounts {
    (
        $holder:path, $id_description:literal,
        $(#[$link_doc:meta])* $link:ident: $link_path:literal,
        $(#[$unlink_doc:meta])* $unlink:ident: $unlink_path:literal $(,)?
    ) => {
        $(#[$link_doc])*
        #[utoipa::path(
            tag = "rekeningen",
            params(("id" = String, Path, description = $id_description)),
            request_body = NieuweRekening,
            responses((status = 201, description = "Gekoppeld", body = Rekening), BadRequest, Unauthorized, Forbidden, NotFound),
            security(("bearer" = [])),
        )]
        #[post($link_path)]
        pub async fn $link(
            p: Principal,
            path: web::Path<String>,
            body: Valid<NieuweRekening>,
            state: web::Data<AppState>,
        ) -> Result<HttpResponse, Problem> {
            let b = body.into_inner();
            let holder = $holder(path.into_inner());
            let a = master_data::link_account(&state, &p, holder, b.iban, b.rekeninghouder).await?;
            Ok(HttpResponse::Created().json(Rekening::from(&a)))
        }

        $(#[$unlink_doc])*
        #[utoipa::path(
            tag = "rekeningen",
            params(
                ("id" = String, Path, description = $id_description),
                ("iban" = String, Path, description = "IBAN van de rekening"),
            ),
            responses((status = 204, description = "Ontkoppeld"), BadRequest, Unauthorized, Forbidden, NotFound),
            security(("bearer" = [])),
        )]
        #[delete($unlink_path)]
        pub async fn $unlink(
            p: Principal,
            path: web::Path<(String, String)>,
            state: web::Data<AppState>,
        ) -> Result<HttpResponse, Problem> {
            let (id, i) = path.into_inner();
            master_data::unlink_account(&state, &p, $holder(id), iban(&i)?).await?;
            Ok(HttpResponse::NoContent().finish())
        }
    };
}

holder_accounts! {
    HolderId::Citizen, "Id van de burger",
    /// Link an account to a citizen (added when the IBAN is new; its holder name updated when
    /// known).
    koppelen_aan_burger: "/burgers/{id}/rekeningen",
    /// Unlink an account from a citizen.
    ontkoppelen_van_burger: "/burgers/{id}/rekeningen/{iban}",
}

holder_accounts! {
    HolderId::Department, "Id van de afdeling",
    /// Link an account to a department: a payment from or to any account of its organisation then
    /// counts for the afspraken with that department.
    koppelen_aan_afdeling: "/afdelingen/{id}/rekeningen",
    /// Unlink an account from a department.
    ontkoppelen_van_afdeling: "/afdelingen/{id}/rekeningen/{iban}",
}
