//! Writes a camt.053.001.02 statement with N entries (default 200,000) of the kind a municipal
//! budget account sees, for the import benchmark (`bench/household-budget.sh`):
//! `cargo run --release -p household-budget --example camt_generate -- 200000 > big.xml`.
//! With `--parse FILE` it instead times the streaming reader alone on FILE (the parse rate).

use std::io::Write;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--parse") {
        let Some(path) = args.get(1) else {
            eprintln!("usage: camt_generate --parse FILE");
            return std::process::ExitCode::from(2);
        };
        return parse(path);
    }
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    match generate(n, &mut std::io::BufWriter::new(std::io::stdout().lock())) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn parse(path: &str) -> std::process::ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let start = std::time::Instant::now();
    match household_budget::import::camt::parse(&bytes[..]) {
        Ok(statements) => {
            let secs = start.elapsed().as_secs_f64();
            let txs: usize = statements.iter().map(|s| s.transactions.len()).sum();
            println!(
                "parsed {:.1} MB, {txs} transactions in {secs:.2} s: {:.0} MB/s",
                bytes.len() as f64 / 1e6,
                bytes.len() as f64 / 1e6 / secs
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Counterparties that recur, as on a real budget account (rent, energy, insurance, income).
const PARTIES: [(&str, &str, &str); 6] = [
    ("NL71ABNA0411065785", "Gemeente Utrecht", "Participatiewet"),
    ("NL20INGB0001234567", "Woningcorporatie De Woonplaats", "Huur"),
    ("NL02ABNA0123456789", "Energie en Water BV", "Termijn energie"),
    ("NL44RABO0123456789", "Zorgverzekeraar", "Premie zorgverzekering"),
    ("NL86INGB0002445588", "Belastingdienst Toeslagen", "Zorgtoeslag"),
    ("NL91ABNA0417164300", "Supermarkt", "Boodschappen"),
];

fn generate(n: usize, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>"#
    )?;
    writeln!(
        out,
        "<GrpHdr><MsgId>BENCH-{n}</MsgId><CreDtTm>2026-12-01T06:00:00</CreDtTm></GrpHdr>"
    )?;
    writeln!(
        out,
        "<Stmt><Id>BENCH-STMT-{n}</Id><CreDtTm>2026-12-01T06:00:00</CreDtTm>"
    )?;
    writeln!(
        out,
        "<Acct><Id><IBAN>NL36ABNA5632579034</IBAN></Id><Ccy>EUR</Ccy></Acct>"
    )?;
    let mut total: i64 = 0;
    // the balances come before the entries (the schema's order): compute the amounts first
    let amounts: Vec<(i64, bool)> = (0..n)
        .map(|i| {
            // the rent (every sixth entry, a debit) is always the same: it books automatically
            let cents = if i % 6 == 1 {
                13_000
            } else {
                100 + ((i as i64 * 7919) % 150_000)
            };
            (cents, i % 3 == 0)
        })
        .collect();
    for (cents, credit) in &amounts {
        total += if *credit { *cents } else { -cents };
    }
    let opening: i64 = 1_000_000_000;
    let closing = opening + total;
    let money = |c: i64| format!("{}.{:02}", c.abs() / 100, c.abs() % 100);
    let sign = |c: i64| if c < 0 { "DBIT" } else { "CRDT" };
    writeln!(
        out,
        r#"<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{}</Amt><CdtDbtInd>{}</CdtDbtInd><Dt><Dt>2026-01-01</Dt></Dt></Bal>"#,
        money(opening),
        sign(opening)
    )?;
    writeln!(
        out,
        r#"<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{}</Amt><CdtDbtInd>{}</CdtDbtInd><Dt><Dt>2026-12-31</Dt></Dt></Bal>"#,
        money(closing),
        sign(closing)
    )?;
    for (i, (cents, credit)) in amounts.iter().enumerate() {
        let (iban, name, text) = PARTIES.get(i % PARTIES.len()).copied().unwrap_or((
            "NL71ABNA0411065785",
            "Gemeente Utrecht",
            "Participatiewet",
        ));
        let day = 1 + (i % 28);
        let month = 1 + (i / 28) % 12;
        let (ind, party, account) = if *credit {
            ("CRDT", "Dbtr", "DbtrAcct")
        } else {
            ("DBIT", "Cdtr", "CdtrAcct")
        };
        writeln!(
            out,
            r#"<Ntry><Amt Ccy="EUR">{amt}</Amt><CdtDbtInd>{ind}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-{month:02}-{day:02}</Dt></BookgDt><ValDt><Dt>2026-{month:02}-{day:02}</Dt></ValDt><AcctSvcrRef>BENCH{i:010}</AcctSvcrRef><BkTxCd><Prtry><Cd>OV</Cd><Issr>BENCH</Issr></Prtry></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>E2E-{i}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">{amt}</Amt></TxAmt></AmtDtls><RltdPties><{party}><Nm>{name}</Nm></{party}><{account}><Id><IBAN>{iban}</IBAN></Id></{account}></RltdPties><RmtInf><Ustrd>{text} {month:02}-2026 kenmerk {i}</Ustrd></RmtInf></TxDtls></NtryDtls><AddtlNtryInf>/TRTP/SEPA OVERBOEKING/IBAN/{iban}/NAME/{name}/REMI/{text}</AddtlNtryInf></Ntry>"#,
            amt = money(*cents),
        )?;
    }
    writeln!(out, "</Stmt></BkToCstmrStmt></Document>")?;
    out.flush()
}
