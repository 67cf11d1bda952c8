//! Argument grammar: ip's word-matching rules and its C number parsers.
//!
//! iproute2 does not use a parser generator. Every keyword is tested in a
//! fixed order with `matches()` (the word is a non-empty prefix of the
//! keyword) and the first hit wins, so `ip n` is `neighbor` and `ip link s` is
//! `set`. Numbers go through `strtol`/`strtoul` with base 0, so `0x10`, `010`
//! and ` +5` are all accepted. Both are reproduced in the leaf module
//! `crate::words` and re-exported here, so that every object parser can
//! follow ip's code path word by word.

pub mod inet;
pub mod options;
pub mod tree;

// The word primitives live in a leaf module the model can use too.
pub(crate) use crate::words::{
    atoi, get_integer, get_s32, get_u16, get_u64, get_u8, get_unsigned, matches, parse_c_integer,
};

/// ip's `NEXT_ARG()`: the value after a keyword, or "Command line is not
/// complete".
pub fn next_arg<'a>(words: &mut std::slice::Iter<'a, String>) -> crate::error::Result<&'a String> {
    words.next().ok_or(crate::error::Error::IncompleteCommand)
}
