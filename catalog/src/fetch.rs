//! Fetching a supplier's spec by URL without letting the catalogue be used against its own
//! network (SSRF): https only (unless configured otherwise), every address a name resolves to
//! must be public (no loopback, private, link-local, metadata or other special ranges), the
//! connection goes to the address that was checked (no second DNS answer), every redirect is
//! checked the same way, and size and time are limited.

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// Resolves a host name to its addresses (the system's resolver in production; tests give
/// their own).
pub type Resolver =
    Arc<dyn Fn(String, u16) -> Pin<Box<dyn Future<Output = Result<Vec<IpAddr>, String>> + Send>> + Send + Sync>;

/// The system's resolver.
pub fn system_resolver() -> Resolver {
    Arc::new(|host, port| {
        Box::pin(async move {
            tokio::net::lookup_host((host.as_str(), port))
                .await
                .map(|addrs| addrs.map(|a| a.ip()).collect())
                .map_err(|e| e.to_string())
        })
    })
}

/// What may be fetched.
#[derive(Clone)]
pub struct Fetcher {
    /// Plain http too (for tests; never in production).
    pub allow_http: bool,
    /// Loopback addresses too (for tests; never in production).
    pub allow_loopback: bool,
    /// Largest body read.
    pub max_bytes: usize,
    /// Time for the whole fetch, redirects included.
    pub timeout: Duration,
    /// Redirects followed at most.
    pub max_redirects: usize,
    /// Name resolution.
    pub resolver: Resolver,
}

/// What a conditional GET found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The document, with its ETag when the server gave one.
    Body {
        /// Its text.
        text: String,
        /// Its ETag.
        etag: Option<String>,
    },
    /// Unchanged since the ETag given.
    NotModified,
    /// Not there (404 or 410).
    NotFound,
}

/// Why a document was not fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The URL or an address it leads to is not allowed.
    Refused(String),
    /// The fetch itself failed (connection, status, size, time).
    Failed(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Refused(why) => write!(f, "geweigerd: {why}"),
            FetchError::Failed(why) => write!(f, "mislukt: {why}"),
        }
    }
}

/// Whether an address is on the public internet (not loopback, private, link-local, shared,
/// documentation, benchmarking, multicast, reserved or unspecified; IPv4 inside IPv6 judged
/// as IPv4).
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let s = v6.segments();
            // NAT64 (64:ff9b::/96) carries an IPv4 address
            if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
                let [a, b] = s[6].to_be_bytes();
                let [c, d] = s[7].to_be_bytes();
                return is_public_v4(Ipv4Addr::new(a, b, c, d));
            }
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link-local
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || v6 == Ipv6Addr::UNSPECIFIED)
        }
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local() // 169.254/16: the cloud metadata address
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space
        || (a == 192 && b == 0 && c == 0)
        || (a == 192 && b == 0 && c == 2)
        || (a == 198 && (b == 18 || b == 19))
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || a >= 240)
}

impl Fetcher {
    /// The settings of production: https, public addresses, 10 MB, 10 s, 5 redirects.
    pub fn strict(max_bytes: usize) -> Self {
        Fetcher {
            allow_http: false,
            allow_loopback: false,
            max_bytes,
            timeout: Duration::from_secs(10),
            max_redirects: 5,
            resolver: system_resolver(),
        }
    }

    fn allowed(&self, ip: IpAddr) -> bool {
        is_public(ip) || (self.allow_loopback && ip.is_loopback())
    }

    /// The addresses `url` may be fetched from, checked.
    async fn check(&self, url: &reqwest::Url) -> Result<Vec<SocketAddr>, FetchError> {
        match url.scheme() {
            "https" => {}
            "http" if self.allow_http => {}
            s => return Err(FetchError::Refused(format!("alleen https, niet {s}"))),
        }
        let port = url.port_or_known_default().unwrap_or(443);
        let ips = match url.host() {
            Some(url::Host::Ipv4(ip)) => vec![IpAddr::V4(ip)],
            Some(url::Host::Ipv6(ip)) => vec![IpAddr::V6(ip)],
            Some(url::Host::Domain(name)) => (self.resolver)(name.to_string(), port)
                .await
                .map_err(|e| FetchError::Failed(format!("{name} niet gevonden: {e}")))?,
            None => return Err(FetchError::Refused("de URL heeft geen host".into())),
        };
        if ips.is_empty() {
            return Err(FetchError::Failed("de naam heeft geen adres".into()));
        }
        // every address must be allowed: a name with one public and one private address would
        // otherwise reach the private one
        if let Some(bad) = ips.iter().find(|ip| !self.allowed(**ip)) {
            return Err(FetchError::Refused(format!("{bad} is geen openbaar adres")));
        }
        Ok(ips.into_iter().map(|ip| SocketAddr::new(ip, port)).collect())
    }

    /// Fetches a document: its text, or why not.
    pub async fn fetch(&self, url: &str) -> Result<String, FetchError> {
        match self
            .get(url, "application/json, application/yaml, text/yaml, */*", None)
            .await?
        {
            Answer::Body { text, .. } => Ok(text),
            Answer::NotModified => Err(FetchError::Failed("status 304".into())),
            Answer::NotFound => Err(FetchError::Failed("status 404".into())),
        }
    }

    /// A conditional GET with the same safety: with `if_none_match` (an ETag of an earlier
    /// answer), an unchanged document is [`Answer::NotModified`] and costs no body. 404 and 410
    /// are [`Answer::NotFound`] (a harvest tells a missing file from a failing forge).
    pub async fn get(&self, url: &str, accept: &str, if_none_match: Option<&str>) -> Result<Answer, FetchError> {
        tokio::time::timeout(self.timeout, self.get_inner(url, accept, if_none_match))
            .await
            .map_err(|_| FetchError::Failed(format!("geen antwoord binnen {} s", self.timeout.as_secs())))?
    }

    async fn get_inner(&self, url: &str, accept: &str, if_none_match: Option<&str>) -> Result<Answer, FetchError> {
        let mut current = reqwest::Url::parse(url).map_err(|e| FetchError::Refused(format!("geen URL: {e}")))?;
        for _ in 0..=self.max_redirects {
            let addrs = self.check(&current).await?;
            let mut builder = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                // never through a proxy from the environment (HTTPS_PROXY, …): the proxy would
                // resolve the name itself, past the address checks and the pinning below
                .no_proxy()
                .user_agent(concat!("grondwerk-catalogus/", env!("CARGO_PKG_VERSION")))
                .timeout(self.timeout);
            if let Some(host) = current.host_str() {
                // connect to the address that was checked, whatever DNS says now
                builder = builder.resolve_to_addrs(host, &addrs);
            }
            let client = builder.build().map_err(|e| FetchError::Failed(e.to_string()))?;
            let mut request = client.get(current.clone()).header("Accept", accept);
            if let Some(tag) = if_none_match {
                request = request.header("If-None-Match", tag);
            }
            let mut resp = request.send().await.map_err(|e| FetchError::Failed(e.to_string()))?;
            if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
                return Ok(Answer::NotModified);
            }
            if resp.status().is_redirection() {
                let location = resp
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| FetchError::Failed("doorverwijzing zonder Location".into()))?;
                current = current
                    .join(location)
                    .map_err(|e| FetchError::Refused(format!("doorverwijzing naar geen URL: {e}")))?;
                continue;
            }
            if matches!(resp.status().as_u16(), 404 | 410) {
                return Ok(Answer::NotFound);
            }
            if !resp.status().is_success() {
                return Err(FetchError::Failed(format!("status {}", resp.status().as_u16())));
            }
            if resp.content_length().is_some_and(|n| n > self.max_bytes as u64) {
                return Err(FetchError::Failed(format!("groter dan {} bytes", self.max_bytes)));
            }
            let etag = resp
                .headers()
                .get(reqwest::header::ETAG)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            let mut body: Vec<u8> = Vec::new();
            while let Some(chunk) = resp.chunk().await.map_err(|e| FetchError::Failed(e.to_string()))? {
                if body.len() + chunk.len() > self.max_bytes {
                    return Err(FetchError::Failed(format!("groter dan {} bytes", self.max_bytes)));
                }
                body.extend_from_slice(&chunk);
            }
            let text = String::from_utf8(body).map_err(|_| FetchError::Failed("geen UTF-8-tekst".into()))?;
            return Ok(Answer::Body { text, etag });
        }
        Err(FetchError::Failed(format!(
            "meer dan {} doorverwijzingen",
            self.max_redirects
        )))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_public_addresses() {
        for private in [
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "fc00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
            "64:ff9b::a9fe:a9fe",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in ["8.8.8.8", "145.21.0.1", "2a00:1450:4001::1"] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }
}
