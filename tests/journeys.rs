//! End to end: the `grondwerk` binary itself, on free ports with its own data folder, walked
//! over real HTTP as its users would: the start with demo data, a restart on the same data,
//! a port that is taken, Ctrl-C; and the journeys of a citizen, a booking platform, an
//! inspector, a privacy officer, a budget worker and a supplier browsing the catalogue.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::*;
use serde_json::{Value, json};

async fn get(url: String, token: &str) -> (u16, Value) {
    let resp = reqwest::Client::new().get(url).bearer_auth(token).send().await.unwrap();
    (resp.status().as_u16(), resp.json().await.unwrap_or(Value::Null))
}

async fn post(url: String, token: &str, body: Value) -> (u16, Value) {
    let resp = reqwest::Client::new()
        .post(url)
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    (resp.status().as_u16(), resp.json().await.unwrap_or(Value::Null))
}

/// Open Zaak in the catalogue, whole.
async fn open_zaak(catalog: &str) -> Value {
    let page: Value = reqwest::get(format!("{catalog}/api/v1/componenten?zoek=open+zaak"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = page["componenten"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{page}"));
    reqwest::get(format!("{catalog}/api/v1/componenten/{id}"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[actix_web::test]
async fn the_suite_starts_with_demo_data_restarts_on_it_and_stops_on_ctrl_c() {
    let data = temp_dir("demo");
    let mut suite = Suite::start(&data, true);
    for v in PORT_VARIABLES {
        assert!(suite.welcome.contains(&suite.url(v)), "{v} in:\n{}", suite.welcome);
    }
    assert!(suite.welcome.contains("/api/v1/docs/"), "Swagger UI links");
    assert!(
        suite
            .welcome
            .contains("curl -H \"Authorization: Bearer $(cargo run -q -- token"),
        "curls to paste"
    );
    let demo_line = suite
        .welcome
        .lines()
        .find(|l| l.trim_start().starts_with("demo data"))
        .unwrap();
    assert!(demo_line.contains("3 bookings"), "{demo_line}");
    let numbers = suite.demo_registrations();
    assert_eq!(numbers.len(), 4, "{demo_line}");
    let rental = suite.url("HOLIDAY_RENTAL_PORT");
    let platform = suite.token("platform-demo", None);
    for nr in &numbers {
        let (status, check) = get(format!("{rental}/api/v1/registratienummers/{nr}"), &platform).await;
        assert_eq!((status, check["geldig"].as_bool()), (200, Some(true)), "{nr}: {check}");
    }
    let (status, signals) = get(
        format!("{}/api/v1/signaleringen", suite.url("HOUSEHOLD_BUDGET_PORT")),
        &suite.token("budgetbeheer", None),
    )
    .await;
    assert_eq!(status, 200);
    let kinds: Vec<&str> = signals["signaleringen"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["soort"].as_str())
        .collect();
    assert!(kinds.contains(&"betalingNietOntvangen"), "{signals}");
    // the catalogue shows the real landscape beside our four, with versions and ADR scores
    let catalog = suite.url("CATALOG_PORT");
    let zaak = open_zaak(&catalog).await;
    assert_eq!(zaak["naam"], "Open Zaak", "{zaak}");
    assert_eq!(zaak["versies"].as_array().unwrap().len(), 2, "{zaak}");
    assert!(zaak["versies"][0]["adrScore"].is_i64(), "{zaak}");
    let ports = suite.ports;
    assert!(suite.interrupt().success(), "Ctrl-C ends the suite cleanly");

    // a second start reuses the data: no new demo data, the registrations still there
    let mut again = Suite::start_on(&data, ports, true);
    assert!(
        !again.welcome.lines().any(|l| l.trim_start().starts_with("demo data")),
        "{}",
        again.welcome
    );
    let (status, check) = get(format!("{rental}/api/v1/registratienummers/{}", numbers[0]), &platform).await;
    assert_eq!((status, check["geldig"].as_bool()), (200, Some(true)));
    // and the landscape as it was, not loaded again
    assert_eq!(open_zaak(&catalog).await["versies"], zaak["versies"]);

    // a third, while the second runs: the taken port and the variable that moves it
    let out = command(&temp_dir("taken"), &ports, false).output().unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!("port {}", ports[0].1)) && said.contains("CATALOG_PORT"),
        "{said}"
    );
    assert!(again.interrupt().success());
    std::fs::remove_dir_all(&data).unwrap();
}

#[actix_web::test]
async fn the_users_journeys_over_real_http() {
    let data = temp_dir("journeys");
    let suite = Suite::start(&data, false);
    let rental = suite.url("HOLIDAY_RENTAL_PORT");
    let proxy = suite.url("REGISTRY_PROXY_PORT");
    let budget = suite.url("HOUSEHOLD_BUDGET_PORT");
    let catalog = suite.url("CATALOG_PORT");

    // a citizen registers their home and reports stays until Amsterdam's cap of 30 nights
    let citizen = suite.token("burgerportaal", Some("999990019"));
    let (status, reg) = post(
        format!("{rental}/api/v1/registraties"),
        &citizen,
        json!({ "nummeraanduidingIdentificatie": "0363200000123456" }),
    )
    .await;
    assert_eq!(status, 201, "{reg}");
    let nr = reg["registratienummer"].as_str().unwrap().replace(' ', "");
    // all in next year (the cap is per calendar year)
    let today = chrono::Utc::now().date_naive();
    let next_year = chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today) + 1, 1, 10).unwrap();
    let mut nights = 0;
    for week in 0..7u64 {
        let start = next_year + chrono::Days::new(7 * week);
        let (status, stay) = post(
            format!("{rental}/api/v1/registraties/{nr}/verblijven"),
            &citizen,
            json!({ "startDatum": start, "eindDatum": start + chrono::Days::new(4), "aantalGasten": 2 }),
        )
        .await;
        assert_eq!(status, 201, "week {week}: {stay}");
        nights += 4;
    }
    let start = next_year + chrono::Days::new(70);
    let (status, refused) = post(
        format!("{rental}/api/v1/registraties/{nr}/verblijven"),
        &citizen,
        json!({ "startDatum": start, "eindDatum": start + chrono::Days::new(4), "aantalGasten": 2 }),
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (422, Some("maximumNachtenOverschreden")),
        "{refused}"
    );
    assert_eq!(nights, 28);

    // a booking platform checks the number: valid, no personal data
    let (status, check) = get(
        format!("{rental}/api/v1/registratienummers/{nr}"),
        &suite.token("platform-demo", None),
    )
    .await;
    assert_eq!(
        (status, check),
        (200, json!({ "geldig": true, "gemeentecode": "0363" }))
    );

    // an Amsterdam inspector lists the address (near the cap this year)
    let year = next_year.format("%Y").to_string();
    let (status, list) = get(
        format!("{rental}/api/v1/handhaving/adressen?jaar={year}"),
        &suite.token("handhaving-amsterdam", None),
    )
    .await;
    assert_eq!(status, 200, "{list}");
    assert!(
        list["adressen"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["registratienummer"].as_str().map(|n| n.replace(' ', "")) == Some(nr.clone())),
        "{list}"
    );

    // the citizen's protocollering at the registry proxy shows holiday-rental's lookup
    let (status, log) = get(
        format!("{proxy}/api/v1/protocollering?burgerservicenummer=999990019"),
        &suite.token("demo", None),
    )
    .await;
    assert_eq!(status, 200);
    let entry = &log["protocolleringen"][0];
    assert_eq!(
        (entry["clientId"].as_str(), entry["doelbinding"].as_str()),
        (Some("holiday-rental"), Some("registratie vakantieverhuur")),
        "{log}"
    );

    // a budget worker adds a citizen from the BRP, agrees rent and wages, imports the statement
    let team = suite.token("budgetbeheer", None);
    let (status, anna) = post(
        format!("{budget}/api/v1/burgers"),
        &team,
        json!({ "burgerservicenummer": "999990068", "aanvullenUitBrp": true }),
    )
    .await;
    assert_eq!((status, anna["achternaam"].as_str()), (201, Some("Bakker")), "{anna}");
    let id = anna["id"].as_str().unwrap();
    for afspraak in [
        json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 64735, "tegenrekening": "NL15BNGH0285162624",
                "geldigVan": "2024-06-01", "geldigTot": "2024-08-31", "betaalinstructie": { "schema": { "soort": "maandelijks", "dagen": [1] }, "startdatum": "2024-06-01" } }),
        json!({ "omschrijving": "Loon", "soort": "inkomsten", "bedragInCenten": 76532, "tegenrekening": "NL09INGB4826953240", "geldigVan": "2024-01-01" }),
    ] {
        let (status, body) = post(format!("{budget}/api/v1/burgers/{id}/afspraken"), &team, afspraak).await;
        assert_eq!(status, 201, "{body}");
    }
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/standards/samples/camt/huishoudboekje_persona1_202407_camt053.001.02.xml"
    ))
    .unwrap();
    let resp = reqwest::Client::new()
        .post(format!("{budget}/api/v1/bankafschriften"))
        .bearer_auth(&team)
        .header("Content-Type", "application/xml")
        .body(sample)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let import: Value = resp.json().await.unwrap();
    assert_eq!(
        (
            import["aantalNieuw"].as_u64(),
            import["aantalAutomatischGeboekt"].as_u64()
        ),
        (Some(9), Some(2)),
        "{import}"
    );
    // June's rent is not in the July statement: a signal
    let (_, signals) = get(format!("{budget}/api/v1/signaleringen?status=open"), &team).await;
    assert!(
        signals["signaleringen"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["soort"] == "betalingNietOntvangen" && s["datum"] == "2024-06-01"),
        "{signals}"
    );
    // the overview per afspraak and rubriek
    let resp = reqwest::Client::new()
        .get(format!(
            "{budget}/api/v1/burgers/{id}/overzicht?van=2024-07-01&tot=2024-07-31"
        ))
        .bearer_auth(&team)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let overview = resp.text().await.unwrap();
    assert!(overview.contains("Huur") && overview.contains("Loon"), "{overview}");
    // and the rent of August goes into a payment file for the bank (pain.001)
    let (status, file) = post(
        format!("{budget}/api/v1/betaalbestanden"),
        &team,
        json!({ "van": "2024-08-01", "tot": "2024-08-31" }),
    )
    .await;
    assert_eq!(
        (
            status,
            file["aantalBetalingen"].as_u64(),
            file["totaalInCenten"].as_u64()
        ),
        (201, Some(1), Some(64735)),
        "{file}"
    );

    // a supplier browses the catalogue: all four components, each with its spec at 100% ADR
    let list: Value = reqwest::get(format!("{catalog}/api/v1/componenten"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut names: Vec<String> = list["componenten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["naam"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Grondwerk catalog",
            "Grondwerk holiday-rental",
            "Grondwerk household-budget",
            "Grondwerk registry-proxy"
        ]
    );
    for c in list["componenten"].as_array().unwrap() {
        let detail: Value = reqwest::get(format!("{catalog}/api/v1/componenten/{}", c["id"].as_str().unwrap()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let latest = detail["versies"]
            .as_array()
            .unwrap()
            .iter()
            .max_by_key(|v| v["versie"].as_i64())
            .unwrap();
        assert_eq!(latest["adrScore"], 100, "{detail}");
        let spec = reqwest::get(format!("{catalog}{}", latest["openapi"].as_str().unwrap()))
            .await
            .unwrap();
        assert_eq!(spec.status(), 200);
        let spec: Value = spec.json().await.unwrap();
        assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    }
    drop(suite);
    std::fs::remove_dir_all(&data).unwrap();
}
