//! `encap seg6local action ACTION …` (SEG6_LOCAL_*): the SRv6 behaviours
//! with their next hops, tables, devices, SRH, BPF endpoint, counters and
//! flavors, written as netlink-packet-route's `RouteSeg6LocalTunnel`
//! where it has them (the BPF endpoint, counters and flavors are raw: the
//! crate has none of the three).

use super::errors::EncapError;
use super::{
    duplicate, invalid, read_u32, read_u64, read_u8, Cursor, Devices, PrintOptions, Writer,
};
use crate::error::Result;
use crate::grammar::get_u8;
use crate::grammar::inet::{format_address, get_addr, AF_INET, AF_INET6};
use crate::kernel::attrs::Attrs;
use crate::model::rt_names::{get_u32, table_name, table_number};
use crate::output::{Kind, Printer};
use netlink_packet_route::route::{RouteSeg6LocalTunnel, Seg6LocalAction, Seg6LocalSrh};
use std::net::IpAddr;

const ACTION: u16 = 1;
const SRH: u16 = 2;
const TABLE: u16 = 3;
const NH4: u16 = 4;
const NH6: u16 = 5;
const IIF: u16 = 6;
const OIF: u16 = 7;
const BPF: u16 = 8;
const VRFTABLE: u16 = 9;
const COUNTERS: u16 = 10;
const FLAVORS: u16 = 11;
const MAX: u16 = 11;

const CNT_PACKETS: u16 = 2;
const CNT_BYTES: u16 = 3;
const CNT_ERRORS: u16 = 4;

const FLV_OPERATION: u16 = 1;
const FLV_LCBLOCK_BITS: u16 = 2;
const FLV_LCNODE_FN_BITS: u16 = 3;

/// The action names by SEG6_LOCAL_ACTION_* number (0 has none).
const ACTIONS: [&str; 17] = [
    "",
    "End",
    "End.X",
    "End.T",
    "End.DX2",
    "End.DX6",
    "End.DX4",
    "End.DT6",
    "End.DT4",
    "End.B6",
    "End.B6.Encaps",
    "End.BM",
    "End.S",
    "End.AS",
    "End.AM",
    "End.BPF",
    "End.DT46",
];
const ACTION_END_B6_ENCAP: u32 = 10;

/// The flavor names by SEG6_LOCAL_FLV_OP_* bit (0 has none).
const FLAVOR_NAMES: [&str; 5] = ["", "psp", "usp", "usd", "next-csid"];
const FLV_OP_NEXT_CSID: u32 = 4;

pub(super) fn parse(
    cursor: &mut Cursor,
    out: &mut Writer,
    devices: &mut dyn Devices,
) -> Result<()> {
    let mut seen: Vec<&'static str> = Vec::new();
    let mut once = |key: &'static str, arg: &str| {
        if seen.contains(&key) {
            return Err(duplicate(key, arg));
        }
        seen.push(key);
        Ok(())
    };
    let mut action = 0u32;
    let mut srh: Option<String> = None;
    let mut hmac = 0u32;
    while cursor.argc() > 0 {
        let word = cursor.current();
        match word {
            "action" => {
                let value = cursor.next_arg()?;
                once("action", value)?;
                action = ACTIONS
                    .iter()
                    .skip(1)
                    .position(|name| *name == value)
                    .map(|at| at as u32 + 1)
                    .ok_or_else(|| invalid(value, "\"action\" value is invalid\n"))?;
                out.typed(&RouteSeg6LocalTunnel::Action(Seg6LocalAction::from(action)));
            }
            "table" | "vrftable" => {
                let value = cursor.next_arg()?;
                let (key, typed, reason): (_, fn(u32) -> RouteSeg6LocalTunnel, _) =
                    if word == "table" {
                        ("table", RouteSeg6LocalTunnel::Table, "invalid table id\n")
                    } else {
                        (
                            "vrftable",
                            RouteSeg6LocalTunnel::VrfTable,
                            "invalid vrf table id\n",
                        )
                    };
                once(key, value)?;
                let table = table_number(value).ok_or_else(|| invalid(value, reason))?;
                out.typed(&typed(table));
            }
            "nh4" | "nh6" => {
                let value = cursor.next_arg()?;
                let (key, kind, family) = if word == "nh4" {
                    ("nh4", NH4, AF_INET)
                } else {
                    ("nh6", NH6, AF_INET6)
                };
                once(key, value)?;
                let address = get_addr(value, family)?;
                match crate::kernel::typed_ip(address.bytes()) {
                    Some(IpAddr::V4(ip)) if kind == NH4 => {
                        out.typed(&RouteSeg6LocalTunnel::Nh4(ip))
                    }
                    Some(IpAddr::V6(ip)) if kind == NH6 => {
                        out.typed(&RouteSeg6LocalTunnel::Nh6(ip))
                    }
                    // get_addr gave no address of the family: no type.
                    _ => out.attr(kind, address.bytes()),
                }
            }
            "iif" | "oif" => {
                let value = cursor.next_arg()?;
                let (key, typed): (_, fn(u32) -> RouteSeg6LocalTunnel) = if word == "iif" {
                    ("iif", RouteSeg6LocalTunnel::Iif)
                } else {
                    ("oif", RouteSeg6LocalTunnel::Oif)
                };
                once(key, value)?;
                let index = devices.index_of(value);
                if index == 0 {
                    return Err(EncapError::NoDevice(value.to_string()).into());
                }
                out.typed(&typed(index));
            }
            "count" => {
                once("count", word)?;
                // The kernel starts the counters at zero whatever is sent.
                // netlink-packet-route 0.34 has no SEG6_LOCAL_COUNTERS.
                out.begin_nest(COUNTERS);
                for counter in [CNT_PACKETS, CNT_BYTES, CNT_ERRORS] {
                    out.u64(counter, 0);
                }
                out.end_nest();
            }
            "flavors" => {
                let value = cursor.next_arg()?;
                once("flavors", value)?;
                parse_flavors(cursor, out)?;
            }
            "srh" => {
                let value = cursor.next_arg()?;
                once("srh", value)?;
                if value != "segs" {
                    return Err(invalid(value, "missing \"segs\" attribute for srh\n"));
                }
                let segments = cursor.next_arg()?;
                once("segs", segments)?;
                srh = Some(super::seg6::segment_text(segments));
                // At the end of the line ip stops on the segments, which its
                // caller then reads again.
                if !cursor.next_arg_ok() {
                    break;
                }
                if cursor.next_arg()? != "hmac" {
                    continue;
                }
                let key = cursor.next_arg()?;
                once("hmac", key)?;
                if let Some(key) = get_u32(key) {
                    hmac = key;
                }
            }
            "endpoint" => {
                let value = cursor.next_arg()?;
                once("endpoint", value)?;
                super::bpf::parse_program(cursor, out, BPF)?;
            }
            _ => break,
        }
        cursor.forward();
    }
    if action == 0 {
        return Err(EncapError::MissingAction.into());
    }
    if let Some(segments) = srh {
        let srh = super::seg6::Srh::parse(&segments, hmac, action == ACTION_END_B6_ENCAP)?;
        if hmac == 0 && super::seg6::fits(srh.length()) {
            let count = srh.slots.len() as u8;
            let mut header = Seg6LocalSrh::default();
            header.routing_type = super::seg6::IPV6_SRCRT_TYPE_4;
            header.segments_left = count - 1;
            header.first_segment = count - 1;
            header.segments = srh.slots;
            out.typed(&RouteSeg6LocalTunnel::Srh(header));
        } else {
            // Seg6LocalSrh has no HMAC TLV, and writes every segment.
            out.attr(SRH, &srh.bytes());
        }
    }
    Ok(())
}

/// ip's `seg6local_parse_flavors`, the cursor on the flavor list: with
/// `next-csid`, the optional `lblen` and `nflen` that may follow, in that
/// order. Leaves the cursor on the last word taken.
fn parse_flavors(cursor: &mut Cursor, out: &mut Writer) -> Result<()> {
    let list = cursor.current();
    let flavors =
        flavor_mask(list).ok_or_else(|| invalid(list, "invalid \"flavors\" attribute\n"))?;
    // netlink-packet-route 0.34 has no SEG6_LOCAL_FLAVORS.
    out.begin_nest(FLAVORS);
    out.u32(FLV_OPERATION, flavors);
    if flavors & (1 << FLV_OP_NEXT_CSID) != 0 {
        cursor.forward();
        let lengths = [
            (
                "lblen",
                FLV_LCBLOCK_BITS,
                "\"locator-block length\" value is invalid\n",
            ),
            (
                "nflen",
                FLV_LCNODE_FN_BITS,
                "\"locator-node function length\" value is invalid\n",
            ),
        ];
        for (key, kind, reason) in lengths {
            if cursor.is(key) {
                let value = cursor.next_arg()?;
                let bits = get_u8(value).ok_or_else(|| invalid(value, reason))?;
                out.u8(kind, bits);
                cursor.forward();
            }
        }
        cursor.back();
    }
    out.end_nest();
    Ok(())
}

/// ip's `parse_seg6local_flavors`: comma-separated names (any case, empty
/// items skipped, none twice) as a bit mask.
fn flavor_mask(list: &str) -> Option<u32> {
    if list.is_empty() {
        return None;
    }
    let mut mask = 0u32;
    for name in list.split(',').filter(|n| !n.is_empty()) {
        let bit = FLAVOR_NAMES
            .iter()
            .skip(1)
            .position(|known| known.eq_ignore_ascii_case(name))?
            + 1;
        if mask & (1 << bit) != 0 {
            return None;
        }
        mask |= 1 << bit;
    }
    Some(mask)
}

pub(super) fn print(
    out: &mut Printer,
    encap: &[u8],
    options: &PrintOptions,
    devices: &mut dyn Devices,
) {
    let attrs = Attrs::parse(encap, MAX);
    let Some(action) = attrs.get(ACTION) else {
        return;
    };
    let action = read_u32(action) as i32;
    let name = match usize::try_from(action).ok().and_then(|a| ACTIONS.get(a)) {
        Some(&"") => "<unknown>",
        Some(name) => name,
        None => "<invalid>",
    };
    out.string(Kind::Any, Some("action"), "action {} ", name);
    if let Some(srh) = attrs.get(SRH) {
        out.open_object(Some("srh"));
        super::seg6::print_srh(out, srh);
        out.close_object();
    }
    for (kind, key) in [(TABLE, "table"), (VRFTABLE, "vrftable")] {
        if let Some(table) = attrs.get(kind) {
            let name = table_name(read_u32(table), options.numeric);
            out.string(Kind::Any, Some(key), &format!("{key} {{}} "), name);
        }
    }
    for (kind, key, family) in [(NH4, "nh4", AF_INET), (NH6, "nh6", AF_INET6)] {
        if let Some(address) = attrs.get(kind) {
            let text = format_address(family, address);
            out.string(Kind::Any, Some(key), &format!("{key} {{}} "), text);
        }
    }
    for (kind, key) in [(IIF, "iif"), (OIF, "oif")] {
        if let Some(index) = attrs.get(kind) {
            let name = devices.name_of(read_u32(index));
            out.string(Kind::Any, Some(key), &format!("{key} {{}} "), name);
        }
    }
    if let Some(program) = attrs.get(BPF) {
        super::bpf::print_program(out, program, "endpoint");
    }
    if let (Some(counters), true) = (attrs.get(COUNTERS), options.stats) {
        print_counters(out, counters, options);
    }
    if let Some(flavors) = attrs.get(FLAVORS) {
        print_flavors(out, flavors, options);
    }
}

/// ip's `print_num(fp, 1, n)` in text.
fn number(value: u64, options: &PrintOptions) -> String {
    crate::output::print_num(1, value, options.human, options.iec)
}

fn print_counters(out: &mut Printer, counters: &[u8], options: &PrintOptions) {
    let attrs = Attrs::parse(counters, CNT_ERRORS);
    let values = [
        (CNT_PACKETS, "packets"),
        (CNT_BYTES, "bytes"),
        (CNT_ERRORS, "errors"),
    ]
    .map(|(kind, key)| (key, attrs.get(kind).map_or(0, read_u64)));
    if out.is_json() {
        out.open_object(Some("stats64"));
        for (key, value) in values {
            out.int(Kind::Json, Some(key), "", value);
        }
        out.close_object();
    } else {
        for (key, value) in values {
            out.text(format!("{key} {}", number(value, options)));
        }
    }
}

fn print_flavors(out: &mut Printer, flavors: &[u8], options: &PrintOptions) {
    let attrs = Attrs::parse(flavors, FLV_LCNODE_FN_BITS);
    if let Some(mask) = attrs.get(FLV_OPERATION) {
        let mask = read_u32(mask);
        let names: Vec<&str> = (1..FLAVOR_NAMES.len())
            .filter(|bit| mask & (1 << bit) != 0)
            .map(|bit| FLAVOR_NAMES[bit])
            .collect();
        if out.is_json() {
            out.open_array(Kind::Json, "flavors", "");
            for name in names {
                out.string(Kind::Json, None, "", name);
            }
            out.close_array(Kind::Json, "");
        } else {
            out.text(format!("flavors {} ", names.join(",")));
        }
    }
    for (kind, key) in [(FLV_LCBLOCK_BITS, "lblen"), (FLV_LCNODE_FN_BITS, "nflen")] {
        if let Some(bits) = attrs.get(kind) {
            let bits = read_u8(bits);
            if out.is_json() {
                out.int(Kind::Json, Some(key), "", bits);
            } else {
                out.text(format!("{key} {}", number(bits.into(), options)));
            }
        }
    }
}
