//! What `encap …` can refuse (ip/iproute_lwtunnel.c), with ip's text and
//! status. ip raises each of them with `exit()`, so they end a batch.

use crate::error::{strerror, SubjectError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EncapError {
    /// `encap help`: the list of types (status 255).
    TypeUsage,
    /// `encap TYPE` followed by a single word (status 255).
    UnexpectedEnd,
    /// `encap xfrm help`, or `encap xfrm` without `if_id` (status 255).
    XfrmUsage,
    /// `encap bpf help` (status 255).
    BpfUsage,
    /// `encap seg6local` without `action` (status 255).
    MissingAction,
    /// `exit(nodev(name))` of `iif`/`oif`/`link_dev` (status 255).
    NoDevice(String),
    /// `encap ila` with a locator that is not four hex groups (status 1).
    BadLocator(String),
    /// A BPF program that could not be read: ip's own lines, then its
    /// `Failed to parse eBPF program` with `errno` (status 255).
    BpfProgram { text: String, errno: i32 },
    /// The encapsulation outgrew ip's 1024-byte buffer. ip prints this,
    /// drops the encap and goes on parsing at the word after `encap` (the
    /// TYPE), which its caller should do too; alone it ends with 255.
    TooLong,
}

impl SubjectError for EncapError {
    fn status(&self) -> i32 {
        match self {
            EncapError::BadLocator(_) => 1,
            _ => 255,
        }
    }

    fn aborts_batch(&self) -> bool {
        true
    }

    fn message(&self, _prog: &str) -> Option<String> {
        Some(match self {
            EncapError::TypeUsage => {
                let mut text = "Usage: ip route ... encap TYPE [ OPTIONS ] [...]".to_string();
                for (at, name) in [
                    "mpls", "ip", "ila", "ip6", "seg6", "bpf", "seg6local", "rpl", "ioam6", "xfrm",
                ]
                .iter()
                .enumerate()
                {
                    let tail = if at == 0 { "TYPE := " } else { "      " };
                    text.push_str(&format!("\n{name} {tail}"));
                }
                text
            }
            EncapError::UnexpectedEnd => {
                "Error: unexpected end of line after \"encap\"".to_string()
            }
            EncapError::XfrmUsage => {
                "Usage: ip route ... encap xfrm if_id IF_ID [ link_dev LINK ]".to_string()
            }
            EncapError::BpfUsage => "Usage: ip route ... encap bpf [ in BPF ] [ out BPF ] [ xmit BPF ] [...]\nBPF := obj FILE [ section NAME ] [ verbose ]".to_string(),
            EncapError::MissingAction => "Missing action type".to_string(),
            EncapError::NoDevice(name) => format!("Cannot find device \"{name}\""),
            EncapError::BadLocator(word) => format!("Bad locator: {word}"),
            EncapError::TooLong => {
                "rta_addattr_l: Error! max allowed bound 1024 exceeded".to_string()
            }
            EncapError::BpfProgram { text, errno } => {
                format!("{text}\nFailed to parse eBPF program: {}", strerror(*errno))
            }
        })
    }
}
