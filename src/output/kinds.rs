//! `-d` details of link kinds: the `info_data` printers of ip's link_util
//! modules (ip/iplink_*.c, ip/link_*.c), keyed by kind name.
//!
//! A kind is listed here exactly when ip 6.1 has a printer for it: for those
//! ip opens an `info_data` JSON object even when the kernel sends no data.

use super::Printer;

/// Prints a kind's IFLA_INFO_DATA (or port's IFLA_INFO_SLAVE_DATA) payload.
pub type KindPrinter = fn(&mut Printer, &[u8]);

/// The printer for `kind` (`bridge`, `bridge_slave`, ...), if ip has one.
pub fn printer(kind: &[u8]) -> Option<KindPrinter> {
    let _ = kind;
    None
}

/// The `-s -d` extra statistics printer for `kind`, if ip has one.
pub fn xstats_printer(kind: &[u8]) -> Option<KindPrinter> {
    let _ = kind;
    None
}
