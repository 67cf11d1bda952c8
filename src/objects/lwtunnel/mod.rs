//! Lightweight tunnel encapsulation (`encap …` of routes and nexthops,
//! ip/iproute_lwtunnel.c): the words parsed into RTA_ENCAP/RTA_ENCAP_TYPE,
//! and the attributes printed back.

#![allow(dead_code)] // placeholder until the lwtunnel branch lands
use crate::error::{Error, Result};
use crate::output::Printer;

/// A parsed `encap TYPE …`: the LWTUNNEL_ENCAP_* type (RTA_ENCAP_TYPE) and
/// the nested attributes that go inside RTA_ENCAP, already serialized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encap {
    pub kind: u16,
    pub attrs: Vec<u8>,
}

/// ip's `lwt_parse_encap`: `words` start at TYPE (the word after `encap`).
/// Returns the encapsulation and how many words it took.
pub fn parse(words: &[String]) -> Result<(Encap, usize)> {
    let _ = words;
    Err(Error::CommandNotImplemented {
        object: "route",
        command: "encap",
    })
}

/// ip's `lwt_print_encap`: prints ` encap TYPE …` for RTA_ENCAP_TYPE `kind`
/// and the payload of RTA_ENCAP.
pub fn print(out: &mut Printer, kind: u16, encap: &[u8]) {
    let _ = (out, kind, encap);
}
