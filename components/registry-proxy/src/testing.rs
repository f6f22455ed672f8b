//! A registry proxy for other components' tests: in-process, on the mock backend, over real
//! HTTP on a free local port, with the clients the test gives.

use crate::backend::mock::{MockData, MockSource};
use crate::{AppState, RegistryProxy};
use platform::auth::{ClientConfig, ClientSettings};
use std::sync::Arc;

/// Starts a proxy on its own thread and runtime (so it outlives any one test's runtime);
/// returns its base URL. Panics when it cannot start: this is test setup.
pub fn start_mock_proxy(clients: Vec<ClientConfig>) -> String {
    start_mock_proxy_on(clients, platform::testing::sqlite_url())
}

/// As [`start_mock_proxy`], on the database at `database_url` (so a test can read the proxy's
/// Logboek).
#[allow(clippy::expect_used)]
pub fn start_mock_proxy_on(clients: Vec<ClientConfig>, database_url: String) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let state = AppState {
                clients: Arc::new(ClientSettings::load(&clients).expect("proxy test clients")),
                backend: Arc::new(MockSource(Arc::new(MockData::generate()))),
                platform: platform::testing::platform(&database_url, 4, crate::MIGRATIONS, clients),
            };
            let bind = platform::testing::free_address();
            let server = platform::app::server(&bind, move || {
                platform::component::configure::<RegistryProxy>(
                    state.clone(),
                    platform::component::Settings::of::<RegistryProxy>(1024 * 1024),
                )
            })
            .expect("proxy test server");
            tx.send(format!("http://{bind}")).expect("proxy test url");
            server.await.expect("proxy test server ran");
        })
    });
    rx.recv().expect("proxy test server started")
}
