//! SEPA credit transfer initiation, pain.001.001.03 (what Dutch banks take) or pain.001.001.09:
//! one payment information block per execution date, from the municipality's account. The
//! output validates against the official XSDs (tested with xmllint).

use crate::domain::iban::Iban;
use crate::domain::money::Cents;
use chrono::{NaiveDate, NaiveDateTime};
use quick_xml::escape::escape;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The versions written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub enum Version {
    /// pain.001.001.03.
    #[serde(rename = "pain.001.001.03")]
    V03,
    /// pain.001.001.09.
    #[serde(rename = "pain.001.001.09")]
    V09,
}

impl Version {
    /// The message name, `pain.001.001.03`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V03 => "pain.001.001.03",
            Version::V09 => "pain.001.001.09",
        }
    }
}

/// One payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// End-to-end id (at most 35 characters).
    pub end_to_end_id: String,
    pub date: NaiveDate,
    /// Amount, positive.
    pub amount: Cents,
    /// To whom.
    pub creditor_name: String,
    /// Their account.
    pub creditor_account: Iban,
    /// Remittance text (at most 140 characters).
    pub remittance: String,
}

/// Who pays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debtor {
    pub name: String,
    pub account: Iban,
}

/// At most `n` characters of `s`.
fn cut(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The document.
pub fn write(
    version: Version,
    message_id: &str,
    created: NaiveDateTime,
    debtor: &Debtor,
    transfers: &[Transfer],
) -> String {
    let total = transfers
        .iter()
        .fold(Cents::ZERO, |t, x| Cents(t.0.saturating_add(x.amount.0)));
    let mut by_date: BTreeMap<NaiveDate, Vec<&Transfer>> = BTreeMap::new();
    for t in transfers {
        by_date.entry(t.date).or_default().push(t);
    }
    let name = escape(cut(&debtor.name, 70).as_str()).into_owned();
    let mut x = String::with_capacity(1024 + transfers.len() * 600);
    let _ = write!(
        x,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:{v}">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>{id}</MsgId>
      <CreDtTm>{created}</CreDtTm>
      <NbOfTxs>{n}</NbOfTxs>
      <CtrlSum>{total}</CtrlSum>
      <InitgPty><Nm>{name}</Nm></InitgPty>
    </GrpHdr>
"#,
        v = version.as_str(),
        id = escape(cut(message_id, 35).as_str()),
        created = created.format("%Y-%m-%dT%H:%M:%S"),
        n = transfers.len(),
    );
    for (i, (date, list)) in by_date.iter().enumerate() {
        let sum = list
            .iter()
            .fold(Cents::ZERO, |t, x| Cents(t.0.saturating_add(x.amount.0)));
        let execution = match version {
            Version::V03 => format!("<ReqdExctnDt>{date}</ReqdExctnDt>"),
            Version::V09 => format!("<ReqdExctnDt><Dt>{date}</Dt></ReqdExctnDt>"),
        };
        let _ = write!(
            x,
            r#"    <PmtInf>
      <PmtInfId>{id}</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <NbOfTxs>{n}</NbOfTxs>
      <CtrlSum>{sum}</CtrlSum>
      <PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>
      {execution}
      <Dbtr><Nm>{name}</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>{account}</IBAN></Id></DbtrAcct>
      <DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
"#,
            id = escape(cut(&format!("{}-{}", cut(message_id, 30), i + 1), 35).as_str()),
            n = list.len(),
            account = debtor.account,
        );
        for t in list {
            let _ = write!(
                x,
                r#"      <CdtTrfTxInf>
        <PmtId><EndToEndId>{e2e}</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="EUR">{amount}</InstdAmt></Amt>
        <Cdtr><Nm>{creditor}</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>{iban}</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>{text}</Ustrd></RmtInf>
      </CdtTrfTxInf>
"#,
                e2e = escape(cut(&t.end_to_end_id, 35).as_str()),
                amount = t.amount,
                creditor = escape(cut(&t.creditor_name, 70).as_str()),
                iban = t.creditor_account,
                text = escape(cut(&t.remittance, 140).as_str()),
            );
        }
        x.push_str("    </PmtInf>\n");
    }
    x.push_str("  </CstmrCdtTrfInitn>\n</Document>\n");
    x
}
