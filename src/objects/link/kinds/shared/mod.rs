//! What several link kinds share: internet address words as ip's tunnel
//! parsers read them, the IP tunnel printers' pieces, the print helpers
//! (ip's lib/ formatting) and the printers' test support.

#[cfg(test)]
mod fuzz;
pub(crate) mod inet;
pub(crate) mod print;
pub(crate) mod tunnel;
