//! What rnet adds to refused route changes: `-idempotent` (an `add` that
//! finds the identical route is done, one that finds a different route with
//! the same key is an error saying what differs) and `-hints` (which route,
//! table or on-link prefix the kernel's refusal is about). ip's text and
//! status stay inside [`Error::Explained`].

use crate::context::Context;
use crate::error::{Error, KernelError, Result};
use crate::grammar::inet::{family_name, format_address, AF_INET, AF_INET6};
use crate::kernel::attrs::Attrs;
use crate::kernel::raw::{NLM_F_DUMP, NLM_F_REQUEST};
use crate::model::rt_names;

use super::metrics::{metric_kinds, metric_name, metric_text, RTAX_LOCK};
use super::request::{typed_message, RouteRequest};
use crate::model::route::{
    Header, HEADER_LEN, RTA_DST, RTA_GATEWAY, RTA_METRICS, RTA_MULTIPATH, RTA_NH_ID, RTA_OIF,
    RTA_PREFSRC, RTA_PRIORITY, RTA_SRC, RTA_TABLE, RTM_GETROUTE, RTM_NEWROUTE, RTNH_F_ONLINK,
};
use netlink_packet_route::route::RouteAttribute;

const RTA_MAX: u16 = 31;
/// The metric the kernel gives IPv6 routes added without one.
const IP6_RT_PRIO_USER: u32 = 1024;

/// `PREFIX` as ip prints a route's destination.
fn destination(route: &RouteRequest) -> String {
    let header = &route.header;
    match route.attr(RTA_DST) {
        Some(dst) if header.dst_len > 0 => {
            let address = format_address(header.family, &dst);
            let full = if header.family == AF_INET6 { 128 } else { 32 };
            if header.dst_len == full {
                address
            } else {
                format!("{address}/{}", header.dst_len)
            }
        }
        _ => "default".to_string(),
    }
}

fn table_text(table: u32) -> String {
    rt_names::table_name(table, false)
}

/// The routes of the request's family, as RTM_NEWROUTE payloads.
fn dump(ctx: &mut Context, family: u8) -> Result<Vec<Vec<u8>>> {
    let header = Header {
        family,
        ..Header::default()
    };
    let request = typed_message(
        RTM_GETROUTE,
        NLM_F_REQUEST | NLM_F_DUMP,
        &header,
        &[] as &[RouteAttribute],
    );
    let mut routes = Vec::new();
    ctx.raw()?
        .talk(request, |msg| {
            if msg.msg_type == RTM_NEWROUTE {
                routes.push(msg.payload.to_vec());
            }
        })
        .map_err(Error::dump_terminated)?;
    Ok(routes)
}

/// A dumped route's table (RTA_TABLE wins over rtm_table).
fn table_of(header: &Header, attrs: &Attrs) -> u32 {
    attrs.u32(RTA_TABLE).unwrap_or(u32::from(header.table))
}

/// The metric a route gets: the one given, else the kernel's default.
fn metric_of(family: u8, given: Option<u32>) -> u32 {
    given.unwrap_or(if family == AF_INET6 {
        IP6_RT_PRIO_USER
    } else {
        0
    })
}

/// Whether a dumped route has the key the kernel's EEXIST is about:
/// table, destination, source prefix, TOS and metric.
fn same_key(route: &RouteRequest, header: &Header, attrs: &Attrs) -> bool {
    let wanted = &route.header;
    let given_metric = route
        .attr(RTA_PRIORITY)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_ne_bytes);
    header.family == wanted.family
        && table_of(header, attrs) == route.table
        && header.dst_len == wanted.dst_len
        && header.src_len == wanted.src_len
        && header.tos == wanted.tos
        && attrs.get(RTA_DST).unwrap_or(&[]) == route.attr(RTA_DST).unwrap_or_default()
        && attrs.get(RTA_SRC).unwrap_or(&[]) == route.attr(RTA_SRC).unwrap_or_default()
        && metric_of(header.family, attrs.u32(RTA_PRIORITY))
            == metric_of(wanted.family, given_metric)
}

/// What differs between the route asked for and the one found, in words;
/// only what the request says is compared.
fn difference(
    route: &RouteRequest,
    header: &Header,
    attrs: &Attrs,
    device_name: &mut dyn FnMut(i32) -> String,
) -> Option<String> {
    let wanted = &route.header;
    if header.kind != wanted.kind {
        return Some(format!(
            "its type is {}, not {}",
            rt_names::route_type_name(header.kind, false),
            rt_names::route_type_name(wanted.kind, false)
        ));
    }
    if header.protocol != wanted.protocol {
        return Some(format!(
            "its protocol is {}, not {}",
            rt_names::protocol_name(header.protocol, false),
            rt_names::protocol_name(wanted.protocol, false)
        ));
    }
    for (kind, what) in [
        (RTA_GATEWAY, "gateway"),
        (RTA_PREFSRC, "preferred source"),
        (RTA_OIF, "device"),
        (RTA_NH_ID, "nexthop id"),
        (RTA_MULTIPATH, "nexthops"),
    ] {
        let Some(asked) = route.attr(kind) else {
            continue;
        };
        let found = attrs.get(kind);
        let same = match kind {
            // The kernel reports hops with attributes of its own; compare
            // the hop headers and gateways only.
            RTA_MULTIPATH => found.is_some_and(|found| same_hops(found, &asked)),
            _ => found == Some(asked.as_slice()),
        };
        if !same {
            return Some(match (kind, found) {
                (RTA_GATEWAY | RTA_PREFSRC, Some(found)) => {
                    format!("its {what} is {}", format_address(header.family, found))
                }
                (RTA_OIF, Some(found)) => {
                    let index = found.try_into().map_or(0, i32::from_ne_bytes);
                    format!("its {what} is {}", device_name(index))
                }
                (_, None) => format!("it has no {what}"),
                (RTA_MULTIPATH, _) => "its nexthops are others".to_string(),
                _ => format!("its {what} differs"),
            });
        }
    }
    // Metrics in full: a route without `mtu` differs from one with it.
    let asked = route.attr(RTA_METRICS).unwrap_or_default();
    let asked = asked.as_slice();
    let found = attrs.get(RTA_METRICS).unwrap_or(&[]);
    // The values first, then which of them are locked.
    let kinds = metric_kinds(asked).chain(metric_kinds(found));
    let kinds = kinds.filter(|kind| *kind != RTAX_LOCK).chain([RTAX_LOCK]);
    for kind in kinds {
        let (wanted, have) = (metric_text(asked, kind), metric_text(found, kind));
        if wanted != have {
            let name = metric_name(kind);
            return Some(match (kind, have) {
                (RTAX_LOCK, _) => "its locked metrics differ".to_string(),
                (_, Some(value)) => format!("its {name} is {value}"),
                (_, None) => format!("it has no {name}"),
            });
        }
    }
    None
}

/// One hop of an RTA_MULTIPATH: flags, weight (hops), ifindex, gateway.
type Hop = (u8, u8, i32, Vec<u8>);

/// The hops of an RTA_MULTIPATH.
fn hops(mut payload: &[u8]) -> Vec<Hop> {
    let mut out = Vec::new();
    while payload.len() >= 8 {
        let len = usize::from(u16::from_ne_bytes([payload[0], payload[1]]));
        if len < 8 || len > payload.len() {
            break;
        }
        let ifindex = i32::from_ne_bytes(payload[4..8].try_into().expect("4 bytes"));
        let attrs = Attrs::parse(&payload[8..len], RTA_MAX);
        let gateway = attrs.get(RTA_GATEWAY).unwrap_or(&[]).to_vec();
        out.push((payload[2], payload[3], ifindex, gateway));
        payload = &payload[crate::kernel::attrs::align4(len).min(payload.len())..];
    }
    out
}

/// Whether the kernel's hops are the ones asked for: same count, weights
/// and onlink flags (the kernel adds flags of its own), and the device and
/// gateway of each hop where the request names them.
fn same_hops(found: &[u8], asked: &[u8]) -> bool {
    let (found, asked) = (hops(found), hops(asked));
    found.len() == asked.len()
        && found.iter().zip(&asked).all(|(found, asked)| {
            found.0 & RTNH_F_ONLINK == asked.0 & RTNH_F_ONLINK
                && found.1 == asked.1
                && (asked.2 == 0 || found.2 == asked.2)
                && (asked.3.is_empty() || found.3 == asked.3)
        })
}

/// rnet's `-idempotent` for `route add`: `None` when no route has the
/// key of the one asked for; `Some(Ok)` when the same route is there;
/// `Some(Err)` saying what differs otherwise.
pub fn existing(ctx: &mut Context, route: &RouteRequest) -> Result<Option<Result<()>>> {
    for payload in dump(ctx, route.header.family)? {
        let Some(header) = Header::parse(&payload) else {
            continue;
        };
        let attrs = Attrs::parse(&payload[HEADER_LEN..], RTA_MAX);
        if !same_key(route, &header, &attrs) {
            continue;
        }
        let mut device_name = |index: i32| {
            crate::objects::device::name_of(ctx, index)
                .map(|name| String::from_utf8_lossy(&name).into_owned())
                .unwrap_or_else(|_| format!("if{index}"))
        };
        return Ok(Some(
            match difference(route, &header, &attrs, &mut device_name) {
                None => Ok(()),
                Some(difference) => Err(Error::ExistsDifferently {
                    what: format!(
                        "route {} in table {}",
                        destination(route),
                        table_text(route.table)
                    ),
                    difference,
                }),
            },
        ));
    }
    Ok(None)
}

/// A kernel refusal of a route change, with what rnet knows about it.
pub fn explain(
    ctx: &mut Context,
    command: &str,
    route: &RouteRequest,
    error: KernelError,
) -> Error {
    let prefix = destination(route);
    let table = table_text(route.table);
    let device = route.device.clone();
    let gateway = route.attr(RTA_GATEWAY).or_else(|| {
        // A refused multipath route: the first hop gateway stands for all.
        let hops = hops(&route.attr(RTA_MULTIPATH)?);
        hops.into_iter().map(|hop| hop.3).find(|gw| !gw.is_empty())
    });
    let mut objects = vec![prefix.clone()];
    let hint = match (command, error.errno, error.extack.as_deref()) {
        (_, _, Some(text)) if text.starts_with("FIB table does not exist") => format!(
            "table {table} does not exist: the kernel makes a table when a route is first added \
             to it"
        ),
        ("delete", nix::libc::ESRCH, _) => format!(
            "no route to {prefix} in table {table} matches the words given (`ip route show \
             table {table} {prefix}` lists what is there); -idempotent accepts deleting a route \
             that is not there"
        ),
        (_, nix::libc::EEXIST, _) => format!(
            "table {table} has a route to {prefix} with this metric already (`ip route show \
             table {table} {prefix}`); `ip route replace` changes it, -idempotent accepts an \
             identical one"
        ),
        ("change" | "test", nix::libc::ENOENT, _) => format!(
            "no route to {prefix} in table {table} has this metric and TOS, and `{command}` \
             does not create one; `ip route replace` adds it when it is missing"
        ),
        (_, _, Some(text)) if text.starts_with("Nexthop has invalid gateway") => {
            invalid_gateway(ctx, route, gateway, device.as_ref(), &mut objects)
        }
        (_, nix::libc::EHOSTUNREACH, _) if gateway.is_some() => {
            invalid_gateway(ctx, route, gateway, device.as_ref(), &mut objects)
        }
        (_, nix::libc::ENETUNREACH, _) => format!(
            "no route reaches {} in table {table}: add an address or route covering it first, \
             or name the device with `dev` and add `onlink`",
            gateway.map_or("the gateway".to_string(), |gw| format_address(
                route.header.family,
                &gw
            ))
        ),
        (_, nix::libc::EPERM, _) => "changing routes needs CAP_NET_ADMIN in this network \
                                      namespace: run as root, or in a container granted \
                                      NET_ADMIN"
            .to_string(),
        _ => return Error::Kernel(error),
    };
    if let Some((dev, _)) = device {
        if !objects.contains(&dev) {
            objects.push(dev);
        }
    }
    Error::Explained {
        error: Box::new(Error::Kernel(error)),
        hint,
        objects,
    }
}

/// The hint for a gateway the kernel finds on no prefix of the device:
/// the prefixes the device has, and one it would need.
fn invalid_gateway(
    ctx: &mut Context,
    route: &RouteRequest,
    gateway: Option<Vec<u8>>,
    device: Option<&(String, i32)>,
    objects: &mut Vec<String>,
) -> String {
    let family = route.header.family;
    let Some(gateway) = gateway else {
        return "the gateway is on no prefix of the device: give the device an address in its \
                prefix, or add `onlink`"
            .to_string();
    };
    let example = example_prefix(family, &gateway);
    let gateway = format_address(family, &gateway);
    objects.push(gateway.clone());
    let Some((dev, index)) = device else {
        return format!(
            "no connected route covers {gateway} (an on-link prefix such as {example} is \
             missing): give a device an address in that prefix, or name the device with `dev` \
             and add `onlink`"
        );
    };
    objects.push(dev.clone());
    let prefixes = prefixes_of(ctx, family, *index);
    let has = if prefixes.is_empty() {
        format!("{dev} has no {} address", family_name(family))
    } else {
        format!("{dev} has {}", prefixes.join(", "))
    };
    format!(
        "{gateway} is not on a prefix of {dev}: no address or route of {dev} covers it ({has}; \
         an on-link prefix such as {example} is missing). Give {dev} an address in that prefix \
         (`ip addr add ADDRESS/LEN dev {dev}`), or add `onlink` if {gateway} is reachable on \
         {dev} anyway"
    )
}

/// The addresses of `family` on the device `index` (but IPv6 link-local
/// ones), as `ADDRESS/LEN`
/// (none when they cannot be read: the hint then says less).
fn prefixes_of(ctx: &mut Context, family: u8, index: i32) -> Vec<String> {
    let mut prefixes = Vec::new();
    let Ok(raw) = ctx.raw() else {
        return prefixes;
    };
    let _ = crate::kernel::address::dump(raw, family, index, |address, _| {
        let attrs = address.attrs();
        if address.header.index != index as u32 {
            return;
        }
        // IPv6 link-local prefixes are on every device and say nothing.
        if let Some(local) = address
            .local(&attrs)
            .filter(|local| !(local.len() == 16 && local[0] == 0xfe && local[1] & 0xc0 == 0x80))
        {
            prefixes.push(format!(
                "{}/{}",
                format_address(family, local),
                address.header.prefixlen
            ));
        }
    });
    prefixes
}

/// The /24 (IPv4) or /64 (IPv6) around `address`, as an example of the
/// on-link prefix a gateway needs.
fn example_prefix(family: u8, address: &[u8]) -> String {
    let bits = if family == AF_INET { 24 } else { 64 };
    let mut network = address.to_vec();
    for (i, byte) in network.iter_mut().enumerate() {
        if i * 8 >= bits {
            *byte = 0;
        }
    }
    format!("{}/{bits}", format_address(family, &network))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_prefixes_are_networks() {
        assert_eq!(example_prefix(AF_INET, &[10, 99, 9, 9]), "10.99.9.0/24");
        let mut v6 = [0u8; 16];
        v6[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
        v6[15] = 1;
        assert_eq!(example_prefix(AF_INET6, &v6), "2001:db8::/64");
    }
}
