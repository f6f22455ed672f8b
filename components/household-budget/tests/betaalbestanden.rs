//! Payment export: the planned payments of a period as pain.001 that validates against the
//! official XSDs (checked with xmllint), downloadable again unchanged, never a payment twice.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::json;
use sha2::{Digest, Sha256};

/// Validates `xml` against an XSD of `standards/xsd` with xmllint; the error names what failed.
fn xmllint(xml: &[u8], xsd: &str) {
    let dir = std::env::temp_dir().join(format!("grondwerk-pain-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("pain.xml");
    std::fs::write(&file, xml).unwrap();
    let schema = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../standards/xsd")
        .join(xsd);
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&schema)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("xmllint is needed for this test (apt-get install libxml2-utils): {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{xsd}: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(xml)
    );
}

#[actix_web::test]
async fn planned_payments_export_once_and_validate() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let burger = jan_jansen(&app).await;
        let uri = format!("/api/v1/burgers/{burger}/afspraken");
        for (omschrijving, cents, iban, instructie) in [
            (
                "Huur & servicekosten",
                13000,
                "NL20INGB0001234567",
                json!({ "schema": { "soort": "maandelijks", "dagen": [1, 15] }, "startdatum": "2026-03-01",
                        "uitzonderingen": ["2026-04-01"] }),
            ),
            (
                "Leefgeld",
                5000,
                "NL91ABNA0417164300",
                json!({ "schema": { "soort": "wekelijks", "weekdagen": [5] }, "startdatum": "2026-03-01" }),
            ),
        ] {
            let (status, a) = post_as_team(&app, &uri, json!({ "omschrijving": omschrijving, "soort": "uitgaven", "bedragInCenten": cents, "tegenrekening": iban,
                            "geldigVan": "2026-01-01", "betaalinstructie": instructie })).await;
            assert_eq!(status, 201, "{db}: {a}");
            assert_eq!(a["betaalinstructie"]["startdatum"], "2026-03-01");
        }
        let export = |van: &str, tot: &str, versie: Option<&str>| {
            let mut body = json!({ "van": van, "tot": tot });
            if let Some(v) = versie {
                body["versie"] = json!(v);
            }
            post_json("/api/v1/betaalbestanden", &beheer, body)
        };
        // March and April: rent on 1 and 15 (not 1 April) and every Friday
        let (status, file) = send(&app, export("2026-03-01", "2026-04-30", None)).await;
        assert_eq!(status, 201, "{db}: {file}");
        assert_eq!(file["aantalBetalingen"], 3 + 8, "{db}: {file}");
        assert_eq!(file["totaalInCenten"], 3 * 13000 + 8 * 5000);
        assert_eq!(file["versie"], "pain.001.001.03");
        let href = file["_links"]["bestand"]["href"].as_str().unwrap().to_string();
        let req = TestRequest::get()
            .uri(&href)
            .insert_header(("Authorization", beheer.clone()))
            .insert_header(("Accept", "application/xml"))
            .to_request();
        let res = test::call_service(&app, req).await;
        assert_eq!(res.status(), 200, "{db}");
        let xml = test::read_body(res).await;
        assert_eq!(
            hex::encode(Sha256::digest(&xml)),
            file["sha256"],
            "{db}: downloaded again unchanged"
        );
        let text = String::from_utf8(xml.to_vec()).unwrap();
        assert!(text.contains("Huur &amp; servicekosten"), "escaped");
        xmllint(&xml, "pain.001.001.03.xsd");

        // the same period again: nothing new
        let (status, body) = send(&app, export("2026-03-01", "2026-04-30", None)).await;
        assert_eq!((status, body["code"].as_str()), (409, Some("geenBetalingen")), "{db}");
        // a longer period brings only May's, here as version .09
        let (status, file) = send(&app, export("2026-03-01", "2026-05-31", Some("pain.001.001.09"))).await;
        assert_eq!(status, 201, "{db}: {file}");
        assert_eq!(file["aantalBetalingen"], 2 + 5, "{db}");
        let req = TestRequest::get()
            .uri(file["_links"]["bestand"]["href"].as_str().unwrap())
            .insert_header(("Authorization", beheer.clone()))
            .to_request();
        let xml = test::read_body(test::call_service(&app, req).await).await;
        xmllint(&xml, "pain.001.001.09.xsd");

        // a period the wrong way round, a reader, a citizen
        let (status, _) = send(&app, export("2026-05-01", "2026-04-01", None)).await;
        assert_eq!(status, 400);
        let (status, _) = send(
            &app,
            post_json(
                "/api/v1/betaalbestanden",
                &token("lezer", None),
                json!({ "van": "2026-06-01", "tot": "2026-06-30" }),
            ),
        )
        .await;
        assert_eq!(status, 403);
        let req = TestRequest::get()
            .uri(&href)
            .insert_header(("Authorization", token("portaal", Some("999990019"))))
            .to_request();
        assert_eq!(test::call_service(&app, req).await.status(), 403);
    }
}

#[actix_web::test]
async fn a_bad_betaalinstructie_names_the_field() {
    let urls = platform::testing::database_urls();
    let st = state(&urls[0].1);
    let app = app(st.clone()).await;
    let burger = jan_jansen(&app).await;
    let (status, p) = post_as_team(&app, &format!("/api/v1/burgers/{burger}/afspraken"), json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 100, "tegenrekening": "NL20INGB0001234567",
                    "geldigVan": "2026-01-01", "betaalinstructie": { "schema": { "soort": "maandelijks", "dagen": [0] }, "startdatum": "2026-01-01" } })).await;
    assert_eq!(status, 400, "{p}");
    assert_eq!(p["invalidParams"][0]["name"], "betaalinstructie.schema.dagen", "{p}");
}

/// The bank's debit of an exported payment (same end-to-end id) is booked to its afspraak, even
/// when its description would not match the zoektermen.
#[actix_web::test]
async fn the_banks_debit_is_matched_back_to_the_export() {
    for (db, url) in platform::testing::database_urls() {
        let (_, app) = started(&url).await;
        let beheer = token("budgetbeheer", None);
        let burger = jan_jansen(&app).await;
        let (_, a) = post_as_team(&app, &format!("/api/v1/burgers/{burger}/afspraken"), json!({ "omschrijving": "Huur", "soort": "uitgaven", "bedragInCenten": 13000, "tegenrekening": "NL20INGB0001234567",
                        "geldigVan": "2026-01-01", "zoektermen": ["woonlasten"],
                        "betaalinstructie": { "schema": { "soort": "eenmalig" }, "startdatum": "2026-06-01" } })).await;
        let (status, file) = post_as_team(
            &app,
            "/api/v1/betaalbestanden",
            json!({ "van": "2026-06-01", "tot": "2026-06-30" }),
        )
        .await;
        assert_eq!(status, 201, "{db}: {file}");
        let req = TestRequest::get()
            .uri(file["_links"]["bestand"]["href"].as_str().unwrap())
            .insert_header(("Authorization", beheer.clone()))
            .to_request();
        let xml = String::from_utf8(test::read_body(test::call_service(&app, req).await).await.to_vec()).unwrap();
        let e2e = xml
            .split("<EndToEndId>")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string();
        let statement = format!(
            r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>E2E</Id>
<Acct><Id><IBAN>{ACCOUNT}</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">130.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-06-01</Dt></BookgDt>
<NtryDtls><TxDtls><Refs><EndToEndId>{e2e}</EndToEndId></Refs>
<RltdPties><CdtrAcct><Id><IBAN>NL20INGB0001234567</IBAN></Id></CdtrAcct></RltdPties>
<RmtInf><Ustrd>Huur 2026-06-01</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>"#
        );
        let (status, import) = import(&app, statement.into_bytes(), "application/xml").await;
        assert_eq!(status, 201, "{db}: {import}");
        assert_eq!(import["aantalAutomatischGeboekt"], 1, "{db}: {import}");
        let (_, all) = send(&app, get("/api/v1/transacties", &beheer)).await;
        assert_eq!(all["transacties"][0]["boeking"]["afspraakId"], a["id"], "{db}: {all}");
    }
}
