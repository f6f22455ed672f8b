//! Memory follows what a statement file holds, not what it pretends to hold: the security
//! review's CAMT file (a comment repeating `Ntry>`, then thousands of empty statements of our
//! account) made the reader reserve room for entries that never came, 1.5 GB for 312 KB.
//!
//! This test binary counts its own heap (one test, so nothing else allocates alongside).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use cap::Cap;
use household_budget::import::{self, Format, ImportError};
use std::alloc::System;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

const MIB: usize = 1024 * 1024;

/// The crafted file of about `size` bytes: a comment of `Ntry>` for a third, then empty
/// statements of the municipality's account.
fn crafted(size: usize) -> Vec<u8> {
    let mut f = String::from(
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><!--",
    );
    while f.len() < size / 3 {
        f.push_str("Ntry>");
    }
    f.push_str("-->");
    let stmt = "<Stmt><Acct><Id><IBAN>NL36ABNA5632579034</IBAN></Id></Acct></Stmt>";
    while f.len() + stmt.len() < size - 40 {
        f.push_str(stmt);
    }
    f.push_str("</BkToCstmrStmt></Document>");
    f.into_bytes()
}

/// The peak heap while `f` runs, above what was in use before.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATOR.allocated();
    let out = f();
    (out, ALLOCATOR.max_allocated().saturating_sub(before))
}

#[test]
fn statement_files_take_memory_in_proportion_to_what_they_hold() {
    // max_allocated only grows: a later measurement reads at least its own peak, never less,
    // so none of them can pass by the order they run in
    for size in [1024 * 1024, 300 * 1024] {
        let file = crafted(size);
        let (read, peak) = peak_during(|| import::read(Format::Camt053, &file));
        let statements = read.unwrap();
        assert!(statements.len() > 1000 && statements.iter().all(|s| s.transactions.is_empty()));
        assert!(
            peak < 64 * MIB,
            "reading a crafted {} KB CAMT file took {} MB of heap",
            size / 1024,
            peak / MIB
        );
        drop(statements);
    }
    // MT940: a 12 MB :86: is refused, not made into one description
    let mut mt =
        String::from(":20:X\r\n:25:NL36ABNA5632579034\r\n:60F:C260301EUR0,00\r\n:61:2603010301D1,00NTRFNONREF\r\n:86:");
    mt.push_str(&"x".repeat(12 * MIB));
    mt.push_str("\r\n:62F:D260301EUR1,00\r\n-");
    let (read, peak) = peak_during(|| import::read(Format::Mt940, mt.as_bytes()));
    assert!(
        matches!(read, Err(ImportError::Malformed(ref m)) if m.contains(":86:")),
        "{read:?}"
    );
    // the file's text is copied once (12 MB); nothing is made of the field
    assert!(peak < 40 * MIB, "{} MB", peak / MIB);
}
