//! rnet's `-idempotent` for `neighbor add`/`delete`: an add of an entry that
//! exists as described and a delete of one that is not there succeed
//! silently; an existing entry that differs is named with its differences.
//! Judged on the kernel's refusal (EEXIST/ENOENT), so the usual path costs
//! no extra request.

use super::{lookup, Plan};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::inet::format_address;
use crate::model::names::link_address;
use crate::model::neighbor::*;
use crate::model::rt_names;
use crate::objects::device;

/// The state names of `state`, as ip lists them.
pub(super) fn state_names(state: u16) -> String {
    let names: Vec<&str> = NUD_NAMES
        .iter()
        .filter(|(bit, _)| state & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    if names.is_empty() {
        "NONE".to_string()
    } else {
        names.join(" ")
    }
}

/// How the entry the kernel has differs from the plan (empty: it does not).
fn differences(plan: &Plan, existing: &Neighbor<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(wanted) = &plan.lladdr {
        let have = existing.lladdr().unwrap_or(&[]);
        if have != wanted.as_slice() {
            out.push(format!(
                "its lladdr is {}, not {}",
                link_address(have, 1),
                link_address(wanted, 1)
            ));
        }
    }
    // A managed entry's state is the kernel's to change.
    if plan.ext_flags & NTF_EXT_MANAGED == 0 && existing.header.state != plan.header.state {
        out.push(format!(
            "it is {}, not {}",
            state_names(existing.header.state),
            state_names(plan.header.state)
        ));
    }
    for (flag, name) in [(NTF_ROUTER, "router"), (NTF_EXT_LEARNED, "extern_learn")] {
        let (have, want) = (existing.header.flags & flag, plan.header.flags & flag);
        if have != want {
            let not = if have == 0 { "not " } else { "" };
            out.push(format!("it is {not}{name}"));
        }
    }
    if (existing.ext_flags() ^ plan.ext_flags) & NTF_EXT_MANAGED != 0 {
        let not = if existing.ext_flags() & NTF_EXT_MANAGED == 0 {
            "not "
        } else {
            ""
        };
        out.push(format!("it is {not}managed"));
    }
    if let Some(protocol) = plan.protocol {
        if existing.protocol() != protocol {
            out.push(format!(
                "its protocol is {}, not {}",
                rt_names::protocol_name(existing.protocol(), false),
                rt_names::protocol_name(protocol, false)
            ));
        }
    }
    out
}

/// What the entry is called in messages: `neighbour 192.0.2.5 on va`.
pub(super) fn entry_name(ctx: &mut Context, plan: &Plan, ifindex: i32) -> Result<String> {
    let address = format_address(plan.dst.family, plan.dst.bytes());
    let proxy = if plan.header.flags & NTF_PROXY != 0 {
        "proxy "
    } else {
        ""
    };
    if ifindex == 0 {
        return Ok(format!("{proxy}neighbour {address}"));
    }
    let dev = device::name_of(ctx, ifindex)?;
    Ok(format!(
        "{proxy}neighbour {address} on {}",
        String::from_utf8_lossy(&dev)
    ))
}

/// `Some(outcome)` when -idempotent decides the command's outcome after the
/// kernel refused it with `errno`.
pub(super) fn judge(
    ctx: &mut Context,
    plan: &Plan,
    ifindex: i32,
    creating: bool,
    deleting: bool,
    errno: i32,
) -> Result<Option<Result<()>>> {
    if deleting && errno == nix::libc::ENOENT {
        return Ok(Some(Ok(())));
    }
    if !(creating && errno == nix::libc::EEXIST) {
        return Ok(None);
    }
    let Some(payload) = lookup(ctx, plan, ifindex)? else {
        return Ok(None);
    };
    let Some(existing) = Neighbor::parse(&payload) else {
        return Ok(None);
    };
    let found = differences(plan, &existing);
    if found.is_empty() {
        return Ok(Some(Ok(())));
    }
    Ok(Some(Err(Error::ExistsDifferently {
        what: entry_name(ctx, plan, ifindex)?,
        difference: found.join(", "),
    })))
}

/// ip's refusal, with what rnet can tell about its cause (`-hints`).
pub(super) fn explain(
    ctx: &mut Context,
    plan: &Plan,
    ifindex: i32,
    error: crate::error::KernelError,
) -> Error {
    let refused = Error::from(super::errors::NeighborError::Refused(error.clone()));
    let Ok(what) = entry_name(ctx, plan, ifindex) else {
        return refused;
    };
    let dev = plan.dev.clone().unwrap_or_default();
    let hint = match (error.errno, error.extack.as_deref()) {
        (nix::libc::EEXIST, _) => format!(
            "{what} exists already (`rnet neigh show {} dev {dev}`); -idempotent accepts an \
             identical entry, `rnet neigh replace` updates it",
            format_address(plan.dst.family, plan.dst.bytes())
        ),
        (nix::libc::ENOENT, _) => format!(
            "there is no {what} (`rnet neigh show dev {dev} nud all` lists them); \
             -idempotent makes deleting a missing entry succeed"
        ),
        (nix::libc::EINVAL, Some("No link layer address given")) => format!(
            "a {} entry on {dev} needs `lladdr LLADDR`: only a device without ARP \
             (NOARP flag, `rnet link set {dev} arp off`) needs none",
            state_names(plan.header.state)
        ),
        (nix::libc::EINVAL, Some("Invalid link address")) => {
            let wanted = plan.lladdr.as_ref().map_or(0, Vec::len);
            let own = device::lookup(ctx, dev.as_bytes())
                .ok()
                .flatten()
                .and_then(|link| {
                    link.attrs()
                        .get(crate::model::link::IFLA_ADDRESS)
                        .map(<[u8]>::len)
                });
            match own {
                Some(len) => format!(
                    "{dev}'s link-layer addresses are {len} bytes long; this lladdr has {wanted}"
                ),
                None => return refused,
            }
        }
        (nix::libc::EPERM, _) => "changing the neighbour tables needs CAP_NET_ADMIN in this \
             network namespace"
            .to_string(),
        _ => return refused,
    };
    let mut objects = vec![what];
    if !dev.is_empty() {
        objects.push(dev);
    }
    Error::Explained {
        error: Box::new(refused),
        hint,
        objects,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_named_as_ip_names_them() {
        assert_eq!(state_names(NUD_PERMANENT), "PERMANENT");
        assert_eq!(state_names(0), "NONE");
        assert_eq!(state_names(NUD_STALE | NUD_NOARP), "STALE NOARP");
    }

    #[test]
    fn differences_name_what_differs() {
        let args: Vec<String> = "192.0.2.5 lladdr 2:0:0:0:0:5 dev va router"
            .split(' ')
            .map(String::from)
            .collect();
        let plan = super::super::plan(&args, 0).unwrap();
        let header = NdMsg {
            family: 2,
            ifindex: 3,
            state: NUD_STALE,
            ..NdMsg::default()
        };
        let payload = crate::kernel::attrs::Request::new(RTM_NEWNEIGH, 0)
            .fixed(&header.bytes())
            .attr(NDA_DST, &[192, 0, 2, 5])
            .attr(NDA_LLADDR, &[2, 0, 0, 0, 0, 6])
            .finish(1)[16..]
            .to_vec();
        let existing = Neighbor::parse(&payload).unwrap();
        assert_eq!(
            differences(&plan, &existing),
            [
                "its lladdr is 02:00:00:00:00:06, not 02:00:00:00:00:05",
                "it is STALE, not PERMANENT",
                "it is not router"
            ]
        );
    }
}
