//! Listing links (and, through `address`, their addresses): ip's
//! `ipaddr_list_flush_or_save`, shared by `ip link show` and
//! `ip address show` exactly as in iproute2, filters and quirks included.

use crate::app::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::options::Family;
use crate::grammar::tree::Usage;
use crate::grammar::{matches, next_arg};
use crate::kernel::link::{self, DumpFilter};
use crate::model::link::*;
use crate::model::names::group_number;
use crate::objects::device;
use crate::output::link::{print_link, LinkStyle, Peer, Related};

/// Which links (and addresses) a listing keeps.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub family: u8,
    pub ifindex: i32,
    pub up: bool,
    pub group: Option<u32>,
    /// A master's index, or -1 for `nomaster`, or 0.
    pub master: i32,
    pub kind: Option<String>,
    pub slave_kind: Option<String>,
    pub label: Option<String>,
}

pub fn family_number(family: Family) -> u8 {
    match family {
        Family::Unspec => AF_UNSPEC,
        Family::Inet => AF_INET,
        Family::Inet6 => AF_INET6,
        Family::Packet => AF_PACKET,
        Family::Mpls => 28,
        Family::Bridge => 7,
    }
}

impl Filter {
    /// ip's per-link checks in `print_linkinfo`.
    pub fn keeps(&self, link: &Link) -> bool {
        if self.ifindex != 0 && link.info.index != self.ifindex {
            return false;
        }
        if self.up && link.info.flags & IFF_UP == 0 {
            return false;
        }
        let attrs = link.attrs();
        if let (Some(group), Some(wanted)) = (attrs.u32(IFLA_GROUP), self.group) {
            if group != wanted {
                return false;
            }
        }
        match attrs.i32(IFLA_MASTER) {
            Some(master) if self.master > 0 && master != self.master => return false,
            None if self.master > 0 => return false,
            _ => {}
        }
        if let Some(kind) = &self.kind {
            if link.kind(false) != Some(kind.as_bytes()) {
                return false;
            }
        }
        if let Some(kind) = &self.slave_kind {
            if link.kind(true) != Some(kind.as_bytes()) {
                return false;
            }
        }
        true
    }
}

/// What the links of a listing point at, looked up as ip looks them up.
pub fn related(ctx: &mut Context, link: &Link) -> Result<Related> {
    let attrs = link.attrs();
    let mut related = Related::default();
    if let Some(iflink) = attrs.i32(IFLA_LINK) {
        related.peer = Some(if iflink == 0 {
            Peer::None
        } else if attrs.has(IFLA_LINK_NETNSID) {
            Peer::Index(iflink)
        } else {
            let name = device::name_of(ctx, iflink)?;
            // ip only knows the peer is down when it has it in its cache.
            let down = ctx
                .links
                .get(iflink)
                .is_some_and(|known| known.flags & IFF_UP == 0);
            Peer::Named { name, down }
        });
    }
    if let Some(master) = attrs.i32(IFLA_MASTER) {
        related.master = Some(device::name_of(ctx, master)?);
    }
    let nsid_name = |ctx: &mut Context, attr: u16| -> Result<Option<Vec<u8>>> {
        match attrs.i32(attr).filter(|id| *id >= 0) {
            Some(id) if !ctx.out.is_json() => Ok(ctx
                .nsid_names()?
                .name_of(id)
                .map(|name| name.as_encoded_bytes().to_vec())),
            _ => Ok(None),
        }
    };
    related.link_netns = nsid_name(ctx, IFLA_LINK_NETNSID)?;
    related.new_netns = nsid_name(ctx, IFLA_NEW_NETNSID)?;
    Ok(related)
}

pub fn style(ctx: &Context, do_link: bool, family: u8) -> LinkStyle {
    let o = &ctx.options;
    LinkStyle {
        do_link,
        details: o.details,
        stats: o.stats,
        human: o.human > 0,
        iec: o.iec > 0,
        numeric: o.numeric > 0,
        brief: o.brief > 0,
        family,
    }
}

/// `ip link show [ARGS]` (`do_link`) and the listing part of `ip address
/// show`.
pub fn list(ctx: &mut Context, args: &[String], do_link: bool) -> Result<()> {
    let family = if do_link {
        AF_PACKET
    } else {
        family_number(ctx.options.family)
    };
    let mut filter = Filter {
        family,
        ..Filter::default()
    };
    let mut filter_dev: Option<&String> = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "up" => filter.up = true,
            "label" => filter.label = Some(next_arg(&mut words)?.clone()),
            "group" => {
                let value = next_arg(&mut words)?;
                filter.group = Some(group_number(value).ok_or_else(|| Error::InvalidArgument {
                    arg: value.clone(),
                    reason: "Invalid \"group\" value\n".into(),
                })?);
            }
            "master" => {
                let value = next_arg(&mut words)?;
                let index = device::index_of(ctx, value)?;
                if index == 0 {
                    return Err(Error::InvalidArgument {
                        arg: value.clone(),
                        reason: "Device does not exist\n".into(),
                    });
                }
                filter.master = index;
            }
            "vrf" => {
                let value = next_arg(&mut words)?;
                let index = device::index_of(ctx, value)?;
                let is_vrf = index != 0
                    && device::lookup(ctx, value.as_bytes())?
                        .is_some_and(|l| l.kind(false) == Some(b"vrf"));
                if !is_vrf {
                    return Err(Error::InvalidArgument {
                        arg: value.clone(),
                        reason: "Not a valid VRF name\n".into(),
                    });
                }
                filter.master = index;
            }
            "nomaster" => filter.master = -1,
            "type" => {
                let value = next_arg(&mut words)?;
                match value.strip_suffix("_slave") {
                    Some(kind) => filter.slave_kind = Some(kind.to_string()),
                    None => filter.kind = Some(value.clone()),
                }
            }
            _ => {
                let device = if word == "dev" {
                    next_arg(&mut words)?
                } else if matches(word, "help") {
                    return Err(Error::Usage(if do_link {
                        Usage::Link
                    } else {
                        Usage::Address
                    }));
                } else {
                    word
                };
                if filter_dev.is_some() {
                    return Err(Error::DuplicateOrGarbage {
                        key: "dev".into(),
                        arg: device.clone(),
                    });
                }
                filter_dev = Some(device);
            }
        }
    }
    if let Some(device) = filter_dev {
        filter.ifindex = device::index_of(ctx, device)?;
        if filter.ifindex <= 0 {
            return Err(Error::DeviceDoesNotExist(device.clone()));
        }
    }

    let style = style(ctx, do_link, family);
    ctx.out.begin_list();
    let links = match (filter_dev, filter.group) {
        (Some(device), None) if do_link => {
            // Only a device: one RTM_GETLINK by name.
            let preferred = family_number(ctx.options.family);
            match link::get(
                ctx.raw()?,
                Some(device.as_bytes()),
                0,
                preferred,
                RTEXT_FILTER_VF,
            ) {
                Ok(found) => found.into_iter().collect(),
                Err(refusal) => {
                    warn(Warning::Kernel(refusal.error.clone()));
                    ctx.out.end_list();
                    return Err(Error::LinkGetFailed(refusal.error.errno));
                }
            }
        }
        _ if filter.ifindex != 0 => {
            let mask = if ctx.options.stats > 0 {
                RTEXT_FILTER_VF
            } else {
                RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS
            };
            match link::get(ctx.raw()?, None, filter.ifindex, family, mask) {
                Ok(found) => found.into_iter().collect(),
                Err(refusal) => {
                    warn(Warning::Kernel(refusal.error.clone()));
                    warn(Warning::Reported(Error::LinkRequestFailed(
                        refusal.error.errno,
                    )));
                    ctx.out.end_list();
                    return Ok(());
                }
            }
        }
        _ => {
            let kind = filter.kind.clone();
            let dump_filter = DumpFilter {
                family: family_number(if do_link {
                    Family::Packet
                } else {
                    ctx.options.family
                }),
                ext_mask: RTEXT_FILTER_VF,
                master: (filter.master != 0).then_some(filter.master),
                kind: kind.as_deref().map(str::as_bytes),
            };
            let mut links = Vec::new();
            if let Err(refusal) = link::dump(ctx.raw()?, &dump_filter, |link| links.push(link)) {
                crate::error::report(&Error::dump_terminated(refusal));
                ctx.out.end_list();
                return Ok(());
            }
            links
        }
    };
    for link in &links {
        ctx.links.remember(link);
    }
    for link in &links {
        ctx.out.open_object(None);
        if link.msg_type == RTM_NEWLINK && filter.keeps(link) && filter.label.is_none() {
            let related = related(ctx, link)?;
            print_link(&mut ctx.out, link, &related, &style);
        }
        ctx.out.close_object();
    }
    ctx.out.end_list();
    Ok(())
}
