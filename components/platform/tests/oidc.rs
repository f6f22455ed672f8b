//! RS256 tokens from an OpenID Connect provider, checked through its JWKS (a local fake
//! provider; the key pair is made with the openssl CLI at test time).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use actix_web::{App, HttpResponse, HttpServer, web};
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use platform::auth::{Authenticator, Claims};

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
    let server = HttpServer::new(move || {
        let jwks = jwks.clone();
        App::new().route(
            "/jwks",
            web::get().to(move || {
                let jwks = jwks.clone();
                async move { HttpResponse::Ok().json(jwks) }
            }),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .unwrap();
    let addr = server.addrs()[0];
    actix_web::rt::spawn(server.run());

    let auth = Authenticator::new(Vec::new(), 60, Some(format!("http://{addr}/jwks")));
    let pem = std::fs::read(&key).unwrap();
    let now = chrono::Utc::now().timestamp();
    let sign = |claims: &Claims, kid: &str| {
        let mut h = Header::new(Algorithm::RS256);
        h.kid = Some(kid.into());
        jsonwebtoken::encode(&h, claims, &EncodingKey::from_rsa_pem(&pem).unwrap()).unwrap()
    };
    let claims = Claims {
        azp: Some("portaal".into()),
        sub: Some("medewerker-7".into()),
        iat: Some(now),
        exp: Some(now + 300),
        scope: Some("openid brp.personen.lezen".into()),
        ..Default::default()
    };
    let p = auth.authenticate(&sign(&claims, "k1")).await.unwrap();
    assert_eq!(p.client_id, "portaal");
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
    // RS256 is refused when no JWKS is configured
    let no_oidc = Authenticator::new(Vec::new(), 60, None);
    assert_eq!(
        no_oidc.authenticate(&sign(&claims, "k1")).await.unwrap_err().status,
        401
    );
}
