//! ip's `print_nsid`: one RTM_NEWNSID/RTM_DELNSID (`ip monitor nsid`).

use crate::kernel::attrs::Attrs;
use crate::output::{Kind, Names, Printer};

const RTM_NEWNSID: u16 = 88;
const RTM_DELNSID: u16 = 89;
const NETNSA_NSID: u16 = 1;
const NETNSA_CURRENT_NSID: u16 = 5;
const NETNSA_MAX: u16 = 10;
/// The rtgenmsg before the attributes, aligned.
const HEADER_LEN: usize = 4;

/// ip's `print_nsid`, the netns object's [`crate::output::PrintMessage`].
pub(crate) fn message(p: &mut Printer, msg_type: u16, payload: &[u8], names: &Names) {
    if msg_type != RTM_NEWNSID && msg_type != RTM_DELNSID {
        return;
    }
    let Some(rest) = payload.get(HEADER_LEN..) else {
        eprintln!(
            "BUG: wrong nlmsg len {} in print_nsid",
            payload.len() as i64 - HEADER_LEN as i64
        );
        return;
    };
    let attrs = Attrs::parse(rest, NETNSA_MAX);
    let Some(nsid) = attrs.i32(NETNSA_NSID) else {
        eprintln!("BUG: NETNSA_NSID is missing print_nsid");
        return;
    };
    p.open_object(None);
    if msg_type == RTM_DELNSID {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if nsid < 0 {
        p.string(Kind::Text, None, "nsid unassigned ", "");
    } else {
        p.int(Kind::Any, Some("nsid"), "nsid {} ", nsid);
    }
    let current = attrs.i32(NETNSA_CURRENT_NSID);
    match current {
        Some(current) if current < 0 => p.string(Kind::Text, None, "current-nsid unassigned ", ""),
        Some(current) => p.int(Kind::Any, Some("current-nsid"), "current-nsid {} ", current),
        None => {}
    }
    if let Some(name) = names.nsids.get(&current.unwrap_or(nsid)) {
        p.string(Kind::Any, Some("name"), "(iproute2 netns name: {})", name);
    }
    p.text("\n");
    p.close_object();
}
