//! The catalogue's HTML pages, rendered on the server (maud; no JavaScript): the home page with
//! the five Common Ground layers, search with filters, and a component's page. Written to WCAG
//! 2.1 AA: one `main` with a skip link, headings in order, labels on every field, visible focus,
//! contrast of at least 4.5:1, and a layout that works at 320 pixels wide. Dutch interface text.

use crate::AppState;
use crate::app::components::{self, Detail};
use crate::domain::kinds::Layer;
use crate::domain::lint::{self, Finding, Severity};
use crate::domain::publiccode::is_http_url;
use crate::store::{self, ComponentRow, Filter};
use actix_web::{HttpRequest, HttpResponse, web};
use maud::{DOCTYPE, Markup, html};
use platform::Problem;

/// Mounts the pages.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home))
        .route("/componenten", web::get().to(search))
        .route("/componenten/{id}", web::get().to(component))
        .route("/componenten/{id}/versies/{versie}/docs", web::get().to(swagger))
        .route("/catalogus/swagger-spec.js", web::get().to(swagger_script));
}

const STYLE: &str = "
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#00458a;text-decoration:underline}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header{background:#00305e;color:#fff;padding:1rem}header a{color:#fff}
main{max-width:62rem;margin:0 auto;padding:1rem}
h1{font-size:clamp(1.5rem,7vw,2.25rem)}
h1,h2,h3{overflow-wrap:anywhere;hyphens:auto}
footer{max-width:62rem;margin:2rem auto;padding:1rem;border-top:1px solid #767676;color:#4a4a4a}
ul.lagen,ul.resultaten{list-style:none;padding:0;display:grid;gap:1rem}
ul.lagen{grid-template-columns:repeat(auto-fit,minmax(11rem,1fr))}
ul.lagen li,ul.resultaten li{border:1px solid #767676;border-radius:4px;padding:1rem}
form.zoeken{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
form.zoeken div{display:flex;flex-direction:column;min-width:12rem;flex:1}
label{font-weight:600}
input,select,button{font:inherit;padding:.5rem;border:1px solid #4a4a4a;border-radius:4px;max-width:100%}
button{background:#00458a;color:#fff;border-color:#00458a;cursor:pointer}
dl.kenmerken{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.kenmerken dt{font-weight:600}dl.kenmerken dd{margin:0;overflow-wrap:anywhere}
.tabel{overflow-x:auto}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #767676;vertical-align:top}
td code{overflow-wrap:anywhere}
.fout{color:#a50e0e;font-weight:600}
.melding{border-left:4px solid #a50e0e;padding:0 1rem;margin:1rem 0}
";

fn layer_name(layer: Option<Layer>) -> &'static str {
    layer.map_or("Onbekend", Layer::title)
}

/// A page of the catalogue: its style, menu, main content `body` and footer.
fn page(title: &str, body: Markup) -> HttpResponse {
    document(
        title,
        html! { style { (maud::PreEscaped(STYLE)) } },
        html! {
            a class="skip" href="#inhoud" { "Naar de inhoud" }
            header {
                nav aria-label="Hoofdmenu" {
                    a href="/" { "Componentencatalogus" }
                    " · "
                    a href="/componenten" { "Zoeken" }
                    " · "
                    a href="/api/v1/docs/" { "API" }
                }
            }
            main id="inhoud" { (body) }
            footer { p { "Grondwerk – herbruikbare Common Ground-componenten. Gegevens ook via de API: " code { "/api/v1/componenten" } "." } }
        },
    )
}

/// An HTML document in Dutch: its title (with the catalogue's name), what `styles` adds to the
/// head, and `content` as its body.
fn document(title: &str, styles: Markup, content: Markup) -> HttpResponse {
    let markup = html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " – Componentencatalogus" }
                (styles)
            }
            body { (content) }
        }
    };
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(markup.into_string())
}

async fn home(state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let layers = components::landscape(&state).await?;
    let total: i64 = layers.iter().map(|l| l.componenten).sum();
    let of = |layer: &str| layers.iter().find(|l| l.laag.as_deref() == Some(layer));
    Ok(page(
        "Home",
        html! {
            h1 { "Componentencatalogus" }
            p { "Welke Common Ground-componenten er zijn, in welke staat, wie ze onderhoudt en gebruikt, en of hun API de API Design Rules volgt. " (total) " componenten." }
            h2 { "De vijf lagen" }
            ul class="lagen" {
                @for layer in Layer::ALL {
                    @let summary = of(layer.as_str());
                    @let count = summary.map_or(0, |s| s.componenten);
                    @let apis = summary.map_or(0, |s| s.apis);
                    li {
                        h3 { a href={ "/componenten?laag=" (layer) } { (layer.title()) } }
                        p { (count) @if count == 1 { " component" } @else { " componenten" } ", " (apis) " met een API" }
                        @if let Some(score) = summary.and_then(store::LayerSummary::average_score) {
                            p { "API Design Rules: gemiddeld " (score) "%" }
                        }
                    }
                }
            }
            h2 { "Zoeken" }
            (search_form(None, None, None))
        },
    ))
}

fn search_form(zoek: Option<&str>, laag: Option<&str>, status: Option<&str>) -> Markup {
    html! {
        form class="zoeken" method="get" action="/componenten" role="search" {
            div {
                label for="zoek" { "Zoekwoorden" }
                input id="zoek" name="zoek" type="search" value=(zoek.unwrap_or(""));
            }
            div {
                label for="laag" { "Laag" }
                select id="laag" name="laag" {
                    option value="" { "Alle lagen" }
                    @for l in Layer::ALL {
                        option value=(l) selected[laag == Some(l.as_str())] { (l.title()) }
                    }
                }
            }
            div {
                label for="status" { "Status" }
                select id="status" name="status" {
                    option value="" { "Elke status" }
                    @for s in ["concept", "development", "beta", "stable", "obsolete"] {
                        option value=(s) selected[status == Some(s)] { (s) }
                    }
                }
            }
            div { button type="submit" { "Zoeken" } }
        }
    }
}

fn component_card(c: &ComponentRow) -> Markup {
    html! {
        li {
            h2 { a href={ "/componenten/" (c.id) } { (c.naam) } }
            p { (c.korte_beschrijving) }
            dl class="kenmerken" {
                dt { "Laag" } dd { (layer_name(c.laag)) }
                dt { "Status" } dd { (c.status) }
                dt { "Licentie" } dd { (c.licentie) }
                (followed_from(c))
                @if let Some(o) = &c.organisatie { dt { "Organisatie" } dd { (o) } }
            }
        }
    }
}

async fn search(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let params = platform::http::QueryParams::parse(req.query_string(), &["zoek", "laag", "status"])?;
    let text = |n: &str| params.get(n).filter(|v| !v.is_empty()).map(str::to_string);
    let (zoek, laag, status) = (text("zoek"), text("laag"), text("status"));
    let filter = Filter {
        laag: laag.clone(),
        status: status.clone(),
        words: zoek.as_deref().map(store::search_words).unwrap_or_default(),
        ..Filter::default()
    };
    let (rows, total, _) = components::list(&state, filter, 0, 100).await?;
    Ok(page(
        "Zoeken",
        html! {
            h1 { "Componenten zoeken" }
            (search_form(zoek.as_deref(), laag.as_deref(), status.as_deref()))
            h2 id="resultaten" aria-live="polite" { (total) " gevonden" }
            @if rows.is_empty() {
                p { "Geen componenten gevonden. Probeer andere zoekwoorden of minder filters." }
            } @else {
                ul class="resultaten" aria-labelledby="resultaten" {
                    @for c in &rows { (component_card(c)) }
                }
            }
        },
    ))
}

fn findings_table(findings: &[Finding]) -> Markup {
    html! {
        div class="tabel" {
            table {
                caption { "Bevindingen van de toets" }
                thead { tr { th scope="col" { "Regel" } th scope="col" { "Ernst" } th scope="col" { "Plaats" } th scope="col" { "Melding" } } }
                tbody {
                    @for f in findings {
                        tr {
                            td { (f.rule) }
                            td { @if f.severity == Severity::Error { span class="fout" { "fout" } } @else { "waarschuwing" } }
                            // a path may break after each of its dots
                            td { code { @for (i, part) in f.path.iter().enumerate() { @if i > 0 { "." wbr; } (part) } } }
                            // the ruleset's words in Dutch; a rule outside it keeps the ruleset's own
                            @match lint::dutch_description(&f.rule) {
                                Some(dutch) => td { (dutch) },
                                None => td lang="en" { (f.message) },
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn component(path: web::Path<String>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let Detail {
        component: c,
        versions,
        users,
        depends_on,
        warnings,
        harvested_from,
    } = components::get(&state, path.into_inner()).await?;
    let latest_spec = versions.iter().find(|v| v.has_spec).map(|v| v.versie);
    let findings: Vec<Finding> = match latest_spec {
        Some(n) => components::version(&state, c.id.clone(), n)
            .await?
            .adr_bevindingen
            .map(platform::db::Json::into_inner)
            .unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(page(
        &c.naam,
        html! {
            h1 { (c.naam) }
            p { (c.korte_beschrijving) }
            dl class="kenmerken" {
                dt { "Laag" } dd { (layer_name(c.laag)) }
                dt { "Status" } dd { (c.status) }
                dt { "Soort" } dd { (c.software_type) }
                @if let Some(i) = &c.installatietype { dt { "Installatie" } dd { (i) } }
                @if let Some(o) = &c.organisatie { dt { "Organisatie" } dd { (o) } }
                dt { "Licentie" } dd { (c.licentie) }
                (followed_from(&c))
                dt { "Broncode" }
                dd {
                    // only http(s) is ever a link (entries of before the check included), and
                    // never to a name that cannot exist (example.invalid and the like)
                    @if is_reserved_host(&c.url) {
                        "niet openbaar (" code { (c.url) } ")"
                    } @else {
                        (link_if_http(&c.url, &c.url))
                    }
                }
            }
            @if let Some(r) = &harvested_from {
                (harvest_notice(r))
            }
            h2 { "Beschrijving" }
            p { (c.beschrijving) }
            @if !warnings.is_empty() {
                h2 { "Verouderd in de publiccode.yml" }
                p { "De laatste versie is aanvaard, maar gebruikt wat de standaard verouderd noemt:" }
                ul { @for w in &warnings { li { code { (w.pad) } ": " (w.melding) } } }
            }
            h2 { "API Design Rules" }
            @if let Some(n) = latest_spec {
                p { "Score op de API Design Rules 2.2 (versie " (n) "): " strong { (lint::score(&findings)) "%" } " van de regels gehaald. "
                    a href={ "/api/v1/componenten/" (c.id) "/versies/" (n) "/openapi.json" } { "De OpenAPI-spec (JSON)" } ", "
                    a href={ "/componenten/" (c.id) "/versies/" (n) "/docs" } { "bekijken in Swagger UI" } "." }
                @if findings.is_empty() { p { "Geen bevindingen." } } @else { (findings_table(&findings)) }
            } @else {
                p { "Dit component heeft geen OpenAPI-spec." }
            }
            h2 { "Versies" }
            div class="tabel" {
                table {
                    caption { "Versies, nieuwste eerst" }
                    thead { tr { th scope="col" { "Versie" } th scope="col" { "Softwareversie" } th scope="col" { "Gepubliceerd" } th scope="col" { "ADR-score" } th scope="col" { "Brekende wijzigingen" } th scope="col" { "Bron" } } }
                    tbody {
                        @for v in &versions {
                            tr {
                                td { (v.versie) }
                                td { (v.software_versie.as_deref().unwrap_or("–")) }
                                td { (v.aangemaakt_op.format("%Y-%m-%d")) }
                                td { @if let Some(s) = v.adr_score { (s) "%" } @else { "–" } }
                                td {
                                    @match v.aantal_brekend {
                                        Some(0) => "geen",
                                        Some(b) => a href={ "/api/v1/componenten/" (c.id) "/versies/" (v.versie) "/wijzigingen" } { span class="fout" { (b) } " (bekijk)" },
                                        None => "–",
                                    }
                                }
                                td { (source_link(v.bron.as_deref())) }
                            }
                        }
                    }
                }
            }
            h2 { "Gebruikt door" }
            @if users.is_empty() { p { "Nog geen organisatie heeft gemeld dit te gebruiken." } } @else {
                ul { @for u in &users { li { (u.organisatie) " – versie " (u.versie) ", " (u.omgeving) ", sinds " (u.sinds.format("%Y-%m-%d")) } } }
            }
            @if !depends_on.is_empty() {
                h2 { "Afhankelijk van" }
                ul { @for (name, id) in &depends_on { li { @if let Some(id) = id { a href={ "/componenten/" (id) } { (name) } } @else { (name) } } } }
            }
        },
    ))
}

/// A link to `url` when it is an http(s) URL, else the label as text.
fn link_if_http(url: &str, label: &str) -> Markup {
    html! { @if is_http_url(url) { a href=(url) { (label) } } @else { (label) } }
}

/// The catalogue a followed component comes from, as a term of its description list.
fn followed_from(c: &ComponentRow) -> Markup {
    html! {
        @if let Some(from) = &c.gevolgd_van {
            dt { "Uit catalogus" }
            dd { (link_if_http(from, from)) }
        }
    }
}

/// Where a harvested component comes from, and what the last harvest found there when that is
/// not simply the file (a repository that is gone or whose file is refused is said so).
fn harvest_notice(r: &crate::store::harvest::RepositoryRow) -> Markup {
    use crate::store::harvest::RepositoryStatus as S;
    let when = r.gecontroleerd_op.format("%Y-%m-%d %H:%M");
    let state = match r.status {
        S::Found => None,
        S::NoPubliccode => Some("De repository heeft geen publiccode.yml meer."),
        S::Invalid => {
            Some("De publiccode.yml in de repository wordt geweigerd; de laatste aanvaarde versie staat hier.")
        }
        S::Gone => Some("De repository is verdwenen; het component blijft zoals het laatst gevonden is."),
        S::Unreachable => Some("De forge antwoordde niet bij de laatste oogst."),
    };
    html! {
        section class=@if state.is_some() { "melding" } aria-labelledby="oogst" {
            h2 id="oogst" { "Geoogst" }
            p {
                "Uit de repository "
                (link_if_http(&r.web_url, &r.repository))
                ", gecontroleerd op " (when) " (UTC)."
            }
            @if let Some(s) = state { p { strong { (s) } } }
            @if let Some(m) = r.melding.as_deref().filter(|m| !m.is_empty()) { p { (m) } }
        }
    }
}

/// Whether a URL's host is a name reserved never to exist (RFC 2606 and 6761: `.invalid`,
/// `.example`, `.test`, `.localhost`, `example.org` and the like): a link there leads nowhere.
fn is_reserved_host(u: &str) -> bool {
    let Some(host) = url::Url::parse(u)
        .ok()
        .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
    else {
        return false;
    };
    let host = host.trim_end_matches('.');
    ["invalid", "example", "test", "localhost"]
        .iter()
        .any(|tld| host == *tld || host.ends_with(&format!(".{tld}")))
        || ["example.com", "example.net", "example.org"]
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

/// Where a version came from: its source's host as a link, or "hier" for one published to this
/// catalogue.
fn source_link(source: Option<&str>) -> Markup {
    match source {
        Some(url) if is_http_url(url) => {
            let host = url::Url::parse(url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| url.to_string());
            html! { a href=(url) { (host) } }
        }
        Some(other) => html! { (other) },
        None => html! { "hier" },
    }
}

/// A version's spec in Swagger UI (the platform's own copy of it; the page's one script is ours,
/// so the Content-Security-Policy needs no inline code).
async fn swagger(path: web::Path<(String, i32)>, state: web::Data<AppState>) -> Result<HttpResponse, Problem> {
    let (id, versie) = path.into_inner();
    let v = components::version(&state, id.clone(), versie).await?;
    if v.openapi.is_none() {
        return Err(Problem::not_found("Deze versie heeft geen OpenAPI-spec."));
    }
    let spec = format!("/api/v1/componenten/{id}/versies/{versie}/openapi.json");
    Ok(document(
        &format!("API van versie {versie}"),
        html! { link rel="stylesheet" href="/api/v1/docs/swagger-ui.css"; },
        html! {
            main {
                p { a href={ "/componenten/" (id) } { "Terug naar het component" } }
                div id="swagger-ui" data-spec=(spec) {}
            }
            script src="/api/v1/docs/swagger-ui-bundle.js" {}
            script src="/catalogus/swagger-spec.js" {}
        },
    ))
}

async fn swagger_script() -> HttpResponse {
    HttpResponse::Ok().content_type("text/javascript").body(
        "window.onload = function () {\n  var el = document.getElementById('swagger-ui');\n  window.ui = SwaggerUIBundle({ dom_id: '#swagger-ui', url: el.dataset.spec, deepLinking: true });\n};\n",
    )
}
