//! Audit completeness across the suite: a scripted, seeded mix of 1,000 requests over the
//! components that hold personal data (the registry proxy, holiday-rental, household-budget),
//! then each component's audit log read straight from its database: per action exactly as many
//! records as the mix delivered or changed personal data (a BRP answer: one record per person
//! delivered and per BSN asked but not found), none for refusals or for public data (BAG,
//! the platform check); every chain verifies; and a record altered or deleted is named by the
//! verification. (The catalogue holds no personal data.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use diesel::prelude::*;
use platform::audit::{AuditKeys, audit_log};
use platform::db::{Database, DbConnection};
use serde_json::json;
use std::collections::BTreeMap;

/// Records per (component, action, outcome).
type Counts = BTreeMap<(String, String, String), i64>;

/// The components with personal data, with the variable of their database.
const COMPONENTS: [(&str, &str); 3] = [
    ("registry-proxy", "REGISTRY_PROXY_DATABASE_URL"),
    ("holiday-rental", "HOLIDAY_RENTAL_DATABASE_URL"),
    ("household-budget", "HOUSEHOLD_BUDGET_DATABASE_URL"),
];

/// Each component's database: a SQLite file, or with TEST_DATABASE_URL a PostgreSQL schema.
struct Databases {
    urls: BTreeMap<&'static str, platform::testing::TestUrl>,
}

impl Databases {
    fn new(backend: &str) -> Self {
        let urls = COMPONENTS
            .iter()
            .map(|(c, _)| {
                let url = if backend == "postgres" {
                    platform::testing::postgres_schema(&platform::testing::postgres_base_url())
                } else {
                    platform::testing::sqlite_database()
                };
                (*c, url)
            })
            .collect();
        Databases { urls }
    }

    fn open(&self, component: &str) -> Database {
        Database::connect(&self.urls[component], 1, &[&platform::audit::MIGRATIONS]).unwrap()
    }

    fn env(&self) -> Vec<(&'static str, String)> {
        COMPONENTS
            .iter()
            .map(|(c, var)| (*var, self.urls[c].to_string()))
            .collect()
    }
}

fn counts(dbs: &Databases) -> Counts {
    let mut all = Counts::new();
    for (component, _) in COMPONENTS {
        let db = dbs.open(component);
        let mut conn = db.conn().unwrap();
        let rows: Vec<(String, String)> = audit_log::table
            .select((audit_log::action, audit_log::outcome))
            .load(&mut *conn)
            .unwrap();
        for (action, outcome) in rows {
            *all.entry((component.into(), action, outcome)).or_default() += 1;
        }
    }
    all
}

/// A small deterministic generator, so that the mix is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

const PEOPLE: [&str; 6] = [
    "999990019",
    "999990032",
    "999990044",
    "999990068",
    "999990056",
    "123456782",
];

#[actix_web::test]
async fn every_delivery_of_personal_data_has_one_record_and_tampering_is_named() {
    let mut backends = vec!["sqlite"];
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|v| !v.trim().is_empty()) {
        backends.push("postgres");
    }
    for backend in backends {
        mix_and_verify(backend).await;
    }
}

async fn mix_and_verify(backend: &str) {
    let dbs = Databases::new(backend);
    let data = temp_dir("audit");
    let clients = data.join("clients.toml");
    write_clients(&clients);
    let mut suite = Suite::start_with(
        &data,
        free_ports(),
        true,
        &[
            [
                ("GRONDWERK_CLIENTS", clients.to_str().unwrap()),
                ("PLATFORM_CHECK_PER_MINUTE", "100000"),
            ]
            .as_slice(),
            &dbs.env().iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(),
        ]
        .concat(),
    );
    let proxy = suite.url("REGISTRY_PROXY_PORT");
    let rental = format!("{}/api/v1", suite.url("HOLIDAY_RENTAL_PORT"));
    let budget = format!("{}/api/v1", suite.url("HOUSEHOLD_BUDGET_PORT"));
    let brp = suite.token("demo", None);
    let jan = suite.token("burgerportaal", Some("999990019"));
    let platform = suite.token("platform-demo", None);
    let team = suite.token("budgetbeheer", None);
    let anna_herself = suite.token("budgetportaal", Some("999990068"));
    let nr = suite.demo_registrations()[0].clone();
    let (_, _, citizens) = answer(HTTP.get(format!("{budget}/burgers")).bearer_auth(&team)).await;
    let anna = citizens["burgers"][0]["id"].as_str().unwrap().to_string();
    let (status, _, other) = answer(
        HTTP.post(format!("{budget}/burgers"))
            .bearer_auth(&team)
            .json(&json!({ "burgerservicenummer": "999990032", "voornamen": "Fatima", "achternaam": "El Amrani" })),
    )
    .await;
    assert_eq!(status, 201, "{other}");
    let other = other["id"].as_str().unwrap().to_string();
    let (_, _, afspraken) = answer(
        HTTP.get(format!("{budget}/burgers/{anna}/afspraken"))
            .bearer_auth(&team),
    )
    .await;
    let afspraak = afspraken["afspraken"][0]["id"].as_str().unwrap().to_string();
    let year = chrono::Utc::now().format("%Y").to_string();

    let before = counts(&dbs);
    let mut expected = Counts::new();
    let mut expect = |component: &str, action: &str, outcome: &str, n: i64| {
        *expected
            .entry((component.into(), action.into(), outcome.into()))
            .or_default() += n;
    };
    let mut rng = Lcg(20_261_201);
    for i in 0..1000 {
        let kind = rng.below(100);
        match kind {
            // the BRP: one to three people, some not in the register
            0..=19 => {
                let asked: Vec<&str> = (0..=rng.below(3)).map(|_| PEOPLE[rng.below(6) as usize]).collect();
                let mut unique = asked.clone();
                unique.sort_unstable();
                unique.dedup();
                let (status, _, body) = answer(
                    HTTP.post(format!("{proxy}/haalcentraal/api/brp/personen"))
                        .bearer_auth(&brp)
                        .json(
                            &json!({ "type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": asked,
                                       "fields": ["naam", "burgerservicenummer"] }),
                        ),
                )
                .await;
                assert_eq!(status, 200, "request {i}: {body}");
                let delivered = body["personen"].as_array().unwrap().len() as i64;
                expect("registry-proxy", "brp.personen.bevragen", "geleverd", delivered);
                expect(
                    "registry-proxy",
                    "brp.personen.bevragen",
                    "nietGevonden",
                    unique.len() as i64 - delivered,
                );
            }
            // the BAG: public data, no records
            20..=29 => {
                let (status, _, _) = answer(
                    HTTP.get(format!(
                        "{proxy}/lvbag/individuelebevragingen/v2/adressen/0363200000123456"
                    ))
                    .bearer_auth(&brp),
                )
                .await;
                assert_eq!(status, 200, "request {i}");
            }
            // Jan reads his registration, its stays and its nights: one record each
            30..=54 => {
                let (path, action) = match i {
                    30..=39 => (format!("/registraties/{nr}"), "vakantieverhuur.registratie.raadplegen"),
                    40..=49 => (
                        format!("/registraties/{nr}/verblijven"),
                        "vakantieverhuur.verblijven.raadplegen",
                    ),
                    _ => (
                        format!("/registraties/{nr}/nachten?jaar={year}"),
                        "vakantieverhuur.nachten.raadplegen",
                    ),
                };
                let (status, _, _) = answer(HTTP.get(format!("{rental}{path}")).bearer_auth(&jan)).await;
                assert_eq!(status, 200, "request {i}");
                expect("holiday-rental", action, "uitgevoerd", 1);
            }
            // the platform check: whether a number is valid, no personal data
            55..=64 => {
                let (status, _, _) = answer(
                    HTTP.get(format!("{rental}/registratienummers/{nr}"))
                        .bearer_auth(&platform),
                )
                .await;
                assert_eq!(status, 200, "request {i}");
            }
            65..=74 => {
                let (status, _, _) = answer(HTTP.get(format!("{budget}/burgers/{anna}")).bearer_auth(&team)).await;
                assert_eq!(status, 200, "request {i}");
                expect("household-budget", "huishoudboekje.burger.raadplegen", "uitgevoerd", 1);
            }
            // a citizen reads her own record, the team an afspraak: one record each
            75..=84 => {
                let (path, token, action) = match i {
                    75..=79 => (
                        format!("/burgers/{anna}"),
                        &anna_herself,
                        "huishoudboekje.burger.raadplegen",
                    ),
                    _ => (
                        format!("/afspraken/{afspraak}"),
                        &team,
                        "huishoudboekje.afspraak.raadplegen",
                    ),
                };
                let (status, _, _) = answer(HTTP.get(format!("{budget}{path}")).bearer_auth(token)).await;
                assert_eq!(status, 200, "request {i}");
                expect("household-budget", action, "uitgevoerd", 1);
            }
            85..=89 => {
                let (status, _, _) = answer(
                    HTTP.post(format!("{budget}/huishoudens"))
                        .bearer_auth(&team)
                        .json(&json!({ "naam": format!("Huishouden {i}") })),
                )
                .await;
                assert_eq!(status, 201, "request {i}");
                expect(
                    "household-budget",
                    "huishoudboekje.huishouden.aanmaken",
                    "uitgevoerd",
                    1,
                );
            }
            // refusals leave no record: a forged token, another citizen's data
            90..=94 => {
                let (status, _, _) = answer(
                    HTTP.get(format!("{budget}/burgers/{anna}"))
                        .bearer_auth(format!("{team}x")),
                )
                .await;
                assert_eq!(status, 401, "request {i}");
            }
            _ => {
                let (status, _, _) =
                    answer(HTTP.get(format!("{budget}/burgers/{other}")).bearer_auth(&anna_herself)).await;
                assert_eq!(status, 404, "request {i}");
            }
        }
    }
    let after = counts(&dbs);
    let mut grown = Counts::new();
    for (key, n) in &after {
        let d = n - before.get(key).copied().unwrap_or(0);
        if d != 0 {
            grown.insert(key.clone(), d);
        }
    }
    expected.retain(|_, n| *n != 0);
    assert_eq!(
        grown, expected,
        "{backend}: audit records per action against the deliveries of the mix"
    );
    let deliveries: i64 = expected.values().sum();
    println!("{backend}: 1,000 requests, {deliveries} records:");
    for ((component, action, outcome), n) in &expected {
        println!("  {component} {action} {outcome}: {n}");
    }

    // every chain verifies; then one record altered, another deleted: each named
    assert!(suite.interrupt().success());
    let keys = AuditKeys::parse(std::fs::read_to_string(data.join("audit-keys")).unwrap().trim()).unwrap();
    let verify = |conn: &mut DbConnection| platform::audit::verify(conn, &keys).unwrap();
    // the chain's first fault is record `seq`, of kind `kind`
    let assert_fault = |conn: &mut DbConnection, seq: i64, kind: &str| {
        let report = verify(conn);
        let fault = report.fout.as_ref().unwrap();
        assert_eq!(
            (fault.volgnummer, fault.soort.as_str()),
            (seq, kind),
            "{backend}: {report:?}"
        );
    };
    for (component, _) in COMPONENTS {
        let db = dbs.open(component);
        let mut conn = db.conn().unwrap();
        let total: i64 = after.iter().filter(|((c, ..), _)| c == component).map(|(_, n)| n).sum();
        let report = verify(&mut conn);
        assert!(report.geldig, "{backend} {component}: {report:?}");
        assert_eq!(report.aantal_records, total, "{backend} {component}");
    }
    // the triggers refuse changes to the log: first the refusal, then an administrator who
    // drops them, as someone with the database's keys could
    let db = dbs.open("household-budget");
    let mut conn = db.conn().unwrap();
    let refused = diesel::update(audit_log::table.filter(audit_log::seq.eq(1)))
        .set(audit_log::client_id.eq("iemand-anders"))
        .execute(&mut *conn);
    assert!(
        refused.is_err_and(|e| e.to_string().contains("append-only")),
        "{backend}: the log refuses changes"
    );
    let drop_guards = if backend == "postgres" {
        "DROP TRIGGER audit_log_no_change ON audit_log;"
    } else {
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
    };
    diesel::connection::SimpleConnection::batch_execute(&mut *conn, drop_guards).unwrap();
    let middle: i64 = audit_log::table
        .select(diesel::dsl::max(audit_log::seq))
        .first::<Option<i64>>(&mut *conn)
        .unwrap()
        .unwrap()
        / 2;
    diesel::update(audit_log::table.filter(audit_log::seq.eq(middle)))
        .set(audit_log::client_id.eq("iemand-anders"))
        .execute(&mut *conn)
        .unwrap();
    assert_fault(&mut conn, middle, "gewijzigd");

    let db = dbs.open("registry-proxy");
    let mut conn = db.conn().unwrap();
    diesel::connection::SimpleConnection::batch_execute(&mut *conn, drop_guards).unwrap();
    diesel::delete(audit_log::table.filter(audit_log::seq.eq(7)))
        .execute(&mut *conn)
        .unwrap();
    assert_fault(&mut conn, 7, "ontbreekt");
}
