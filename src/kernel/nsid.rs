//! Network namespace ids (nsids): RTM_GETNSID / RTM_NEWNSID requests.
//!
//! An nsid is how *this* namespace refers to another one (a veth peer shows
//! `link-netnsid N`). The kernel assigns them lazily; `ip netns set` assigns
//! one explicitly and `ip netns list-id` dumps them.

use std::os::fd::AsRawFd;

use netlink_packet_route::nsid::{NsidAttribute, NsidMessage};
use netlink_packet_route::RouteNetlinkMessage;

use super::errors::KernelError;
use super::raw::{RawSocket, Refusal};

/// One nsid answer (ip's `print_nsid` input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NsidRecord {
    pub nsid: i32,
    /// With `target-nsid`: the id the target namespace uses for the same one.
    pub current: Option<i32>,
}

fn record_of(message: &NsidMessage) -> Option<NsidRecord> {
    let mut nsid = None;
    let mut current = None;
    for attribute in &message.attributes {
        match attribute {
            NsidAttribute::Id(id) => nsid = Some(*id),
            NsidAttribute::CurrentNsid(id) => current = Some(*id),
            _ => {}
        }
    }
    Some(NsidRecord {
        nsid: nsid?,
        current,
    })
}

fn message(attributes: Vec<NsidAttribute>) -> NsidMessage {
    let mut message = NsidMessage::default();
    message.attributes = attributes;
    message
}

/// The nsid this namespace has for the namespace behind `file`, if any.
pub fn of_file(netlink: &mut RawSocket, file: &impl AsRawFd) -> Result<Option<i32>, KernelError> {
    let request = message(vec![NsidAttribute::Fd(file.as_raw_fd() as u32)]);
    let answer = netlink.query(RouteNetlinkMessage::GetNsId(request))?;
    Ok(match answer {
        Some(RouteNetlinkMessage::NewNsId(answer)) => {
            record_of(&answer).map(|r| r.nsid).filter(|id| *id >= 0)
        }
        _ => None,
    })
}

/// Assigns `nsid` (-1: let the kernel choose) to the namespace behind `file`.
pub fn assign(netlink: &mut RawSocket, file: &impl AsRawFd, nsid: i32) -> Result<(), KernelError> {
    let request = message(vec![
        NsidAttribute::Fd(file.as_raw_fd() as u32),
        NsidAttribute::Id(nsid),
    ]);
    netlink.ack(RouteNetlinkMessage::NewNsId(request), 0)
}

/// Every nsid of this namespace (or, with `target`, of the namespace that
/// this one calls `target`); a refusal is ip's `Dump terminated`.
pub fn dump(netlink: &mut RawSocket, target: Option<i32>) -> Result<Vec<NsidRecord>, Refusal> {
    let request = message(target.map(NsidAttribute::TargetNsid).into_iter().collect());
    let answers = netlink.dump_typed(RouteNetlinkMessage::GetNsId(request))?;
    Ok(answers
        .iter()
        .filter_map(|answer| match answer {
            RouteNetlinkMessage::NewNsId(m) => record_of(m),
            _ => None,
        })
        .collect())
}

/// One nsid, looked up by its number.
pub fn get(
    netlink: &mut RawSocket,
    nsid: i32,
    target: Option<i32>,
) -> Result<Option<NsidRecord>, KernelError> {
    let mut attributes = vec![NsidAttribute::Id(nsid)];
    attributes.extend(target.map(NsidAttribute::TargetNsid));
    let answer = netlink.query(RouteNetlinkMessage::GetNsId(message(attributes)))?;
    Ok(match answer {
        Some(RouteNetlinkMessage::NewNsId(answer)) => record_of(&answer),
        _ => None,
    })
}
