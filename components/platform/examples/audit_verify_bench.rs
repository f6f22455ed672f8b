//! Benchmark (not a test): fills an audit log with N records through the group-commit writer,
//! then times the full verification (`audit verify`) and the one from the newest checkpoint
//! (the verification endpoint).
//!
//! `cargo run --release -p platform --features testing --example audit_verify_bench -- [N] [DATABASE_URL]`

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use platform::audit::{self, AuditEntry, AuditLog};
use platform::db::Database;
use std::time::Instant;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(337_720);
    let url = args.get(1).cloned().unwrap_or_else(platform::testing::sqlite_url);
    actix_web::rt::System::new().block_on(async move {
        let db = Database::connect(&url, 4, &[&audit::MIGRATIONS]).map_err(|e| e.to_string())?;
        let keys = platform::testing::audit_keys();
        let log = AuditLog::start(db.clone(), Some(keys.clone()));
        let start = Instant::now();
        let mut pending = Vec::new();
        for i in 0..n {
            let entry = AuditEntry {
                client_id: "bench".into(),
                user_id: Some("medewerker-1".into()),
                purpose: Some("benchmark".into()),
                action: "brp.personen.bevragen".into(),
                object_type: "persoon".into(),
                object_id: None,
                details: serde_json::json!({ "zoekType": "RaadpleegMetBurgerservicenummer", "fields": ["naam"] }),
                outcome: "geleverd".into(),
                processing: Some(platform::ldv::Processing::of(
                    &platform::ldv::Trace::start(),
                    "processing_activities/89608644-c4e5-4eb2-b41b-f007e6d61147/versions/1",
                    Some(platform::ldv::DataSubject::of(
                        platform::ldv::SUBJECT_TYPE_BSN,
                        &format!("{:09}", 100_000_000 + i),
                    )),
                    platform::ldv::StatusCode::Ok,
                )),
            };
            let log = log.clone();
            pending.push(actix_web::rt::spawn(async move { log.record(vec![entry]).await }));
            if pending.len() == 2048 {
                for p in pending.drain(..) {
                    p.await.map_err(|e| e.to_string())?.map_err(|e| format!("{e:?}"))?;
                }
            }
        }
        for p in pending {
            p.await.map_err(|e| e.to_string())?.map_err(|e| format!("{e:?}"))?;
        }
        println!("filled {n} records in {:.1} s", start.elapsed().as_secs_f64());
        let k = keys.clone();
        let t = Instant::now();
        let full = db
            .run(move |c| audit::verify(c, &k))
            .await
            .map_err(|e: platform::db::DbError| e.to_string())?;
        println!("full verification: {:.3} s, {full:?}", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let recent = db
            .run(move |c| audit::verify_from_checkpoint(c, &keys))
            .await
            .map_err(|e: platform::db::DbError| e.to_string())?;
        println!(
            "from the newest checkpoint: {:.4} s, {recent:?}",
            t.elapsed().as_secs_f64()
        );
        Ok(())
    })
}
