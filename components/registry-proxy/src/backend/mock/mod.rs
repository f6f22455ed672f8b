//! The `mock` backend's data set: a deterministic synthetic population of persons with valid
//! BSNs, families and deceased persons, living at BAG addresses in five municipalities, plus the
//! fixed demo records listed in the README. Generated in memory at start-up (nothing to ship).

pub mod bag;
pub mod render;
pub mod search;

use chrono::NaiveDate;
use platform::Bsn;
use std::collections::HashMap;

/// A BAG address with its addressable object (verblijfsobject).
#[derive(Debug, Clone)]
pub struct Address {
    /// Nummeraanduiding id (16 digits).
    pub nummeraanduiding_id: String,
    /// Verblijfsobject id (16 digits).
    pub adresseerbaar_object_id: String,
    /// Openbare ruimte id.
    pub openbare_ruimte_id: String,
    /// Pand id.
    pub pand_id: String,
    /// Official street name.
    pub straat: String,
    /// Short street name (≤ 24 characters).
    pub korte_naam: String,
    /// House number.
    pub huisnummer: u32,
    /// House letter.
    pub huisletter: Option<String>,
    /// House number addition.
    pub toevoeging: Option<String>,
    /// Postcode without space, e.g. `1015CJ`.
    pub postcode: String,
    /// Woonplaats name.
    pub woonplaats: String,
    /// Woonplaats id (4 digits).
    pub woonplaats_id: String,
    /// Gemeentecode (4 digits).
    pub gemeentecode: String,
    /// Uses of the verblijfsobject.
    pub gebruiksdoelen: Vec<&'static str>,
    /// Floor area in m².
    pub oppervlakte: u32,
    /// Rijksdriehoek coordinates.
    pub punt: (f64, f64),
}

/// A partnership.
#[derive(Debug, Clone)]
pub struct Partnership {
    /// The partner.
    pub partner: String,
    /// Date of marriage or registered partnership.
    pub aangaan: NaiveDate,
    /// H = huwelijk, P = geregistreerd partnerschap.
    pub soort: char,
}

/// A person in the BRP.
#[derive(Debug, Clone)]
pub struct Person {
    pub bsn: String,
    /// M, V or O.
    pub geslacht: char,
    /// First names.
    pub voornamen: String,
    /// Prefix of the surname.
    pub voorvoegsel: Option<String>,
    pub geslachtsnaam: String,
    /// Date of birth.
    pub geboortedatum: NaiveDate,
    /// Gemeente of birth (code).
    pub geboorteplaats: String,
    /// Current (or last) address, index into [`MockData::addresses`].
    pub address: usize,
    /// Since when at the address.
    pub datum_van: NaiveDate,
    /// Name use: E, P, V or N.
    pub naamgebruik: char,
    pub partners: Vec<Partnership>,
    /// Parents (BSN).
    pub ouders: Vec<String>,
    /// Children (BSN).
    pub kinderen: Vec<String>,
    /// Date of death.
    pub overlijden: Option<NaiveDate>,
    /// Secrecy indication.
    pub geheimhouding: bool,
}

/// The whole synthetic registry.
pub struct MockData {
    /// All addresses.
    pub addresses: Vec<Address>,
    /// All persons.
    pub persons: Vec<Person>,
    by_bsn: HashMap<String, usize>,
    by_nummeraanduiding: HashMap<String, usize>,
    by_object: HashMap<String, usize>,
    /// Rendered persons of one day (the age changes with the date), built on first use.
    pub(crate) rendered: std::sync::RwLock<(NaiveDate, HashMap<String, std::sync::Arc<serde_json::Value>>)>,
}

/// A municipality of the data set: code, name, woonplaats id, first postcode number, RD origin.
pub type Gemeente = (&'static str, &'static str, &'static str, u32, (f64, f64));

/// Municipalities in the data set.
pub const GEMEENTEN: &[Gemeente] = &[
    ("0363", "Amsterdam", "3594", 1011, (121000.0, 487000.0)),
    ("0344", "Utrecht", "3295", 3511, (136000.0, 456000.0)),
    ("0479", "Zaanstad", "2592", 1501, (116000.0, 495000.0)),
    ("0599", "Rotterdam", "3086", 3011, (92000.0, 437000.0)),
    ("0518", "'s-Gravenhage", "1245", 2491, (81000.0, 455000.0)),
];

/// Woonplaats name for a gemeente (Zaanstad's addresses are in Zaandam).
fn woonplaats_of(gemeentecode: &str) -> &'static str {
    match gemeentecode {
        "0479" => "Zaandam",
        _ => GEMEENTEN
            .iter()
            .find(|g| g.0 == gemeentecode)
            .map(|g| g.1)
            .unwrap_or("Amsterdam"),
    }
}

/// Name of a gemeente by code.
pub fn gemeente_naam(code: &str) -> &'static str {
    GEMEENTEN
        .iter()
        .find(|g| g.0 == code)
        .map(|g| g.1)
        .unwrap_or("Onbekend")
}

const STREETS: &[&[&str]] = &[
    &[
        "Prinsengracht",
        "Herengracht",
        "Damrak",
        "Rozengracht",
        "Nassaukade",
        "Ferdinand Bolstraat",
        "Javastraat",
        "Bilderdijkstraat",
    ],
    &[
        "Biltstraat",
        "Lange Nieuwstraat",
        "Amsterdamsestraatweg",
        "Twijnstraat",
        "Nachtegaalstraat",
        "Kanaalstraat",
        "Vleutenseweg",
        "Burgemeester Reigerstraat",
    ],
    &[
        "Gedempte Gracht",
        "Zuiddijk",
        "Oostzijde",
        "Peperstraat",
        "Vincent van Goghweg",
        "Wibautstraat",
        "Rosmolenstraat",
        "Provincialeweg",
    ],
    &[
        "Coolsingel",
        "Witte de Withstraat",
        "Nieuwe Binnenweg",
        "Mathenesserlaan",
        "Beijerlandselaan",
        "Oudedijk",
        "Bergweg",
        "Schiedamseweg",
    ],
    &[
        "Laan van Meerdervoort",
        "Frederik Hendriklaan",
        "Weimarstraat",
        "Prinsegracht",
        "Valkenboslaan",
        "Thomsonlaan",
        "Fahrenheitstraat",
        "Stationsweg",
    ],
];

const MALE: &[&str] = &[
    "Jan", "Pieter", "Mohammed", "Daan", "Sem", "Lucas", "Hendrik", "Kees", "Ahmed", "Thijs", "Bram", "Johannes",
    "Willem", "Youssef", "Ruben", "Gerrit", "Dirk", "Mehmet", "Noah", "Jesse",
];
const FEMALE: &[&str] = &[
    "Anna", "Maria", "Emma", "Sophie", "Fatima", "Julia", "Lotte", "Johanna", "Saskia", "Ingrid", "Yasmina", "Eva",
    "Sanne", "Aylin", "Petra", "Mila", "Noor", "Cornelia", "Elif", "Femke",
];
const SURNAMES: &[(&str, &str)] = &[
    ("", "Jansen"),
    ("de", "Jong"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van den", "Berg"),
    ("", "Yılmaz"),
    ("", "Öztürk"),
    ("El", "Idrissi"),
    ("", "Bouzid"),
    ("", "Kaya"),
    ("", "Çelik"),
    ("", "Huisman"),
    ("ter", "Horst"),
    ("", "Kuipers"),
];

/// splitmix64: small, deterministic, good enough for synthetic data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// One of `items`, which the builder only ever passes non-empty constant lists.
    #[allow(clippy::indexing_slicing)]
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn date(&mut self, from_year: i32, to_year: i32) -> NaiveDate {
        let y = from_year + self.below((to_year - from_year + 1) as u64) as i32;
        let m = 1 + self.below(12) as u32;
        let d = 1 + self.below(28) as u32;
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn korte_naam(straat: &str) -> String {
    if straat.chars().count() <= 24 {
        straat.to_string()
    } else {
        straat.chars().take(24).collect()
    }
}

/// Builds the data set. It indexes only into the vectors it fills itself, with indices it just
/// handed out, so indexing cannot fail here (and no request reaches this code).
struct Builder {
    rng: Rng,
    data: MockData,
    next_bsn: u32,
    next_id: u64,
}

#[allow(clippy::indexing_slicing)]
impl Builder {
    fn bsn(&mut self) -> String {
        loop {
            self.next_bsn += 1;
            if let Some(b) = Bsn::from_prefix(self.next_bsn) {
                return b.to_string();
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn address(
        &mut self,
        g: usize,
        straat: &str,
        huisnummer: u32,
        huisletter: Option<&str>,
        toevoeging: Option<&str>,
        postcode: &str,
        doelen: Vec<&'static str>,
        ids: Option<(&str, &str)>,
    ) -> usize {
        let (code, _, wp_id, _, origin) = GEMEENTEN[g];
        self.next_id += 1;
        let n = self.next_id;
        let (na, vo) = match ids {
            Some((na, vo)) => (na.to_string(), vo.to_string()),
            None => (
                format!("{code}20{:010}", 1_000_000 + n),
                format!("{code}01{:010}", 1_000_000 + n),
            ),
        };
        let street_no = STREETS[g].iter().position(|s| *s == straat).unwrap_or(9) as u64;
        let addr = Address {
            nummeraanduiding_id: na,
            adresseerbaar_object_id: vo,
            openbare_ruimte_id: format!("{code}30{:010}", 100 + street_no),
            pand_id: format!("{code}10{:010}", 1_000_000 + n / 4),
            straat: straat.to_string(),
            korte_naam: korte_naam(straat),
            huisnummer,
            huisletter: huisletter.map(str::to_string),
            toevoeging: toevoeging.map(str::to_string),
            postcode: postcode.to_string(),
            woonplaats: woonplaats_of(code).to_string(),
            woonplaats_id: wp_id.to_string(),
            gemeentecode: code.to_string(),
            oppervlakte: 35 + self.rng.below(140) as u32,
            gebruiksdoelen: doelen,
            punt: (
                origin.0 + self.rng.below(4000) as f64,
                origin.1 + self.rng.below(4000) as f64,
            ),
        };
        self.data.addresses.push(addr);
        self.data.addresses.len() - 1
    }

    #[allow(clippy::too_many_arguments)]
    fn person(
        &mut self,
        bsn: Option<&str>,
        geslacht: char,
        voornamen: &str,
        voorvoegsel: &str,
        geslachtsnaam: &str,
        geboortedatum: NaiveDate,
        address: usize,
        datum_van: NaiveDate,
    ) -> usize {
        let bsn = match bsn {
            Some(b) => b.to_string(),
            None => self.bsn(),
        };
        let geboorteplaats = GEMEENTEN[self.rng.below(GEMEENTEN.len() as u64) as usize].0.to_string();
        self.data.persons.push(Person {
            bsn,
            geslacht,
            voornamen: voornamen.to_string(),
            voorvoegsel: (!voorvoegsel.is_empty()).then(|| voorvoegsel.to_string()),
            geslachtsnaam: geslachtsnaam.to_string(),
            geboortedatum,
            geboorteplaats,
            address,
            datum_van,
            naamgebruik: 'E',
            partners: Vec::new(),
            ouders: Vec::new(),
            kinderen: Vec::new(),
            overlijden: None,
            geheimhouding: false,
        });
        self.data.persons.len() - 1
    }

    fn marry(&mut self, a: usize, b: usize, when: NaiveDate) {
        let (ba, bb) = (self.data.persons[a].bsn.clone(), self.data.persons[b].bsn.clone());
        self.data.persons[a].partners.push(Partnership {
            partner: bb,
            aangaan: when,
            soort: 'H',
        });
        self.data.persons[b].partners.push(Partnership {
            partner: ba,
            aangaan: when,
            soort: 'H',
        });
    }

    fn parent(&mut self, parent: usize, child: usize) {
        let (bp, bc) = (
            self.data.persons[parent].bsn.clone(),
            self.data.persons[child].bsn.clone(),
        );
        self.data.persons[parent].kinderen.push(bc);
        self.data.persons[child].ouders.push(bp);
    }

    fn first_name(&mut self, geslacht: char) -> String {
        let list = if geslacht == 'M' { MALE } else { FEMALE };
        if self.rng.chance(40) {
            format!("{} {}", self.rng.pick(list), self.rng.pick(list))
        } else {
            self.rng.pick(list).to_string()
        }
    }

    fn demo(&mut self) {
        let keizersgracht = self.address(
            0,
            "Keizersgracht",
            123,
            None,
            None,
            "1015CJ",
            vec!["woonfunctie"],
            Some(("0363200000123456", "0363010000123456")),
        );
        self.address(
            0,
            "Kalverstraat",
            1,
            None,
            None,
            "1012NX",
            vec!["winkelfunctie"],
            Some(("0363200000000001", "0363010000000001")),
        );
        let oudegracht = self.address(
            1,
            "Oudegracht",
            200,
            None,
            None,
            "3511NR",
            vec!["woonfunctie"],
            Some(("0344200000200200", "0344010000200200")),
        );
        let westzijde = self.address(
            2,
            "Westzijde",
            10,
            None,
            None,
            "1506EA",
            vec!["woonfunctie"],
            Some(("0479200000000010", "0479010000000010")),
        );
        let jan = self.person(
            Some("999990019"),
            'M',
            "Jan Pieter",
            "de",
            "Vries",
            d(1985, 3, 14),
            keizersgracht,
            d(2015, 7, 1),
        );
        let fatima = self.person(
            Some("999990032"),
            'V',
            "Fatima",
            "El",
            "Amrani",
            d(1990, 11, 2),
            keizersgracht,
            d(2015, 7, 1),
        );
        let sophie = self.person(
            Some("999990044"),
            'V',
            "Sophie",
            "de",
            "Vries",
            d(2018, 7, 1),
            keizersgracht,
            d(2018, 7, 1),
        );
        self.marry(jan, fatima, d(2015, 6, 20));
        self.parent(jan, sophie);
        self.parent(fatima, sophie);
        let hendrik = self.person(
            Some("999990056"),
            'M',
            "Hendrik",
            "",
            "Jansen",
            d(1940, 1, 30),
            westzijde,
            d(1975, 4, 1),
        );
        self.data.persons[hendrik].overlijden = Some(d(2023, 5, 5));
        self.person(
            Some("999990068"),
            'V',
            "Anna",
            "",
            "Bakker",
            d(1975, 9, 9),
            oudegracht,
            d(2001, 2, 15),
        );
    }

    fn population(&mut self) {
        for (g, gemeente) in GEMEENTEN.iter().enumerate() {
            let pc_base = gemeente.3;
            for (s, straat) in STREETS[g].iter().enumerate() {
                let postcode_num = pc_base + (s as u32) * 3;
                for nr in 1..=17u32 {
                    let letters = ["AB", "BC", "CD", "DE", "EF"][(nr as usize / 4) % 5];
                    let postcode = format!("{postcode_num}{letters}");
                    let doelen: Vec<&'static str> = match self.rng.below(100) {
                        0..=79 => vec!["woonfunctie"],
                        80..=86 => vec!["winkelfunctie"],
                        87..=92 => vec!["kantoorfunctie"],
                        93..=96 => vec!["woonfunctie", "winkelfunctie"],
                        _ => vec!["bijeenkomstfunctie"],
                    };
                    let residential = doelen.contains(&"woonfunctie");
                    let a = self.address(g, straat, nr * 2 - 1, None, None, &postcode, doelen, None);
                    if residential {
                        self.household(a);
                    }
                }
            }
            // A block of flats: one number, many letters and additions, so postcode searches hit
            // the 30-result limit and refining by huisletter works.
            let postcode = format!("{}XY", pc_base + 40);
            let straat = STREETS[g][0];
            for unit in 0..24u32 {
                let letter = ["A", "B", "C"][(unit % 3) as usize];
                let toev = format!("{}", unit / 3 + 1);
                let a = self.address(
                    g,
                    straat,
                    100,
                    Some(letter),
                    Some(&toev),
                    &postcode,
                    vec!["woonfunctie"],
                    None,
                );
                self.household(a);
            }
        }
        // Twelve namesakes born on one day, as in the official test set: name searches hit the
        // 10-result limit.
        // at a generated address, away from the demo records
        let a = self.data.persons[100].address;
        for i in 0..12 {
            let voornamen = if i < 6 { "Pieter" } else { "Pieter Jan" };
            self.person(None, 'M', voornamen, "", "Maassen", d(1983, 5, 26), a, d(2010, 1, 1));
        }
    }

    fn household(&mut self, address: usize) {
        let (vv, naam) = *self.rng.pick(SURNAMES);
        match self.rng.below(100) {
            // couple, with children
            0..=44 => {
                let born = self.rng.date(1960, 1998);
                let since = self.rng.date(born.year() + 22, 2024);
                let man_first = self.first_name('M');
                let man = self.person(None, 'M', &man_first, vv, naam, born, address, since);
                let (vv2, naam2) = *self.rng.pick(SURNAMES);
                let woman_first = self.first_name('V');
                let woman_born = self.rng.date(1962, 2000);
                let woman = self.person(None, 'V', &woman_first, vv2, naam2, woman_born, address, since);
                let wed = self.rng.date(born.year() + 23, 2025);
                self.marry(man, woman, wed);
                self.data.persons[woman].naamgebruik = *self.rng.pick(&['E', 'E', 'P', 'V', 'N']);
                for _ in 0..self.rng.below(4) {
                    let g = if self.rng.chance(50) { 'M' } else { 'V' };
                    let first = self.first_name(g);
                    let child_born = self.rng.date(wed.year(), 2025);
                    let child = self.person(None, g, &first, vv, naam, child_born, address, child_born);
                    self.parent(man, child);
                    self.parent(woman, child);
                }
            }
            // single
            45..=74 => {
                let g = *self.rng.pick(&['M', 'V', 'V', 'M', 'O']);
                let first = self.first_name(if g == 'O' { 'V' } else { g });
                let born = self.rng.date(1950, 2006);
                let since = self.rng.date(2005, 2025);
                let p = self.person(None, g, &first, vv, naam, born, address, since);
                if self.rng.chance(3) {
                    self.data.persons[p].geheimhouding = true;
                }
            }
            // elderly couple, sometimes one died
            75..=89 => {
                let born = self.rng.date(1930, 1955);
                let since = self.rng.date(1975, 2010);
                let first = self.first_name('M');
                let man = self.person(None, 'M', &first, vv, naam, born, address, since);
                let (vv2, naam2) = *self.rng.pick(SURNAMES);
                let first2 = self.first_name('V');
                let woman_born = self.rng.date(1932, 1957);
                let woman = self.person(None, 'V', &first2, vv2, naam2, woman_born, address, since);
                let wed = self.rng.date(born.year() + 22, born.year() + 30);
                self.marry(man, woman, wed);
                self.data.persons[woman].naamgebruik = *self.rng.pick(&['P', 'V', 'E']);
                if self.rng.chance(35) {
                    self.data.persons[man].overlijden = Some(self.rng.date(2015, 2025));
                }
            }
            // empty
            _ => {}
        }
    }
}

use chrono::Datelike;

impl MockData {
    /// Builds the data set (same every time).
    pub fn generate() -> Self {
        let mut b = Builder {
            rng: Rng(0x4752_4f4e_4457_524b),
            data: MockData {
                addresses: Vec::new(),
                persons: Vec::new(),
                by_bsn: HashMap::new(),
                by_nummeraanduiding: HashMap::new(),
                by_object: HashMap::new(),
                rendered: std::sync::RwLock::new((NaiveDate::MIN, HashMap::new())),
            },
            next_bsn: 10_000_000,
            next_id: 0,
        };
        b.demo();
        b.population();
        let mut data = b.data;
        data.by_bsn = data
            .persons
            .iter()
            .enumerate()
            .map(|(i, p)| (p.bsn.clone(), i))
            .collect();
        data.by_nummeraanduiding = data
            .addresses
            .iter()
            .enumerate()
            .map(|(i, a)| (a.nummeraanduiding_id.clone(), i))
            .collect();
        data.by_object = data
            .addresses
            .iter()
            .enumerate()
            .map(|(i, a)| (a.adresseerbaar_object_id.clone(), i))
            .collect();
        data
    }

    /// A person by BSN.
    pub fn person(&self, bsn: &str) -> Option<&Person> {
        self.by_bsn.get(bsn).and_then(|i| self.persons.get(*i))
    }

    /// An address by nummeraanduiding id.
    pub fn address_by_nummeraanduiding(&self, id: &str) -> Option<&Address> {
        self.by_nummeraanduiding.get(id).and_then(|i| self.addresses.get(*i))
    }

    /// An address by verblijfsobject id.
    pub fn address_by_object(&self, id: &str) -> Option<&Address> {
        self.by_object.get(id).and_then(|i| self.addresses.get(*i))
    }

    /// The address of a person (every generated person has one; the data-set test checks it).
    pub fn address_of(&self, p: &Person) -> Option<&Address> {
        self.addresses.get(p.address)
    }
}

/// The `mock` source: the data set behind the official contracts.
pub struct MockSource(pub std::sync::Arc<MockData>);

use crate::domain::bag::AdresSearch;
use crate::error::Error;
use platform::{AdresseerbaarObjectId, NummeraanduidingId};

impl super::Source for MockSource {
    fn name(&self) -> &'static str {
        "mock"
    }

    fn personen<'a>(
        &'a self,
        q: &'a crate::domain::brp::query::PersonenQuery,
    ) -> futures_util::future::BoxFuture<'a, Result<Vec<(String, serde_json::Value)>, Error>> {
        let data = &self.0;
        let found = search::search(data, q);
        let result = if found.len() > q.limit() {
            Err(Error::TooManyResults(q.limit()))
        } else {
            let today = chrono::Utc::now().date_naive();
            let tree = crate::domain::brp::fields::FieldTree::new(&q.fields);
            Ok(found
                .into_iter()
                .map(|p| (p.bsn.clone(), tree.apply(&render::persoon_cached(data, p, today))))
                .collect())
        };
        Box::pin(std::future::ready(result))
    }

    fn adressen<'a>(
        &'a self,
        s: &'a AdresSearch,
        self_href: &'a str,
    ) -> futures_util::future::BoxFuture<'a, Result<serde_json::Value, Error>> {
        let data = &self.0;
        let result = {
            let found: Vec<&Address> = data
                .addresses
                .iter()
                .filter(|a| {
                    s.adresseerbaar_object_identificatie
                        .is_none_or(|id| a.adresseerbaar_object_id == id.as_str())
                })
                .filter(|a| s.postcode.as_ref().is_none_or(|pc| a.postcode == pc.as_str()))
                .filter(|a| s.huisnummer.is_none_or(|n| a.huisnummer == n))
                .filter(|a| match (&s.huisletter, &a.huisletter) {
                    (Some(l), Some(x)) => l.eq_ignore_ascii_case(x),
                    (Some(_), None) => false,
                    (None, x) => !s.exacte_match || x.is_none(),
                })
                .filter(|a| match (&s.huisnummertoevoeging, &a.toevoeging) {
                    (Some(t), Some(x)) => t.eq_ignore_ascii_case(x),
                    (Some(_), None) => false,
                    (None, x) => !s.exacte_match || x.is_none(),
                })
                .collect();
            Ok(bag::adressen(&found, self_href))
        };
        Box::pin(std::future::ready(result))
    }

    fn adres<'a>(
        &'a self,
        id: &'a NummeraanduidingId,
    ) -> futures_util::future::BoxFuture<'a, Result<Option<serde_json::Value>, Error>> {
        Box::pin(std::future::ready(Ok(self
            .0
            .address_by_nummeraanduiding(id.as_str())
            .map(bag::adres))))
    }

    fn adresseerbaar_object<'a>(
        &'a self,
        id: &'a AdresseerbaarObjectId,
    ) -> futures_util::future::BoxFuture<'a, Result<Option<serde_json::Value>, Error>> {
        Box::pin(std::future::ready(Ok(self
            .0
            .address_by_object(id.as_str())
            .map(bag::adresseerbaar_object))))
    }

    fn ready_checks(&self) -> Vec<(String, platform::app::ReadyCheck)> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_set_is_large_valid_and_deterministic() {
        let a = MockData::generate();
        let b = MockData::generate();
        assert_eq!(a.persons.len(), b.persons.len());
        assert_eq!(a.persons[500].bsn, b.persons[500].bsn);
        assert!(a.persons.len() >= 1000, "{} persons", a.persons.len());
        assert!(a.addresses.len() >= 500, "{} addresses", a.addresses.len());
        let mut seen = std::collections::HashSet::new();
        for p in &a.persons {
            assert!(Bsn::parse(&p.bsn).is_ok(), "{}", p.bsn);
            assert!(seen.insert(p.bsn.clone()), "duplicate {}", p.bsn);
            for c in &p.kinderen {
                assert!(a.person(c).unwrap().ouders.contains(&p.bsn));
            }
        }
        assert!(a.persons.iter().filter(|p| p.overlijden.is_some()).count() > 10);
        assert!(a.addresses.iter().any(|x| !x.gebruiksdoelen.contains(&"woonfunctie")));
        let gemeenten: std::collections::HashSet<_> = a.addresses.iter().map(|x| &x.gemeentecode).collect();
        assert_eq!(gemeenten.len(), 5);
        let jan = a.person("999990019").unwrap();
        assert_eq!(a.address_of(jan).unwrap().nummeraanduiding_id, "0363200000123456");
        assert!(a.persons.iter().all(|p| a.address_of(p).is_some()));
        assert_eq!(jan.partners[0].partner, "999990032");
        assert_eq!(
            a.address_by_object("0363010000000001").unwrap().gebruiksdoelen,
            vec!["winkelfunctie"]
        );
    }
}
