//! The transactions of the municipality's accounts, with their bookings.

use super::{SCOPE_LEZEN, record};
use crate::AppState;
use crate::error::Error;
use crate::store::{self, BookedTransaction};
use platform::auth::Principal;

/// One page of transactions, newest first; `only_unbooked` for the work list.
pub async fn list(
    state: &AppState,
    caller: &Principal,
    only_unbooked: bool,
    offset: i64,
    limit: i64,
) -> Result<(Vec<BookedTransaction>, i64), Error> {
    caller.require_scope(SCOPE_LEZEN)?;
    let (rows, total) = state
        .db
        .run(move |c| store::transactions(c, only_unbooked, offset, limit))
        .await?;
    record(
        state,
        caller,
        "huishoudboekje.transacties.raadplegen",
        "transacties",
        "lijst",
        serde_json::json!({ "transacties": rows.iter().map(|(t, _)| t.id.clone()).collect::<Vec<_>>() }),
    )
    .await?;
    Ok((rows, total))
}
