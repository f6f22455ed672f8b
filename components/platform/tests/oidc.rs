//! RS256 tokens from an OpenID Connect provider, checked through its JWKS (a local fake
//! provider; the key pair is made with the openssl CLI at test time).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use actix_web::{App, HttpResponse, HttpServer, web};
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use platform::auth::{Authenticator, Claims, ClientConfig, OidcConfig};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The claims the test signs: ours plus the standard `aud`.
#[derive(serde::Serialize, Clone)]
struct Signed {
    #[serde(flatten)]
    claims: Claims,
    #[serde(skip_serializing_if = "Option::is_none")]
    aud: Option<String>,
}

fn openssl(args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[actix_web::test]
async fn rs256_tokens_via_jwks() {
    let dir = std::env::temp_dir().join(format!("oidc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key.pem");
    openssl(&["genrsa", "-out", key.to_str().unwrap(), "2048"]);
    let modulus_hex = String::from_utf8(openssl(&["rsa", "-in", key.to_str().unwrap(), "-noout", "-modulus"])).unwrap();
    let modulus = hex::decode(modulus_hex.trim().trim_start_matches("Modulus=")).unwrap();
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let jwks = serde_json::json!({"keys": [{"kty": "RSA", "kid": "k1", "alg": "RS256", "use": "sig", "n": b64.encode(&modulus), "e": "AQAB"}]});
    let fetches = Arc::new(AtomicUsize::new(0));
    let counted = fetches.clone();
    let server = HttpServer::new(move || {
        let (jwks, counted) = (jwks.clone(), counted.clone());
        App::new().route(
            "/jwks",
            web::get().to(move || {
                let jwks = jwks.clone();
                counted.fetch_add(1, Ordering::SeqCst);
                async move { HttpResponse::Ok().json(jwks) }
            }),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let addr = server.addrs()[0];
    actix_web::rt::spawn(server.run());

    // an HS256 client of the clients file, and one whose settings an OIDC client gets by mapping
    let hs256 = ClientConfig {
        client_id: "handhaving-amsterdam".into(),
        secret: Some("some-secret-of-this-test-0123".into()),
        ..Default::default()
    }
    .with("gemeentecode", "0363");
    let mapped = ClientConfig {
        client_id: "portaal-instellingen".into(),
        oidc_client: Some("portaal".into()),
        ..Default::default()
    }
    .with("gemeentecode", "0344");
    let oidc = OidcConfig {
        jwks_url: format!("http://{addr}/jwks"),
        issuer: "https://login.gemeente.example".into(),
        audience: "grondwerk".into(),
        max_lifetime_seconds: 3600,
    };
    let auth = Authenticator::new(vec![hs256, mapped], 60, Some(oidc));
    let pem = std::fs::read(&key).unwrap();
    let now = chrono::Utc::now().timestamp();
    let sign_for = |claims: &Claims, kid: &str, aud: Option<&str>| {
        let mut h = Header::new(Algorithm::RS256);
        h.kid = Some(kid.into());
        let signed = Signed {
            claims: claims.clone(),
            aud: aud.map(str::to_string),
        };
        jsonwebtoken::encode(&h, &signed, &EncodingKey::from_rsa_pem(&pem).unwrap()).unwrap()
    };
    let sign = |claims: &Claims, kid: &str| sign_for(claims, kid, Some("grondwerk"));
    let claims = Claims {
        iss: Some("https://login.gemeente.example".into()),
        azp: Some("portaal".into()),
        sub: Some("medewerker-7".into()),
        iat: Some(now),
        exp: Some(now + 300),
        scope: Some("openid brp.personen.lezen".into()),
        ..Default::default()
    };
    let p = auth.authenticate(&sign(&claims, "k1")).await.unwrap();
    // the mapped client's settings, by the clients file's oidc_client
    assert_eq!(p.client_id, "portaal-instellingen");
    assert_eq!(
        p.client.extra.get("gemeentecode").and_then(|v| v.as_str()),
        Some("0344")
    );
    assert_eq!(p.user_id.as_deref(), Some("medewerker-7"));
    assert!(p.has_scope("brp.personen.lezen"));
    assert!(!p.has_scope("bag.lezen"));

    let expired = Claims {
        exp: Some(now - 600),
        iat: Some(now - 900),
        ..claims.clone()
    };
    assert_eq!(auth.authenticate(&sign(&expired, "k1")).await.unwrap_err().status, 401);
    assert_eq!(
        auth.authenticate(&sign(&claims, "onbekend")).await.unwrap_err().status,
        401
    );
    // security review, finding 7: a forged client_id of an HS256 client gets none of its
    // settings; it is another principal
    let forged = Claims {
        client_id: Some("handhaving-amsterdam".into()),
        ..claims.clone()
    };
    let p = auth.authenticate(&sign(&forged, "k1")).await.unwrap();
    assert_eq!(p.client_id, "oidc:handhaving-amsterdam");
    assert!(p.client.extra.is_empty());
    // another issuer, another audience, no audience: refused
    let elsewhere = Claims {
        iss: Some("https://evil.example".into()),
        ..claims.clone()
    };
    for token in [
        sign(&elsewhere, "k1"),
        sign_for(&claims, "k1", Some("een-andere-app")),
        sign_for(&claims, "k1", None),
    ] {
        assert_eq!(auth.authenticate(&token).await.unwrap_err().status, 401);
    }
    // valid for ten years without iat, or two hours with one: refused
    let ten_years = Claims {
        iat: None,
        exp: Some(now + 10 * 365 * 24 * 3600),
        ..claims.clone()
    };
    let two_hours = Claims {
        exp: Some(now + 7200),
        ..claims.clone()
    };
    for long in [ten_years, two_hours] {
        let e = auth.authenticate(&sign(&long, "k1")).await.unwrap_err();
        assert_eq!(e.status, 401, "{e:?}");
    }
    // 50 forged tokens with unknown keys: at most one more fetch of the JWKS, not fifty
    let before = fetches.load(Ordering::SeqCst);
    let mut refused = 0;
    for i in 0..50 {
        let e = auth
            .authenticate(&sign(&claims, &format!("vals-{i}")))
            .await
            .unwrap_err();
        refused += usize::from(e.status == 401);
    }
    assert_eq!(refused, 50);
    assert!(
        fetches.load(Ordering::SeqCst) - before <= 1,
        "{} fetches",
        fetches.load(Ordering::SeqCst) - before
    );
    // RS256 is refused when no JWKS is configured
    let no_oidc = Authenticator::new(Vec::new(), 60, None);
    assert_eq!(
        no_oidc.authenticate(&sign(&claims, "k1")).await.unwrap_err().status,
        401
    );
}
