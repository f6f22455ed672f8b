//! Prometheus metrics, one registry per process (the `prometheus` crate's default registry), so
//! every actix worker and every component in the suite counts into the same series and a counter
//! never goes backwards between scrapes. Served on a listener of its own
//! ([`crate::app::metrics_server`]), not on the public port.

use prometheus::{HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, TextEncoder};
use std::sync::LazyLock;
use std::time::Duration;

static REQUESTS: LazyLock<Option<IntCounterVec>> = LazyLock::new(|| {
    register(IntCounterVec::new(
        Opts::new("http_requests_total", "Requests handled."),
        &["service", "method", "route", "status"],
    ))
});

static LATENCY: LazyLock<Option<HistogramVec>> = LazyLock::new(|| {
    register(HistogramVec::new(
        HistogramOpts::new("http_request_duration_seconds", "Time spent handling requests.").buckets(vec![
            0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
        ]),
        &["service", "method", "route", "status"],
    ))
});

static AUDIT_BATCH: LazyLock<Option<prometheus::Histogram>> = LazyLock::new(|| {
    register(prometheus::Histogram::with_opts(
        HistogramOpts::new("audit_batch_records", "Audit records written per group commit.")
            .buckets(vec![1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0]),
    ))
});

static AUDIT_QUEUE: LazyLock<Option<IntGauge>> = LazyLock::new(|| {
    register(IntGauge::new(
        "audit_queue_depth",
        "Audit jobs waiting for the writer after the last batch was taken.",
    ))
});

fn register<M: prometheus::core::Collector + Clone + 'static>(m: prometheus::Result<M>) -> Option<M> {
    let m = m.ok()?;
    match prometheus::register(Box::new(m.clone())) {
        Ok(()) => Some(m),
        Err(e) => {
            tracing::error!(error = %e, "metric not registered");
            None
        }
    }
}

/// The metrics of one service: its name is the `service` label of the request series.
#[derive(Debug, Clone)]
pub struct Metrics {
    service: String,
}

impl Metrics {
    /// Metrics for one service.
    pub fn new(service: &str) -> Self {
        Metrics {
            service: service.to_string(),
        }
    }

    /// Records one request (the route is the template, so no BSN ends up in a label).
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let status = status.to_string();
        let labels = [self.service.as_str(), method, route, status.as_str()];
        if let Some(c) = REQUESTS.as_ref() {
            c.with_label_values(&labels).inc();
        }
        if let Some(h) = LATENCY.as_ref() {
            h.with_label_values(&labels).observe(elapsed.as_secs_f64());
        }
    }
}

/// Records one audit group commit: its size and what is still queued.
pub fn observe_audit_batch(records: usize, queued: usize) {
    if let Some(h) = AUDIT_BATCH.as_ref() {
        h.observe(records as f64);
    }
    if let Some(g) = AUDIT_QUEUE.as_ref() {
        g.set(i64::try_from(queued).unwrap_or(i64::MAX));
    }
}

/// The exposition text of the process's registry.
pub fn render() -> String {
    // make sure the families exist before the first request, so scrapers see them at once
    let _ = (&*REQUESTS, &*LATENCY, &*AUDIT_BATCH, &*AUDIT_QUEUE);
    TextEncoder::new()
        .encode_to_string(&prometheus::gather())
        .unwrap_or_default()
}
