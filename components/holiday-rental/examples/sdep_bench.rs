//! Benchmark of the SDEP fetch and matching (`bash bench/sdep.sh`): a month of activity data
//! for a city the size of Amsterdam, 400,000 platform stays over 20,000 registration numbers
//! (2% of them numbers no registration has; half the registrations with a reported stay),
//! served by a stand-in SDEP in batches of 10,000 read from files (so its data is not in this
//! process's memory), fetched, stored and matched. Prints the time and the peak memory.
//! Usage: sdep_bench [DATABASE_URL] (default: a new schema in postgres://postgres@127.0.0.1:5432/test).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::print_stdout
)]

use actix_web::{App, HttpResponse, HttpServer, web};
use chrono::{Days, NaiveDate};
use holiday_rental::domain::registration_number::RegistrationNumber;
use holiday_rental::domain::status::RegistrationStatus;
use holiday_rental::store::{self, Registration, Stay};
use platform::{Bsn, Gemeentecode, NummeraanduidingId};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

const NUMBERS: usize = 20_000;
const STAYS: usize = 400_000;
const LIMIT: usize = 10_000;

fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// A nine-digit number that passes the BSN eleven test, near `n * 11`.
fn bsn(n: usize) -> Bsn {
    let mut candidate = 100_000_000u64 + (n as u64) * 11;
    loop {
        if let Ok(b) = Bsn::parse(&candidate.to_string()) {
            return b;
        }
        candidate += 1;
    }
}

#[actix_web::main]
async fn main() {
    let base = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/test".into());
    let url = if base.starts_with("postgres") {
        platform::testing::postgres_schema_url(&base)
    } else {
        base
    };
    let db = platform::db::Database::connect(&url, 8, holiday_rental::MIGRATIONS).unwrap();
    let amsterdam = Gemeentecode::parse("0363").unwrap();
    let now = chrono::Utc::now().naive_utc();
    let month = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();

    // the register: 20,000 registrations, half with a reported stay of 3 nights in the month
    let started = std::time::Instant::now();
    let mut numbers = Vec::with_capacity(NUMBERS);
    let mut registrations = Vec::with_capacity(NUMBERS);
    for i in 0..NUMBERS {
        let number = RegistrationNumber::generate(amsterdam);
        numbers.push(number.to_string());
        registrations.push(Registration {
            id: uuid::Uuid::new_v4().to_string(),
            registratienummer: number,
            nummeraanduiding_id: NummeraanduidingId::parse(&format!("0363200{:09}", i + 1)).unwrap(),
            adresseerbaar_object_id: format!("0363010{:09}", i + 1),
            adres: format!("Benchstraat {}, Amsterdam", i + 1),
            gemeentecode: amsterdam,
            bsn: bsn(i),
            status: RegistrationStatus::Actief,
            reden_intrekking: None,
            aangemaakt_op: now,
            ingetrokken_op: None,
            verblijven_versie: 0,
        });
    }
    for chunk in registrations.chunks(1000) {
        let chunk = chunk.to_vec();
        db.write_transaction(move |c| {
            for (i, r) in chunk.iter().enumerate() {
                store::insert_registration(c, r)?;
                if i.is_multiple_of(2) {
                    store::insert_stay(
                        c,
                        &Stay {
                            id: uuid::Uuid::new_v4().to_string(),
                            registratie_id: r.id.clone(),
                            nummeraanduiding_id: r.nummeraanduiding_id,
                            start_datum: month + Days::new(2),
                            eind_datum: month + Days::new(5),
                            aantal_gasten: 2,
                            gemeld_door: "bench".into(),
                            gemeld_op: now,
                            geannuleerd_op: None,
                            correctie_reden: None,
                            gecorrigeerd_door: None,
                        },
                    )?;
                }
            }
            Ok::<_, platform::Problem>(())
        })
        .await
        .unwrap();
    }
    println!(
        "register: {NUMBERS} registrations seeded in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // the month's activity data in batch files: 20 one-night stays per number over 3 platforms
    let dir = std::env::temp_dir().join(format!("sdep-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let platforms = ["airbnb.com", "booking.com", "vrbo.com"];
    let mut batch = Vec::with_capacity(LIMIT);
    let mut files = 0usize;
    for i in 0..STAYS {
        let n = i % NUMBERS;
        let k = i / NUMBERS;
        // 2% of the numbers are none of the register's
        let number = if n.is_multiple_of(50) {
            format!("{:016X}0363", n + 1)
        } else {
            numbers[n].clone()
        };
        let start = month + Days::new(k as u64);
        batch.push(json!({
            "data": {
                "URL": format!("https://{}/rooms/{n}", platforms[n % 3]),
                "competentAuthorityId_area": "0363",
                "countryOfGuests": ["DEU"],
                "numberOfGuests": 2,
                "registrationNumber": number,
                "temporal": { "startDateTime": format!("{start}T15:00:00Z"), "endDateTime": format!("{}T11:00:00Z", start + Days::new(1)) }
            },
            "metadata": { "platform": platforms[(n + k) % 3], "submissionDate": "2026-08-01T00:00:00Z" }
        }));
        if batch.len() == LIMIT || i + 1 == STAYS {
            std::fs::write(dir.join(format!("{files}.json")), serde_json::to_vec(&batch).unwrap()).unwrap();
            batch.clear();
            files += 1;
        }
    }
    drop(numbers);

    // the stand-in SDEP: hands the batches out queue-wise, then an empty list
    let cursor = Arc::new(AtomicUsize::new(0));
    let bind = platform::testing::free_address();
    let (serve_dir, serve_cursor) = (dir.clone(), cursor.clone());
    let server = HttpServer::new(move || {
        let (d, c) = (serve_dir.clone(), serve_cursor.clone());
        App::new()
            .route(
                "/oauth/token",
                web::post()
                    .to(|| async { HttpResponse::Ok().json(json!({ "access_token": "t", "expires_in": 3600 })) }),
            )
            .route(
                "/api/v0/ca/activity-data",
                web::get().to(move || {
                    let (d, c) = (d.clone(), c.clone());
                    async move {
                        let i = c.fetch_add(1, Ordering::SeqCst);
                        let body = std::fs::read(d.join(format!("{i}.json"))).unwrap_or_else(|_| b"[]".to_vec());
                        HttpResponse::Ok().content_type("application/json").body(body)
                    }
                }),
            )
            .route(
                "/api/v0/ca/listings",
                web::get().to(|| async { HttpResponse::Ok().json(json!([])) }),
            )
    })
    .workers(1)
    .bind(&bind)
    .unwrap()
    .run();
    actix_web::rt::spawn(server);

    let state = holiday_rental::AppState {
        platform: platform::component::Platform::new(
            db.clone(),
            platform::audit::AuditLog::start(db.clone(), Some(platform::testing::audit_keys())),
            Arc::new(platform::auth::Authenticator::new(Vec::new(), 60, None)),
        ),
        rules: Arc::new(
            holiday_rental::domain::rules::Rules::parse(holiday_rental::domain::rules::DEFAULT_RULES).unwrap(),
        ),
        registry: platform::registry::RegistryClient::new(
            "http://127.0.0.1:9",
            "bench",
            "bench",
            "bench",
            std::time::Duration::from_secs(1),
        )
        .unwrap(),
        rate_limit: holiday_rental::store::rate_limit::RateLimiter::per_minute(10),
        clients: Arc::new(platform::auth::ClientSettings::load(&[]).unwrap()),
        report_grace_days: 0,
        sdep: Some(Arc::new(
            holiday_rental::sdep::Sdep::new(holiday_rental::sdep::SdepConfig {
                base_url: format!("http://{bind}/api/v0"),
                token_url: format!("http://{bind}/oauth/token"),
                client_id: "bench".into(),
                client_secret: "bench".into(),
                audience: "https://str.eu".into(),
                timeout: std::time::Duration::from_secs(60),
                limit: LIMIT as u32,
            })
            .unwrap(),
        )),
        sdep_gemeente: Some(amsterdam),
        sdep_feed: Arc::new(holiday_rental::app::platform_data::Feed::default()),
        area: None,
    };
    let rss_before = status_kb("VmRSS:");
    let started = std::time::Instant::now();
    let done = holiday_rental::app::platform_data::fetch(&state).await.unwrap();
    let took = started.elapsed().as_secs_f64();
    let peak = status_kb("VmHWM:");
    println!(
        "fetch and match: {} stays in {} batches, {} new stays, {} signals, in {took:.1} s ({:.0} stays/s)",
        STAYS,
        files,
        done.new_stays,
        done.new_signals,
        STAYS as f64 / took
    );
    println!(
        "memory: peak RSS {} MB (before the fetch {} MB; the register seeding and the generator are in it)",
        peak / 1024,
        rss_before / 1024
    );
    let again = std::time::Instant::now();
    cursor.store(0, Ordering::SeqCst);
    let twice = holiday_rental::app::platform_data::fetch(&state).await.unwrap();
    println!(
        "the same month again: {} new stays, {} new signals, in {:.1} s",
        twice.new_stays,
        twice.new_signals,
        again.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
