//! bond (ip/iplink_bond.c): numbers, named choices (a name or its index)
//! and devices, each written as its own attribute in word order.

pub(crate) mod print;

use super::Width::{U16, U32, U8};
use super::{explain, invarg, value, Args, Nest, NumberOption, Width};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::matches;
use crate::model::bond::{
    AD_SELECT, ARP_ALL_TARGETS, ARP_VALIDATE, FAIL_OVER_MAC, LACP_ACTIVE, LACP_RATE, MODES,
    PRIMARY_RESELECT, XMIT_HASH_POLICY,
};
use crate::objects::link::errors::LinkError;
use crate::objects::{device, link::lladdr};

/// ip's `get_index`: a decimal index into the table, or a name in it.
fn index_in(table: &[&str], word: &str) -> Option<usize> {
    // get_integer(.., 10): decimal only, so "010" is 10.
    let by_number = word
        .trim_start()
        .parse::<i32>()
        .ok()
        .filter(|i| *i >= 0 && (*i as usize) < table.len())
        .map(|i| i as usize);
    by_number.or_else(|| table.iter().position(|name| *name == word))
}

/// What a bond keyword does with its value.
enum Action {
    Number(Width),
    Choice(&'static [&'static str], Width),
    Device,
}

struct BondOption {
    keyword: &'static str,
    exact: bool,
    attr: u16,
    action: Action,
    /// ip's invarg text.
    error: &'static str,
}

const fn o(keyword: &'static str, attr: u16, action: Action, error: &'static str) -> BondOption {
    BondOption {
        keyword,
        exact: false,
        attr,
        action,
        error,
    }
}

/// ip's keywords in test order (`clear_active_slave`, `arp_ip_target`,
/// `ns_ip6_target`, `ad_actor_system` are handled in `parse`).
const OPTIONS: &[BondOption] = &[
    o("mode", 1, Action::Choice(MODES, U8), "invalid mode"),
    o("active_slave", 2, Action::Device, ""),
    o("miimon", 3, Action::Number(U32), "invalid miimon"),
    o("updelay", 4, Action::Number(U32), "invalid updelay"),
    o("downdelay", 5, Action::Number(U32), "invalid downdelay"),
    o(
        "peer_notify_delay",
        28,
        Action::Number(U32),
        "invalid peer_notify_delay",
    ),
    o("use_carrier", 6, Action::Number(U8), "invalid use_carrier"),
    o(
        "arp_interval",
        7,
        Action::Number(U32),
        "invalid arp_interval",
    ),
];
const LATER: &[BondOption] = &[
    o(
        "arp_validate",
        9,
        Action::Choice(ARP_VALIDATE, U32),
        "invalid arp_validate",
    ),
    o(
        "arp_all_targets",
        10,
        Action::Choice(ARP_ALL_TARGETS, U32),
        "invalid arp_all_targets",
    ),
    BondOption {
        keyword: "arp_missed_max",
        exact: true,
        attr: 30,
        action: Action::Number(U8),
        error: "invalid arp_missed_max",
    },
    o("primary", 11, Action::Device, ""),
    o(
        "primary_reselect",
        12,
        Action::Choice(PRIMARY_RESELECT, U8),
        "invalid primary_reselect",
    ),
    o(
        "fail_over_mac",
        13,
        Action::Choice(FAIL_OVER_MAC, U8),
        "invalid fail_over_mac",
    ),
    o(
        "xmit_hash_policy",
        14,
        Action::Choice(XMIT_HASH_POLICY, U8),
        "invalid xmit_hash_policy",
    ),
    o(
        "resend_igmp",
        15,
        Action::Number(U32),
        "invalid resend_igmp",
    ),
    o(
        "num_grat_arp",
        16,
        Action::Number(U8),
        "invalid num_grat_arp|num_unsol_na",
    ),
    o(
        "num_unsol_na",
        16,
        Action::Number(U8),
        "invalid num_grat_arp|num_unsol_na",
    ),
    o(
        "all_slaves_active",
        17,
        Action::Number(U8),
        "invalid all_slaves_active",
    ),
    o("min_links", 18, Action::Number(U32), "invalid min_links"),
    o(
        "lp_interval",
        19,
        Action::Number(U32),
        "invalid lp_interval",
    ),
    o(
        "packets_per_slave",
        20,
        Action::Number(U32),
        "invalid packets_per_slave",
    ),
    o(
        "lacp_rate",
        21,
        Action::Choice(LACP_RATE, U8),
        "invalid lacp_rate",
    ),
    BondOption {
        keyword: "lacp_active",
        exact: true,
        attr: 29,
        action: Action::Choice(LACP_ACTIVE, U8),
        error: "invalid lacp_active",
    },
    o(
        "ad_select",
        22,
        Action::Choice(AD_SELECT, U8),
        "invalid ad_select",
    ),
    o(
        "ad_user_port_key",
        25,
        Action::Number(U16),
        "invalid ad_user_port_key",
    ),
    o(
        "ad_actor_sys_prio",
        24,
        Action::Number(U16),
        "invalid ad_actor_sys_prio",
    ),
];
const LAST: &[BondOption] = &[o(
    "tlb_dynamic_lb",
    27,
    Action::Number(U8),
    "invalid tlb_dynamic_lb",
)];

const IFLA_BOND_ACTIVE_SLAVE: u16 = 2;
const IFLA_BOND_ARP_IP_TARGET: u16 = 8;
const IFLA_BOND_NS_IP6_TARGET: u16 = 31;
/// BOND_MAX_ARP_TARGETS and BOND_MAX_NS_TARGETS.
const MAX_TARGETS: usize = 16;

/// `arp_ip_target` / `ns_ip6_target`: a nest of addresses numbered from 0,
/// read from one comma-separated word (empty items skipped, as strtok
/// does). ip opens the nest even when no word follows.
fn targets(
    words: &mut std::slice::Iter<'_, String>,
    data: &mut Nest,
    attr: u16,
    address: impl Fn(&str) -> Result<Vec<u8>>,
) -> Result<()> {
    let nest = data.begin(attr);
    if let Some(list) = words.next() {
        let items = list.split(',').filter(|item| !item.is_empty());
        for (i, item) in items.take(MAX_TARGETS).enumerate() {
            data.attr(i as u16, &address(item)?);
        }
    }
    data.end(nest);
    Ok(())
}
const IFLA_BOND_AD_ACTOR_SYSTEM: u16 = 26;

fn find<'t>(table: &'t [BondOption], word: &str) -> Option<&'t BondOption> {
    table.iter().find(|o| {
        if o.exact {
            word == o.keyword
        } else {
            matches(word, o.keyword)
        }
    })
}

fn apply(ctx: &mut Context, option: &BondOption, word: &str, data: &mut Nest) -> Result<()> {
    let write = |data: &mut Nest, width: Width, value: u64| match width {
        U8 => data.u8(option.attr, value as u8),
        U16 => data.u16(option.attr, value as u16),
        _ => data.u32(option.attr, value as u32),
    };
    match &option.action {
        Action::Number(width) => {
            let number = NumberOption {
                keyword: option.keyword,
                exact: option.exact,
                attr: option.attr,
                width: *width,
            };
            number
                .apply(word, data)
                .map_err(|_| invarg(option.error, word))?;
        }
        Action::Choice(table, width) => {
            let index = index_in(table, word).ok_or_else(|| invarg(option.error, word))?;
            write(data, *width, index as u64);
        }
        Action::Device => {
            let index = device::index_of(ctx, word)?;
            if index == 0 {
                return Err(Error::CannotFindDevice(word.to_string()));
            }
            data.u32(option.attr, index as u32);
        }
    }
    Ok(())
}

pub(crate) fn parse(ctx: &mut Context, args: &mut Args, data: &mut Nest) -> Result<()> {
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if let Some(option) = find(OPTIONS, w) {
            apply(ctx, option, value(&mut words)?, data)?;
        } else if matches(w, "clear_active_slave") {
            data.u32(IFLA_BOND_ACTIVE_SLAVE, 0);
        } else if matches(w, "arp_ip_target") {
            targets(&mut words, data, IFLA_BOND_ARP_IP_TARGET, |target| {
                lladdr::ipv4(target).map(|a| a.to_vec()).ok_or_else(|| {
                    Error::from(LinkError::KindFatal(
                        format!("Error: an IP address is expected rather than \"{target}\""),
                        1,
                    ))
                })
            })?;
        } else if w == "ns_ip6_target" {
            targets(&mut words, data, IFLA_BOND_NS_IP6_TARGET, |target| {
                target
                    .parse::<std::net::Ipv6Addr>()
                    .map(|a| a.octets().to_vec())
                    .map_err(|_| {
                        Error::from(LinkError::KindFatal(
                            format!("Error: inet6 address is expected rather than \"{target}\"."),
                            1,
                        ))
                    })
            })?;
        } else if let Some(option) = find(LATER, w) {
            apply(ctx, option, value(&mut words)?, data)?;
        } else if matches(w, "ad_actor_system") {
            let bytes = lladdr::parse(value(&mut words)?)?;
            data.attr(IFLA_BOND_AD_ACTOR_SYSTEM, &bytes);
        } else if let Some(option) = find(LAST, w) {
            apply(ctx, option, value(&mut words)?, data)?;
        } else if matches(w, "help") {
            return Err(explain("bond", None));
        } else {
            return Err(explain(
                "bond",
                Some(format!("bond: unknown command \"{w}\"?")),
            ));
        }
    }
    Ok(())
}
