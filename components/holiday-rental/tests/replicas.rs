//! Two replicas on one database (each its own pool, as two processes would have) share the
//! platform check's rate limit: it is counted in the database, not in a process.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use actix_web::test::{self, TestRequest};
use common::*;

fn check(client_token: &str) -> actix_http::Request {
    TestRequest::get()
        .uri("/api/v1/registratienummers/AAAABBBBCCCCDDDD0363")
        .insert_header(("Authorization", client_token.to_string()))
        .to_request()
}

#[actix_web::test]
async fn two_replicas_count_against_one_limit() {
    for (backend, url) in platform::testing::database_urls() {
        let first = app(state_with(&url, &proxy_url(), 10)).await;
        let second = app(state_with(&url, &proxy_url(), 10)).await;
        let platform = token("platform", None);

        // 16 checks at once, spread over both replicas: exactly 10 pass
        let calls = (0..16).map(|i| {
            let req = check(&platform);
            let (a, b) = (&first, &second);
            async move {
                let resp = if i % 2 == 0 {
                    test::call_service(a, req).await
                } else {
                    test::call_service(b, req).await
                };
                (resp.status().as_u16(), resp.headers().get("retry-after").is_some())
            }
        });
        let results = futures_util::future::join_all(calls).await;
        let passed = results.iter().filter(|(s, _)| *s == 200).count();
        let refused: Vec<_> = results.iter().filter(|(s, _)| *s == 429).collect();
        assert_eq!((passed, refused.len()), (10, 6), "{backend}: {results:?}");
        assert!(
            refused.iter().all(|(_, retry)| *retry),
            "{backend}: Retry-After on every 429"
        );

        // the next minute has its own count, on either replica
        let st = state_with(&url, &proxy_url(), 10);
        let later = app_at(&st, "2026-01-02").await;
        assert_eq!(
            test::call_service(&later, check(&platform)).await.status(),
            200,
            "{backend}"
        );
    }
}
