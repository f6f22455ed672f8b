//! Pagination for every list: `page` (from 1) and `pageSize` (1–100, default 20), with HAL-style
//! links to the next and previous page.

use crate::InvalidParam;
use serde::Serialize;

/// Largest page size.
pub const MAX_PAGE_SIZE: i64 = 100;
/// Page size when none is asked.
pub const DEFAULT_PAGE_SIZE: i64 = 20;

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// Page number, from 1.
    pub page: i64,
    /// Items per page.
    pub page_size: i64,
}

impl PageRequest {
    /// Validates `page` and `pageSize` as given in the query, adding faults to `errors`.
    pub fn parse(page: Option<&str>, page_size: Option<&str>, errors: &mut Vec<InvalidParam>) -> Self {
        let page = parse_int("page", page, 1, 1, i64::from(i32::MAX), errors);
        let page_size = parse_int("pageSize", page_size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors);
        PageRequest { page, page_size }
    }

    /// `page` and `pageSize` from a checked query string; 400 naming each fault.
    pub fn from_params(params: &crate::http::QueryParams) -> Result<Self, crate::Problem> {
        let mut errors = Vec::new();
        let page = PageRequest::parse(params.get("page"), params.get("pageSize"), &mut errors);
        if errors.is_empty() {
            Ok(page)
        } else {
            Err(crate::Problem::params_validation(errors))
        }
    }

    /// Rows to skip.
    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.page_size
    }
}

fn parse_int(name: &str, v: Option<&str>, default: i64, min: i64, max: i64, errors: &mut Vec<InvalidParam>) -> i64 {
    let Some(v) = v else { return default };
    match v.parse::<i64>() {
        Err(_) => {
            errors.push(InvalidParam::new(name, "integer", "Waarde is geen geldige integer."));
            default
        }
        Ok(n) if n < min => {
            errors.push(InvalidParam::new(
                name,
                "minimum",
                format!("Waarde is lager dan minimum {min}."),
            ));
            default
        }
        Ok(n) if n > max => {
            errors.push(InvalidParam::new(
                name,
                "maximum",
                format!("Waarde is hoger dan maximum {max}."),
            ));
            default
        }
        Ok(n) => n,
    }
}

/// One link.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Link {
    /// The URL (path and query).
    pub href: String,
}

/// Links of a page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
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
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
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
    fn validates_and_links() {
        let mut e = Vec::new();
        let r = PageRequest::parse(Some("2"), Some("10"), &mut e);
        assert!(e.is_empty());
        assert_eq!(r.offset(), 10);
        let (l, i) = links("/x", &[("a".into(), "b c".into())], r, 25);
        assert_eq!(i.total_pages, 3);
        assert_eq!(l.next.unwrap().href, "/x?a=b%20c&page=3&pageSize=10");
        assert_eq!(l.prev.unwrap().href, "/x?a=b%20c&page=1&pageSize=10");

        PageRequest::parse(Some("0"), Some("101"), &mut e);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].code, "minimum");
        assert_eq!(e[1].code, "maximum");
    }
}

// the `status` filter of lists of signals; its doc comment is the spec's description, in the
// API's language
/// Open of gesloten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema, diesel::AsExpression, diesel::FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum OpenOrClosed {
    /// Nog af te handelen.
    Open,
    /// Afgehandeld.
    Gesloten,
}

impl OpenOrClosed {
    /// The query parameter `status`: absent, or `open` or `gesloten` (400 otherwise).
    pub fn from_query(params: &crate::http::QueryParams) -> Result<Option<Self>, crate::Problem> {
        match params.get("status") {
            None => Ok(None),
            Some("open") => Ok(Some(OpenOrClosed::Open)),
            Some("gesloten") => Ok(Some(OpenOrClosed::Gesloten)),
            Some(_) => Err(crate::Problem::params_validation(vec![crate::InvalidParam::new(
                "status",
                "enum",
                "Waarde moet open of gesloten zijn.",
            )])),
        }
    }
}

crate::text_enum!(OpenOrClosed { Open => "open", Gesloten => "gesloten" });
