//! Link requests on the raw socket: single lookups and dumps.

use super::attrs::Request;
use super::raw::{Message, RawSocket, Refusal, NLM_F_DUMP, NLM_F_REQUEST};
use crate::model::link::*;

/// Whether a name can be sent as IFLA_IFNAME (lib/utils.c `check_ifname`):
/// non-empty, shorter than IFNAMSIZ, no `/` and no white space. Other names
/// are looked up as altnames.
pub fn is_valid_ifname(name: &[u8]) -> bool {
    !name.is_empty()
        && name.len() < 16
        && !name.iter().any(|b| *b == b'/' || b.is_ascii_whitespace())
}

/// RTM_GETLINK for one link, by name (or altname) or by index.
pub fn get(
    raw: &mut RawSocket,
    name: Option<&[u8]>,
    index: i32,
    family: u8,
    ext_mask: u32,
) -> Result<Option<Link>, Refusal> {
    let header = IfInfo {
        family,
        index,
        ..IfInfo::default()
    };
    let mut request = Request::new(RTM_GETLINK, NLM_F_REQUEST).fixed(&header.to_bytes());
    if let Some(name) = name {
        let kind = if is_valid_ifname(name) {
            IFLA_IFNAME
        } else {
            IFLA_ALT_IFNAME
        };
        request = request.attr_str(kind, name);
    }
    request = request.attr_u32(IFLA_EXT_MASK, ext_mask);
    let mut found = None;
    raw.talk(request, |message| {
        if found.is_none() && message.msg_type == RTM_NEWLINK {
            found = Link::from_payload(message.msg_type, message.payload);
        }
    })?;
    Ok(found)
}

/// What a link dump asks the kernel to filter.
#[derive(Debug, Clone, Default)]
pub struct DumpFilter<'a> {
    pub family: u8,
    pub ext_mask: u32,
    pub master: Option<i32>,
    pub kind: Option<&'a [u8]>,
}

/// ip's link dump request (`rtnl_linkdump_req_filter_fn` with
/// `iplink_filter_req`), for [`RawSocket::dump`].
pub fn dump_request(filter: &DumpFilter) -> Request {
    let header = IfInfo {
        family: filter.family,
        ..IfInfo::default()
    };
    let mut request =
        Request::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP).fixed(&header.to_bytes());
    if filter.family == AF_UNSPEC || filter.family == AF_PACKET {
        request = request.attr_u32(IFLA_EXT_MASK, filter.ext_mask);
        if let Some(master) = filter.master {
            request = request.attr_u32(IFLA_MASTER, master as u32);
        }
        if let Some(kind) = filter.kind {
            request = request
                .begin_nest(IFLA_LINKINFO)
                .attr(IFLA_INFO_KIND, kind)
                .end_nest();
        }
    }
    request
}

/// The link a dumped message holds; one too short for its header is
/// reported and left out (ip's `print_linkinfo` skips it without a word).
pub fn decode(message: &Message<'_>) -> Option<Link> {
    let link = Link::from_payload(message.msg_type, message.payload);
    super::raw::or_report(link, "link", message)
}

/// Every link, in kernel order, handed to `each` as it is read. Returns
/// whether the dump was interrupted by a change (NLM_F_DUMP_INTR).
pub fn dump(
    raw: &mut RawSocket,
    filter: &DumpFilter,
    mut each: impl FnMut(Link),
) -> Result<bool, Refusal> {
    raw.talk(dump_request(filter), |message| {
        if let Some(link) = decode(&message) {
            each(link);
        }
    })
}
