//! `ip route add|change|replace|prepend|append|test|delete` (iproute.c
//! `iproute_modify`): the words become an RTM_NEWROUTE/RTM_DELROUTE
//! (`request`), sent with the NLM flags of the command. rnet's
//! `-idempotent` and `-hints` are decided here, after the kernel answered.

use crate::context::pipeline::Deferred;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::grammar::inet::AF_INET6;
use crate::kernel::attrs::Request;
use crate::kernel::errors::KernelError;
use crate::kernel::raw::{NLM_F_ACK, NLM_F_REQUEST};
use crate::kernel::raw::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_ECHO, NLM_F_EXCL, NLM_F_REPLACE};

/// ip's NLM_F_ECHO: the kernel sends the changed route back.
use crate::model::link::{IFLA_INFO_DATA, IFLA_INFO_KIND, IFLA_INFO_MAX, IFLA_LINKINFO};
use crate::objects::{device, show::family_number};

use super::request::{self, Names, RouteRequest};
use super::{hints, list};
use crate::model::route::{RTA_PRIORITY, RTM_DELROUTE, RTM_NEWROUTE};
use crate::objects::route::print::Hidden;
const IFLA_VRF_TABLE: u16 = 1;
/// The metric the kernel gives an IPv6 route added without one.
const IP6_RT_PRIO_USER: u32 = 1024;

/// The message type and NLM flags of each command (ip's `do_iproute`).
pub fn message_of(command: &str) -> (u16, u16) {
    match command {
        "add" => (RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL),
        "change" => (RTM_NEWROUTE, NLM_F_REPLACE),
        "replace" => (RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE),
        "prepend" => (RTM_NEWROUTE, NLM_F_CREATE),
        "append" => (RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND),
        "test" => (RTM_NEWROUTE, NLM_F_EXCL),
        "delete" => (RTM_DELROUTE, 0),
        other => unreachable!("route command {other} does not modify"),
    }
}

/// Device and VRF names looked up in the current namespace.
struct SystemNames<'a> {
    ctx: &'a mut Context,
}

impl Names for SystemNames<'_> {
    fn index(&mut self, name: &str) -> Result<i32> {
        device::index_of(self.ctx, name)
    }

    fn vrf_table(&mut self, name: &str) -> Result<u32> {
        let Some(link) = device::lookup(self.ctx, name.as_bytes())? else {
            // ip's special case: `vrf default` is the main table, unless a
            // device is called so.
            if name == "default" {
                return Ok(crate::model::rt_names::table_number("main").unwrap_or(0));
            }
            return Ok(0);
        };
        let attrs = link.attrs();
        let Some(info) = attrs.nested(IFLA_LINKINFO, IFLA_INFO_MAX) else {
            return Ok(0);
        };
        if info.str(IFLA_INFO_KIND) != Some(b"vrf".as_slice()) {
            return Ok(0);
        }
        Ok(info
            .nested(IFLA_INFO_DATA, 8)
            .and_then(|data| data.u32(IFLA_VRF_TABLE))
            .unwrap_or(0))
    }
}

/// Prints the route the kernel echoed as ip's rtnl_echo_talk does: inside
/// an object of its own, which with `-j` makes ip's `[{{…}}]`; rnet's
/// `-json-all` leaves that outer object out.
fn print_echo(ctx: &mut Context, msg_type: u16, payload: &[u8]) -> Result<()> {
    let wrap = !ctx.options.json_all;
    ctx.out.begin_list();
    if wrap {
        ctx.out.open_object(None);
    }
    list::print_routes(
        ctx,
        std::iter::once((msg_type, payload)),
        &Hidden::default(),
    )?;
    if wrap {
        ctx.out.close_object();
    }
    ctx.out.end_list();
    Ok(())
}

/// A `route add` sent in a batch's window.
struct DeferredAdd {
    route: RouteRequest,
}

impl Deferred for DeferredAdd {
    /// The same route, deleted. The add had NLM_F_EXCL, so the route it
    /// made is the only one with its table, prefix, TOS and metric, and the
    /// delete matches it alone. IPv6 deletes any metric when none is named,
    /// so the kernel's default for an added route (IP6_RT_PRIO_USER) is
    /// named.
    fn undo(&self) -> Request {
        let undo = self.route.message(RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK);
        if self.route.header.family == AF_INET6 && self.route.attr(RTA_PRIORITY).is_none() {
            undo.attr_u32(RTA_PRIORITY, IP6_RT_PRIO_USER)
        } else {
            undo
        }
    }

    fn refused(self: Box<Self>, ctx: &mut Context, error: KernelError) -> Error {
        hints::explain(ctx, "add", &self.route, error)
    }
}

pub fn run(ctx: &mut Context, command: &'static str, args: &[String]) -> Result<()> {
    let (msg_type, flags) = message_of(command);
    let family = family_number(ctx.options.family);
    let route = request::parse(msg_type, family, args, &mut SystemNames { ctx })?;
    if ctx.deferring() {
        let message = route.message(msg_type, flags | NLM_F_REQUEST);
        return ctx.defer(message, Box::new(DeferredAdd { route }));
    }
    let echo = ctx.options.echo > 0;
    let echo_flag = if echo { NLM_F_ECHO } else { 0 };
    let message = route.message(msg_type, flags | NLM_F_REQUEST | NLM_F_ACK | echo_flag);
    // ip's rtnl_echo_talk keeps the first answer, the kernel's copy of the
    // route, and prints it once the change is acknowledged.
    let mut echoed: Option<(u16, Vec<u8>)> = None;
    let sent = ctx.raw()?.talk(message, |answer| {
        if echo && echoed.is_none() {
            echoed = Some((answer.msg_type, answer.payload.to_vec()));
        }
    });
    let Err(refusal) = sent else {
        if let Some((echo_type, payload)) = echoed {
            print_echo(ctx, echo_type, &payload)?;
        }
        return Ok(());
    };
    let error = refusal.error;
    // rnet's -idempotent, judged on the kernel's answer: with NLM_F_EXCL
    // an existing route is never touched, so there is nothing to look up
    // before (and no race with another writer).
    if ctx.options.idempotent {
        match (msg_type, error.errno) {
            // Already gone: the wanted state.
            (RTM_DELROUTE, nix::libc::ESRCH) => return Ok(()),
            // Done already when the route there is the one asked for.
            (RTM_NEWROUTE, nix::libc::EEXIST) if flags & NLM_F_EXCL != 0 => {
                if let Some(verdict) = hints::existing(ctx, &route)? {
                    return verdict;
                }
            }
            _ => {}
        }
    }
    Err(hints::explain(ctx, command, &route, error))
}
