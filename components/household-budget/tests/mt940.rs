//! MT940 as Dutch banks send it: SWIFT blocks (ABN AMRO style, structured :86: with /IBAN/
//! /NAME/ /REMI/ /EREF/ cut over lines), header lines in front (ING style, /CNTP/ and
//! /REMI/USTD//), free-text :86: of other banks, reversals and several statements per file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use household_budget::domain::money::Cents;
use household_budget::domain::statement::Direction;
use household_budget::import::{ImportError, mt940};

fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn swift_blocks_structured_details_and_two_statements() {
    let statements = mt940::parse(&fixture("mt940_abnamro_swift_blocks.sta")).unwrap();
    assert_eq!(statements.len(), 2);
    let s = &statements[0];
    assert_eq!(s.account.as_str(), "NL36ABNA5632579034");
    assert_eq!(s.id.as_deref(), Some("ABN AMRO BANK NV/00061/1"));
    let t = &s.transactions;
    assert_eq!(t.len(), 3);
    assert_eq!((t[0].direction, t[0].amount), (Direction::Credit, Cents(125000)));
    assert_eq!(t[0].counterparty_iban.as_deref(), Some("NL71ABNA0411065785"));
    // a name cut over two lines is joined
    assert_eq!(t[0].counterparty_name.as_deref(), Some("GEMEENTE UTRECHT"));
    assert_eq!(t[0].description, "Participatiewet maart 2026");
    assert_eq!(t[0].end_to_end_id.as_deref(), Some("UITK-2026-03"));
    assert_eq!(t[0].bank_reference.as_deref(), Some("REF-UITK-1"));
    assert_eq!(t[0].booking_date.to_string(), "2026-03-01");
    assert_eq!(t[1].counterparty_iban.as_deref(), Some("NL20INGB0001234567"));
    assert_eq!(
        t[1].counterparty_name.as_deref(),
        Some("Woningcorporatie De Woonplaats")
    );
    // RD: the reversal of a debit, money back in
    assert!(t[2].reversal);
    assert_eq!((t[2].direction, t[2].amount), (Direction::Credit, Cents(3550)));
    assert_eq!(t[2].return_reason.as_deref(), Some("MS02"));
    assert!(s.arithmetic().unwrap().klopt, "{:?}", s.arithmetic());
    let second = &statements[1];
    assert_eq!(second.transactions[0].end_to_end_id, None, "NOTPROVIDED is no id");
    assert!(second.arithmetic().unwrap().klopt);
}

#[test]
fn header_lines_cntp_and_free_text() {
    let statements = mt940::parse(&fixture("mt940_ing_header_lines.sta")).unwrap();
    assert_eq!(statements.len(), 1);
    let s = &statements[0];
    // the IBAN with the currency behind it
    assert_eq!(s.account.as_str(), "NL36ABNA5632579034");
    let t = &s.transactions;
    assert_eq!(t.len(), 3);
    assert_eq!(t[0].counterparty_iban.as_deref(), Some("NL86INGB0002445588"));
    assert_eq!(t[0].counterparty_bic.as_deref(), Some("INGBNL2A"));
    assert_eq!(t[0].counterparty_name.as_deref(), Some("Belastingdienst Toeslagen"));
    assert_eq!(t[0].description, "Zorgtoeslag april 2026");
    assert_eq!(t[0].end_to_end_id.as_deref(), Some("ZORGTOESLAG-04"));
    // free text: the IBAN is taken from it
    assert_eq!(t[1].counterparty_iban.as_deref(), Some("NL20INGB0001234567"));
    assert!(t[1].description.starts_with("NL20INGB0001234567 SUPERMARKT"));
    // a structured reference
    assert_eq!(t[2].structured_reference.as_deref(), Some("1234567890123456"));
    assert_eq!(t[2].counterparty_name.as_deref(), Some("Supermarkt"));
    assert_eq!(t[2].booking_date.to_string(), "2026-04-02");
    let a = s.arithmetic().unwrap();
    assert!(a.klopt, "{a:?}");
    // the :64: available balance is kept too
    assert!(s.balances.iter().any(|b| b.code == "CLAV"));
}

#[test]
fn what_is_not_mt940_is_refused() {
    match mt940::parse(b"hallo wereld\n") {
        Err(ImportError::NotAStatement { expected: "MT940", .. }) => {}
        other => panic!("{other:?}"),
    }
    let bad_amount = b":20:X\r\n:25:NL36ABNA5632579034\r\n:60F:C260301EUR1,00\r\n:61:260301C1,234NTRFNONREF\r\n:62F:C260301EUR1,00\r\n";
    assert!(matches!(mt940::parse(bad_amount), Err(ImportError::Invalid(_))));
    let no_iban = b":20:X\r\n:25:123456789\r\n:60F:C260301EUR1,00\r\n:62F:C260301EUR1,00\r\n";
    assert!(matches!(mt940::parse(no_iban), Err(ImportError::Invalid(_))));
    // Latin-1 text is read, not refused
    let latin1 = b":20:X\r\n:25:NL36ABNA5632579034\r\n:60F:C260301EUR0,00\r\n:61:260301C1,00NTRFNONREF\r\n:86:Caf\xe9\r\n:62F:C260301EUR1,00\r\n";
    assert_eq!(mt940::parse(latin1).unwrap()[0].transactions[0].description, "Café");
}
