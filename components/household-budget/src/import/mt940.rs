//! SWIFT MT940 as Dutch banks send it: with SWIFT block headers (`{1:…}{2:…}{4:` … `-}`) or with
//! the `0000`/`940` lines some banks put in front; `:20:` `:25:` (an IBAN, possibly followed by
//! the currency) `:28C:` `:60F:`/`:60M:` `:61:` `:86:` `:62F:`/`:62M:` `:64:`; several
//! statements per file. The `:86:` of SEPA banks is structured (`/EREF/`, `/CNTP/` with the
//! counterparty's IBAN, BIC and name, `/IBAN/`, `/NAME/`, `/REMI/`, …); other banks write free
//! text, from which the counterparty's IBAN is taken where present.

use super::{ImportError, MAX_TEXT};
use crate::domain::iban::Iban;
use crate::domain::money::Cents;
use crate::domain::statement::{Balance, Direction, Statement, Transaction};
use chrono::{Datelike, NaiveDate};

/// Reads every statement of an MT940 file.
pub fn parse(bytes: &[u8]) -> Result<Vec<Statement>, ImportError> {
    // MT940 is ASCII in principle; Dutch banks write ISO 8859-1 or UTF-8: read UTF-8, else
    // take every byte as Latin-1
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    };
    let fields = fields(&text)?;
    if !fields.iter().any(|(tag, _)| tag == "20") {
        return Err(ImportError::NotAStatement {
            expected: "MT940",
            found: "een bestand zonder :20:-regel".into(),
        });
    }
    let mut statements = Vec::new();
    let mut current: Option<Building> = None;
    let mut pending: Option<Line61> = None;
    for (tag, value) in fields {
        match tag.as_str() {
            "20" => {
                flush(&mut current, &mut pending, &mut statements)?;
                current = Some(Building {
                    reference: value.trim().to_string(),
                    ..Building::default()
                });
            }
            _ if current.is_none() => {
                return Err(ImportError::Invalid(format!(":{tag}: voor de eerste :20:")));
            }
            "25" => with(&mut current, |b| b.account = Some(value.trim().to_string())),
            "28C" | "28" => with(&mut current, |b| b.sequence = Some(value.trim().to_string())),
            "60F" | "60M" => {
                let bal = balance("OPBD", &value)?;
                with(&mut current, |b| b.balances.push(bal));
            }
            "62F" | "62M" => {
                finish_line(&mut current, &mut pending)?;
                let bal = balance("CLBD", &value)?;
                with(&mut current, |b| b.balances.push(bal));
            }
            "64" => {
                let bal = balance("CLAV", &value)?;
                with(&mut current, |b| b.balances.push(bal));
            }
            "61" => {
                finish_line(&mut current, &mut pending)?;
                pending = Some(line61(&value)?);
            }
            "86" => {
                // an :86: after the closing balance describes the statement: not a transaction
                if let Some(p) = pending.as_mut() {
                    p.info = Some(value);
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut pending, &mut statements)?;
    Ok(statements)
}

#[derive(Debug, Default)]
struct Building {
    reference: String,
    sequence: Option<String>,
    account: Option<String>,
    balances: Vec<Balance>,
    transactions: Vec<Transaction>,
    total: Cents,
}

fn with(b: &mut Option<Building>, f: impl FnOnce(&mut Building)) {
    if let Some(b) = b.as_mut() {
        f(b);
    }
}

/// The fields of the file in order (`tag`, value with continuation lines joined by `\n`); a
/// field longer than [`MAX_TEXT`] is refused, as CAMT refuses such a text (SWIFT allows 6 lines
/// of 65 characters in an `:86:`; banks that write more stay far below the cap).
fn fields(text: &str) -> Result<Vec<(String, String)>, ImportError> {
    let mut out: Vec<(String, String)> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim_end_matches(['\r', ' ']);
        // SWIFT block headers and trailers, the 0000/940 lines of some banks, empty lines
        let mut line = line;
        if let Some(pos) = line.find("{4:") {
            line = line.get(pos + 3..).unwrap_or("");
        }
        if line.is_empty() || line.starts_with('{') || line == "-" || line.starts_with("-}") {
            continue;
        }
        if let Some(rest) = line.strip_prefix(':') {
            if let Some((tag, value)) = rest.split_once(':') {
                if !tag.is_empty() && tag.len() <= 3 && tag.chars().all(|c| c.is_ascii_alphanumeric()) {
                    if value.len() > MAX_TEXT {
                        return Err(too_long(tag));
                    }
                    out.push((tag.to_string(), value.to_string()));
                    continue;
                }
            }
        }
        // lines in front of the first field (0000 …, 940, 01INGBNL2AXXXX…) are headers
        if let Some((tag, value)) = out.last_mut() {
            if value.len() + 1 + line.len() > MAX_TEXT {
                return Err(too_long(tag));
            }
            value.push('\n');
            value.push_str(line);
        }
    }
    Ok(out)
}

fn too_long(tag: &str) -> ImportError {
    ImportError::Malformed(format!("veld :{tag}: is langer dan {MAX_TEXT} tekens"))
}

/// `C260301EUR100,00` → a balance with code `code`.
fn balance(code: &str, value: &str) -> Result<Balance, ImportError> {
    let v = value.trim();
    let bad = || ImportError::Invalid(format!("saldo ':{v}'"));
    let mark = v.get(..1).ok_or_else(bad)?;
    let date = yymmdd(v.get(1..7).ok_or_else(bad)?).ok_or_else(bad)?;
    let amount = Cents::parse_decimal(v.get(10..).ok_or_else(bad)?).map_err(|_| bad())?;
    let direction = match mark {
        "C" => Direction::Credit,
        "D" => Direction::Debit,
        _ => return Err(bad()),
    };
    Ok(Balance {
        code: code.into(),
        amount: direction.signed(amount),
        date: Some(date),
    })
}

fn yymmdd(s: &str) -> Option<NaiveDate> {
    let yy: i32 = s.get(0..2)?.parse().ok()?;
    let mm: u32 = s.get(2..4)?.parse().ok()?;
    let dd: u32 = s.get(4..6)?.parse().ok()?;
    NaiveDate::from_ymd_opt(if yy < 80 { 2000 + yy } else { 1900 + yy }, mm, dd)
}

/// A `:61:` line as read, waiting for its `:86:`.
#[derive(Debug)]
struct Line61 {
    value_date: NaiveDate,
    booking_date: NaiveDate,
    direction: Direction,
    reversal: bool,
    amount: Cents,
    bank_reference: Option<String>,
    customer_reference: Option<String>,
    supplementary: Option<String>,
    info: Option<String>,
}

/// `YYMMDD[MMDD](C|D|RC|RD)[funds code]amount(N|F|S)xxx customer ref[//bank ref][\nsupplementary]`
fn line61(value: &str) -> Result<Line61, ImportError> {
    let (first, supplementary) = match value.split_once('\n') {
        Some((f, s)) => (
            f,
            Some(s.replace('\n', " ").trim().to_string()).filter(|s| !s.is_empty()),
        ),
        None => (value, None),
    };
    let v = first.trim();
    let bad = || {
        ImportError::Invalid(format!(
            "transactieregel ':61:{}'",
            v.chars().take(60).collect::<String>()
        ))
    };
    let value_date = yymmdd(v.get(..6).ok_or_else(bad)?).ok_or_else(bad)?;
    let mut rest = v.get(6..).ok_or_else(bad)?;
    // the optional booking date MMDD, in the value date's year (or the one next to it)
    let mut booking_date = value_date;
    if rest.len() >= 4 && rest.get(..4).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit())) {
        let mm: u32 = rest.get(..2).and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let dd: u32 = rest.get(2..4).and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let mut year = value_date.year();
        if mm == 12 && value_date.month() == 1 {
            year -= 1;
        } else if mm == 1 && value_date.month() == 12 {
            year += 1;
        }
        booking_date = NaiveDate::from_ymd_opt(year, mm, dd).ok_or_else(bad)?;
        rest = rest.get(4..).ok_or_else(bad)?;
    }
    // RC is the reversal of a credit (money out), RD of a debit (money back in)
    let (direction, reversal, after) = if let Some(r) = rest.strip_prefix("RC") {
        (Direction::Debit, true, r)
    } else if let Some(r) = rest.strip_prefix("RD") {
        (Direction::Credit, true, r)
    } else if let Some(r) = rest.strip_prefix('C') {
        (Direction::Credit, false, r)
    } else if let Some(r) = rest.strip_prefix('D') {
        (Direction::Debit, false, r)
    } else {
        return Err(bad());
    };
    // an optional funds code (a letter) before the amount
    let after = match after.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => after.get(1..).ok_or_else(bad)?,
        _ => after,
    };
    let amount_len = after
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(after.len());
    let amount = Cents::parse_decimal(after.get(..amount_len).ok_or_else(bad)?).map_err(|_| bad())?;
    // transaction type: one letter and three characters
    let refs = after.get(amount_len + 4..).unwrap_or("");
    let (customer, bank) = match refs.split_once("//") {
        Some((c, b)) => (c, Some(b)),
        None => (refs, None),
    };
    let clean = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty() && s != "NONREF");
    Ok(Line61 {
        value_date,
        booking_date,
        direction,
        reversal,
        amount,
        bank_reference: bank.and_then(clean),
        customer_reference: clean(customer),
        supplementary,
        info: None,
    })
}

/// The keys of a structured `:86:`.
const KEYS: &[&str] = &[
    "TRTP",
    "IBAN",
    "BIC",
    "NAME",
    "REMI",
    "EREF",
    "CSID",
    "MARF",
    "CNTP",
    "PREF",
    "ORDP",
    "BENM",
    "ID",
    "ADDR",
    "RTRN",
    "PURP",
    "ULTB",
    "ULTD",
    "ISDT",
    "SVCL",
    "CDTRREF",
    "CDTRREFTP",
];

/// The sub-fields of a structured `:86:` (`/KEY/value/KEY/value…`); a value may hold slashes.
fn structured(info: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let body = info.strip_prefix('/').unwrap_or(info);
    for part in body.split('/') {
        if KEYS.contains(&part) {
            out.push((part.to_string(), String::new()));
        } else if let Some((_, value)) = out.last_mut() {
            if !value.is_empty() || part.is_empty() {
                value.push('/');
            }
            value.push_str(part);
        }
    }
    for (_, v) in out.iter_mut() {
        *v = v.trim_matches('/').trim().to_string();
    }
    out
}

/// The first token of `text` that is a valid IBAN.
fn iban_in(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| t.len() >= 15 && t.len() <= 34)
        .find_map(|t| Iban::parse(t).ok())
        .map(|i| i.to_string())
}

fn finish_line(current: &mut Option<Building>, pending: &mut Option<Line61>) -> Result<(), ImportError> {
    let (Some(b), Some(l)) = (current.as_mut(), pending.take()) else {
        return Ok(());
    };
    // structured :86: lines are cut at 65 characters anywhere: joined without a separator;
    // free text by a space
    let info = l.info.unwrap_or_default();
    let is_structured = info.starts_with('/');
    let info = if is_structured {
        info.replace('\n', "")
    } else {
        info.replace('\n', " ")
    };
    let mut t = Transaction {
        amount: l.amount,
        direction: l.direction,
        booking_date: l.booking_date,
        value_date: Some(l.value_date),
        bank_reference: l.bank_reference,
        end_to_end_id: None,
        counterparty_iban: None,
        counterparty_name: None,
        counterparty_bic: None,
        description: String::new(),
        structured_reference: None,
        reversal: l.reversal,
        return_reason: None,
    };
    if is_structured {
        for (key, value) in structured(&info) {
            let v = Some(value.clone()).filter(|v| !v.is_empty());
            match key.as_str() {
                "EREF" => t.end_to_end_id = v.filter(|v| v != "NOTPROVIDED"),
                "IBAN" => t.counterparty_iban = v,
                "BIC" => t.counterparty_bic = v,
                "NAME" => t.counterparty_name = v,
                "CNTP" => {
                    // IBAN/BIC/name/city
                    let mut parts = value.split('/');
                    t.counterparty_iban = parts.next().map(str::to_string).filter(|s| !s.is_empty());
                    t.counterparty_bic = parts.next().map(str::to_string).filter(|s| !s.is_empty());
                    t.counterparty_name = parts.next().map(str::to_string).filter(|s| !s.is_empty());
                }
                "REMI" => {
                    // ING writes /REMI/USTD//text or /REMI/STRD/CUR/reference
                    if let Some(r) = value.strip_prefix("STRD/CUR/") {
                        t.structured_reference = Some(r.to_string());
                    }
                    let text = value
                        .strip_prefix("USTD//")
                        .or_else(|| value.strip_prefix("STRD/CUR/"))
                        .unwrap_or(&value);
                    t.description = text.to_string();
                }
                "RTRN" => t.return_reason = v,
                _ => {}
            }
        }
    } else {
        t.counterparty_iban = iban_in(&info);
        t.description = info.trim().to_string();
    }
    if t.description.is_empty() {
        t.description = l.supplementary.or(l.customer_reference).unwrap_or_default();
    }
    b.total = b
        .total
        .checked_add(t.direction.signed(t.amount))
        .ok_or_else(|| ImportError::Invalid("de som van de boekingen is te groot".into()))?;
    b.transactions.push(t);
    Ok(())
}

fn flush(
    current: &mut Option<Building>,
    pending: &mut Option<Line61>,
    statements: &mut Vec<Statement>,
) -> Result<(), ImportError> {
    finish_line(current, pending)?;
    let Some(b) = current.take() else { return Ok(()) };
    let raw = b
        .account
        .ok_or_else(|| ImportError::Invalid(format!("afschrift {} zonder rekening (:25:)", b.reference)))?;
    statements.push(Statement {
        id: Some(match &b.sequence {
            Some(s) => format!("{}/{s}", b.reference),
            None => b.reference.clone(),
        }),
        account: account(&raw)?,
        balances: b.balances,
        transactions: b.transactions,
        entries_total: b.total,
        not_booked: 0,
    });
    Ok(())
}

/// The IBAN of a `:25:` (`NL36ABNA5632579034`, `NL36ABNA5632579034EUR`, `NL36ABNA5632579034 EUR`).
fn account(raw: &str) -> Result<Iban, ImportError> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let without_currency = compact
        .get(compact.len().saturating_sub(3)..)
        .filter(|c| c.chars().all(|c| c.is_ascii_uppercase()))
        .and_then(|_| compact.get(..compact.len() - 3));
    Iban::parse(&compact)
        .or_else(|e| without_currency.map(Iban::parse).unwrap_or(Err(e)))
        .map_err(|_| ImportError::Invalid(format!("rekening ':25:{raw}' is geen IBAN")))
}
