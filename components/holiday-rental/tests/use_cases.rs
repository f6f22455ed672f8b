//! The use cases called directly, without HTTP: the same rules as over the API, on both
//! databases. The registry proxy runs in-process on its mock backend (common::proxy_url).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use holiday_rental::app::{enforcement, registrations, stays};
use holiday_rental::domain::stays::Period;
use holiday_rental::error::Error;
use platform::NummeraanduidingId;
use platform::auth::{Authenticator, Claims};

const JAN: &str = "999990019";
const FATIMA: &str = "999990032";
const KEIZERSGRACHT: &str = "0363200000123456";

async fn principal(st: &holiday_rental::AppState, client: &str, bsn: Option<&str>) -> holiday_rental::app::Caller {
    let auth = Authenticator::new(clients(), 60, None);
    let t = token_with(
        client,
        Claims {
            bsn: bsn.map(str::to_string),
            ..Default::default()
        },
    );
    st.caller(auth.authenticate(t.trim_start_matches("Bearer ")).await.unwrap())
}

/// Jan (through the portal) and the registration he applied for at the Keizersgracht.
async fn jan_registered(
    st: &holiday_rental::AppState,
) -> (holiday_rental::app::Caller, holiday_rental::store::Registration) {
    let jan = principal(st, "portaal", Some(JAN)).await;
    let reg = registrations::apply(st, &jan, NummeraanduidingId::parse(KEIZERSGRACHT).unwrap())
        .await
        .unwrap();
    (jan, reg)
}

fn period(a: &str, b: &str) -> Period {
    Period {
        start: a.parse().unwrap(),
        end: b.parse().unwrap(),
    }
}

#[actix_web::test]
async fn apply_report_and_enforce_without_http() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let (jan, fatima, gem) = (
            principal(&st, "portaal", Some(JAN)).await,
            principal(&st, "portaal", Some(FATIMA)).await,
            principal(&st, "handhaving-0363", None).await,
        );
        let address = NummeraanduidingId::parse(KEIZERSGRACHT).unwrap();
        let reg = registrations::apply(&st, &jan, address).await.unwrap();

        // a second application: 409, linked for the holder only
        match registrations::apply(&st, &jan, address).await {
            Err(Error::AlreadyRegistered { own: Some(n) }) => assert_eq!(n, reg.registratienummer, "{db}"),
            other => panic!("{db}: {other:?}"),
        }
        match registrations::apply(&st, &fatima, address).await {
            Err(Error::AlreadyRegistered { own: None }) => {}
            other => panic!("{db}: {other:?}"),
        }

        // 26 nights under Jan's registration, then withdrawal; 3 more under Fatima's
        for (a, b) in [("2026-03-01", "2026-03-15"), ("2026-04-01", "2026-04-13")] {
            stays::report(
                &st,
                &jan,
                reg.registratienummer,
                stays::Report {
                    period: period(a, b),
                    guests: 2,
                },
            )
            .await
            .unwrap();
        }
        registrations::withdraw(&st, &gem, reg.registratienummer, "verhuisd".into())
            .await
            .unwrap();
        assert!(matches!(
            registrations::withdraw(&st, &gem, reg.registratienummer, "nogmaals".into()).await,
            Err(Error::AlreadyWithdrawn)
        ));
        let second = registrations::apply(&st, &fatima, address).await.unwrap();
        stays::report(
            &st,
            &fatima,
            second.registratienummer,
            stays::Report {
                period: period("2026-05-01", "2026-05-04"),
                guests: 1,
            },
        )
        .await
        .unwrap();

        // the enforcement list aggregates the address over both registrations (29 of 30 nights,
        // within the threshold of 5) and shows the newest registration
        let page = enforcement::addresses(&st, &gem, 2026, 0, 10).await.unwrap();
        assert_eq!(page.total, 1, "{db}");
        let a = &page.addresses[0];
        assert_eq!((a.nachten, a.registratienummer), (29, second.registratienummer), "{db}");
        assert_eq!(page.max, 30);
        // nothing in 2027; another municipality's inspector sees nothing
        assert_eq!(
            enforcement::addresses(&st, &gem, 2027, 0, 10).await.unwrap().total,
            0,
            "{db}"
        );
        let other = principal(&st, "handhaving-0344", None).await;
        assert_eq!(
            enforcement::addresses(&st, &other, 2026, 0, 10).await.unwrap().total,
            0,
            "{db}"
        );
    }
}

/// The enforcement list is ordered, thresholded and paged in SQL.
#[actix_web::test]
async fn enforcement_pages_in_sql() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        // rows written straight to the store: 12 addresses with 20..31 nights in 2026, one stay
        // crossing New Year (3 nights in 2026) at the 31-night address
        st.db
            .write_transaction(|c| {
                use holiday_rental::domain::registration_number::RegistrationNumber;
                use holiday_rental::domain::status::RegistrationStatus;
                use holiday_rental::store::{self, Registration, Stay};
                for i in 0..12u32 {
                    let address = NummeraanduidingId::parse(&format!("03632000000{:05}", i + 100)).unwrap();
                    let reg = Registration {
                        id: format!("r{i}"),
                        registratienummer: RegistrationNumber::parse(&format!("AAAAAAAAAAAA{:04X}0363", i)).unwrap(),
                        nummeraanduiding_id: address,
                        adresseerbaar_object_id: String::new(),
                        adres: format!("Straat {i}"),
                        gemeentecode: platform::Gemeentecode::parse("0363").unwrap(),
                        bsn: platform::Bsn::parse(JAN).unwrap(),
                        status: RegistrationStatus::Actief,
                        reden_intrekking: None,
                        aangemaakt_op: chrono::NaiveDateTime::default(),
                        ingetrokken_op: None,
                        verblijven_versie: 0,
                    };
                    store::insert_registration(c, &reg)?;
                    let nights = 20 + i64::from(i);
                    let (start, end) = if i == 11 {
                        ("2026-12-29".parse().unwrap(), "2027-01-02".parse().unwrap())
                    } else {
                        (
                            "2026-02-01".parse().unwrap(),
                            "2026-02-01".parse::<chrono::NaiveDate>().unwrap() + chrono::Days::new(nights as u64),
                        )
                    };
                    let mk = |id: String, start, end| Stay {
                        id,
                        registratie_id: reg.id.clone(),
                        nummeraanduiding_id: address,
                        start_datum: start,
                        eind_datum: end,
                        aantal_gasten: 1,
                        gemeld_door: "test".into(),
                        gemeld_op: chrono::NaiveDateTime::default(),
                        geannuleerd_op: None,
                        correctie_reden: None,
                        gecorrigeerd_door: None,
                    };
                    store::insert_stay(c, &mk(format!("s{i}"), start, end))?;
                    if i == 11 {
                        // 28 more nights earlier in the year: 31 in 2026
                        store::insert_stay(
                            c,
                            &mk(
                                "s11b".into(),
                                "2026-06-01".parse().unwrap(),
                                "2026-06-29".parse().unwrap(),
                            ),
                        )?;
                    }
                }
                Ok::<_, platform::db::DbError>(())
            })
            .await
            .unwrap();
        let gem = principal(&st, "handhaving-0363", None).await;
        let direct = st
            .db
            .run(|c| {
                holiday_rental::store::addresses_by_nights(
                    c,
                    platform::Gemeentecode::parse("0363").unwrap(),
                    2026,
                    25,
                    0,
                    100,
                )
            })
            .await;
        assert!(direct.is_ok(), "{db}: {direct:?}");
        // threshold: 30 - 5 = 25 nights and up: 25..=30 and the 31
        let all = enforcement::addresses(&st, &gem, 2026, 0, 100).await.unwrap();
        let nights: Vec<i64> = all.addresses.iter().map(|a| a.nachten).collect();
        assert_eq!(nights, vec![31, 30, 29, 28, 27, 26, 25], "{db}");
        assert_eq!(all.total, 7);
        let page2 = enforcement::addresses(&st, &gem, 2026, 3, 3).await.unwrap();
        assert_eq!(
            page2.addresses.iter().map(|a| a.nachten).collect::<Vec<_>>(),
            vec![28, 27, 26],
            "{db}"
        );
        assert_eq!(page2.total, 7);
        // the New Year stay counts 1 night in 2027
        let next = enforcement::addresses(&st, &gem, 2027, 0, 100).await.unwrap();
        assert_eq!(next.total, 0, "{db}: 1 night is far from the cap");
    }
}

/// An optimistic report stores its stay only when nothing was stored under the registration
/// since it was read, and never on a withdrawn registration; the loser writes nothing.
#[actix_web::test]
async fn a_stay_is_stored_only_against_the_version_it_was_checked_on() {
    use holiday_rental::store::{self, Stay};
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let (_, reg) = jan_registered(&st).await;
        let (reg_id, number) = (reg.id.clone(), reg.registratienummer);
        let stay = move |id: &str| Stay {
            id: id.into(),
            registratie_id: reg_id.clone(),
            nummeraanduiding_id: reg.nummeraanduiding_id,
            start_datum: "2026-05-01".parse().unwrap(),
            eind_datum: "2026-05-02".parse().unwrap(),
            aantal_gasten: 1,
            gemeld_door: "test".into(),
            gemeld_op: chrono::NaiveDateTime::default(),
            geannuleerd_op: None,
            correctie_reden: None,
            gecorrigeerd_door: None,
        };
        let (dbh, mk) = (st.db.clone(), stay.clone());
        let (read, first, stale, after) = st
            .db
            .run(move |c| {
                let stay = mk;
                let (read, _) = store::with_live_stays(c, &number)?.unwrap();
                let first = dbh.write_transaction_on(c, |c| store::claim_and_insert_stay(c, &read, &stay("a")))?;
                // a second report checked against the same (now old) version loses
                let stale = dbh.write_transaction_on(c, |c| store::claim_and_insert_stay(c, &read, &stay("b")))?;
                let (after, stays) = store::with_live_stays(c, &number)?.unwrap();
                assert_eq!(stays.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), vec!["a"]);
                Ok::<_, platform::db::DbError>((read, first, stale, after))
            })
            .await
            .unwrap();
        assert!(first && !stale, "{db}");
        assert_eq!((read.verblijven_versie, after.verblijven_versie), (0, 1), "{db}");

        // withdrawn meanwhile: nothing is stored, even against the current version
        let gem = principal(&st, "handhaving-0363", None).await;
        registrations::withdraw(&st, &gem, after.registratienummer, "test".into())
            .await
            .unwrap();
        let dbh = st.db.clone();
        let stored = st
            .db
            .run(move |c| dbh.write_transaction_on(c, |c| store::claim_and_insert_stay(c, &after, &stay("c"))))
            .await
            .unwrap();
        assert!(!stored, "{db}");
    }
}

/// The contended path (the registration locked) applies the same rules as the optimistic one.
#[actix_web::test]
async fn the_locked_report_path_checks_and_stores() {
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let (jan, reg) = jan_registered(&st).await;
        let (rules, now) = (st.rules.clone(), st.when());
        let tx = |from: String, to: String| {
            let (who, number, rules) = (jan.clone(), reg.registratienummer, rules.clone());
            st.db.write_transaction(move |c| {
                let report = stays::Report {
                    period: period(&from, &to),
                    guests: 2,
                };
                stays::report_tx(c, context(&who, &number, &report, &rules, now), &|_, _, _| Ok(()))
            })
        };
        let next = chrono::Datelike::year(&now.today) + 1;
        let (_, stored) = tx(format!("{next}-03-01"), format!("{next}-03-20")).await.unwrap();
        assert!(matches!(stored, stays::Reported::New(_)), "{db}");
        assert_eq!(stored.stay().registratie_id, reg.id, "{db}");
        // 19 + 12 nights passes the cap of 30
        match tx(format!("{next}-04-01"), format!("{next}-04-13")).await {
            Err(Error::Refused(r)) => assert_eq!(r.code(), "maximumNachtenOverschreden", "{db}"),
            other => panic!("{db}: {other:?}"),
        }
    }
}

/// A stay stored on the locked path moves the version too: an optimistic report checked before
/// it can no longer be stored (this interleaving let 31 of 40 parallel one-night reports through
/// a cap of 30 before it did).
#[actix_web::test]
async fn the_locked_path_moves_the_version_for_optimistic_reports() {
    use holiday_rental::store;
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let (jan, reg) = jan_registered(&st).await;
        let (rules, now, dbh, number) = (st.rules.clone(), st.when(), st.db.clone(), reg.registratienummer);
        let next = chrono::Datelike::year(&now.today) + 1;
        let stored_late = st
            .db
            .run(move |c| {
                // an optimistic report reads and checks ...
                let (read, _) = store::with_live_stays(c, &number)?.unwrap();
                let report = |from: String, to: String| stays::Report {
                    period: period(&from, &to),
                    guests: 1,
                };
                let first = report(format!("{next}-05-01"), format!("{next}-05-02"));
                let stays::Reported::New(checked) =
                    stays::decide_report(context(&jan, &number, &first, &rules, now), &read, &[]).unwrap()
                else {
                    panic!("{db}: a new stay");
                };
                // ... meanwhile the locked path stores another stay ...
                dbh.write_transaction_on(c, |c| {
                    let second = report(format!("{next}-06-01"), format!("{next}-06-02"));
                    stays::report_tx(c, context(&jan, &number, &second, &rules, now), &|_, _, _| Ok(()))
                })
                .unwrap();
                // ... so the optimistic one must read and check again
                dbh.write_transaction_on(c, |c| store::claim_and_insert_stay(c, &read, &checked))
            })
            .await
            .unwrap();
        assert!(!stored_late, "{db}");
    }
}

/// A stay and its audit record are stored together or not at all: when the record cannot be
/// written, the report fails and no stay is left behind (it used to be stored, and answered
/// with a 503).
#[actix_web::test]
async fn a_stay_is_not_stored_without_its_audit_record() {
    use diesel::RunQueryDsl;
    use holiday_rental::store;
    for (db, url) in platform::testing::database_urls() {
        let st = state(&url);
        let (jan, reg) = jan_registered(&st).await;
        let next = chrono::Datelike::year(&st.now().date()) + 1;
        let report = |from: String, to: String| stays::Report {
            period: period(&from, &to),
            guests: 2,
        };
        // the audit log can no longer be written
        st.db
            .run(|c| {
                diesel::sql_query("ALTER TABLE audit_pending RENAME TO audit_pending_weg").execute(c)?;
                Ok::<_, platform::db::DbError>(())
            })
            .await
            .unwrap();
        let outcome = stays::report(
            &st,
            &jan,
            reg.registratienummer,
            report(format!("{next}-03-01"), format!("{next}-03-05")),
        )
        .await;
        assert!(outcome.is_err(), "{db}: {outcome:?}");
        let number = reg.registratienummer;
        let (_, live) = st
            .db
            .run(move |c| Ok::<_, platform::db::DbError>(store::with_live_stays(c, &number)?.unwrap()))
            .await
            .unwrap();
        assert!(live.is_empty(), "{db}: a stay without its record: {live:?}");
    }
}

/// `caller`'s report of a stay for registration `number` under `rules` at `now`, without grace
/// days.
fn context<'a>(
    caller: &'a holiday_rental::app::Caller,
    number: &'a holiday_rental::domain::registration_number::RegistrationNumber,
    report: &'a stays::Report,
    rules: &'a holiday_rental::domain::rules::Rules,
    now: stays::Now,
) -> stays::ReportContext<'a> {
    stays::ReportContext {
        caller,
        number,
        report,
        rules,
        grace_days: 0,
        now,
    }
}
