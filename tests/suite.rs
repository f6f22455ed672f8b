//! End to end over real HTTP: the whole suite, a citizen registers a home for holiday rental,
//! reports a stay, and the registry proxy's protocollering shows holiday-rental's BRP check with
//! its purpose and its two fields; the budget team imports a bank statement and adds a citizen
//! from the BRP.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use platform::auth::{Claims, sign_hs256};
use serde_json::{Value, json};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn token(client_id: &str, claims: Claims) -> String {
    let clients = platform::auth::parse_clients(grondwerk::DEMO_CLIENTS).unwrap();
    let c = clients.iter().find(|c| c.client_id == client_id).unwrap();
    sign_hs256(c, &claims, chrono::Utc::now().timestamp()).unwrap()
}

#[actix_web::test]
async fn citizen_registers_and_the_check_is_protocolled() {
    let dir = std::env::temp_dir().join(format!("grondwerk-suite-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let clients = dir.join("clients.toml");
    std::fs::write(&clients, grondwerk::DEMO_CLIENTS).unwrap();
    let config = grondwerk::SuiteConfig {
        host: "127.0.0.1".into(),
        registry_proxy_port: free_port(),
        holiday_rental_port: free_port(),
        household_budget_port: free_port(),
        catalog_port: free_port(),
        catalog_database: platform::testing::sqlite_url(),
        registry_proxy_database: platform::testing::sqlite_url(),
        holiday_rental_database: platform::testing::sqlite_url(),
        household_budget_database: platform::testing::sqlite_url(),
        household_budget_account_iban: "NL36ABNA5632579034".into(),
        holiday_rental_proxy_secret: "holiday-rental-secret-0123456789".into(),
        household_budget_proxy_secret: "household-budget-secret-0123456789".into(),
        clients: Some(clients.clone()),
        audit_keys: Some("suite-test=suite-test-audit-key-0123456789abcdef".into()),
    };
    let servers = grondwerk::start(&config).await.unwrap();
    let handles: Vec<_> = servers.iter().map(|s| s.handle()).collect();
    for s in servers {
        actix_web::rt::spawn(s);
    }
    let http = reqwest::Client::new();
    let citizen = token(
        "burgerportaal",
        Claims {
            bsn: Some("999990019".into()),
            ..Default::default()
        },
    );

    let resp = http
        .post(format!("{}/api/v1/registraties", config.holiday_rental_url()))
        .bearer_auth(&citizen)
        .json(&json!({ "nummeraanduidingIdentificatie": "0363200000123456" }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let reg: Value = resp.json().await.unwrap();
    let nr = reg["registratienummer"].as_str().unwrap().replace(' ', "");

    // stays are reported before they start: a month from now
    let start = chrono::Utc::now().date_naive() + chrono::Days::new(30);
    let resp = http
        .post(format!(
            "{}/api/v1/registraties/{nr}/verblijven",
            config.holiday_rental_url()
        ))
        .bearer_auth(&citizen)
        .json(&json!({ "startDatum": start, "eindDatum": start + chrono::Days::new(4), "aantalGasten": 3 }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);

    let get = |url: String, bearer: String| {
        let http = http.clone();
        async move {
            let resp = http.get(url).bearer_auth(bearer).send().await.unwrap();
            resp.json::<Value>().await.unwrap()
        }
    };
    let platform_token = token("platform-demo", Claims::default());
    let check = get(
        format!("{}/api/v1/registratienummers/{nr}", config.holiday_rental_url()),
        platform_token,
    )
    .await;
    assert_eq!(check, json!({ "geldig": true, "gemeentecode": "0363" }));

    let reader = token("demo", Claims::default());
    let log = get(
        format!(
            "{}/api/v1/protocollering?burgerservicenummer=999990019",
            config.registry_proxy_url()
        ),
        reader,
    )
    .await;
    let entry = &log["protocolleringen"][0];
    assert_eq!(entry["clientId"], "holiday-rental", "{log}");
    assert_eq!(entry["doelbinding"], "registratie vakantieverhuur");
    assert_eq!(
        entry["gevraagdeVelden"],
        json!([
            "verblijfplaats.nummeraanduidingIdentificatie",
            "gemeenteVanInschrijving"
        ])
    );

    // the budget team imports the Huishoudboekje sample statement into household-budget
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/standards/samples/camt/huishoudboekje_persona1_202407_camt053.001.02.xml"
    ))
    .unwrap();
    let resp = http
        .post(format!("{}/api/v1/bankafschriften", config.household_budget_url()))
        .bearer_auth(token("budgetbeheer", Claims::default()))
        .header("Content-Type", "application/xml")
        .body(sample)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let import: Value = resp.json().await.unwrap();
    assert_eq!(import["aantalNieuw"], 9, "{import}");

    // and adds a citizen by BSN alone: name and address come from the BRP through the proxy,
    // which protocols household-budget's purpose and fields
    let resp = http
        .post(format!("{}/api/v1/burgers", config.household_budget_url()))
        .bearer_auth(token("budgetbeheer", Claims::default()))
        .json(&json!({ "burgerservicenummer": "999990068", "aanvullenUitBrp": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let anna: Value = resp.json().await.unwrap();
    assert_eq!(
        (anna["voornamen"].as_str(), anna["achternaam"].as_str()),
        (Some("Anna"), Some("Bakker")),
        "{anna}"
    );
    let log = get(
        format!(
            "{}/api/v1/protocollering?burgerservicenummer=999990068",
            config.registry_proxy_url()
        ),
        token("demo", Claims::default()),
    )
    .await;
    let entry = &log["protocolleringen"][0];
    assert_eq!(entry["clientId"], "household-budget", "{log}");
    assert_eq!(entry["doelbinding"], household_budget::app::PURPOSE);

    for h in handles {
        h.stop(true).await;
    }
}
