//! CAMT.053 (ISO 20022 bank-to-customer statement), versions 001.02 to 001.13, streamed with
//! quick-xml: the document is read element by element and never held whole, so memory does not
//! grow with the file beyond the statements' own data.
//!
//! What real banks send is read: several `Stmt` per document; batch-booked entries
//! (`NtryDtls/Btch` with several `TxDtls`, or none); reversals (`RvslInd`); returned payments
//! (`RtrInf`); structured and unstructured remittance; the counterparty in `RltdPties` as debtor
//! or creditor depending on the direction; `Sts` as text (.02) or as `Sts/Cd` (.08 and later);
//! `Dbtr/Nm` (.02) or `Dbtr/Pty/Nm` (.08 and later); `BIC` or `BICFI`. A DOCTYPE (entities,
//! external references) is refused before anything else is read.

use super::{ImportError, MAX_DEPTH, MAX_TEXT};
use crate::domain::iban::Iban;
use crate::domain::money::Cents;
use crate::domain::statement::{Balance, Direction, Statement, Transaction};
use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

const CAMT053: &str = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

/// The elements this reader looks at; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Stmt,
    Id,
    Acct,
    Iban,
    Bal,
    Tp,
    CdOrPrtry,
    Cd,
    Amt,
    CdtDbtInd,
    Dt,
    DtTm,
    Ntry,
    RvslInd,
    Sts,
    BookgDt,
    ValDt,
    AcctSvcrRef,
    NtryDtls,
    TxDtls,
    Refs,
    EndToEndId,
    AmtDtls,
    TxAmt,
    RltdPties,
    Dbtr,
    Cdtr,
    DbtrAcct,
    CdtrAcct,
    Pty,
    Nm,
    RltdAgts,
    DbtrAgt,
    CdtrAgt,
    FinInstnId,
    Bic,
    RmtInf,
    Ustrd,
    Strd,
    CdtrRefInf,
    Ref,
    RtrInf,
    Rsn,
    AddtlNtryInf,
    AddtlTxInf,
    Other,
}

fn tag(local: &[u8]) -> Tag {
    match local {
        b"Stmt" => Tag::Stmt,
        b"Id" => Tag::Id,
        b"Acct" => Tag::Acct,
        b"IBAN" => Tag::Iban,
        b"Bal" => Tag::Bal,
        b"Tp" => Tag::Tp,
        b"CdOrPrtry" => Tag::CdOrPrtry,
        b"Cd" => Tag::Cd,
        b"Amt" => Tag::Amt,
        b"CdtDbtInd" => Tag::CdtDbtInd,
        b"Dt" => Tag::Dt,
        b"DtTm" => Tag::DtTm,
        b"Ntry" => Tag::Ntry,
        b"RvslInd" => Tag::RvslInd,
        b"Sts" => Tag::Sts,
        b"BookgDt" => Tag::BookgDt,
        b"ValDt" => Tag::ValDt,
        b"AcctSvcrRef" => Tag::AcctSvcrRef,
        b"NtryDtls" => Tag::NtryDtls,
        b"TxDtls" => Tag::TxDtls,
        b"Refs" => Tag::Refs,
        b"EndToEndId" => Tag::EndToEndId,
        b"AmtDtls" => Tag::AmtDtls,
        b"TxAmt" => Tag::TxAmt,
        b"RltdPties" => Tag::RltdPties,
        b"Dbtr" => Tag::Dbtr,
        b"Cdtr" => Tag::Cdtr,
        b"DbtrAcct" => Tag::DbtrAcct,
        b"CdtrAcct" => Tag::CdtrAcct,
        b"Pty" => Tag::Pty,
        b"Nm" => Tag::Nm,
        b"RltdAgts" => Tag::RltdAgts,
        b"DbtrAgt" => Tag::DbtrAgt,
        b"CdtrAgt" => Tag::CdtrAgt,
        b"FinInstnId" => Tag::FinInstnId,
        b"BIC" | b"BICFI" => Tag::Bic,
        b"RmtInf" => Tag::RmtInf,
        b"Ustrd" => Tag::Ustrd,
        b"Strd" => Tag::Strd,
        b"CdtrRefInf" => Tag::CdtrRefInf,
        b"Ref" => Tag::Ref,
        b"RtrInf" => Tag::RtrInf,
        b"Rsn" => Tag::Rsn,
        b"AddtlNtryInf" => Tag::AddtlNtryInf,
        b"AddtlTxInf" => Tag::AddtlTxInf,
        _ => Tag::Other,
    }
}

/// Whether the open elements end with `suffix` (innermost last).
fn ends(path: &[Tag], suffix: &[Tag]) -> bool {
    path.ends_with(suffix)
}

/// One `TxDtls` as read.
#[derive(Debug, Default)]
struct Details {
    amount: Option<Cents>,
    direction: Option<Direction>,
    bank_reference: Option<String>,
    end_to_end_id: Option<String>,
    debtor_name: Option<String>,
    creditor_name: Option<String>,
    debtor_iban: Option<String>,
    creditor_iban: Option<String>,
    debtor_bic: Option<String>,
    creditor_bic: Option<String>,
    unstructured: Vec<String>,
    structured: Option<String>,
    return_reason: Option<String>,
    additional: Option<String>,
}

/// One `Ntry` as read.
#[derive(Debug, Default)]
struct Entry {
    amount: Option<Cents>,
    direction: Option<Direction>,
    reversal: bool,
    status: Option<String>,
    booking_date: Option<NaiveDate>,
    value_date: Option<NaiveDate>,
    bank_reference: Option<String>,
    additional: Option<String>,
    details: Vec<Details>,
}

/// One `Bal` as read.
#[derive(Debug, Default)]
struct BalanceRead {
    code: Option<String>,
    amount: Option<Cents>,
    direction: Option<Direction>,
    date: Option<NaiveDate>,
}

/// One `Stmt` as read.
#[derive(Debug, Default)]
struct StatementRead {
    id: Option<String>,
    account: Option<String>,
    balances: Vec<Balance>,
    transactions: Vec<Transaction>,
    entries_total: Cents,
    not_booked: usize,
}

/// Reads every statement of a CAMT.053 document (events borrow from `input`: nothing is copied
/// but the values kept).
pub fn parse(input: &[u8]) -> Result<Vec<Statement>, ImportError> {
    let mut reader = Reader::from_reader(input);
    reader.config_mut().expand_empty_elements = true;
    let mut path: Vec<Tag> = Vec::new();
    let mut text = String::new();
    let mut root_seen = false;
    let mut statements: Vec<Statement> = Vec::new();
    let mut stmt: Option<StatementRead> = None;
    let mut bal: Option<BalanceRead> = None;
    let mut entry: Option<Entry> = None;
    let mut details: Option<Details> = None;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| ImportError::Malformed(format!("XML bij byte {position}: {e}")))?;
        match event {
            Event::DocType(_) => return Err(ImportError::DocType),
            Event::Start(e) => {
                if !root_seen {
                    root_seen = true;
                    check_root(&e)?;
                }
                if path.len() >= MAX_DEPTH {
                    return Err(ImportError::Malformed(format!("meer dan {MAX_DEPTH} niveaus diep")));
                }
                let t = tag(e.local_name().as_ref());
                path.push(t);
                text.clear();
                match t {
                    // nothing is reserved ahead of what is read: a guess from the file (counting
                    // `Ntry>`, say) can be made to reserve memory for entries that never come
                    Tag::Stmt => stmt = Some(StatementRead::default()),
                    Tag::Bal if stmt.is_some() => bal = Some(BalanceRead::default()),
                    Tag::Ntry if stmt.is_some() => entry = Some(Entry::default()),
                    Tag::TxDtls if entry.is_some() => details = Some(Details::default()),
                    _ => {}
                }
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| ImportError::Malformed(format!("tekst bij byte {position}: {e}")))?;
                push_text(&mut text, &s)?;
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t);
                push_text(&mut text, &s)?;
            }
            Event::GeneralRef(r) => {
                // only the five predefined entities and character references: without a DTD
                // nothing else can be defined, and a DTD is refused
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r
                            .decode()
                            .map_err(|e| ImportError::Malformed(format!("verwijzing bij byte {position}: {e}")))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| ImportError::Malformed(format!("onbekende entiteit &{name};")))?
                            .to_string()
                    }
                    Err(e) => return Err(ImportError::Malformed(format!("verwijzing bij byte {position}: {e}"))),
                };
                push_text(&mut text, &resolved)?;
            }
            Event::End(_) => {
                end_element(
                    &path,
                    text.trim(),
                    &mut stmt,
                    &mut bal,
                    &mut entry,
                    &mut details,
                    &mut statements,
                )?;
                text.clear();
                path.pop();
            }
            Event::Eof => break,
            Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if !root_seen {
        return Err(ImportError::Malformed("leeg document".into()));
    }
    Ok(statements)
}

fn push_text(text: &mut String, s: &str) -> Result<(), ImportError> {
    if text.len() + s.len() > MAX_TEXT {
        return Err(ImportError::Malformed(format!(
            "een tekstveld is langer dan {MAX_TEXT} tekens"
        )));
    }
    text.push_str(s);
    Ok(())
}

/// The namespace of an element from its own declarations (`xmlns`, or `xmlns:p` for a prefix
/// `p`): enough for the root, the only element whose namespace is checked.
fn root_namespace(e: &BytesStart<'_>) -> String {
    let name = e.name();
    let wanted: Vec<u8> = match name.prefix() {
        Some(p) => [b"xmlns:".as_slice(), p.as_ref()].concat(),
        None => b"xmlns".to_vec(),
    };
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == wanted.as_slice())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
        .unwrap_or_default()
}

/// The root must be a camt.053 `Document`; anything else is named in the refusal.
fn check_root(e: &BytesStart<'_>) -> Result<(), ImportError> {
    let namespace = root_namespace(e);
    let local_name = e.local_name();
    let local = local_name.as_ref();
    let version = namespace.strip_prefix(CAMT053);
    let known = version.is_some_and(|v| {
        matches!(
            v,
            "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13"
        )
    });
    if local == b"Document" && known {
        return Ok(());
    }
    Err(ImportError::NotAStatement {
        expected: "camt.053",
        found: describe(&namespace, &String::from_utf8_lossy(local)),
    })
}

/// What a document is, for the refusal: `pain.001.001.03 (betaalopdracht)`, …
fn describe(namespace: &str, root: &str) -> String {
    let message = namespace.rsplit(':').next().unwrap_or_default();
    let kind = match message.get(..8) {
        Some("pain.001") => " (betaalopdracht)",
        Some("pain.008") => " (incasso-opdracht)",
        Some("camt.052") => " (tussentijds rekeningoverzicht)",
        Some("camt.054") => " (debet-/creditmelding)",
        Some("camt.053") => " (een versie van camt.053 die niet bestaat)",
        _ => "",
    };
    if namespace.is_empty() {
        format!("een XML-document met hoofdelement <{root}> zonder ISO 20022-namespace")
    } else if message.is_empty() || !namespace.starts_with("urn:iso:std:iso:20022") {
        format!("een XML-document met hoofdelement <{root}> in namespace {namespace}")
    } else {
        format!("{message}{kind}")
    }
}

fn invalid(what: &str, value: &str) -> ImportError {
    ImportError::Invalid(format!("{what}: '{}'", value.chars().take(60).collect::<String>()))
}

fn amount(value: &str) -> Result<Cents, ImportError> {
    let a = Cents::parse_decimal(value).map_err(|_| invalid("bedrag", value))?;
    if a.0 < 0 {
        return Err(invalid("bedrag (negatief; de richting staat in CdtDbtInd)", value));
    }
    Ok(a)
}

fn direction(value: &str) -> Result<Direction, ImportError> {
    match value {
        "CRDT" => Ok(Direction::Credit),
        "DBIT" => Ok(Direction::Debit),
        _ => Err(invalid("CdtDbtInd", value)),
    }
}

fn date(value: &str) -> Result<NaiveDate, ImportError> {
    // Dt is a date, DtTm a date-time: the date is its first ten characters, YYYY-MM-DD
    let bad = || invalid("datum", value);
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?
            .iter()
            .try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || (b.len() > 10 && b.get(10) != Some(&b'T')) {
        return Err(bad());
    }
    let (y, m, d) = (
        digits(0..4).ok_or_else(bad)?,
        digits(5..7).ok_or_else(bad)?,
        digits(8..10).ok_or_else(bad)?,
    );
    NaiveDate::from_ymd_opt(i32::try_from(y).map_err(|_| bad())?, m, d).ok_or_else(bad)
}

fn some(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_string())
}

/// Handles the end of the innermost element of `path`, with its text.
#[allow(clippy::too_many_arguments)]
fn end_element(
    path: &[Tag],
    value: &str,
    stmt: &mut Option<StatementRead>,
    bal: &mut Option<BalanceRead>,
    entry: &mut Option<Entry>,
    details: &mut Option<Details>,
    statements: &mut Vec<Statement>,
) -> Result<(), ImportError> {
    use Tag::*;
    let Some(&last) = path.last() else { return Ok(()) };
    if let Some(d) = details.as_mut() {
        match last {
            TxDtls => {
                if let (Some(e), Some(d)) = (entry.as_mut(), details.take()) {
                    e.details.push(d);
                }
            }
            Amt if ends(path, &[TxDtls, Amt]) || ends(path, &[AmtDtls, TxAmt, Amt]) => d.amount = Some(amount(value)?),
            CdtDbtInd if ends(path, &[TxDtls, CdtDbtInd]) => d.direction = Some(direction(value)?),
            AcctSvcrRef if ends(path, &[Refs, AcctSvcrRef]) => d.bank_reference = some(value),
            EndToEndId if ends(path, &[Refs, EndToEndId]) => {
                d.end_to_end_id = some(value).filter(|v| v != "NOTPROVIDED")
            }
            Nm if ends(path, &[RltdPties, Dbtr, Nm]) || ends(path, &[RltdPties, Dbtr, Pty, Nm]) => {
                d.debtor_name = some(value)
            }
            Nm if ends(path, &[RltdPties, Cdtr, Nm]) || ends(path, &[RltdPties, Cdtr, Pty, Nm]) => {
                d.creditor_name = some(value)
            }
            Iban if ends(path, &[RltdPties, DbtrAcct, Id, Iban]) => d.debtor_iban = some(value),
            Iban if ends(path, &[RltdPties, CdtrAcct, Id, Iban]) => d.creditor_iban = some(value),
            Bic if ends(path, &[RltdAgts, DbtrAgt, FinInstnId, Bic]) => d.debtor_bic = some(value),
            Bic if ends(path, &[RltdAgts, CdtrAgt, FinInstnId, Bic]) => d.creditor_bic = some(value),
            Ustrd if ends(path, &[RmtInf, Ustrd]) && !value.is_empty() => d.unstructured.push(value.to_string()),
            Ref if ends(path, &[Strd, CdtrRefInf, Ref]) => d.structured = some(value),
            Cd if ends(path, &[RtrInf, Rsn, Cd]) => d.return_reason = some(value),
            AddtlTxInf => d.additional = some(value),
            _ => {}
        }
        return Ok(());
    }
    if let Some(e) = entry.as_mut() {
        match last {
            Ntry => {
                if let (Some(s), Some(e)) = (stmt.as_mut(), entry.take()) {
                    finish_entry(s, e)?;
                }
            }
            Amt if ends(path, &[Ntry, Amt]) => e.amount = Some(amount(value)?),
            CdtDbtInd if ends(path, &[Ntry, CdtDbtInd]) => e.direction = Some(direction(value)?),
            RvslInd if ends(path, &[Ntry, RvslInd]) => e.reversal = value == "true" || value == "1",
            Sts if ends(path, &[Ntry, Sts]) && !value.is_empty() => e.status = Some(value.to_string()),
            Cd if ends(path, &[Ntry, Sts, Cd]) => e.status = some(value),
            Dt | DtTm if ends(path, &[BookgDt, last]) => e.booking_date = Some(date(value)?),
            Dt | DtTm if ends(path, &[ValDt, last]) => e.value_date = Some(date(value)?),
            AcctSvcrRef if ends(path, &[Ntry, AcctSvcrRef]) => e.bank_reference = some(value),
            AddtlNtryInf => e.additional = some(value),
            _ => {}
        }
        return Ok(());
    }
    if let Some(b) = bal.as_mut() {
        match last {
            Bal => {
                if let (Some(s), Some(b)) = (stmt.as_mut(), bal.take()) {
                    let (Some(code), Some(a)) = (b.code, b.amount) else {
                        return Err(ImportError::Invalid("saldo zonder code of bedrag".into()));
                    };
                    let signed = b.direction.unwrap_or(Direction::Credit).signed(a);
                    s.balances.push(Balance {
                        code,
                        amount: signed,
                        date: b.date,
                    });
                }
            }
            Cd if ends(path, &[Bal, Tp, CdOrPrtry, Cd]) => b.code = some(value),
            Amt if ends(path, &[Bal, Amt]) => b.amount = Some(amount(value)?),
            CdtDbtInd if ends(path, &[Bal, CdtDbtInd]) => b.direction = Some(direction(value)?),
            Dt | DtTm if ends(path, &[Bal, Dt, last]) => b.date = Some(date(value)?),
            _ => {}
        }
        return Ok(());
    }
    if let Some(s) = stmt.as_mut() {
        match last {
            Stmt => {
                if let Some(s) = stmt.take() {
                    statements.push(finish_statement(s)?);
                }
            }
            Id if ends(path, &[Stmt, Id]) => s.id = some(value),
            Iban if ends(path, &[Stmt, Acct, Id, Iban]) => s.account = some(value),
            _ => {}
        }
    }
    Ok(())
}

fn finish_statement(s: StatementRead) -> Result<Statement, ImportError> {
    let account = s
        .account
        .ok_or_else(|| ImportError::Invalid("een afschrift zonder IBAN van de rekening (Acct/Id/IBAN)".into()))?;
    let account = Iban::parse(&account).map_err(|e| ImportError::Invalid(e.to_string()))?;
    Ok(Statement {
        id: s.id,
        account,
        balances: s.balances,
        transactions: s.transactions,
        entries_total: s.entries_total,
        not_booked: s.not_booked,
    })
}

/// Turns a booked entry into its transactions: one per `TxDtls` of a batch when each has an
/// amount, otherwise one for the entry's total.
fn finish_entry(s: &mut StatementRead, e: Entry) -> Result<(), ImportError> {
    if e.status.as_deref().is_some_and(|st| st != "BOOK") {
        s.not_booked += 1;
        return Ok(());
    }
    let amount = e
        .amount
        .ok_or_else(|| ImportError::Invalid("een boeking zonder bedrag".into()))?;
    let direction = e
        .direction
        .ok_or_else(|| ImportError::Invalid("een boeking zonder CdtDbtInd".into()))?;
    let booking_date = e
        .booking_date
        .or(e.value_date)
        .ok_or_else(|| ImportError::Invalid("een boeking zonder boekdatum".into()))?;
    s.entries_total = s
        .entries_total
        .checked_add(direction.signed(amount))
        .ok_or_else(|| ImportError::Invalid("de som van de boekingen is te groot".into()))?;
    let split = e.details.len() > 1 && e.details.iter().all(|d| d.amount.is_some());
    let mut details = e.details;
    if !split {
        // one transaction for the entry: its own details (the first), or none
        details.truncate(1);
        if let Some(d) = details.first_mut() {
            d.amount = Some(amount);
        }
    }
    if details.is_empty() {
        details.push(Details {
            amount: Some(amount),
            ..Details::default()
        });
    }
    for d in details {
        let dir = d.direction.unwrap_or(direction);
        // the counterparty is the debtor of money in and the creditor of money out
        let (iban, name, bic) = match dir {
            Direction::Credit => (d.debtor_iban, d.debtor_name, d.debtor_bic),
            Direction::Debit => (d.creditor_iban, d.creditor_name, d.creditor_bic),
        };
        let description = if !d.unstructured.is_empty() {
            d.unstructured.join(" ")
        } else {
            d.structured
                .clone()
                .or(d.additional)
                .or_else(|| e.additional.clone())
                .unwrap_or_default()
        };
        s.transactions.push(Transaction {
            amount: d.amount.unwrap_or(amount),
            direction: dir,
            booking_date,
            value_date: e.value_date,
            bank_reference: d.bank_reference.or_else(|| e.bank_reference.clone()),
            end_to_end_id: d.end_to_end_id,
            counterparty_iban: iban,
            counterparty_name: name,
            counterparty_bic: bic,
            description,
            structured_reference: d.structured,
            reversal: e.reversal,
            return_reason: d.return_reason,
        });
    }
    Ok(())
}
