//! What `ip link` and its kinds' parsers can refuse, with ip's text and
//! status.
//!
//! The one error table (`crate::error`) hands these here for their text,
//! status and whether ip raises them with `exit()`.

use crate::error::{SubjectError, SubjectWarning};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LinkError {
    /// A kind's own parser (ip/iplink_*.c) printed this text and returned
    /// -1: a complaint, often followed by the kind's usage (status 1).
    KindArgument(String),
    /// The same, where ip then calls exit(status): ends a batch.
    KindFatal(String, i32),
    /// `Garbage instead of arguments "x ...". Try "ip link help".`; ip
    /// returns it after a kind without a parser (status 1) but exit()s with
    /// it in the `group` form (status 255).
    GarbageArguments { word: String, exits: bool },
    /// `ip link add NAME` without `type` (status 1).
    TypeRequired,
    /// `ip link add name a dev b` (status 255).
    NameAndDev,
    /// `ip link add group G` (status 255).
    GroupOnCreate,
    /// `index` outside add and netns moves (status 255).
    IndexNotAllowed,
    /// lib/ll_addr.c `ll_addr_a2n`: one part is not a hex byte (status 1).
    InvalidLladdr(String),
    /// A new address whose length is not the device's (status 1).
    AddressLength { got: usize, want: usize },
    /// iplink.c `on_off` (status 1).
    OnOff { key: String, word: String },
    /// lib/utils.c `parse_on_off` for carrier/protodown: ip returns -EINVAL.
    OneOfOnOff { key: String, word: String },
    /// `ip link property foo` (status 255).
    PropertyOperatorRequired,
    /// `ip link property add altname x` (status 255).
    PropertyDevRequired,
}

impl SubjectError for LinkError {
    fn status(&self) -> i32 {
        match self {
            LinkError::KindFatal(_, status) => *status,
            LinkError::OneOfOnOff { .. } => 22,
            _ if self.aborts_batch() => 255,
            _ => 1,
        }
    }

    /// Whether ip raises it with `exit()`, which ends a batch at once.
    fn aborts_batch(&self) -> bool {
        match self {
            LinkError::GarbageArguments { exits, .. } => *exits,
            LinkError::KindFatal(..)
            | LinkError::NameAndDev
            | LinkError::GroupOnCreate
            | LinkError::IndexNotAllowed
            | LinkError::PropertyOperatorRequired
            | LinkError::PropertyDevRequired => true,
            _ => false,
        }
    }

    fn message(&self, prog: &str) -> Option<String> {
        Some(match self {
            LinkError::KindArgument(text) | LinkError::KindFatal(text, _) => {
                text.trim_end_matches('\n').to_string()
            }
            LinkError::GarbageArguments { word, .. } => format!(
                "Garbage instead of arguments \"{word} ...\". Try \"{prog} link help\"."
            ),
            LinkError::TypeRequired => {
                "Not enough information: \"type\" argument is required".to_string()
            }
            LinkError::NameAndDev => {
                "both \"name\" and \"dev\" cannot be used when creating devices.".to_string()
            }
            LinkError::GroupOnCreate => "group cannot be used when creating devices.".to_string(),
            LinkError::IndexNotAllowed => "index can be used only when creating devices or when moving device to another netns.".to_string(),
            LinkError::InvalidLladdr(part) => format!("\"{part}\" is invalid lladdr."),
            LinkError::AddressLength { got, want } => {
                format!("Invalid address length {got} - must be {want} bytes")
            }
            LinkError::OnOff { key, word } => {
                format!("Error: argument of \"{key}\" must be \"on\" or \"off\", not \"{word}\"")
            }
            LinkError::OneOfOnOff { key, word } => format!(
                "Error: argument of \"{key}\" must be one of \"off\", \"on\", not \"{word}\""
            ),
            LinkError::PropertyOperatorRequired => "Operator required".to_string(),
            LinkError::PropertyDevRequired => {
                "Not enough of information: \"dev\" argument is required.".to_string()
            }
        })
    }
}

/// What `ip link` says and goes on past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LinkWarning {
    /// A new vxlan without `dstport`: the kernel's default port is not
    /// IANA's.
    VxlanDefaultPort,
}

impl SubjectWarning for LinkWarning {
    fn message(&self) -> String {
        match self {
            LinkWarning::VxlanDefaultPort => "vxlan: destination port not specified\n\
                 Will use Linux kernel default (non-standard value)\n\
                 Use 'dstport 4789' to get the IANA assigned value\n\
                 Use 'dstport 0' to get default and quiet this message"
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{shown, Error};

    #[test]
    fn link_change_errors_match_ip() {
        assert_eq!(
            shown(
                &LinkError::GarbageArguments {
                    word: "extra".into(),
                    exits: false
                }
                .into()
            ),
            (
                "Garbage instead of arguments \"extra ...\". Try \"ip link help\".".into(),
                1
            )
        );
        let exiting: Error = LinkError::GarbageArguments {
            word: "x".into(),
            exits: true,
        }
        .into();
        assert_eq!(exiting.status(), 255);
        assert!(exiting.aborts_batch());
        assert_eq!(
            shown(&LinkError::TypeRequired.into()),
            (
                "Not enough information: \"type\" argument is required".into(),
                1
            )
        );
        assert_eq!(
            shown(&LinkError::AddressLength { got: 3, want: 6 }.into()),
            ("Invalid address length 3 - must be 6 bytes".into(), 1)
        );
        assert_eq!(
            shown(&LinkError::InvalidLladdr("zz".into()).into()),
            ("\"zz\" is invalid lladdr.".into(), 1)
        );
        assert_eq!(
            shown(
                &LinkError::OnOff {
                    key: "arp".into(),
                    word: "maybe".into()
                }
                .into()
            ),
            (
                "Error: argument of \"arp\" must be \"on\" or \"off\", not \"maybe\"".into(),
                1
            )
        );
        let carrier: Error = LinkError::OneOfOnOff {
            key: "carrier".into(),
            word: "maybe".into(),
        }
        .into();
        assert_eq!(
            shown(&carrier),
            (
                "Error: argument of \"carrier\" must be one of \"off\", \"on\", not \"maybe\""
                    .into(),
                22
            )
        );
        assert!(!carrier.aborts_batch());
        assert_eq!(shown(&LinkError::IndexNotAllowed.into()).1, 255);
        assert_eq!(shown(&LinkError::NameAndDev.into()).1, 255);
        assert_eq!(shown(&LinkError::GroupOnCreate.into()).1, 255);
        assert_eq!(
            shown(&LinkError::PropertyOperatorRequired.into()),
            ("Operator required".into(), 255)
        );
        assert_eq!(
            shown(&LinkError::PropertyDevRequired.into()),
            (
                "Not enough of information: \"dev\" argument is required.".into(),
                255
            )
        );
        let fatal: Error = LinkError::KindFatal("Cannot find device \"x\"\n".into(), 255).into();
        assert_eq!(shown(&fatal), ("Cannot find device \"x\"".into(), 255));
        assert!(fatal.aborts_batch());
        let usage: Error =
            LinkError::KindArgument("vrf: unknown option \"x\"?\nUsage: ...\n".into()).into();
        assert_eq!(shown(&usage).1, 1);
        assert!(!usage.aborts_batch());
    }
}
