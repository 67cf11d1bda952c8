//! `ip link property add|del dev DEV altname NAME…` (ip/iplink.c
//! `iplink_prop`): RTM_NEWLINKPROP / RTM_DELLINKPROP with IFLA_PROP_LIST.

use netlink_packet_core::{DefaultNla, NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL};
use netlink_packet_route::link::{LinkAttribute, LinkFlags, LinkHeader, LinkMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};

use super::nla::Nest;
use super::parse::is_valid_altname;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::{matches, next_arg};
use crate::model::link::{IFLA_ALT_IFNAME, IFLA_PROP_LIST};
use crate::objects::{device, show};

use crate::kernel::attrs::NLA_F_NESTED;
use crate::objects::link::errors::LinkError;

pub fn run(ctx: &mut Context, words: &[String]) -> Result<()> {
    let Some(operator) = words.first() else {
        return Err(Error::Usage(crate::objects::link::USAGE));
    };
    let add = if matches(operator, "add") {
        true
    } else if matches(operator, "del") {
        false
    } else if matches(operator, "help") {
        return Err(Error::Usage(crate::objects::link::USAGE));
    } else {
        return Err(Error::from(LinkError::PropertyOperatorRequired));
    };

    let mut list = Nest::default();
    let mut dev: Option<&String> = None;
    let mut iter = words[1..].iter();
    while let Some(word) = iter.next() {
        if matches(word, "altname") {
            let name = next_arg(&mut iter)?;
            if !is_valid_altname(name) {
                return Err(Error::InvalidArgument {
                    arg: name.clone(),
                    reason: "not a valid altname".into(),
                });
            }
            let mut bytes = name.as_bytes().to_vec();
            bytes.push(0);
            list.attr(IFLA_ALT_IFNAME, &bytes);
        } else if matches(word, "help") {
            return Err(Error::Usage(crate::objects::link::USAGE));
        } else {
            let value = if word == "dev" {
                next_arg(&mut iter)?
            } else {
                word
            };
            if dev.is_some() {
                return Err(Error::DuplicateOrGarbage {
                    key: "dev".into(),
                    arg: value.clone(),
                });
            }
            if !is_valid_altname(value) {
                return Err(Error::InvalidArgument {
                    arg: value.clone(),
                    reason: "\"dev\" not a valid ifname".into(),
                });
            }
            dev = Some(value);
        }
    }
    let Some(dev) = dev else {
        return Err(Error::from(LinkError::PropertyDevRequired));
    };
    let index = device::index_of(ctx, dev)?;
    if index == 0 {
        return Err(Error::CannotFindDevice(dev.clone()));
    }

    let mut message = LinkMessage::default();
    message.header = LinkHeader {
        interface_family: AddressFamily::from(show::family_number(ctx.options.family)),
        index: index as u32,
        flags: LinkFlags::empty(),
        change_mask: LinkFlags::empty(),
        ..LinkHeader::default()
    };
    // ip marks this nest NLA_F_NESTED, unlike its other nests.
    message.attributes = vec![LinkAttribute::Other(DefaultNla::new(
        IFLA_PROP_LIST | NLA_F_NESTED,
        list.into_bytes(),
    ))];
    let (request, flags) = if add {
        (
            RouteNetlinkMessage::NewLinkProp(message),
            NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND,
        )
    } else {
        (RouteNetlinkMessage::DelLinkProp(message), 0)
    };
    ctx.raw()?.ack(request, flags)?;
    ctx.links.forget(index);
    Ok(())
}
