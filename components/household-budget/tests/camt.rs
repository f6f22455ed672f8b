//! CAMT.053 as banks send it: the sample from the Huishoudboekje application, hand-written
//! statements of versions .04, .08 and .10 (all valid against the official XSDs), and the files
//! that must be refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use household_budget::domain::money::Cents;
use household_budget::domain::statement::Direction;
use household_budget::import::{ImportError, camt};
use std::path::PathBuf;

fn file(path: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn fixture(name: &str) -> Vec<u8> {
    file(&format!("tests/fixtures/{name}"))
}

#[test]
fn the_huishoudboekje_sample_with_its_quirks() {
    let bytes = file("../../standards/samples/camt/huishoudboekje_persona1_202407_camt053.001.02.xml");
    let statements = camt::parse(&bytes[..]).unwrap();
    assert_eq!(statements.len(), 1);
    let s = &statements[0];
    assert_eq!(s.account.as_str(), "NL36ABNA5632579034");
    assert_eq!(s.transactions.len(), 9);
    let credits = s
        .transactions
        .iter()
        .filter(|t| t.direction == Direction::Credit)
        .count();
    assert_eq!(credits, 5);
    let first = &s.transactions[0];
    assert_eq!(first.amount, Cents(14784));
    assert_eq!(first.booking_date.to_string(), "2024-07-07");
    assert_eq!(first.counterparty_iban.as_deref(), Some("NL71ABNA0411065785"));
    assert_eq!(first.counterparty_name.as_deref(), Some("GEMEENTE UTRECHT"));
    assert_eq!(first.end_to_end_id.as_deref(), Some("286381441"));
    assert_eq!(first.description, "Aanvullende uitkering ZOEKTERMPERSONA1 juli 2024");
    // the balance code CRDT instead of CLBD: no closing balance, so no arithmetic verdict
    assert_eq!(s.arithmetic(), None);
}

#[test]
fn version_08_batch_reversal_return_and_pending() {
    let statements = camt::parse(&fixture("camt053_v08_batch_reversal_return.xml")[..]).unwrap();
    let s = &statements[0];
    assert_eq!(s.id.as_deref(), Some("GW-V08-STMT-1"));
    // the pending entry is not booked
    assert_eq!(s.not_booked, 1);
    let t = &s.transactions;
    assert_eq!(t.len(), 5, "{t:#?}");
    // income: the debtor is the counterparty, name under Pty, BICFI
    assert_eq!(t[0].direction, Direction::Credit);
    assert_eq!(t[0].counterparty_name.as_deref(), Some("Gemeente Utrecht"));
    assert_eq!(t[0].counterparty_bic.as_deref(), Some("ABNANL2A"));
    assert_eq!(t[0].bank_reference.as_deref(), Some("REF-UITKERING-1"));
    // the batch entry of 180.00 is split into its two transactions
    assert_eq!((t[1].amount, t[2].amount), (Cents(13000), Cents(5000)));
    assert_eq!(t[1].counterparty_iban.as_deref(), Some("NL20INGB0001234567"));
    assert_eq!(t[1].structured_reference.as_deref(), Some("1234567890123456"));
    assert_eq!(t[1].description, "1234567890123456");
    assert_eq!(t[1].bank_reference.as_deref(), Some("REF-BATCH-2-A"));
    assert_eq!(t[2].counterparty_name.as_deref(), Some("Energie & Water B.V."));
    assert_eq!(t[2].description, "Termijn maart klant 4711");
    assert_eq!(t[2].end_to_end_id, None, "NOTPROVIDED is no id");
    // the reversal: money back in, flagged; its amount comes from the entry
    assert!(t[3].reversal);
    assert_eq!((t[3].direction, t[3].amount), (Direction::Credit, Cents(3550)));
    // the returned payment keeps its reason
    assert_eq!(t[4].return_reason.as_deref(), Some("AC04"));
    let a = s.arithmetic().unwrap();
    assert!(a.klopt, "{a:?}");
    assert_eq!(a.eindsaldo, Cents(105550));
}

#[test]
fn version_10_prefixed_two_statements_and_a_closing_balance_that_does_not_add_up() {
    let statements = camt::parse(&fixture("camt053_v10_two_statements.xml")[..]).unwrap();
    assert_eq!(statements.len(), 2);
    let (a, b) = (&statements[0], &statements[1]);
    assert_eq!(a.account.as_str(), "NL36ABNA5632579034");
    // a batch without details is one transaction for the entry, described by the bank
    assert_eq!(a.transactions.len(), 1);
    assert_eq!(a.transactions[0].amount, Cents(7525));
    assert_eq!(a.transactions[0].description, "Verzamelbetaling <3 posten>");
    assert_eq!(a.transactions[0].booking_date.to_string(), "2026-04-01");
    let sum = a.arithmetic().unwrap();
    assert_eq!(
        (sum.beginsaldo, sum.verwacht_eindsaldo, sum.klopt),
        (Cents(-1000), Cents(-8525), false)
    );
    assert_eq!(b.account.as_str(), "NL91ABNA0417164300");
    assert_eq!(b.transactions[0].amount, Cents(1250));
    assert_eq!(b.transactions[0].counterparty_name.as_deref(), Some("Jörg Müller"));
    assert_eq!(b.arithmetic(), None, "no closing balance");
}

#[test]
fn version_04_amounts_and_parties() {
    let s = &camt::parse(&fixture("camt053_v04.xml")[..]).unwrap()[0];
    assert_eq!(s.transactions.len(), 2);
    assert_eq!(
        s.transactions[0].counterparty_name.as_deref(),
        Some("Belastingdienst Toeslagen")
    );
    assert_eq!(
        s.transactions[1].counterparty_iban.as_deref(),
        Some("NL20INGB0001234567")
    );
    assert!(s.arithmetic().unwrap().klopt);
}

#[test]
fn documents_that_are_not_statements_are_named() {
    let pain = br#"<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>"#;
    match camt::parse(&pain[..]) {
        Err(ImportError::NotAStatement { found, .. }) => assert_eq!(found, "pain.001.001.03 (betaalopdracht)"),
        other => panic!("{other:?}"),
    }
    let html = b"<html><body>hallo</body></html>";
    match camt::parse(&html[..]) {
        Err(e @ ImportError::NotAStatement { .. }) => assert!(e.to_string().contains("<html>"), "{e}"),
        other => panic!("{other:?}"),
    }
    let future = br#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.99"/>"#;
    assert!(matches!(
        camt::parse(&future[..]),
        Err(ImportError::NotAStatement { .. })
    ));
    assert!(matches!(
        camt::parse(&b"not xml at all"[..]),
        Err(ImportError::NotAStatement { .. } | ImportError::Malformed(_))
    ));
    assert!(matches!(camt::parse(&b""[..]), Err(ImportError::Malformed(_))));
}

#[test]
fn entities_are_never_expanded() {
    let laughs = br#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&lol3;</BkToCstmrStmt></Document>"#;
    assert_eq!(camt::parse(&laughs[..]), Err(ImportError::DocType));
    let external = br#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&x;</Document>"#;
    assert_eq!(camt::parse(&external[..]), Err(ImportError::DocType));
    // an undefined entity without a DTD is an error, not an empty text
    let undefined = br#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>"#;
    assert!(matches!(camt::parse(&undefined[..]), Err(ImportError::Malformed(_))));
}

/// A statement of the municipality's account with one booked entry of `amount`.
fn doc(amount: &str) -> String {
    format!(
        r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Acct><Id><IBAN>NL36ABNA5632579034</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>"#
    )
}

#[test]
fn bad_values_are_refused_with_what_is_wrong() {
    assert!(camt::parse(doc("1.00").as_bytes()).is_ok());
    for bad in ["1.005", "abc", "-5.00", ""] {
        match camt::parse(doc(bad).as_bytes()) {
            Err(ImportError::Invalid(why)) => assert!(why.contains("bedrag"), "{bad}: {why}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
    let bad_iban = doc("1.00").replace("NL36ABNA5632579034", "NL00ABNA5632579034");
    assert!(matches!(camt::parse(bad_iban.as_bytes()), Err(ImportError::Invalid(_))));
    let deep = format!(
        r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">{}{}</Document>"#,
        "<a>".repeat(100),
        "</a>".repeat(100)
    );
    assert!(matches!(camt::parse(deep.as_bytes()), Err(ImportError::Malformed(_))));
}

#[test]
fn statement_text_comes_out_as_plain_text_in_both_formats() {
    // a tab, an escape character, a C1 control, a right-to-left override and a line break
    let camt = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>\
<Acct><Id><IBAN>NL36ABNA5632579034</IBAN></Id></Acct>\
<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt>\
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Jan&#x9;\u{202E}Jansen</Nm></Dbtr></RltdPties>\
<RmtInf><Ustrd>huur\u{85} maart&#xA;2026\u{1b}[31m</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\
</Stmt></BkToCstmrStmt></Document>";
    let s = household_budget::import::read(household_budget::import::Format::Camt053, camt.as_bytes()).unwrap();
    let t = &s[0].transactions[0];
    assert_eq!(t.counterparty_name.as_deref(), Some("Jan Jansen"));
    assert_eq!(t.description, "huur maart 2026 [31m");
    let mt940 = ":20:X\r\n:25:NL36ABNA5632579034\r\n:60F:C260301EUR0,00\r\n:61:2603010301C1,00NTRFNONREF\r\n\
:86:/NAME/Jan\u{1b}Jansen/REMI/huur\u{7f}maart\u{2066}2026\r\n:62F:C260301EUR1,00\r\n-";
    let s = household_budget::import::read(household_budget::import::Format::Mt940, mt940.as_bytes()).unwrap();
    let t = &s[0].transactions[0];
    assert_eq!(t.counterparty_name.as_deref(), Some("Jan Jansen"));
    assert_eq!(t.description, "huur maart 2026");
}

#[test]
fn an_amount_beyond_the_maximum_of_a_transaction_is_refused() {
    let read = |amount: &str| {
        household_budget::import::read(household_budget::import::Format::Camt053, doc(amount).as_bytes())
    };
    assert!(read("10000000.00").is_ok());
    // i64::MAX cents, and one cent over the maximum
    for too_much in ["92233720368547758.07", "10000000.01"] {
        match read(too_much) {
            Err(ImportError::Invalid(why)) => assert!(why.contains("maximum"), "{too_much}: {why}"),
            other => panic!("{too_much}: {other:?}"),
        }
    }
    assert_eq!(Cents::checked_sum([Cents(i64::MAX), Cents(1)]), None);
    assert_eq!(Cents::checked_sum([Cents(5), Cents(-2)]), Some(Cents(3)));
}
