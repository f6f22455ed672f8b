//! Request metrics in the Prometheus text format, served at `/metrics`.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Default, Clone, Copy)]
struct Series {
    count: u64,
    seconds: f64,
}

/// Counters per (method, route template, status); route templates keep BSNs out of labels.
#[derive(Default)]
pub struct Metrics {
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
    service: String,
}

impl Metrics {
    /// Metrics for one service (its name becomes the `service` label).
    pub fn new(service: &str) -> Self {
        Metrics {
            series: Mutex::default(),
            service: service.to_string(),
        }
    }

    /// Records one request.
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let mut s = self.series.lock().unwrap_or_else(|p| p.into_inner());
        let e = s.entry((method.to_string(), route.to_string(), status)).or_default();
        e.count += 1;
        e.seconds += elapsed.as_secs_f64();
    }

    /// The exposition text.
    pub fn render(&self) -> String {
        let s = self.series.lock().unwrap_or_else(|p| p.into_inner());
        let mut out =
            String::from("# HELP http_requests_total Requests handled.\n# TYPE http_requests_total counter\n");
        for ((m, r, st), v) in s.iter() {
            out.push_str(&format!(
                "http_requests_total{{service=\"{}\",method=\"{m}\",route=\"{}\",status=\"{st}\"}} {}\n",
                self.service,
                r.replace('"', "'"),
                v.count
            ));
        }
        out.push_str("# HELP http_request_duration_seconds_sum Time spent handling requests.\n# TYPE http_request_duration_seconds_sum counter\n");
        for ((m, r, st), v) in s.iter() {
            out.push_str(&format!(
                "http_request_duration_seconds_sum{{service=\"{}\",method=\"{m}\",route=\"{}\",status=\"{st}\"}} {:.6}\n",
                self.service,
                r.replace('"', "'"),
                v.seconds
            ));
        }
        out
    }
}
