//! The municipality's area where registration applies: a GeoJSON polygon (from config), checked,
//! and written as the zipped ESRI shapefile the SDEP takes (`POST /ca/str-area`).

use serde_json::Value;
use std::io::Write;

/// A checked area: its polygons (each a list of closed rings of `[lon, lat]`, the first the
/// outer ring) and the GeoJSON it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Polygons, rings, points.
    pub polygons: Vec<Vec<Vec<(f64, f64)>>>,
    /// The area as GeoJSON (a Feature with its geometry).
    pub geojson: Value,
}

/// Reads a GeoJSON Polygon or MultiPolygon, bare or in a Feature or a one-feature
/// FeatureCollection: WGS 84 coordinates, rings of at least four points, closed.
pub fn parse(text: &str) -> Result<Area, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("geen JSON: {e}"))?;
    let geometry = match v.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {
            let features = v
                .get("features")
                .and_then(Value::as_array)
                .ok_or("features ontbreekt")?;
            match features.as_slice() {
                [one] => one.get("geometry").cloned().ok_or("geometry ontbreekt")?,
                _ => return Err("een FeatureCollection met precies één Feature is nodig".into()),
            }
        }
        Some("Feature") => v.get("geometry").cloned().ok_or("geometry ontbreekt")?,
        Some("Polygon" | "MultiPolygon") => v.clone(),
        other => return Err(format!("geen vlak: type {other:?}")),
    };
    let coordinates = geometry.get("coordinates").ok_or("coordinates ontbreekt")?;
    let polygons: Vec<&Value> = match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => vec![coordinates],
        Some("MultiPolygon") => coordinates
            .as_array()
            .ok_or("coordinates is geen lijst")?
            .iter()
            .collect(),
        other => return Err(format!("geen Polygon of MultiPolygon: {other:?}")),
    };
    let mut out = Vec::new();
    for polygon in polygons {
        let mut rings = Vec::new();
        for ring in polygon.as_array().ok_or("een vlak is een lijst van ringen")? {
            let points: Vec<(f64, f64)> = ring
                .as_array()
                .ok_or("een ring is een lijst van punten")?
                .iter()
                .map(|p| match p.as_array().map(Vec::as_slice) {
                    Some([x, y, ..]) => match (x.as_f64(), y.as_f64()) {
                        (Some(x), Some(y)) if (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y) => {
                            Ok((x, y))
                        }
                        _ => Err("een punt is [lengte, breedte] in WGS 84".to_string()),
                    },
                    _ => Err("een punt is [lengte, breedte]".to_string()),
                })
                .collect::<Result<_, _>>()?;
            if points.len() < 4 || points.first() != points.last() {
                return Err("een ring heeft minstens vier punten en is gesloten".into());
            }
            rings.push(points);
        }
        if rings.is_empty() {
            return Err("een vlak zonder ringen".into());
        }
        out.push(rings);
    }
    if out.is_empty() {
        return Err("geen vlakken".into());
    }
    Ok(Area {
        polygons: out,
        geojson: serde_json::json!({ "type": "Feature", "properties": {}, "geometry": geometry }),
    })
}

/// Twice the signed area of a ring (positive: counter-clockwise).
fn signed_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|w| match w {
            [(x1, y1), (x2, y2)] => x1 * y2 - x2 * y1,
            _ => 0.0,
        })
        .sum()
}

/// The WGS 84 projection file.
const PRJ: &str = r#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]"#;

/// The area as an ESRI shapefile (one Polygon record per polygon: outer rings clockwise, holes
/// counter-clockwise, as the format wants), zipped with its `.shx`, `.dbf` (a `NAAM` field) and
/// `.prj`, each named `<name>.*`.
pub fn shapefile_zip(area: &Area, name: &str, label: &str) -> Result<Vec<u8>, String> {
    let mut records: Vec<Vec<u8>> = Vec::new();
    let (mut xmin, mut ymin, mut xmax, mut ymax) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for polygon in &area.polygons {
        let mut parts = Vec::new();
        let mut points: Vec<(f64, f64)> = Vec::new();
        for (i, ring) in polygon.iter().enumerate() {
            let clockwise = signed_area(ring) < 0.0;
            let want_clockwise = i == 0;
            let mut r = ring.clone();
            if clockwise != want_clockwise {
                r.reverse();
            }
            parts.push(i32::try_from(points.len()).map_err(|e| e.to_string())?);
            points.extend(r);
        }
        let (bx0, by0, bx1, by1) = bbox(&points);
        (xmin, ymin, xmax, ymax) = (xmin.min(bx0), ymin.min(by0), xmax.max(bx1), ymax.max(by1));
        let mut c = Vec::new();
        c.extend(5i32.to_le_bytes());
        for v in [bx0, by0, bx1, by1] {
            c.extend(v.to_le_bytes());
        }
        c.extend(i32::try_from(parts.len()).map_err(|e| e.to_string())?.to_le_bytes());
        c.extend(i32::try_from(points.len()).map_err(|e| e.to_string())?.to_le_bytes());
        for p in &parts {
            c.extend(p.to_le_bytes());
        }
        for (x, y) in &points {
            c.extend(x.to_le_bytes());
            c.extend(y.to_le_bytes());
        }
        records.push(c);
    }
    let header = |length_bytes: usize| -> Result<Vec<u8>, String> {
        let mut h = Vec::with_capacity(100);
        h.extend(9994i32.to_be_bytes());
        h.extend([0u8; 20]);
        h.extend(
            i32::try_from(length_bytes / 2)
                .map_err(|e| e.to_string())?
                .to_be_bytes(),
        );
        h.extend(1000i32.to_le_bytes());
        h.extend(5i32.to_le_bytes());
        for v in [xmin, ymin, xmax, ymax, 0.0, 0.0, 0.0, 0.0] {
            h.extend(v.to_le_bytes());
        }
        Ok(h)
    };
    let shp_len = 100 + records.iter().map(|r| 8 + r.len()).sum::<usize>();
    let mut shp = header(shp_len)?;
    let mut shx = header(100 + 8 * records.len())?;
    for (i, r) in records.iter().enumerate() {
        let offset = i32::try_from(shp.len() / 2).map_err(|e| e.to_string())?;
        let words = i32::try_from(r.len() / 2).map_err(|e| e.to_string())?;
        shx.extend(offset.to_be_bytes());
        shx.extend(words.to_be_bytes());
        shp.extend(i32::try_from(i + 1).map_err(|e| e.to_string())?.to_be_bytes());
        shp.extend(words.to_be_bytes());
        shp.extend(r);
    }
    // dBase III: one character field NAAM of 64
    let mut dbf = vec![0x03, 126, 12, 1];
    dbf.extend(u32::try_from(records.len()).map_err(|e| e.to_string())?.to_le_bytes());
    dbf.extend(65u16.to_le_bytes());
    dbf.extend(65u16.to_le_bytes());
    dbf.extend([0u8; 20]);
    let mut field = [0u8; 32];
    if let Some(n) = field.get_mut(..4) {
        n.copy_from_slice(b"NAAM");
    }
    if let Some(t) = field.get_mut(11) {
        *t = b'C';
    }
    if let Some(l) = field.get_mut(16) {
        *l = 64;
    }
    dbf.extend(field);
    dbf.push(0x0D);
    let mut text: Vec<u8> = label.bytes().filter(u8::is_ascii).take(64).collect();
    text.resize(64, b' ');
    for _ in &records {
        dbf.push(b' ');
        dbf.extend(&text);
    }
    dbf.push(0x1A);

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (ext, bytes) in [
        ("shp", shp),
        ("shx", shx),
        ("dbf", dbf),
        ("prj", PRJ.as_bytes().to_vec()),
    ] {
        zip.start_file(format!("{name}.{ext}"), options)
            .map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

fn bbox(points: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    points
        .iter()
        .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |(a, b, c, d), (x, y)| {
            (a.min(*x), b.min(*y), c.max(*x), d.max(*y))
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    const SQUARE: &str = r#"{"type":"Feature","properties":{"naam":"x"},"geometry":{"type":"Polygon",
        "coordinates":[[[4.8,52.3],[5.0,52.3],[5.0,52.4],[4.8,52.4],[4.8,52.3]]]}}"#;

    #[test]
    fn polygons_are_read_and_nonsense_is_refused() {
        let a = parse(SQUARE).unwrap();
        assert_eq!(a.polygons[0][0].len(), 5);
        assert!(parse(r#"{"type":"Point","coordinates":[4.8,52.3]}"#).is_err());
        assert!(parse(r#"{"type":"Polygon","coordinates":[[[4.8,52.3],[5.0,52.3],[4.8,52.3]]]}"#).is_err());
        assert!(parse(r#"{"type":"Polygon","coordinates":[[[480,52.3],[5.0,52.3],[5.0,52.4],[480,52.3]]]}"#).is_err());
        assert!(parse("nee").is_err());
    }

    #[test]
    fn the_shapefile_has_its_parts_and_a_clockwise_outer_ring() {
        let bytes = shapefile_zip(&parse(SQUARE).unwrap(), "gebied", "Amsterdam").unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
        for ext in ["shp", "shx", "dbf", "prj"] {
            assert!(names.contains(&format!("gebied.{ext}")), "{names:?}");
        }
        let mut shp = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name("gebied.shp").unwrap(), &mut shp).unwrap();
        assert_eq!(i32::from_be_bytes(shp[0..4].try_into().unwrap()), 9994);
        assert_eq!(
            i32::from_be_bytes(shp[24..28].try_into().unwrap()) as usize * 2,
            shp.len()
        );
        assert_eq!(i32::from_le_bytes(shp[32..36].try_into().unwrap()), 5, "Polygon");
        // the record's points: 5, the GeoJSON ring (counter-clockwise) turned clockwise
        let points: Vec<(f64, f64)> = (0..5)
            .map(|i| {
                let at = 100 + 8 + 44 + 4 + i * 16;
                (
                    f64::from_le_bytes(shp[at..at + 8].try_into().unwrap()),
                    f64::from_le_bytes(shp[at + 8..at + 16].try_into().unwrap()),
                )
            })
            .collect();
        assert!(signed_area(&points) < 0.0, "{points:?}");
    }
}
