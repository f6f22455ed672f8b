//! BAG lookups.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;
use serde_json::Value;

const BASE: &str = "/lvbag/individuelebevragingen/v2";

#[actix_web::test]
async fn address_lookups_as_hal_json() {
    let st = state(&platform::testing::sqlite_url(), mock());
    let app = app(st).await;
    let get = |uri: String| {
        TestRequest::get()
            .uri(&uri)
            .insert_header(("Authorization", token("bagonly")))
            .to_request()
    };

    let resp = test::call_service(&app, get(format!("{BASE}/adressen?postcode=1015CJ&huisnummer=123"))).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers().get("content-type").unwrap(), "application/hal+json");
    let body: Value = test::read_body_json(resp).await;
    let adres = &body["_embedded"]["adressen"][0];
    assert_eq!(adres["nummeraanduidingIdentificatie"], "0363200000123456");
    assert_eq!(adres["adresseerbaarObjectIdentificatie"], "0363010000123456");
    assert_eq!(adres["woonplaatsNaam"], "Amsterdam");

    let body: Value =
        test::read_body_json(test::call_service(&app, get(format!("{BASE}/adressen/0363200000000001"))).await).await;
    assert_eq!(body["openbareRuimteNaam"], "Kalverstraat");

    let body: Value = test::read_body_json(
        test::call_service(&app, get(format!("{BASE}/adresseerbareobjecten/0363010000000001"))).await,
    )
    .await;
    assert_eq!(
        body["verblijfsobject"]["verblijfsobject"]["gebruiksdoelen"],
        serde_json::json!(["winkelfunctie"])
    );
    let body: Value = test::read_body_json(
        test::call_service(&app, get(format!("{BASE}/adresseerbareobjecten/0363010000123456"))).await,
    )
    .await;
    assert_eq!(
        body["verblijfsobject"]["verblijfsobject"]["gebruiksdoelen"],
        serde_json::json!(["woonfunctie"])
    );

    // the block of flats: refining by letter and addition
    let all: Value = test::read_body_json(
        test::call_service(&app, get(format!("{BASE}/adressen?postcode=1051XY&huisnummer=100"))).await,
    )
    .await;
    assert_eq!(all["_embedded"]["adressen"].as_array().unwrap().len(), 24);
    let one: Value = test::read_body_json(
        test::call_service(
            &app,
            get(format!(
                "{BASE}/adressen?postcode=1051XY&huisnummer=100&huisletter=b&huisnummertoevoeging=2"
            )),
        )
        .await,
    )
    .await;
    assert_eq!(one["_embedded"]["adressen"].as_array().unwrap().len(), 1);

    for (uri, status, code) in [
        (format!("{BASE}/adressen/0363200000999999"), 404, "notFound"),
        (format!("{BASE}/adressen/123"), 400, "paramsValidation"),
        (format!("{BASE}/adressen?postcode=1015CJ"), 400, "paramsValidation"),
        (
            format!("{BASE}/adressen?postcode=0015CJ&huisnummer=abc"),
            400,
            "paramsValidation",
        ),
        (
            format!("{BASE}/adressen?postcode=1015CJ&huisnummer=1&bestaatNiet=1"),
            400,
            "paramsValidation",
        ),
    ] {
        let resp = test::call_service(&app, get(uri.clone())).await;
        assert_eq!(resp.status().as_u16(), status, "{uri}");
        let body: Value = test::read_body_json(resp).await;
        assert_eq!(body["code"], code, "{uri}");
    }
    let resp = test::call_service(
        &app,
        TestRequest::get()
            .uri(&format!("{BASE}/adressen/0363200000123456"))
            .insert_header(("Authorization", token("beperkt")))
            .to_request(),
    )
    .await;
    assert_eq!(resp.status(), 403, "no bag.lezen scope");
}

#[actix_web::test]
async fn operational_endpoints() {
    let st = state(&platform::testing::sqlite_url(), mock());
    let app = app(st).await;
    for uri in [
        "/health/live",
        "/health/ready",
        "/api/v1/status",
        "/api/v1/openapi.json",
        "/api/v1/haalcentraal/openapi.json",
    ] {
        let resp = test::call_service(&app, TestRequest::get().uri(uri).to_request()).await;
        assert_eq!(resp.status(), 200, "{uri}");
    }
    let resp = test::call_service(&app, TestRequest::get().uri("/api/v1/openapi.json").to_request()).await;
    assert_eq!(resp.headers().get("access-control-allow-origin").unwrap(), "*");
    // metrics are not on the public port (security review, finding 7)
    let resp = test::call_service(&app, TestRequest::get().uri("/metrics").to_request()).await;
    assert_eq!(resp.status(), 404);
}
