//! The master data around the citizens: organisations with departments and accounts (and
//! booking through any account of an organisation), households, rubrieken on the chart of
//! accounts (and the overview per rubriek), changing and removing citizens and afspraken, and
//! filling a citizen from the BRP through the registry proxy.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::TestRequest;
use common::*;
use serde_json::{Value, json};

const JAN: &str = "999990019";
const FATIMA: &str = "999990032";
/// Passes the eleven test; the mock BRP has no such person.
const UNKNOWN: &str = "123456782";

/// A PUT with a JSON body as the budget team: the status and the body.
async fn put_as_team<S>(app: &S, uri: &str, body: Value) -> (u16, Value)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
        >,
{
    let request = TestRequest::put()
        .uri(uri)
        .insert_header(("Authorization", token("budgetbeheer", None)))
        .set_json(body)
        .to_request();
    send(app, request).await
}

fn delete(uri: &str, auth: &str) -> actix_http::Request {
    TestRequest::delete()
        .uri(uri)
        .insert_header(("Authorization", auth.to_string()))
        .to_request()
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

#[actix_web::test]
async fn an_organisations_other_accounts_book_its_afspraken() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        // a housing corporation collects rent from one department's account; the afspraak names
        // another department and account of it
        let (status, org) = post_as_team(
            &app,
            "/api/v1/organisaties",
            json!({ "kvkNummer": "30012345", "naam": "Woonstichting De Sleutel" }),
        )
        .await;
        assert_eq!(status, 201, "{db}: {org}");
        let org = id(&org);
        let (status, body) = post_as_team(
            &app,
            "/api/v1/organisaties",
            json!({ "kvkNummer": "30012345", "naam": "Dubbel" }),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("organisatieBestaat")),
            "{db}"
        );
        let (status, body) = post_as_team(
            &app,
            "/api/v1/organisaties",
            json!({ "kvkNummer": "3001234", "naam": "Te kort" }),
        )
        .await;
        assert_eq!(
            (status, body["invalidParams"][0]["name"].as_str()),
            (400, Some("kvkNummer")),
            "{db}: {body}"
        );
        let department = |naam: &str| {
            post_json(
                &format!("/api/v1/organisaties/{org}/afdelingen"),
                &beheer,
                json!({ "naam": naam }),
            )
        };
        let (_, incasso) = send(&app, department("Huurincasso")).await;
        let (_, verhuur) = send(&app, department("Verhuur")).await;
        let (incasso, verhuur) = (id(&incasso), id(&verhuur));
        let link = |afdeling: &str, iban: &str| {
            post_json(
                &format!("/api/v1/afdelingen/{afdeling}/rekeningen"),
                &beheer,
                json!({ "iban": iban, "rekeninghouder": "Woonstichting De Sleutel" }),
            )
        };
        for (afdeling, iban) in [(&incasso, "NL20INGB0001234567"), (&verhuur, "NL39RABO0300065264")] {
            let (status, body) = send(&app, link(afdeling, iban)).await;
            assert_eq!(status, 201, "{db}: {body}");
        }
        let (_, o) = send(&app, get(&format!("/api/v1/organisaties/{org}"), &beheer)).await;
        assert_eq!(o["afdelingen"].as_array().unwrap().len(), 2, "{db}: {o}");
        assert_eq!(o["afdelingen"][0]["naam"], "Huurincasso");
        assert_eq!(o["afdelingen"][0]["rekeningen"][0]["iban"], "NL20INGB0001234567");
        let (status, body) = send(&app, delete(&format!("/api/v1/organisaties/{org}"), &beheer)).await;
        assert_eq!((status, body["code"].as_str()), (409, Some("inGebruik")), "{db}");

        let (_, jan) = post_as_team(
            &app,
            "/api/v1/burgers",
            json!({ "burgerservicenummer": JAN, "voornamen": "Jan", "achternaam": "de Vries" }),
        )
        .await;
        let jan = id(&jan);
        let (status, huur) = post_as_team(
            &app,
            &format!("/api/v1/burgers/{jan}/afspraken"),
            json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000,
                        "tegenrekening": "NL39RABO0300065264", "afdelingId": verhuur,
                        "geldigVan": "2026-01-01" }),
        )
        .await;
        assert_eq!(status, 201, "{db}: {huur}");
        assert_eq!(huur["afdelingId"], verhuur.as_str());
        let import = import_fixture(&app, "camt053_v08_batch_reversal_return.xml").await;
        // the rent went to the incasso department's account: still the corporation's
        assert_eq!(import["aantalAutomatischGeboekt"], 1, "{db}: {import}");
        let (_, all) = send(&app, get("/api/v1/transacties", &beheer)).await;
        let rent = all["transacties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tegenrekening"] == "NL20INGB0001234567")
            .unwrap();
        assert_eq!(rent["boeking"]["afspraakId"], huur["id"], "{db}: {rent}");

        // a department an afspraak names stays; an afspraak with bookings stays
        let (status, _) = send(&app, delete(&format!("/api/v1/afdelingen/{verhuur}"), &beheer)).await;
        assert_eq!(status, 409, "{db}");
        let (status, _) = send(&app, delete(&format!("/api/v1/afspraken/{}", id(&huur)), &beheer)).await;
        assert_eq!(status, 409, "{db}");
        let (status, body) = post_as_team(
            &app,
            &format!("/api/v1/burgers/{jan}/afspraken"),
            json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000,
                        "tegenrekening": "NL39RABO0300065264", "afdelingId": "bestaat-niet",
                        "geldigVan": "2026-01-01" }),
        )
        .await;
        assert_eq!(
            (status, body["invalidParams"][0]["name"].as_str()),
            (400, Some("afdelingId")),
            "{db}: {body}"
        );
        // the incasso department has no afspraken: removed with its account link, the
        // account stays known
        let (status, _) = send(&app, delete(&format!("/api/v1/afdelingen/{incasso}"), &beheer)).await;
        assert_eq!(status, 204, "{db}");
        let (status, r) = send(&app, get("/api/v1/rekeningen/NL20INGB0001234567", &beheer)).await;
        assert_eq!(status, 200, "{db}");
        assert_eq!(r["afdelingIds"], json!([]), "{db}: {r}");
        let (status, _) = send(&app, delete("/api/v1/rekeningen/NL20INGB0001234567", &beheer)).await;
        assert_eq!(status, 204, "{db}");
        let (status, _) = send(&app, delete("/api/v1/rekeningen/NL39RABO0300065264", &beheer)).await;
        assert_eq!(status, 409, "{db}: still the Verhuur department's");
    }
}

#[actix_web::test]
async fn rubrieken_on_the_chart_of_accounts_give_the_overview_per_rubriek() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let (status, chart) = send(&app, get("/api/v1/grootboekrekeningen", &beheer)).await;
        assert_eq!(status, 200, "{db}");
        let chart = chart["grootboekrekeningen"].as_array().unwrap().clone();
        assert_eq!(chart.len(), 23, "{db}: the seeded standard chart");
        assert!(chart.iter().any(|g| g["code"] == "4000" && g["soort"] == "uitgaven"));
        assert!(chart.iter().any(|g| g["code"] == "8010" && g["soort"] == "inkomsten"));

        let rubriek = |naam: &str, code: &str| {
            post_json(
                "/api/v1/rubrieken",
                &beheer,
                json!({ "naam": naam, "grootboekrekening": code }),
            )
        };
        let (status, wonen) = send(&app, rubriek("Wonen", "4000")).await;
        assert_eq!(status, 201, "{db}: {wonen}");
        let (_, inkomen) = send(&app, rubriek("Inkomen", "8010")).await;
        let (status, body) = send(&app, rubriek("Wonen", "4000")).await;
        assert_eq!((status, body["code"].as_str()), (409, Some("rubriekBestaat")), "{db}");
        let (status, page) = send(&app, get("/api/v1/rubrieken?pageSize=1", &beheer)).await;
        assert_eq!(status, 200, "{db}");
        assert_eq!(
            (
                page["rubrieken"][0]["naam"].as_str(),
                page["paginering"]["totalItems"].as_i64()
            ),
            (Some("Inkomen"), Some(2)),
            "{db}: {page}"
        );
        let (status, body) = send(&app, rubriek("Vakantie", "9999")).await;
        assert_eq!(
            (status, body["invalidParams"][0]["name"].as_str()),
            (400, Some("grootboekrekening")),
            "{db}: {body}"
        );

        let (_, jan) = post_as_team(
            &app,
            "/api/v1/burgers",
            json!({ "burgerservicenummer": JAN, "voornamen": "Jan", "achternaam": "de Vries" }),
        )
        .await;
        let jan = id(&jan);
        let afspraak = |body: Value| post_json(&format!("/api/v1/burgers/{jan}/afspraken"), &beheer, body);
        for body in [
            json!({ "omschrijving": "Uitkering", "soort": "inkomsten", "bedragInCenten": 125000,
                    "tegenrekening": "NL71ABNA0411065785", "geldigVan": "2026-01-01",
                    "zoektermen": ["participatiewet"], "rubriekId": id(&inkomen) }),
            json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000,
                    "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-01-01",
                    "rubriekId": id(&wonen) }),
            // booked, but in no rubriek
            json!({ "omschrijving": "Energie", "soort": "uitgaven", "bedragInCenten": 5000,
                    "tegenrekening": "NL02ABNA0123456789", "geldigVan": "2026-01-01" }),
        ] {
            let (status, body) = send(&app, afspraak(body)).await;
            assert_eq!(status, 201, "{db}: {body}");
        }
        let (status, body) = send(
            &app,
            afspraak(json!({ "omschrijving": "X", "soort": "uitgaven", "bedragInCenten": 1,
                    "tegenrekening": "NL02ABNA0123456789", "geldigVan": "2026-01-01", "rubriekId": "geen" })),
        )
        .await;
        assert_eq!(
            (status, body["invalidParams"][0]["name"].as_str()),
            (400, Some("rubriekId")),
            "{db}"
        );
        let import = import_fixture(&app, "camt053_v08_batch_reversal_return.xml").await;
        assert_eq!(import["aantalAutomatischGeboekt"], 3, "{db}: {import}");

        let uri = format!("/api/v1/burgers/{jan}/overzicht?van=2026-03-01&tot=2026-03-31");
        let (status, o) = send(&app, get(&uri, &beheer)).await;
        assert_eq!(status, 200, "{db}: {o}");
        let per: Vec<(Value, Value, Value, Value)> = o["rubrieken"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["naam"].clone(),
                    r["grootboekrekening"].clone(),
                    r["soort"].clone(),
                    r["geboektInCenten"].clone(),
                )
            })
            .collect();
        assert_eq!(
            per,
            vec![
                (json!("Inkomen"), json!("8010"), json!("inkomsten"), json!(125000)),
                (json!("Wonen"), json!("4000"), json!("uitgaven"), json!(13000)),
                (json!("Zonder rubriek"), Value::Null, json!("uitgaven"), json!(5000)),
            ],
            "{db}: {o}"
        );
        assert_eq!(
            (o["inkomstenInCenten"].as_i64(), o["uitgavenInCenten"].as_i64()),
            (Some(125000), Some(18000))
        );
        let csv = get_csv(&app, &uri).await;
        assert!(
            csv.contains(&format!(
                "rubriek,\"{}\",\"Wonen\",uitgaven,,,1,13000,\"4000\"",
                id(&wonen)
            )),
            "{csv}"
        );
        assert!(csv.contains("totaal,,uitgaven,,,,,18000,"), "{csv}");

        // a rubriek in use stays; renamed, it shows under its new name
        let (status, _) = send(&app, delete(&format!("/api/v1/rubrieken/{}", id(&wonen)), &beheer)).await;
        assert_eq!(status, 409, "{db}");
        let (status, r) = put_as_team(
            &app,
            &format!("/api/v1/rubrieken/{}", id(&wonen)),
            json!({ "naam": "Woonlasten", "grootboekrekening": "4000" }),
        )
        .await;
        assert_eq!((status, r["naam"].as_str()), (200, Some("Woonlasten")), "{db}");
        let (_, o) = send(&app, get(&uri, &beheer)).await;
        assert_eq!(o["rubrieken"][1]["naam"], "Woonlasten", "{db}");
    }
}

#[actix_web::test]
async fn households_accounts_and_removing_citizens() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let jan_token = token("portaal", Some(JAN));
        let (status, h) = post_as_team(&app, "/api/v1/huishoudens", json!({ "naam": "De Vries" })).await;
        assert_eq!(status, 201, "{db}: {h}");
        let h = id(&h);
        let citizen = |bsn: &str, huishouden: Value| {
            post_json(
                "/api/v1/burgers",
                &beheer,
                json!({ "burgerservicenummer": bsn, "voornamen": "Jan", "achternaam": "de Vries",
                        "huishoudenId": huishouden }),
            )
        };
        let (status, body) = send(&app, citizen(JAN, json!("geen-huishouden"))).await;
        assert_eq!(
            (status, body["invalidParams"][0]["name"].as_str()),
            (400, Some("huishoudenId")),
            "{db}: {body}"
        );
        // an invalid BSN gets the registry proxy's words, not "an incorrect type"
        for bad in ["123456789", "12345"] {
            let (status, body) = send(&app, citizen(bad, Value::Null)).await;
            let fault = &body["invalidParams"][0];
            assert_eq!(
                (status, fault["name"].as_str(), fault["code"].as_str()),
                (400, Some("burgerservicenummer"), Some("pattern")),
                "{db}: {body}"
            );
            assert!(
                fault["reason"]
                    .as_str()
                    .unwrap()
                    .starts_with("Waarde is geen geldig burgerservicenummer"),
                "{db}: {body}"
            );
        }
        let (status, jan) = send(&app, citizen(JAN, json!(h))).await;
        assert_eq!(status, 201, "{db}: {jan}");
        let (_, fatima) = send(&app, citizen(FATIMA, Value::Null)).await;
        let (jan, fatima) = (id(&jan), id(&fatima));
        let (_, household) = send(&app, get(&format!("/api/v1/huishoudens/{h}"), &beheer)).await;
        assert_eq!(household["burgerIds"], json!([jan]), "{db}: {household}");
        let (status, _) = send(&app, delete(&format!("/api/v1/huishoudens/{h}"), &beheer)).await;
        assert_eq!(status, 409, "{db}");

        // a joint account of both
        for b in [&jan, &fatima] {
            let (status, body) = post_as_team(
                &app,
                &format!("/api/v1/burgers/{b}/rekeningen"),
                json!({ "iban": "NL91 ABNA 0417 1643 00", "rekeninghouder": "J. de Vries en F. El Amrani" }),
            )
            .await;
            assert_eq!(
                (status, body["iban"].as_str()),
                (201, Some("NL91ABNA0417164300")),
                "{db}"
            );
        }
        let (status, r) = send(&app, get("/api/v1/rekeningen/NL91ABNA0417164300", &beheer)).await;
        assert_eq!(status, 200, "{db}");
        assert_eq!(r["burgerIds"].as_array().unwrap().len(), 2, "{db}: {r}");
        // a citizen sees their own accounts, not another's
        let (status, own) = send(&app, get(&format!("/api/v1/burgers/{jan}/rekeningen"), &jan_token)).await;
        assert_eq!(
            (status, own["rekeningen"][0]["iban"].as_str()),
            (200, Some("NL91ABNA0417164300"))
        );
        let (status, _) = send(&app, get(&format!("/api/v1/burgers/{fatima}/rekeningen"), &jan_token)).await;
        assert_eq!(status, 404, "{db}");
        let (status, _) = send(&app, get("/api/v1/rekeningen/NL00ABNA0000000000", &beheer)).await;
        assert_eq!(status, 400, "{db}");

        // changed: leaves the household, which can then go
        let (status, changed) = put_as_team(
            &app,
            &format!("/api/v1/burgers/{jan}"),
            json!({ "burgerservicenummer": JAN, "voornamen": "Jan Pieter", "achternaam": "de Vries" }),
        )
        .await;
        assert_eq!(
            (status, changed["voornamen"].as_str()),
            (200, Some("Jan Pieter")),
            "{db}: {changed}"
        );
        assert!(changed.get("huishoudenId").is_none(), "{db}: {changed}");
        let (status, body) = put_as_team(
            &app,
            &format!("/api/v1/burgers/{jan}"),
            json!({ "burgerservicenummer": FATIMA, "voornamen": "Jan", "achternaam": "de Vries" }),
        )
        .await;
        assert_eq!((status, body["code"].as_str()), (409, Some("burgerBestaat")), "{db}");
        let (status, _) = send(&app, delete(&format!("/api/v1/huishoudens/{h}"), &beheer)).await;
        assert_eq!(status, 204, "{db}");

        // a citizen with an afspraak stays; without, goes (account links with them)
        let (_, a) = post_as_team(
            &app,
            &format!("/api/v1/burgers/{fatima}/afspraken"),
            json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000,
                        "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-01-01" }),
        )
        .await;
        let (status, _) = send(&app, delete(&format!("/api/v1/burgers/{fatima}"), &beheer)).await;
        assert_eq!(status, 409, "{db}");
        let (status, changed) = put_as_team(
            &app,
            &format!("/api/v1/afspraken/{}", id(&a)),
            json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13500,
                        "tegenrekening": "NL20INGB0001234567", "geldigVan": "2026-01-01", "geldigTot": "2026-06-30" }),
        )
        .await;
        assert_eq!(
            (status, changed["bedragInCenten"].as_i64(), changed["burgerId"].as_str()),
            (200, Some(13500), Some(fatima.as_str())),
            "{db}: {changed}"
        );
        let (status, _) = send(&app, get(&format!("/api/v1/afspraken/{}", id(&a)), &jan_token)).await;
        assert_eq!(status, 404, "{db}: not Jan's afspraak");
        let (status, _) = send(&app, delete(&format!("/api/v1/afspraken/{}", id(&a)), &beheer)).await;
        assert_eq!(status, 204, "{db}");
        let (status, _) = send(&app, delete(&format!("/api/v1/burgers/{fatima}"), &beheer)).await;
        assert_eq!(status, 204, "{db}");
        let (status, _) = send(&app, get(&format!("/api/v1/burgers/{fatima}"), &beheer)).await;
        assert_eq!(status, 404, "{db}");
        let (_, r) = send(&app, get("/api/v1/rekeningen/NL91ABNA0417164300", &beheer)).await;
        assert_eq!(r["burgerIds"], json!([jan]), "{db}: {r}");
        // reading needs lezen, changing beheren
        let (status, _) = send(
            &app,
            post_json("/api/v1/huishoudens", &token("lezer", None), json!({ "naam": "X" })),
        )
        .await;
        assert_eq!(status, 403, "{db}");
        let (status, _) = send(&app, get("/api/v1/organisaties", &jan_token)).await;
        assert_eq!(status, 403, "{db}");
    }
}

#[actix_web::test]
async fn name_and_address_come_from_the_brp_when_asked() {
    for (db, url) in platform::testing::database_urls() {
        let (st, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let (status, jan) = post_as_team(
            &app,
            "/api/v1/burgers",
            json!({ "burgerservicenummer": JAN, "aanvullenUitBrp": true, "telefoon": "0612345678" }),
        )
        .await;
        assert_eq!(status, 201, "{db}: {jan}");
        assert_eq!(
            (jan["voornamen"].as_str(), jan["achternaam"].as_str()),
            (Some("Jan Pieter"), Some("de Vries")),
            "{db}: {jan}"
        );
        assert_eq!(
            jan["adres"],
            json!({ "straat": "Keizersgracht", "huisnummer": "123", "postcode": "1015CJ", "plaats": "Amsterdam" }),
            "{db}: {jan}"
        );
        // what the worker types wins over the BRP
        let (status, fatima) = post_as_team(
            &app,
            "/api/v1/burgers",
            json!({ "burgerservicenummer": FATIMA, "voornamen": "Fati", "aanvullenUitBrp": true }),
        )
        .await;
        assert_eq!(
            (status, fatima["voornamen"].as_str(), fatima["achternaam"].as_str()),
            (201, Some("Fati"), Some("El Amrani")),
            "{db}: {fatima}"
        );
        let (status, body) = post_as_team(
            &app,
            "/api/v1/burgers",
            json!({ "burgerservicenummer": UNKNOWN, "aanvullenUitBrp": true }),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("onbekendInBrp")),
            "{db}: {body}"
        );
        let (status, body) = post_as_team(&app, "/api/v1/burgers", json!({ "burgerservicenummer": UNKNOWN })).await;
        assert_eq!(
            (status, body["invalidParams"][0]["name"].as_str()),
            (400, Some("voornamen")),
            "{db}: {body}"
        );
        // without a registry proxy configured, asking is refused, not silently ignored
        let mut bare = st.clone();
        bare.registry = None;
        let bare = common::app(bare).await;
        let (status, body) = send(
            &bare,
            post_json(
                "/api/v1/burgers",
                &beheer,
                json!({ "burgerservicenummer": UNKNOWN, "aanvullenUitBrp": true }),
            ),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("brpNietIngesteld")),
            "{db}: {body}"
        );
    }
}

#[actix_web::test]
async fn readiness_names_the_registry_proxy_when_one_is_configured() {
    let st = state(&platform::testing::sqlite_url());
    let ready = |app_state: household_budget::AppState| async move {
        let app = common::app(app_state).await;
        send(&app, TestRequest::get().uri("/health/ready").to_request()).await
    };
    let (status, body) = ready(st.clone()).await;
    assert_eq!(
        (status, body["checks"]["registry-proxy"].as_str()),
        (200, Some("UP")),
        "{body}"
    );
    // a proxy that does not answer: not ready, and it says which
    let mut down = st.clone();
    down.registry = Some(
        platform::registry::RegistryClient::new(
            &format!("http://{}", platform::testing::free_address()),
            "household-budget",
            PROXY_CLIENT_SECRET,
            household_budget::app::PURPOSE,
            std::time::Duration::from_secs(2),
        )
        .unwrap(),
    );
    let (status, body) = ready(down).await;
    assert_eq!(
        (status, body["checks"]["registry-proxy"].as_str()),
        (503, Some("DOWN")),
        "{body}"
    );
    // without one, the BRP is not part of readiness
    let mut none = st;
    none.registry = None;
    let (status, body) = ready(none).await;
    assert_eq!((status, body["checks"].get("registry-proxy")), (200, None), "{body}");
}
