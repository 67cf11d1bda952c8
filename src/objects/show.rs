//! Listing links and their addresses, and flushing addresses: ip's
//! `ipaddr_list_flush_or_save`, shared by `ip link show` and
//! `ip address show|flush` exactly as in iproute2, filters and quirks
//! included.
//!
//! The shape is ip's: parse the filter words (the same words for both
//! objects, so `ip link show secondary` is accepted and `ip link show to X`
//! is refused as ip refuses it), dump the links, dump the addresses, drop
//! the links no address of which passes the filters (`ipaddr_filter`), then
//! print each link followed by its addresses. Addresses are grouped by
//! link index in a hash map once, so a listing stays linear in links plus
//! addresses where ip scans every address for every link.

use std::ffi::CString;

use crate::context::Context;
use crate::error::{warn, Error, Result, Warning};
use crate::grammar::inet::{self, Prefix};
use crate::grammar::{matches, next_arg};
use crate::kernel::link::{self, DumpFilter};
use crate::kernel::raw::{DumpFailed, Dumped, Message, DUMP_ATTEMPTS};
use crate::model::address::{
    flag_by_name, scope_number, Address, IFA_F_SECONDARY, IFA_LABEL, RTM_DELADDR, RTM_NEWADDR,
    RT_SCOPE_NOWHERE,
};
use crate::model::link::*;
use crate::model::names::group_number;
use crate::objects::address::print::{print_address, AddressStyle};
use crate::objects::link::print::{print_link, print_stats_block, LinkNames, LinkStyle, Related};
use crate::objects::{device, dumpfile};
use crate::output::{table, Kind};

/// What `ip address` does with the selected addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    List,
    Flush,
    Save,
}

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
    /// `scope SC`: the scope and which of its bits must match (`all`: none).
    pub scope: u8,
    pub scope_mask: u8,
    /// Address flags that must be set (`flags`) among those tested (`flag_mask`).
    pub flags: u32,
    pub flag_mask: u32,
    /// `to PREFIX`.
    pub prefix: Option<Prefix>,
}

// Defined next to `Family`; named here too because the object modules
// have always found it here.
pub(crate) use crate::grammar::options::family_number;

/// C's `fnmatch(pattern, text, 0)`.
fn fnmatch(pattern: &str, text: &[u8]) -> bool {
    let (Ok(pattern), Ok(text)) = (CString::new(pattern), CString::new(text)) else {
        return false;
    };
    // SAFETY: two NUL-terminated strings that outlive the call.
    unsafe { nix::libc::fnmatch(pattern.as_ptr(), text.as_ptr(), 0) == 0 }
}

impl Filter {
    /// The checks ip's `print_linkinfo` makes before it looks at `label`.
    fn keeps_link_first(&self, link: &Link) -> bool {
        (self.ifindex == 0 || link.info.index == self.ifindex)
            && (!self.up || link.info.flags & IFF_UP != 0)
    }

    /// The checks ip's `print_linkinfo` makes after it looks at `label`.
    fn keeps_link_then(&self, link: &Link) -> bool {
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

    /// What `print_linkinfo` does with a link: whether it prints it, and
    /// what it returns: -1 (filtered out, its addresses too), 0 (its
    /// addresses are printed, not its statistics; the brief form), 1.
    fn link_verdict(&self, link: &Link, brief: bool) -> (bool, i32) {
        if link.msg_type != RTM_NEWLINK && link.msg_type != RTM_DELLINK {
            return (false, 0);
        }
        if !self.keeps_link_first(link) {
            return (false, -1);
        }
        if self.label.is_some() {
            return (false, 0);
        }
        if !self.keeps_link_then(link) {
            return (false, -1);
        }
        (true, if brief { 0 } else { 1 })
    }

    /// The address filters of ip's `print_addrinfo` and `ipaddr_filter`
    /// (`device` is the link's name, matched by `label` when the address
    /// has no label).
    fn keeps_address(&self, address: &Address, device: &[u8]) -> bool {
        if self.ifindex != 0 && self.ifindex as u32 != address.header.index {
            return false;
        }
        self.keeps_address_anywhere(address, device)
    }

    /// The address filters except the device (ip's `ipaddr_filter` does
    /// not check it).
    fn keeps_address_anywhere(&self, address: &Address, device: &[u8]) -> bool {
        let header = &address.header;
        let attrs = address.attrs();
        if (self.scope ^ header.scope) & self.scope_mask != 0 {
            return false;
        }
        if (self.flags ^ address.flags(&attrs)) & self.flag_mask != 0 {
            return false;
        }
        if self.family != 0 && self.family != header.family {
            return false;
        }
        if let Some(pattern) = &self.label {
            let label = attrs.str(IFA_LABEL).unwrap_or(device);
            if !fnmatch(pattern, label) {
                return false;
            }
        }
        match &self.prefix {
            // ip's `inet_addr_match_rta`.
            Some(prefix) if prefix.family != 0 && prefix.bitlen > 0 => {
                match address.local(&attrs) {
                    None => true,
                    Some(local) => {
                        let family = match local.len() {
                            4 => inet::AF_INET,
                            16 => inet::AF_INET6,
                            _ => return false,
                        };
                        family == prefix.family
                            && inet::prefix_matches(local, &prefix.data, prefix.bitlen)
                    }
                }
            }
            _ => true,
        }
    }

    /// ip's `get_filter`: `[-]FLAG`, `dynamic`, `primary`.
    fn add_flag(&mut self, word: &str) -> bool {
        let (mut inverse, name) = match word.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, word),
        };
        let name = match name {
            "dynamic" => {
                inverse = !inverse;
                "permanent"
            }
            "primary" => {
                inverse = !inverse;
                "secondary"
            }
            other => other,
        };
        let Some(flag) = flag_by_name(name) else {
            return false;
        };
        if inverse {
            self.flags &= !flag.mask;
        } else {
            self.flags |= flag.mask;
        }
        self.flag_mask |= flag.mask;
        true
    }
}

/// What the links of a listing point at, looked up as ip looks them up.
pub fn related(ctx: &mut Context, link: &Link) -> Result<Related> {
    related_knowing(ctx, link, &|_| None)
}

/// The name and flags of the links a listing has already seen.
type KnownLinks<'k> = dyn Fn(i32) -> Option<(&'k [u8], u32)> + 'k;

/// [`related`] where `known` already names some links (and gives their
/// flags): those seen earlier in the listing.
fn related_knowing<'k>(ctx: &mut Context, link: &Link, known: &KnownLinks<'k>) -> Result<Related> {
    let json = ctx.out.is_json();
    crate::objects::link::print::related(link, json, ListingNames { ctx, known })
}

/// A listing's names: the links it has seen, else ip's cache or the
/// kernel; the namespaces from the nsid list.
struct ListingNames<'c, 'k> {
    ctx: &'c mut Context,
    known: &'c KnownLinks<'k>,
}

impl LinkNames for ListingNames<'_, '_> {
    type Error = Error;

    fn link(&mut self, index: i32) -> Result<(Vec<u8>, bool)> {
        if let Some((name, flags)) = (self.known)(index) {
            return Ok((name.to_vec(), flags & IFF_UP == 0));
        }
        let name = device::name_of(self.ctx, index)?;
        // ip only knows the link is down when it has it in its cache.
        let down = self
            .ctx
            .links
            .get(index)
            .is_some_and(|known| known.flags & IFF_UP == 0);
        Ok((name, down))
    }

    fn namespace(&mut self, id: i32) -> Result<Option<Vec<u8>>> {
        Ok(self
            .ctx
            .nsid_names()?
            .name_of(id)
            .map(|name| name.as_encoded_bytes().to_vec()))
    }
}

pub fn style(ctx: &Context, do_link: bool, family: u8) -> LinkStyle {
    LinkStyle::new(&ctx.options, do_link, family)
}

/// The filter words of `ip link show` and `ip address show|flush`, and the
/// device named, if any.
fn parse_filter<'a>(
    ctx: &mut Context,
    args: &'a [String],
    do_link: bool,
    family: u8,
) -> Result<(Filter, Option<&'a String>)> {
    let mut filter = Filter {
        family,
        ..Filter::default()
    };
    let mut filter_dev: Option<&String> = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "to" => {
                let value = next_arg(&mut words)?;
                let prefix = inet::get_prefix(value, filter.family)?;
                if filter.family == AF_UNSPEC {
                    filter.family = prefix.family;
                }
                filter.prefix = Some(prefix);
            }
            "scope" => {
                let value = next_arg(&mut words)?;
                filter.scope_mask = 0xff;
                filter.scope = match scope_number(value) {
                    Some(scope) => scope,
                    None if value == "all" => {
                        filter.scope_mask = 0;
                        RT_SCOPE_NOWHERE
                    }
                    None => {
                        return Err(Error::InvalidArgument {
                            arg: value.clone(),
                            reason: "invalid \"scope\"\n".into(),
                        })
                    }
                };
            }
            "up" => filter.up = true,
            flag if filter.add_flag(flag) => {}
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
                        crate::objects::link::USAGE
                    } else {
                        crate::objects::address::USAGE
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
    Ok((filter, filter_dev))
}

/// `ip link show [ARGS]` (`do_link`) and the listing part of `ip address
/// show`.
pub fn list(ctx: &mut Context, args: &[String], do_link: bool) -> Result<()> {
    list_flush(ctx, args, do_link, Action::List)
}

/// `ip address show|flush|save [ARGS]`.
pub fn list_addresses(ctx: &mut Context, args: &[String], action: Action) -> Result<()> {
    list_flush(ctx, args, false, action)
}

fn list_flush(ctx: &mut Context, args: &[String], do_link: bool, action: Action) -> Result<()> {
    // ip's `preferred_family`: `ip link` forces AF_PACKET.
    let preferred = if do_link {
        AF_PACKET
    } else {
        family_number(ctx.options.family)
    };
    if action == Action::Flush {
        if args.is_empty() {
            return Err(Error::FlushNeedsArguments);
        }
        if preferred == AF_PACKET {
            return Err(Error::FlushLinkAddresses);
        }
    }
    let (filter, filter_dev) = parse_filter(ctx, args, do_link, preferred)?;
    if action == Action::Flush {
        return flush(ctx, &filter);
    }
    if action == Action::Save {
        return save(ctx, preferred, filter.ifindex);
    }

    let table = ctx.options.table && ctx.options.json == 0;
    let brief = ctx.options.brief > 0;
    let with_addresses = filter.family != AF_PACKET;
    let mut listing = Listing {
        filter: &filter,
        do_link,
        with_addresses,
        table,
        link_style: style(ctx, do_link, filter.family),
        address_style: AddressStyle {
            brief,
            with_device: ctx.options.oneline > 0 || ctx.options.echo > 0,
            numeric: ctx.options.numeric > 0,
            resolve: ctx.options.resolve > 0,
        },
        addresses: AddressStore::default(),
        seen: Default::default(),
        rows: Vec::new(),
    };
    ctx.out.begin_list();
    // ip dumps the links, then the addresses, and prints once it has both.
    // rnet reads the addresses first, into one compact store, so that each
    // link can then be printed (or dropped by `ipaddr_filter`) as its
    // message arrives: nothing of the link dump is kept.
    if with_addresses || table {
        // rnet's -table shows addresses for `link show` too: the same dump,
        // of every family, without the address filter that only `address`
        // applies; a refusal of it only leaves the column empty.
        let family = if with_addresses {
            filter.family
        } else {
            AF_UNSPEC
        };
        let request = crate::kernel::address::dump_request(family, filter.ifindex);
        let store = &mut listing.addresses;
        let dumped = ctx.dump(&request, DUMP_ATTEMPTS, |_, dumped| {
            match dumped {
                Dumped::Again => store.clear(),
                Dumped::Message(message) => store.push(&message),
            }
            Ok(())
        });
        match dumped {
            Ok(()) => {}
            Err(DumpFailed::Stopped(error)) => return Err(error),
            Err(DumpFailed::Refused(_)) if !with_addresses => store.clear(),
            Err(failed) => {
                crate::error::report(&Error::from(failed));
                ctx.out.end_list();
                return Ok(());
            }
        }
        store.sort();
    }
    match (filter_dev, filter.group) {
        (Some(device), None) if do_link => {
            // Only a device: one RTM_GETLINK by name.
            match link::get(
                ctx.raw()?,
                Some(device.as_bytes()),
                0,
                preferred,
                RTEXT_FILTER_VF,
            ) {
                Ok(found) => {
                    if let Some(link) = found {
                        listing.show(ctx, link)?;
                    }
                }
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
            match link::get(ctx.raw()?, None, filter.ifindex, filter.family, mask) {
                Ok(found) => {
                    if let Some(link) = found {
                        listing.show(ctx, link)?;
                    }
                }
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
            // Unlike ip, rnet asks the kernel to leave out the statistics when
            // they will not be printed: filling them is most of the dump's cost.
            let skip_stats = if ctx.options.stats == 0 {
                RTEXT_FILTER_SKIP_STATS
            } else {
                0
            };
            let request = link::dump_request(&DumpFilter {
                family: preferred,
                ext_mask: RTEXT_FILTER_VF | skip_stats,
                master: (filter.master != 0).then_some(filter.master),
                kind: filter.kind.as_deref().map(str::as_bytes),
            });
            // An interrupted dump is asked again; the links it already
            // showed are not shown twice (`Listing::seen`).
            let dumped = ctx.dump(&request, DUMP_ATTEMPTS, |ctx, dumped| match dumped {
                Dumped::Again => Ok(()),
                Dumped::Message(message) => match link::decode(&message) {
                    Some(link) => listing.show(ctx, link),
                    None => Ok(()),
                },
            });
            match dumped {
                Ok(()) => {}
                Err(DumpFailed::Stopped(error)) => return Err(error),
                Err(refused) => {
                    crate::error::report(&Error::from(refused));
                    ctx.out.end_list();
                    return Ok(());
                }
            }
        }
    }
    if table {
        table::print(&mut ctx.out, &table::links(&listing.rows, table::width()));
        return Ok(());
    }
    ctx.out.end_list();
    Ok(())
}

/// The addresses of a listing: every message's payload as the kernel sent
/// it, in one buffer, found by link index. ip keeps a list of whole
/// messages; this is one allocation for all of them and a few bytes of
/// index each.
#[derive(Default)]
struct AddressStore {
    bytes: Vec<u8>,
    /// In dump order until [`AddressStore::sort`], then by link index
    /// (each link's addresses still in the kernel's order).
    entries: Vec<StoredAddress>,
}

struct StoredAddress {
    index: u32,
    msg_type: u16,
    start: u32,
    end: u32,
}

impl AddressStore {
    fn clear(&mut self) {
        self.bytes.clear();
        self.entries.clear();
    }

    fn push(&mut self, message: &Message<'_>) {
        let Some(header) = crate::kernel::address::header(message) else {
            return;
        };
        let start = self.bytes.len() as u32;
        self.bytes.extend_from_slice(message.payload);
        self.entries.push(StoredAddress {
            index: header.index,
            msg_type: message.msg_type,
            start,
            end: self.bytes.len() as u32,
        });
    }

    fn sort(&mut self) {
        self.entries.sort_by_key(|entry| entry.index);
    }

    /// The addresses of link `index` (after [`AddressStore::sort`]).
    fn of(&self, index: u32) -> Vec<Address> {
        let first = self.entries.partition_point(|entry| entry.index < index);
        self.entries[first..]
            .iter()
            .take_while(|entry| entry.index == index)
            .filter_map(|entry| {
                let payload = &self.bytes[entry.start as usize..entry.end as usize];
                Address::from_payload(entry.msg_type, payload)
            })
            .collect()
    }
}

/// One `link show` / `address show` listing under way: what it prints and
/// how, the addresses read before the links, and the links it has handled.
struct Listing<'a> {
    filter: &'a Filter,
    do_link: bool,
    with_addresses: bool,
    table: bool,
    link_style: LinkStyle,
    address_style: AddressStyle,
    addresses: AddressStore,
    /// The links handled so far, by index: their names and flags name the
    /// later links that point at them (ip's `ll_map` cache, filled by the
    /// dump), without a copy of their messages. An interrupted link dump is
    /// asked again, and what was printed of it cannot be taken back: the
    /// links the new answer repeats are skipped.
    seen: crate::model::IndexMap<i32, SeenLink>,
    /// `-table`'s rows, printed at the end (the column widths need them all).
    rows: Vec<table::Row>,
}

impl Listing<'_> {
    /// One link as it arrives: remembered (ip's `ll_remember_index`),
    /// dropped by `ipaddr_filter` or printed with its addresses.
    fn show(&mut self, ctx: &mut Context, mut link: Link) -> Result<()> {
        if self.seen.contains_key(&link.info.index) {
            return Ok(());
        }
        self.seen
            .insert(link.info.index, SeenLink::new(link.name(), link.info.flags));
        add_missing_txqlen(&mut link);
        let filter = self.filter;
        let addresses = if self.with_addresses || self.table {
            self.addresses.of(link.info.index as u32)
        } else {
            Vec::new()
        };
        if self.with_addresses {
            // ip's `ipaddr_filter`: a link stays if one of its addresses
            // passes, or if it has none at all and no family was asked for.
            let keep = if addresses.is_empty() {
                filter.family == AF_UNSPEC || filter.family == AF_PACKET
            } else {
                addresses
                    .iter()
                    .any(|address| filter.keeps_address_anywhere(address, link.name()))
            };
            if !keep {
                return Ok(());
            }
        }
        if self.table {
            let known = |index| self.known(index);
            if let Some(row) =
                table_row(ctx, filter, &link, &addresses, self.with_addresses, &known)?
            {
                self.rows.push(row);
            }
            return Ok(());
        }
        let brief = self.address_style.brief;
        let no_link = self.with_addresses && ctx.options.oneline > 0;
        ctx.out.open_object(None);
        let verdict = if brief || !no_link {
            let (printed, verdict) = filter.link_verdict(&link, brief);
            if printed {
                let related = related_knowing(ctx, &link, &|index| self.known(index))?;
                print_link(&mut ctx.out, &link, &related, &self.link_style);
            }
            verdict
        } else {
            0
        };
        if verdict >= 0 && self.with_addresses {
            print_selected(ctx, filter, &link, &addresses, &self.address_style)?;
        }
        if verdict > 0 && !self.do_link && ctx.options.stats > 0 {
            print_stats_block(&mut ctx.out, &link, &self.link_style);
        }
        ctx.out.close_object();
        Ok(())
    }
}

/// What a listing keeps of a link it handled: its flags and, inline, its
/// name (IFNAMSIZ bytes; a longer one is not kept and is asked for as any
/// other link's).
struct SeenLink {
    flags: u32,
    len: u8,
    name: [u8; 16],
}

impl SeenLink {
    fn new(name: &[u8], flags: u32) -> SeenLink {
        let mut seen = SeenLink {
            flags,
            len: u8::MAX,
            name: [0; 16],
        };
        if name.len() <= seen.name.len() {
            seen.name[..name.len()].copy_from_slice(name);
            seen.len = name.len() as u8;
        }
        seen
    }

    fn name(&self) -> Option<&[u8]> {
        self.name.get(..self.len as usize)
    }
}

impl Listing<'_> {
    /// The name and flags of link `index`, if this listing has seen it.
    fn known(&self, index: i32) -> Option<(&[u8], u32)> {
        let seen = self.seen.get(&index)?;
        Some((seen.name()?, seen.flags))
    }
}

/// rnet's `-table`: the row of a link this listing kept, with the addresses
/// its filter keeps.
fn table_row<'k>(
    ctx: &mut Context,
    filter: &Filter,
    link: &Link,
    addresses: &[Address],
    address_filter: bool,
    known: &KnownLinks<'k>,
) -> Result<Option<table::Row>> {
    let (printed, verdict) = filter.link_verdict(link, false);
    if !printed {
        return Ok(None);
    }
    let related = related_knowing(ctx, link, known)?;
    let mut row = table::link_row(link, &related);
    let name = link.name().to_vec();
    for address in addresses {
        // `link show` keeps every address of the links it shows.
        let kept = !address_filter
            || (filter.keeps_address(address, &name)
                && !(filter.up && link.info.flags & IFF_UP == 0));
        if verdict < 0 || address.msg_type != RTM_NEWADDR || !kept {
            continue;
        }
        row.addresses.extend(table::address_cell(address));
    }
    Ok(Some(row))
}

/// ip's `print_queuelen` asks the SIOCGIFTXQLEN ioctl when a link message
/// has no IFLA_TXQLEN (IPv6 link dumps have none); the answer is added to
/// the message so that the printer shows `qlen` where ip does.
fn add_missing_txqlen(link: &mut Link) {
    if link.attrs().has(IFLA_TXQLEN) {
        return;
    }
    let name = link.name().to_vec();
    if name.is_empty() || name.len() >= 16 {
        return;
    }
    // struct ifreq: the name, then a union whose first int is ifr_qlen.
    let mut ifreq = [0u8; 40];
    ifreq[..name.len()].copy_from_slice(&name);
    // SAFETY: a plain socket, closed below; the ioctl writes within the
    // 40-byte ifreq it is given.
    let qlen = unsafe {
        let fd = nix::libc::socket(nix::libc::AF_INET, nix::libc::SOCK_STREAM, 0);
        if fd < 0 {
            return;
        }
        let ok = nix::libc::ioctl(fd, 0x8942, ifreq.as_mut_ptr());
        nix::libc::close(fd);
        if ok < 0 {
            return;
        }
        i32::from_ne_bytes(ifreq[16..20].try_into().expect("4 bytes"))
    };
    link.attr_bytes.extend_from_slice(&8u16.to_ne_bytes());
    link.attr_bytes
        .extend_from_slice(&IFLA_TXQLEN.to_ne_bytes());
    link.attr_bytes.extend_from_slice(&qlen.to_ne_bytes());
}

/// ip's `print_selected_addrinfo`: the `addr_info` of one link.
fn print_selected(
    ctx: &mut Context,
    filter: &Filter,
    link: &Link,
    addresses: &[Address],
    style: &AddressStyle,
) -> Result<()> {
    ctx.out
        .open_array(crate::output::Kind::Json, "addr_info", "");
    let device = link.name();
    for address in addresses {
        if address.msg_type != RTM_NEWADDR {
            continue;
        }
        if filter.family != 0 && filter.family != address.header.family {
            continue;
        }
        if filter.up && link.info.flags & IFF_UP == 0 {
            continue;
        }
        ctx.out.open_object(None);
        if filter.keeps_address(address, device) {
            print_address(&mut ctx.out, address, device, style);
        }
        ctx.out.close_object();
    }
    ctx.out.close_array(crate::output::Kind::Json, "");
    if style.brief {
        ctx.out.text("\n");
    }
    Ok(())
}

/// ip's magic number at the start of an `ip addr save` dump.
pub const DUMP_MAGIC: u32 = 0x4736_1222;

/// `ip addr save`: the magic, then every message of the address dump as
/// the kernel sent it. ip parses the filter words but applies only the
/// device (and the `-4`/`-6` family), through the kernel's dump filter.
fn save(ctx: &mut Context, family: u8, ifindex: i32) -> Result<()> {
    dumpfile::start_save(ctx, DUMP_MAGIC)?;
    // Asked again while interrupted, like the other dumps; what a refused
    // dump brought before its refusal is still written out, as ip does.
    let mut bytes: Vec<u8> = Vec::new();
    let request = crate::kernel::address::dump_request(family, ifindex);
    let result = ctx.dump(&request, DUMP_ATTEMPTS, |_, dumped| {
        match dumped {
            Dumped::Again => bytes.clear(),
            Dumped::Message(message) => {
                bytes.extend_from_slice(message.header);
                bytes.extend_from_slice(message.payload);
            }
        }
        Ok(())
    });
    ctx.out.raw(&bytes);
    let result = match result {
        Ok(()) => Ok(()),
        Err(DumpFailed::Stopped(error)) => return Err(error),
        Err(DumpFailed::Refused(refusal)) => Err(refusal),
    };
    ctx.out.flush();
    if let Err(refusal) = result {
        return Err(Error::SaveTerminated(refusal.dump_error()));
    }
    // ip ends here with exit(0), which also ends a batch.
    Err(Error::Exit(0))
}

/// ip's `ipaddr_flush`: dump, delete what matches, repeat until nothing
/// matches (at most `-loops` rounds).
fn flush(ctx: &mut Context, filter: &Filter) -> Result<()> {
    let max_rounds = ctx.options.max_flush_loops;
    let stats = ctx.options.stats;
    let style = AddressStyle {
        brief: ctx.options.brief > 0,
        with_device: true,
        numeric: ctx.options.numeric > 0,
        resolve: ctx.options.resolve > 0,
    };
    let mut round = 0;
    while max_rounds == 0 || round < max_rounds {
        let mut dumped: Vec<(Address, Vec<u8>)> = Vec::new();
        let request = crate::kernel::address::dump_request(filter.family, filter.ifindex);
        let result = ctx.dump(&request, DUMP_ATTEMPTS, |_, answer| {
            match answer {
                Dumped::Again => dumped.clear(),
                Dumped::Message(message) => {
                    if let Some(address) = crate::kernel::address::decode(&message) {
                        dumped.push((address, message.payload.to_vec()));
                    }
                }
            }
            Ok(())
        });
        match result {
            Ok(()) => {}
            Err(DumpFailed::Stopped(error)) => return Err(error),
            Err(DumpFailed::Refused(refusal)) => {
                return Err(Error::FlushTerminated(refusal.dump_error()));
            }
        }
        let mut selected: Vec<Vec<u8>> = Vec::new();
        for (address, payload) in &dumped {
            if address.msg_type != RTM_NEWADDR {
                continue;
            }
            // Like ip, ask for the device's name only where it is used.
            let name = if filter.label.is_some() || stats >= 2 {
                device::name_of(ctx, address.header.index as i32)?
            } else {
                Vec::new()
            };
            if !filter.keeps_address(address, &name) {
                continue;
            }
            selected.push(payload.clone());
            if stats >= 2 && ctx.options.json_all {
                // rnet's -json-all: each address to delete as one object.
                ctx.out.begin_object_document();
                print_address(&mut ctx.out, address, &name, &style);
                ctx.out.end_object_document();
            } else if stats >= 2 {
                print_address(&mut ctx.out, address, &name, &style);
            }
        }
        if selected.is_empty() {
            flush_done(ctx, round);
            return Ok(());
        }
        round += 1;
        send_deletions(ctx, &selected)?;
        flush_round_done(ctx, round, selected.len(), "addresses");
        // Flushing primaries only takes one round: another would delete
        // the secondaries the kernel promoted meanwhile.
        if filter.flag_mask & IFA_F_SECONDARY != 0 && filter.flags & IFA_F_SECONDARY == 0 {
            flush_done(ctx, round);
            return Ok(());
        }
    }
    ctx.out.flush();
    Err(Error::FlushIncomplete(max_rounds))
}

/// `-s`: the line ip prints after each round of a flush (`what` is
/// ip's word for the objects deleted).
pub(crate) fn flush_round_done(ctx: &mut Context, round: i32, deleted: usize, what: &str) {
    let stats = ctx.options.stats;
    if stats > 0 && ctx.options.json_all {
        // rnet's -json-all: one JSON object per round, like monitor.
        ctx.out.begin_object_document();
        ctx.out.int(Kind::Any, Some("round"), "{}", round);
        ctx.out
            .int(Kind::Any, Some("deleted"), "{}", deleted as i128);
        ctx.out.end_object_document();
        ctx.out.flush();
    } else if stats > 0 {
        ctx.out.raw(format!(
            "\n*** Round {round}, deleting {deleted} {what} ***\n"
        ));
        ctx.out.flush();
    }
}

/// `-s`: ip's last line of a flush that completed after `round` rounds.
pub(crate) fn flush_done(ctx: &mut Context, round: i32) {
    if ctx.options.stats > 0 && ctx.options.json_all {
        ctx.out.begin_object_document();
        ctx.out.boolean(Kind::Any, Some("complete"), "", true);
        ctx.out.int(Kind::Any, Some("rounds"), "{}", round);
        ctx.out.end_object_document();
    } else if ctx.options.stats > 0 {
        if round == 0 {
            ctx.out.raw("Nothing to flush.\n");
        } else {
            ctx.out.raw(format!(
                "*** Flush is complete after {round} round{} ***\n",
                if round > 1 { "s" } else { "" }
            ));
        }
    }
    ctx.out.flush();
}

/// Sends the RTM_DELADDR copies of `payloads`; a refusal other than
/// EADDRNOTAVAIL (an address already gone) fails the flush.
fn send_deletions(ctx: &mut Context, payloads: &[Vec<u8>]) -> Result<()> {
    match ctx.raw()?.send_batched(RTM_DELADDR, payloads) {
        Err(errno) if errno != nix::libc::EADDRNOTAVAIL => Err(Error::FlushSend(errno)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::address::IFA_F_PERMANENT;

    #[test]
    fn flag_filters_follow_get_filter() {
        let mut filter = Filter::default();
        assert!(filter.add_flag("secondary"));
        assert_eq!((filter.flags, filter.flag_mask), (IFA_F_SECONDARY, 1));
        let mut filter = Filter::default();
        assert!(filter.add_flag("primary"));
        assert_eq!((filter.flags, filter.flag_mask), (0, IFA_F_SECONDARY));
        let mut filter = Filter::default();
        assert!(filter.add_flag("dynamic"));
        assert_eq!((filter.flags, filter.flag_mask), (0, IFA_F_PERMANENT));
        let mut filter = Filter::default();
        assert!(filter.add_flag("-dynamic"));
        assert_eq!(filter.flags, IFA_F_PERMANENT);
        assert!(filter.add_flag("-tentative"));
        assert!(!filter.add_flag("-"));
        assert!(!filter.add_flag("eth0"));
    }

    #[test]
    fn labels_match_like_fnmatch() {
        assert!(fnmatch("eth0*", b"eth0:1"));
        assert!(fnmatch("*:web", b"ifb0:web"));
        assert!(!fnmatch("eth1", b"eth0"));
        assert!(fnmatch("if[a-c]0", b"ifb0"));
    }

    fn address(family: u8, scope: u8, flags: u8, local: &[u8], label: Option<&[u8]>) -> Address {
        use crate::kernel::attrs::Request;
        use crate::model::address::{IfAddr, IFA_LOCAL};
        let header = IfAddr {
            family,
            prefixlen: 24,
            flags,
            scope,
            index: 3,
        };
        let mut request = Request::new(RTM_NEWADDR, 0)
            .fixed(&header.to_bytes())
            .attr(IFA_LOCAL, local);
        if let Some(label) = label {
            request = request.attr_str(IFA_LABEL, label);
        }
        let bytes = request.finish(0);
        Address::from_payload(RTM_NEWADDR, &bytes[16..]).unwrap()
    }

    #[test]
    fn the_address_store_gives_each_link_its_addresses_in_kernel_order() {
        let payload = |index: u32, last: u8| {
            let mut address = address(2, 0, 0, &[192, 0, 2, last], None);
            address.header.index = index;
            let mut bytes = address.header.to_bytes().to_vec();
            bytes.extend_from_slice(&address.attr_bytes);
            bytes
        };
        let mut store = AddressStore::default();
        for (index, last) in [(7, 1), (3, 2), (7, 3), (5, 4), (3, 5)] {
            let bytes = payload(index, last);
            store.push(&Message {
                msg_type: RTM_NEWADDR,
                flags: 0,
                payload: &bytes,
                header: &[],
            });
        }
        // Too short for its header: reported and left out.
        store.push(&Message {
            msg_type: RTM_NEWADDR,
            flags: 0,
            payload: &[2, 32],
            header: &[],
        });
        store.sort();
        let lasts = |store: &AddressStore, index| -> Vec<u8> {
            store
                .of(index)
                .iter()
                .map(|a| a.local(&a.attrs()).unwrap()[3])
                .collect()
        };
        assert_eq!(lasts(&store, 7), [1, 3]);
        assert_eq!(lasts(&store, 3), [2, 5]);
        assert_eq!(lasts(&store, 5), [4]);
        assert!(lasts(&store, 4).is_empty() && lasts(&store, 8).is_empty());
        store.clear();
        assert!(lasts(&store, 7).is_empty());
    }

    #[test]
    fn address_filters_follow_print_addrinfo() {
        let v4 = address(2, 0, 0x80, &[192, 0, 2, 9], Some(b"eth0:web"));
        let v6 = address(
            10,
            253,
            0,
            &[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            None,
        );
        let all = Filter::default();
        assert!(all.keeps_address(&v4, b"eth0") && all.keeps_address(&v6, b"eth0"));

        let to = Filter {
            prefix: inet::get_prefix_1("192.0.2.0/24", 0),
            family: 2,
            ..Filter::default()
        };
        assert!(to.keeps_address(&v4, b"eth0"));
        assert!(!to.keeps_address(&v6, b"eth0"));

        let scope_link = Filter {
            scope: 253,
            scope_mask: 0xff,
            ..Filter::default()
        };
        assert!(!scope_link.keeps_address(&v4, b"eth0"));
        assert!(scope_link.keeps_address(&v6, b"eth0"));

        let label = Filter {
            label: Some("eth0*".into()),
            ..Filter::default()
        };
        assert!(label.keeps_address(&v4, b"other"));
        assert!(
            label.keeps_address(&v6, b"eth0"),
            "no label: the device name"
        );
        assert!(!label.keeps_address(&v6, b"eth1"));

        let mut dynamic = Filter::default();
        dynamic.add_flag("dynamic");
        assert!(!dynamic.keeps_address(&v4, b"eth0"));
        assert!(dynamic.keeps_address(&v6, b"eth0"));

        let other_device = Filter {
            ifindex: 4,
            ..Filter::default()
        };
        assert!(!other_device.keeps_address(&v4, b"eth0"));
        assert!(other_device.keeps_address_anywhere(&v4, b"eth0"));
    }
}
