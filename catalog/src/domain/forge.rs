//! The forges a harvest reads: where a GitHub organisation's or GitLab group's repositories are
//! listed, where a repository's publiccode.yml is, and what their REST answers say. Pure: the
//! requests are made in `app::harvest`.
//!
//! GitHub REST (docs.github.com/rest, `repos/list-for-org`, `repos/get`, `repos/get-content`
//! with the raw media type) and GitLab REST v4 (`groups/:id/projects`, `projects/:id`,
//! `projects/:id/repository/files/:file_path/raw`).

use diesel::{AsExpression, FromSqlRow};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// The kind of forge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, AsExpression, FromSqlRow)]
#[serde(rename_all = "lowercase")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Forge {
    /// GitHub (or GitHub Enterprise): `https://api.github.com`.
    Github,
    /// GitLab (gitlab.com or a municipality's own): `https://gitlab.com/api/v4`.
    Gitlab,
}

platform::text_enum!(Forge {
    Github => "github",
    Gitlab => "gitlab",
});

/// How many repositories a page of a listing asks for (both forges' maximum).
pub const PER_PAGE: usize = 100;

/// The names a repository's publiccode.yml goes by, in the order they are tried.
pub const PUBLICCODE_FILES: [&str; 2] = ["publiccode.yml", "publiccode.yaml"];

/// A repository as a listing (or a lookup) gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    /// `owner/name` (GitHub) or `group/sub/project` (GitLab).
    pub name: String,
    /// Its page for people.
    pub web_url: String,
    /// The branch its publiccode.yml is read from.
    pub default_branch: String,
    /// Archived repositories are harvested too (a component may be obsolete), but said so.
    pub archived: bool,
}

/// Percent-encodes a path segment (GitLab takes a project or group path as one segment, its
/// slashes encoded).
pub fn encode(segment: &str) -> String {
    url::form_urlencoded::byte_serialize(segment.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

impl Forge {
    /// The page `page` (from 1) of a group's repositories.
    pub fn listing_url(self, api: &str, group: &str, page: usize) -> String {
        let api = api.trim_end_matches('/');
        match self {
            Forge::Github => format!(
                "{api}/orgs/{}/repos?type=public&per_page={PER_PAGE}&page={page}",
                encode(group)
            ),
            Forge::Gitlab => format!(
                "{api}/groups/{}/projects?include_subgroups=true&visibility=public&per_page={PER_PAGE}&page={page}",
                encode(group)
            ),
        }
    }

    /// One repository by name.
    pub fn repository_url(self, api: &str, name: &str) -> String {
        let api = api.trim_end_matches('/');
        match self {
            // owner and name as two segments: each encoded, the slash between kept
            Forge::Github => {
                let (owner, repo) = name.split_once('/').unwrap_or((name, ""));
                format!("{api}/repos/{}/{}", encode(owner), encode(repo))
            }
            Forge::Gitlab => format!("{api}/projects/{}", encode(name)),
        }
    }

    /// A file of a repository at a branch, as its raw content.
    pub fn file_url(self, api: &str, repo: &Repository, file: &str) -> String {
        let api = api.trim_end_matches('/');
        match self {
            Forge::Github => format!(
                "{}/contents/{}?ref={}",
                self.repository_url(api, &repo.name),
                encode(file),
                encode(&repo.default_branch)
            ),
            Forge::Gitlab => format!(
                "{api}/projects/{}/repository/files/{}/raw?ref={}",
                encode(&repo.name),
                encode(file),
                encode(&repo.default_branch)
            ),
        }
    }

    /// The `Accept` header of a file request: GitHub gives the raw file for its raw media type
    /// (else a JSON envelope with base64); GitLab's `raw` endpoint gives the file as it is.
    pub fn file_accept(self) -> &'static str {
        match self {
            Forge::Github => "application/vnd.github.raw+json",
            Forge::Gitlab => "text/plain, */*",
        }
    }

    /// A repository from one item of a listing or a lookup; none when the item lacks what a
    /// harvest needs (the forge's answer is then malformed for that repository).
    pub fn repository(self, item: &Value) -> Option<Repository> {
        let s = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_string);
        let (name, web_url) = match self {
            Forge::Github => (s("full_name")?, s("html_url")?),
            Forge::Gitlab => (s("path_with_namespace")?, s("web_url")?),
        };
        Some(Repository {
            name,
            web_url,
            default_branch: s("default_branch").unwrap_or_else(|| "main".into()),
            archived: item.get("archived").and_then(Value::as_bool).unwrap_or(false),
        })
    }

    /// The repositories of a listing page (a JSON array); `Err` when the page is not one.
    pub fn page(self, body: &str) -> Result<Vec<Repository>, String> {
        let items: Vec<Value> = serde_json::from_str(body).map_err(|e| format!("geen lijst van repositories: {e}"))?;
        items
            .iter()
            .map(|i| {
                self.repository(i)
                    .ok_or_else(|| format!("een repository zonder naam of adres: {i}"))
            })
            .collect()
    }

    /// The address of a file for people (a version's `bron`).
    pub fn file_web_url(self, repo: &Repository, file: &str) -> String {
        let web = repo.web_url.trim_end_matches('/');
        match self {
            Forge::Github => format!("{web}/blob/{}/{file}", repo.default_branch),
            Forge::Gitlab => format!("{web}/-/blob/{}/{file}", repo.default_branch),
        }
    }
}

/// Whether a repository name is one a forge can have: `owner/name` for GitHub, a group path
/// with its project for GitLab; letters, digits, `-`, `_` and `.`, not starting with a dot.
pub fn is_repository_name(forge: Forge, name: &str) -> bool {
    let segments: Vec<&str> = name.split('/').collect();
    let shape = match forge {
        Forge::Github => segments.len() == 2,
        Forge::Gitlab => segments.len() >= 2,
    };
    shape && segments.iter().all(|s| is_segment(s))
}

/// Whether a group (a GitHub organisation, a GitLab group path) is well formed.
pub fn is_group_name(forge: Forge, name: &str) -> bool {
    let segments: Vec<&str> = name.split('/').collect();
    (forge == Forge::Gitlab || segments.len() == 1) && segments.iter().all(|s| is_segment(s))
}

fn is_segment(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && !s.starts_with('.')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn the_urls_of_both_forges() {
        let repo = Repository {
            name: "open-zaak/open-zaak".into(),
            web_url: "https://github.com/open-zaak/open-zaak".into(),
            default_branch: "main".into(),
            archived: false,
        };
        assert_eq!(
            Forge::Github.listing_url("https://api.github.com/", "open-zaak", 2),
            "https://api.github.com/orgs/open-zaak/repos?type=public&per_page=100&page=2"
        );
        assert_eq!(
            Forge::Github.file_url("https://api.github.com", &repo, "publiccode.yml"),
            "https://api.github.com/repos/open-zaak/open-zaak/contents/publiccode.yml?ref=main"
        );
        assert_eq!(
            Forge::Gitlab.listing_url("https://gitlab.com/api/v4", "gemeente/team", 1),
            "https://gitlab.com/api/v4/groups/gemeente%2Fteam/projects?include_subgroups=true&visibility=public&per_page=100&page=1"
        );
        let lab = Repository {
            name: "gemeente/team/app".into(),
            web_url: "https://gitlab.com/gemeente/team/app".into(),
            default_branch: "develop".into(),
            archived: false,
        };
        assert_eq!(
            Forge::Gitlab.file_url("https://gitlab.com/api/v4", &lab, "publiccode.yml"),
            "https://gitlab.com/api/v4/projects/gemeente%2Fteam%2Fapp/repository/files/publiccode.yml/raw?ref=develop"
        );
        assert_eq!(
            Forge::Gitlab.file_web_url(&lab, "publiccode.yml"),
            "https://gitlab.com/gemeente/team/app/-/blob/develop/publiccode.yml"
        );
    }

    #[test]
    fn listings_as_each_forge_answers() {
        let github = json!([{ "full_name": "o/a", "html_url": "https://github.com/o/a", "default_branch": "main", "archived": true }]);
        let found = Forge::Github.page(&github.to_string()).unwrap();
        assert_eq!((found[0].name.as_str(), found[0].archived), ("o/a", true));
        let gitlab = json!([{ "path_with_namespace": "g/p", "web_url": "https://gitlab.com/g/p" }]);
        assert_eq!(
            Forge::Gitlab.page(&gitlab.to_string()).unwrap()[0].default_branch,
            "main"
        );
        assert!(Forge::Github.page("{\"message\":\"Not Found\"}").is_err());
        assert!(Forge::Github.page(&gitlab.to_string()).is_err());
    }

    #[test]
    fn names() {
        assert!(is_repository_name(Forge::Github, "open-zaak/open-zaak"));
        assert!(!is_repository_name(Forge::Github, "a/b/c"));
        assert!(is_repository_name(Forge::Gitlab, "a/b/c"));
        assert!(!is_repository_name(Forge::Gitlab, "a/../b"));
        assert!(!is_repository_name(Forge::Github, "a/b?x=1"));
        assert!(is_group_name(Forge::Github, "open-zaak") && !is_group_name(Forge::Github, "a/b"));
        assert!(is_group_name(Forge::Gitlab, "a/b"));
    }
}
