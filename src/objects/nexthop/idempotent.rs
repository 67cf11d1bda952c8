//! rnet's `-idempotent` for `nexthop add` and `delete`: the nexthop of the
//! request's id is looked up and compared with the request, as
//! `objects::existing` does for links and addresses. An `add` without an
//! id always creates a new nexthop, so it is never already done.

use super::modify::Planned;
use crate::context::Context;
use crate::error::Result;
use crate::grammar::inet::format_address;
use crate::kernel::attrs::Attrs;
use crate::model::nexthop::*;
use crate::model::rt_names;
use crate::objects::device;
use crate::objects::existing::State;

/// The kernel's defaults for what a resilient group request leaves out
/// (idle timer 120 s, no unbalanced timer), in clock ticks.
const DEFAULT_IDLE_TIMER: u32 = 120 * 100;
const DEFAULT_UNBALANCED_TIMER: u32 = 0;

fn requested_id(planned: &Planned) -> Option<u32> {
    planned
        .attrs
        .iter()
        .rev()
        .find(|(kind, _)| *kind == NHA_ID)
        .and_then(|(_, value)| Some(u32::from_ne_bytes(value.get(..4)?.try_into().ok()?)))
        .filter(|id| *id != 0)
}

fn group_text(bytes: Option<&[u8]>) -> String {
    let Some(bytes) = bytes else {
        return "none".to_string();
    };
    bytes
        .chunks_exact(GROUP_ENTRY_LEN)
        .map(|entry| {
            let id = u32::from_ne_bytes(entry[0..4].try_into().expect("4 bytes"));
            match entry[4] {
                0 => id.to_string(),
                weight => format!("{id},{}", u32::from(weight) + 1),
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// How the existing nexthop `have` differs from the request, if it does.
fn difference(ctx: &mut Context, planned: &Planned, have: &Nexthop<'_>) -> Result<Option<String>> {
    // The request as the kernel reads it: the last of a repeated attribute
    // wins there.
    let mut latest: Vec<(u16, &[u8])> = Vec::new();
    for (kind, value) in &planned.attrs {
        let kind = kind & !NLA_F_NESTED;
        latest.retain(|(k, _)| *k != kind);
        latest.push((kind, value));
    }
    let want = |kind: u16| latest.iter().find(|(k, _)| *k == kind).map(|(_, v)| *v);
    let got = |kind: u16| have.attrs.get(kind);
    let header = &planned.header;

    // The kernel keeps no family for a group.
    if want(NHA_GROUP).is_none() && header.family != have.header.family {
        let name = crate::grammar::inet::family_name;
        return Ok(Some(format!(
            "it is {}, not {}",
            name(have.header.family),
            name(header.family)
        )));
    }
    if want(NHA_GATEWAY) != got(NHA_GATEWAY) {
        let text = |bytes: Option<&[u8]>| {
            bytes.map_or("none".to_string(), |b| {
                format_address(have.header.family, b)
            })
        };
        return Ok(Some(format!(
            "its gateway is {}, not {}",
            text(got(NHA_GATEWAY)),
            text(want(NHA_GATEWAY))
        )));
    }
    if want(NHA_OIF) != got(NHA_OIF) {
        let mut name = |bytes: Option<&[u8]>| -> Result<String> {
            match bytes.and_then(|b| Some(u32::from_ne_bytes(b.get(..4)?.try_into().ok()?))) {
                Some(index) => {
                    Ok(String::from_utf8_lossy(&device::name_of(ctx, index as i32)?).into_owned())
                }
                None => Ok("none".to_string()),
            }
        };
        let (have_dev, want_dev) = (name(got(NHA_OIF))?, name(want(NHA_OIF))?);
        return Ok(Some(format!("its device is {have_dev}, not {want_dev}")));
    }
    for (kind, what) in [(NHA_BLACKHOLE, "a blackhole"), (NHA_FDB, "an fdb nexthop")] {
        if want(kind).is_some() != got(kind).is_some() {
            let not = if got(kind).is_some() { "" } else { "not " };
            return Ok(Some(format!("it is {not}{what}")));
        }
    }
    if want(NHA_GROUP) != got(NHA_GROUP) {
        return Ok(Some(format!(
            "its group is {}, not {}",
            group_text(got(NHA_GROUP)),
            group_text(want(NHA_GROUP))
        )));
    }
    if want(NHA_GROUP).is_some() {
        let type_name = |kind: u16| match kind {
            NEXTHOP_GRP_TYPE_MPATH => "mpath",
            NEXTHOP_GRP_TYPE_RES => "resilient",
            _ => "unknown",
        };
        let wanted_type = want(NHA_GROUP_TYPE)
            .and_then(|b| Some(u16::from_ne_bytes(b.get(..2)?.try_into().ok()?)))
            .unwrap_or(NEXTHOP_GRP_TYPE_MPATH);
        if wanted_type != have.group_type() {
            return Ok(Some(format!(
                "its type is {}, not {}",
                type_name(have.group_type()),
                type_name(wanted_type)
            )));
        }
    }
    if let (Some(res), Some(have_res)) = (want(NHA_RES_GROUP), have.resilient()) {
        let res = Attrs::parse(res, NHA_RES_GROUP_MAX);
        let checks = [
            (
                "buckets",
                res.u16(NHA_RES_GROUP_BUCKETS).map(u32::from),
                u32::from(have_res.buckets),
                None,
            ),
            (
                "idle_timer",
                res.u32(NHA_RES_GROUP_IDLE_TIMER),
                have_res.idle_timer,
                Some(DEFAULT_IDLE_TIMER),
            ),
            (
                "unbalanced_timer",
                res.u32(NHA_RES_GROUP_UNBALANCED_TIMER),
                have_res.unbalanced_timer,
                Some(DEFAULT_UNBALANCED_TIMER),
            ),
        ];
        for (name, wanted, had, default) in checks {
            let Some(wanted) = wanted.or(default) else {
                continue;
            };
            if wanted != had {
                if name == "buckets" {
                    return Ok(Some(format!("it has {had} buckets, not {wanted}")));
                }
                let seconds = |ticks: u32| f64::from(ticks) / 100.0;
                return Ok(Some(format!(
                    "its {name} is {}s, not {}s",
                    seconds(had),
                    seconds(wanted)
                )));
            }
        }
    }
    if want(NHA_ENCAP_TYPE) != got(NHA_ENCAP_TYPE) || want(NHA_ENCAP) != got(NHA_ENCAP) {
        return Ok(Some("its encapsulation differs".to_string()));
    }
    if header.protocol != have.header.protocol {
        return Ok(Some(format!(
            "its protocol is {}, not {}",
            rt_names::protocol_name(have.header.protocol, false),
            rt_names::protocol_name(header.protocol, false)
        )));
    }
    let onlink = |flags: u32| flags & RTNH_F_ONLINK != 0;
    if onlink(header.flags) != onlink(have.header.flags) {
        let not = if onlink(have.header.flags) {
            ""
        } else {
            "not "
        };
        return Ok(Some(format!("it is {not}onlink")));
    }
    Ok(None)
}

/// How the nexthop an `add` names compares with what is there.
pub(super) fn add_state(ctx: &mut Context, planned: &Planned) -> Result<State> {
    let Some(id) = requested_id(planned) else {
        return Ok(State::Absent);
    };
    let Some(payload) = super::lookup(ctx, id, 0)? else {
        return Ok(State::Absent);
    };
    let Some(have) = Nexthop::parse(&payload) else {
        return Ok(State::Absent);
    };
    Ok(match difference(ctx, planned, &have)? {
        None => State::Same,
        Some(text) => State::Differs(text),
    })
}

/// Whether the nexthop a `delete` names is gone already.
pub(super) fn is_gone(ctx: &mut Context, planned: &Planned) -> Result<bool> {
    match requested_id(planned) {
        Some(id) => Ok(super::lookup(ctx, id, 0)?.is_none()),
        None => Ok(false),
    }
}

/// The `what` of an ExistsDifferently error.
pub(super) fn describe(planned: &Planned) -> String {
    format!("nexthop id {}", requested_id(planned).unwrap_or(0))
}
