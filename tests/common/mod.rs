//! The suite binary for end-to-end tests: started on free ports with its own data folder.

#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A free port for each component.
pub fn free_ports() -> [(&'static str, u16); 4] {
    [
        (PORT_VARIABLES[0], free_port()),
        (PORT_VARIABLES[1], free_port()),
        (PORT_VARIABLES[2], free_port()),
        (PORT_VARIABLES[3], free_port()),
    ]
}

/// A running suite: the process, its ports and what it printed until it was ready.
pub struct Suite {
    child: Option<Child>,
    pub ports: [(&'static str, u16); 4],
    pub data: PathBuf,
    pub welcome: String,
    /// Extra environment of the process (and of `token`).
    pub env: Vec<(String, String)>,
}

pub const PORT_VARIABLES: [&str; 4] = [
    "CATALOG_PORT",
    "HOLIDAY_RENTAL_PORT",
    "HOUSEHOLD_BUDGET_PORT",
    "REGISTRY_PROXY_PORT",
];

pub fn command(data: &Path, ports: &[(&'static str, u16); 4], demo: bool) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_grondwerk"));
    // started outside the project, as a released binary is: it must need nothing beside itself
    cmd.current_dir(data)
        .env("GRONDWERK_DATA_DIR", data)
        .env("METRICS_BIND_ADDRESS", "off")
        .env("GRONDWERK_DEMO_DATA", if demo { "on" } else { "off" })
        // the seeded landscape as a fresh `cargo run` has it, with the demo data only: it is a
        // few MB of specs to check at a first start, which the other starts need not pay
        .env("CATALOG_LANDSCAPE", if demo { "true" } else { "false" })
        // every request and the shutdown in its stderr log, for a failure's message
        .env("RUST_LOG", "info");
    for (var, port) in ports {
        cmd.env(var, port.to_string());
    }
    cmd
}

impl Suite {
    pub fn start(data: &Path, demo: bool) -> Suite {
        Suite::start_on(data, free_ports(), demo)
    }

    pub fn start_on(data: &Path, ports: [(&'static str, u16); 4], demo: bool) -> Suite {
        Suite::start_with(data, ports, demo, &[])
    }

    /// Starts with extra environment variables (another clients file, an area, …). A port that
    /// another test took between `free_ports` and the bind is not this test's failure: it starts
    /// again on new ports (at most twice).
    pub fn start_with(data: &Path, ports: [(&'static str, u16); 4], demo: bool, env: &[(&str, &str)]) -> Suite {
        let env: Vec<(String, String)> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let mut ports = ports;
        let mut attempt = 0;
        loop {
            let logged = std::fs::metadata(data.join("stderr.log")).map(|m| m.len()).unwrap_or(0);
            match Suite::try_start(data, ports, demo, &env) {
                Ok((child, welcome)) => {
                    let stderr = std::fs::read_to_string(data.join("stderr.log")).unwrap_or_default();
                    return Suite {
                        child: Some(child),
                        ports,
                        data: data.to_path_buf(),
                        welcome: format!("{welcome}(stderr: {stderr})"),
                        env,
                    };
                }
                Err(stderr) => {
                    let this_try = stderr.get(usize::try_from(logged).unwrap_or(0)..).unwrap_or(&stderr);
                    if attempt < 2 && this_try.contains("Address already in use") {
                        attempt += 1;
                        ports = free_ports();
                        continue;
                    }
                    panic!("no start-up text within a minute; stderr: {stderr}");
                }
            }
        }
    }

    /// One start: the process and its start-up text, or what it said on stderr.
    fn try_start(
        data: &Path,
        ports: [(&'static str, u16); 4],
        demo: bool,
        env: &[(String, String)],
    ) -> Result<(Child, String), String> {
        // what it says on stderr goes to a file in its data folder, for a failure's message
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(data.join("stderr.log"))
            .unwrap();
        let mut child = command(data, &ports, demo)
            .envs(env.iter().cloned())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut text = String::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                text.push_str(&line);
                text.push('\n');
                if line.starts_with("Ctrl-C stops") {
                    let _ = tx.send(text.clone());
                }
            }
        });
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(welcome) => Ok((child, welcome)),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(std::fs::read_to_string(data.join("stderr.log")).unwrap_or_default())
            }
        }
    }

    pub fn url(&self, variable: &str) -> String {
        let port = self.ports.iter().find(|(v, _)| *v == variable).unwrap().1;
        format!("http://127.0.0.1:{port}")
    }

    /// A token from `grondwerk token`, as the printed curls get theirs.
    pub fn token(&self, client: &str, bsn: Option<&str>) -> String {
        let mut cmd = command(&self.data, &self.ports, false);
        cmd.envs(self.env.iter().cloned()).args(["token", client]);
        if let Some(b) = bsn {
            cmd.args(["--bsn", b]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    /// The registration numbers the demo data made, from the start-up text (Jan's first).
    pub fn demo_registrations(&self) -> Vec<String> {
        let line = self
            .welcome
            .lines()
            .find(|l| l.trim_start().starts_with("demo data"))
            .unwrap_or_else(|| panic!("no demo data line in:\n{}", self.welcome));
        line.split("registrations ")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .split(", ")
            .map(|n| n.trim().to_string())
            .collect()
    }

    /// Sends a signal (`TERM`, `KILL`, …) to the process.
    pub fn signal(&self, name: &str) {
        let child = self.child.as_ref().unwrap();
        let status = Command::new("kill")
            .args([&format!("-{name}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end; `None` when it still runs after `within`.
    pub fn wait_exit(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                self.child = None;
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// kill -9: the process ends at once, whatever it was doing.
    pub fn kill9(&mut self) {
        let mut child = self.child.take().unwrap();
        child.kill().unwrap();
        child.wait().unwrap();
    }

    /// What the process wrote on stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.data.join("stderr.log")).unwrap_or_default()
    }

    /// Ctrl-C: every component stops, the process exits cleanly.
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        let mut child = self.child.take().unwrap();
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "still running 20 s after Ctrl-C; its log: {}",
                std::fs::read_to_string(self.data.join("stderr.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Suite {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Writes the demo clients and the test clients (config/test-clients.toml), each with a new
/// random secret, to `path`, as a deployment's clients file would be.
pub fn write_clients(path: &Path) {
    let template = format!(
        "{}\n{}",
        grondwerk::DEMO_CLIENTS,
        include_str!("../../config/test-clients.toml")
    );
    std::fs::write(path, platform::auth::fill_secrets(&template)).unwrap();
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grondwerk-{name}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One HTTP client for a whole test binary (making one is slow on a debug build).
pub static HTTP: std::sync::LazyLock<reqwest::Client> = std::sync::LazyLock::new(reqwest::Client::new);

/// Status, content type and JSON body (`Null` when there is none) of an answer.
pub async fn answer(req: reqwest::RequestBuilder) -> (u16, String, serde_json::Value) {
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, ct, resp.json().await.unwrap_or(serde_json::Value::Null))
}
