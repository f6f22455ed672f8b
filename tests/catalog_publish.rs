//! Components publish themselves into the catalogue over real HTTP: with the `publish` function
//! behind the subcommand (a second publish adds no version), and at start-up when CATALOG_URL is
//! set; a half-configured catalogue stops the start.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use platform::component::{self, Component};
use platform::publish::Outcome;
use serde_json::Value;

fn args<C: Component>(clients: &std::path::Path, extra: &[&str]) -> Vec<String> {
    let (bind, database) = (platform::testing::free_address(), platform::testing::sqlite_url());
    let mut a = platform::testing::component_args(C::NAME, &bind, &database, clients);
    a.extend(extra.iter().map(|s| s.to_string()));
    a
}

async fn components(catalog: &str) -> Vec<Value> {
    let page: Value = reqwest::get(format!("{catalog}/api/v1/componenten"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    page["componenten"].as_array().cloned().unwrap_or_default()
}

#[actix_web::test]
async fn components_publish_themselves() {
    let dir = std::env::temp_dir().join(format!("grondwerk-publish-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let clients = dir.join("clients.toml");
    std::fs::write(&clients, platform::auth::fill_secrets(grondwerk::DEMO_CLIENTS)).unwrap();
    let secret_of = |id: &str| {
        platform::auth::load_clients(clients.to_str().unwrap())
            .unwrap()
            .into_iter()
            .find(|c| c.client_id == id)
            .and_then(|c| c.secret)
            .unwrap()
    };
    let (catalog_secret, rental_secret) = (secret_of("grondwerk"), secret_of("holiday-rental"));

    // a catalogue that starts empty
    let catalog_args = args::<catalog::Catalog>(&clients, &["--builtin-entries", "false", "--landscape", "false"]);
    let catalog_url = format!("http://{}", catalog_args[2]);
    let cli = component::parse::<catalog::Catalog, _, _>(catalog_args).unwrap();
    let auth = std::sync::Arc::new(cli.common.authenticator().unwrap());
    let server = component::start::<catalog::Catalog>(cli.common, cli.component, auth.clone())
        .await
        .unwrap();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    let publishing = [
        "--catalog-url",
        catalog_url.as_str(),
        "--catalog-client-id",
        "grondwerk",
        "--catalog-secret",
        catalog_secret.as_str(),
    ];

    // `household-budget publish`: a new component, then nothing new
    let mut budget_args = publishing.to_vec();
    budget_args.extend(["--account-iban", "NL36ABNA5632579034"]);
    let budget = component::parse::<household_budget::HouseholdBudget, _, _>(
        args::<household_budget::HouseholdBudget>(&clients, &budget_args),
    )
    .unwrap();
    let first = platform::publish::publish::<household_budget::HouseholdBudget>(&budget.common).await;
    assert_eq!(first, Ok(Outcome::NewVersion(1)));
    let again = platform::publish::publish::<household_budget::HouseholdBudget>(&budget.common).await;
    assert_eq!(again, Ok(Outcome::Unchanged(1)));
    let listed = components(&catalog_url).await;
    assert_eq!(listed.len(), 1);
    let id = listed[0]["id"].as_str().unwrap();
    let spec: Value = reqwest::get(format!("{catalog_url}/api/v1/componenten/{id}/versies/1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        spec,
        serde_json::to_value(household_budget::HouseholdBudget::openapi()).unwrap()
    );

    // holiday-rental started with CATALOG_URL publishes itself in the background
    let mut rental_args = publishing.to_vec();
    rental_args.extend(["--registry-proxy-secret", rental_secret.as_str()]);
    let rental = component::parse::<holiday_rental::HolidayRental, _, _>(args::<holiday_rental::HolidayRental>(
        &clients,
        &rental_args,
    ))
    .unwrap();
    let rental_server =
        component::start::<holiday_rental::HolidayRental>(rental.common, rental.component, auth.clone())
            .await
            .unwrap();
    let rental_handle = rental_server.handle();
    actix_web::rt::spawn(rental_server);
    let mut names = Vec::new();
    for _ in 0..100 {
        names = components(&catalog_url)
            .await
            .iter()
            .map(|c| c["naam"].as_str().unwrap_or_default().to_string())
            .collect();
        if names.len() == 2 {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(names, vec!["Grondwerk holiday-rental", "Grondwerk household-budget"]);

    // CATALOG_URL without a client is refused at start-up, saying what is missing
    let half = component::parse::<holiday_rental::HolidayRental, _, _>(args::<holiday_rental::HolidayRental>(
        &clients,
        &[
            "--catalog-url",
            catalog_url.as_str(),
            "--registry-proxy-secret",
            rental_secret.as_str(),
        ],
    ))
    .unwrap();
    let refused = component::start::<holiday_rental::HolidayRental>(half.common, half.component, auth).await;
    assert!(
        refused.as_ref().err().is_some_and(|e| e.contains("CATALOG_CLIENT_ID")),
        "{:?}",
        refused.err()
    );
    rental_handle.stop(true).await;
    handle.stop(true).await;
    let _ = std::fs::remove_dir_all(&dir);
}
