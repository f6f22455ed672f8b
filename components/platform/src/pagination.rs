//! Pagination for every list: `page` (from 1) and `pageSize` (1–100, default 20), with HAL-style
//! links to the next and previous page.

use diesel::{AsExpression, FromSqlRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Largest page size.
pub const MAX_PAGE_SIZE: i64 = 100;
/// Page size when none is asked.
pub const DEFAULT_PAGE_SIZE: i64 = 20;

/// A validated page request: the `page` and `pageSize` of every list, declared once (the spec's
/// parameters come from these fields; see [`crate::query::Paged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, validator::Validate, utoipa::IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PageRequest {
    /// Paginanummer, vanaf 1.
    #[serde(default = "first_page")]
    #[validate(range(min = 1, max = 2_147_483_647))]
    #[param(minimum = 1, maximum = 2_147_483_647, default = 1)]
    pub page: i64,
    /// Aantal per pagina (1-100).
    #[serde(default = "default_page_size")]
    #[validate(range(min = 1, max = 100))]
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: i64,
}

fn first_page() -> i64 {
    1
}

fn default_page_size() -> i64 {
    DEFAULT_PAGE_SIZE
}

impl PageRequest {
    /// Rows to skip.
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.page_size
    }
}

/// One link.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ToSchema)]
pub struct Link {
    /// The URL (path and query).
    pub href: String,
}

/// Links of a page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ToSchema)]
pub struct PageLinks {
    /// This page.
    #[serde(rename = "self")]
    pub self_: Link,
    /// The first page.
    pub first: Link,
    /// The previous page, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev: Option<Link>,
    /// The next page, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
}

/// Page facts returned with every list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PageInfo {
    /// This page's number.
    pub page: i64,
    /// Items per page.
    pub page_size: i64,
    /// Items over all pages.
    pub total_items: i64,
    /// Number of pages.
    pub total_pages: i64,
}

/// Builds links and page facts for `path` with the other query pairs kept.
pub fn links(path: &str, query: &[(String, String)], req: PageRequest, total: i64) -> (PageLinks, PageInfo) {
    let total_pages = ((total + req.page_size - 1) / req.page_size).max(1);
    let href = |page: i64| {
        let mut pairs: Vec<(String, String)> = query
            .iter()
            .filter(|(k, _)| k != "page" && k != "pageSize")
            .cloned()
            .collect();
        pairs.push(("page".into(), page.to_string()));
        pairs.push(("pageSize".into(), req.page_size.to_string()));
        let q: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect();
        Link {
            href: format!("{path}?{}", q.join("&")),
        }
    };
    (
        PageLinks {
            self_: href(req.page),
            first: href(1),
            prev: (req.page > 1).then(|| href((req.page - 1).min(total_pages))),
            next: (req.page < total_pages).then(|| href(req.page + 1)),
        },
        PageInfo {
            page: req.page,
            page_size: req.page_size,
            total_items: total,
            total_pages,
        },
    )
}

fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_other_pairs() {
        let r = PageRequest { page: 2, page_size: 10 };
        assert_eq!(r.offset(), 10);
        let (l, i) = links("/x", &[("a".into(), "b c".into())], r, 25);
        assert_eq!(i.total_pages, 3);
        assert_eq!(l.next.unwrap().href, "/x?a=b%20c&page=3&pageSize=10");
        assert_eq!(l.prev.unwrap().href, "/x?a=b%20c&page=1&pageSize=10");
    }
}

// the `status` filter of lists of signals; its doc comment is the spec's description, in the
// API's language
/// Open of gesloten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum OpenOrClosed {
    /// Nog af te handelen.
    Open,
    /// Afgehandeld.
    Gesloten,
}

/// The filter of lists of signals: their status.
#[derive(Debug, Clone, Copy, Default, Deserialize, validator::Validate, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusFilter {
    /// open of gesloten.
    #[param(inline)]
    pub status: Option<OpenOrClosed>,
}

crate::text_enum!(OpenOrClosed { Open => "open", Gesloten => "gesloten" });
