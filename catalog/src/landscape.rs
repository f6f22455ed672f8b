//! The seeded landscape: the Common Ground components that exist, with their real publiccode.yml
//! and OpenAPI spec per released version, so a new catalogue shows the landscape on its first day.
//! The files are in `catalog/landscape/` (where each comes from is in its `SOURCES.md`, and
//! `tools/landscape/gather.sh` copies them again) and compiled into the binary.
//!
//! A seeded component is loaded once, at the first start that does not know its `url`; after
//! that it is its owner's: the organisation named below publishes its next versions, and a
//! catalogue that is restarted (or upgraded with newer seed files) does not change it.

use crate::AppState;
use crate::app::components::{Publication, Publisher, publish};
use crate::domain::kinds::Layer;
use crate::domain::openapi;

/// Who publishes the seeded versions.
pub const SEEDER: &str = "catalogus (landschap)";

/// A seeded component.
#[derive(Debug, Clone, Copy)]
pub struct Seeded {
    /// Its folder in `catalog/landscape/`.
    pub slug: &'static str,
    /// The Common Ground layer the catalogue gives it (the real files name none).
    pub layer: Layer,
    /// The organisation it belongs to: the maintainer its publiccode.yml names.
    pub owner: &'static str,
    /// Its versions, oldest first.
    pub versions: &'static [SeededVersion],
}

/// A released version of a seeded component.
#[derive(Debug, Clone, Copy)]
pub struct SeededVersion {
    /// Its publiccode.yml.
    pub publiccode: &'static str,
    /// Its OpenAPI spec (YAML as published upstream), when it has one.
    pub spec: Option<&'static str>,
    /// The upstream publiccode.yml this version comes from (the repository at its commit).
    pub source: &'static str,
    /// The date of that commit: when the version was published.
    pub date: &'static str,
}

macro_rules! version {
    ($slug:literal, $n:literal, spec, $source:literal, $date:literal) => {
        SeededVersion {
            publiccode: include_str!(concat!("../landscape/", $slug, "/", $n, ".publiccode.yml")),
            spec: Some(include_str!(concat!("../landscape/", $slug, "/", $n, ".openapi.yaml"))),
            source: $source,
            date: $date,
        }
    };
    ($slug:literal, $n:literal, $spec:literal, $source:literal, $date:literal) => {
        SeededVersion {
            publiccode: include_str!(concat!("../landscape/", $slug, "/", $n, ".publiccode.yml")),
            spec: Some(include_str!($spec)),
            source: $source,
            date: $date,
        }
    };
    ($slug:literal, $n:literal, $source:literal, $date:literal) => {
        SeededVersion {
            publiccode: include_str!(concat!("../landscape/", $slug, "/", $n, ".publiccode.yml")),
            spec: None,
            source: $source,
            date: $date,
        }
    };
}

/// The seeded landscape, in the order it is loaded.
pub const LANDSCAPE: &[Seeded] = &[
    Seeded {
        slug: "open-zaak",
        layer: Layer::Services,
        owner: "Maykin",
        versions: &[
            version!(
                "open-zaak",
                "1",
                spec,
                "https://github.com/open-zaak/open-zaak/blob/19d59a923cf9e59d4f424cde42f4d22967b1d9b3/publiccode.yaml",
                "2026-06-16"
            ),
            version!(
                "open-zaak",
                "2",
                spec,
                "https://github.com/open-zaak/open-zaak/blob/71c52aed4a6b21e3daf7444accaa41e5b93329de/publiccode.yaml",
                "2026-08-20"
            ),
        ],
    },
    Seeded {
        slug: "open-notificaties",
        layer: Layer::Integratie,
        owner: "Maykin",
        versions: &[
            version!(
                "open-notificaties",
                "1",
                spec,
                "https://github.com/open-zaak/open-notificaties/blob/f30fb37b27293329e6e5e4ead8476f173957c872/publiccode.yaml",
                "2026-05-01"
            ),
            version!(
                "open-notificaties",
                "2",
                spec,
                "https://github.com/open-zaak/open-notificaties/blob/de82fb91a24c3d69b90210235534791bdddc5f32/publiccode.yaml",
                "2026-06-04"
            ),
            version!(
                "open-notificaties",
                "3",
                spec,
                "https://github.com/open-zaak/open-notificaties/blob/f733ff3179b587256268ac8e4848f676fbd1f06f/publiccode.yaml",
                "2026-06-15"
            ),
        ],
    },
    Seeded {
        slug: "objects-api",
        layer: Layer::Data,
        owner: "Maykin Media",
        versions: &[
            version!(
                "objects-api",
                "1",
                spec,
                "https://github.com/maykinmedia/objects-api/blob/ae109c4a47e7aa9e37aa0932f629b2b9ce9438cc/publiccode.yaml",
                "2026-04-10"
            ),
            version!(
                "objects-api",
                "2",
                spec,
                "https://github.com/maykinmedia/objects-api/blob/06f62ae9d5106c08aa5c66b72f62fbc14b868eb0/publiccode.yaml",
                "2026-04-13"
            ),
        ],
    },
    Seeded {
        slug: "objecttypes-api",
        layer: Layer::Services,
        owner: "Maykin Media",
        versions: &[
            version!(
                "objecttypes-api",
                "1",
                spec,
                "https://github.com/maykinmedia/objecttypes-api/blob/142dce6cbe4fb4a310680f35e94d57aa1be1a94f/publiccode.yaml",
                "2025-12-01"
            ),
            version!(
                "objecttypes-api",
                "2",
                spec,
                "https://github.com/maykinmedia/objecttypes-api/blob/b9524bbe755335715a6e3a9b113622f0940bf722/publiccode.yaml",
                "2026-02-05"
            ),
            version!(
                "objecttypes-api",
                "3",
                spec,
                "https://github.com/maykinmedia/objecttypes-api/blob/0a497eeb798b5647bfd5900faf211b2ca3e6b3e6/publiccode.yaml",
                "2026-04-10"
            ),
        ],
    },
    Seeded {
        slug: "open-formulieren",
        layer: Layer::Interactie,
        owner: "Maykin Media",
        versions: &[
            version!(
                "open-formulieren",
                "1",
                spec,
                "https://github.com/open-formulieren/open-forms/blob/e403f33f314b613e1383869e68df8efdf72c7a18/publiccode.yaml",
                "2026-04-14"
            ),
            version!(
                "open-formulieren",
                "2",
                spec,
                "https://github.com/open-formulieren/open-forms/blob/1cfb448e23f77d950440dd790ea67d00c4e8fdbd/publiccode.yaml",
                "2026-08-21"
            ),
        ],
    },
    Seeded {
        slug: "open-klant",
        layer: Layer::Data,
        owner: "Maykin",
        versions: &[version!(
            "open-klant",
            "1",
            spec,
            "https://github.com/maykinmedia/open-klant/tree/754d9cd20c70a6e0d3a76a67ee6a143732747e99",
            "2026-08-18"
        )],
    },
    Seeded {
        slug: "open-inwoner",
        layer: Layer::Interactie,
        owner: "Maykin Media",
        versions: &[version!(
            "open-inwoner",
            "1",
            "https://github.com/maykinmedia/open-inwoner/blob/7ba06e990ff66aadb422e3dba3edbbbcb9bdf970/publiccode.yaml",
            "2024-07-18"
        )],
    },
    Seeded {
        slug: "signalen",
        layer: Layer::Proces,
        owner: "Gemeente Amsterdam",
        versions: &[
            version!(
                "signalen",
                "1",
                "https://github.com/Amsterdam/signals-frontend/blob/441909fa2ad134aba7e250884950a03ff106a2c0/publiccode.yml",
                "2021-07-22"
            ),
            version!(
                "signalen",
                "2",
                "https://github.com/Amsterdam/signals-frontend/blob/e1f999c81f5269729b192cd0e124213740e73165/publiccode.yml",
                "2021-07-23"
            ),
        ],
    },
    Seeded {
        slug: "haal-centraal-brp",
        layer: Layer::Data,
        owner: "RvIG",
        versions: &[version!(
            "haal-centraal-brp",
            "1",
            "../../standards/haalcentraal/brp-personen/resolved/openapi.yaml",
            "https://github.com/BRP-API/Haal-Centraal-BRP-bevragen/tree/e995b9ea4aa5bb10b01f36501f486ce603cf3c0b",
            "2025-09-10"
        )],
    },
    Seeded {
        slug: "bag-individuele-bevragingen",
        layer: Layer::Data,
        owner: "Kadaster",
        versions: &[version!(
            "bag-individuele-bevragingen",
            "1",
            "../../standards/haalcentraal/bag-individuele-bevragingen-v2/openapi.yaml",
            "https://github.com/lvbag/BAG-API/tree/96fb01dff810dd977e5b1011f748bd6a4bf10a8c",
            "2021-10-12"
        )],
    },
];

/// Loads every seeded component the catalogue does not know yet (by its `url`), with all its
/// versions; the number of components loaded. A seed that does not load stops the start: it is
/// part of the binary, so that is a build fault.
pub async fn load(state: &AppState) -> Result<usize, String> {
    let mut loaded = 0;
    for seeded in LANDSCAPE {
        if load_one(state, seeded)
            .await
            .map_err(|e| format!("landschap {}: {e}", seeded.slug))?
        {
            loaded += 1;
        }
    }
    Ok(loaded)
}

/// Loads one seeded component unless its `url` is known; whether it did.
async fn load_one(state: &AppState, seeded: &Seeded) -> Result<bool, String> {
    let first = seeded.versions.first().ok_or("geen versies")?;
    let url = crate::domain::publiccode::parse(first.publiccode)
        .map_err(|_| "de publiccode.yml wordt niet aanvaard".to_string())?
        .url;
    let known = state
        .db
        .run(move |c| Ok::<_, crate::error::Error>(crate::store::find_by_url(c, &url)?))
        .await
        .map_err(crate::app::components::describe)?;
    if known.is_some() {
        return Ok(false);
    }
    for v in seeded.versions {
        let spec = v
            .spec
            .map(openapi::parse)
            .transpose()
            .map_err(|e| format!("spec: {e}"))?;
        let at = chrono::NaiveDate::parse_from_str(v.date, "%Y-%m-%d")
            .map_err(|e| format!("{}: {e}", v.date))?
            .and_hms_opt(12, 0, 0);
        let publisher = Publisher {
            by: SEEDER.into(),
            organisation: seeded.owner.into(),
            claims_unowned: false,
        };
        let publication = Publication {
            publiccode: v.publiccode.into(),
            spec,
            source: Some(v.source.into()),
            at,
            layer: Some(seeded.layer),
            followed_from: None,
        };
        publish(state, publisher, publication)
            .await
            .map_err(crate::app::components::describe)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_is_an_upstream_repository_address() {
        for s in LANDSCAPE {
            assert!(!s.versions.is_empty(), "{}", s.slug);
            for v in s.versions {
                assert!(v.source.starts_with("https://github.com/"), "{}: {}", s.slug, v.source);
                assert!(
                    chrono::NaiveDate::parse_from_str(v.date, "%Y-%m-%d").is_ok(),
                    "{}",
                    v.date
                );
            }
        }
    }
}
