//! veth and vxcan (ip/link_veth.c, ip/iplink_vxcan.c): `peer [name] NAME [generic options]`. The peer is
//! described by a whole ifinfomsg plus generic attributes, parsed by the
//! same generic parser, nested in VETH_INFO_PEER.

use netlink_packet_core::Emitable;

use super::{Args, Kind, Nest};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::objects::link::parse;

/// VETH_INFO_PEER and VXCAN_INFO_PEER.
const INFO_PEER: u16 = 1;

pub(crate) fn parse(
    ctx: &mut Context,
    kind: &Kind,
    args: &mut Args,
    data: &mut Nest,
) -> Result<()> {
    if args.words[0] != "peer" {
        // Both print their usage with printf, whatever stream they are
        // given: on stdout.
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = out.write_all(kind.help.unwrap_or("").as_bytes());
        let _ = out.flush();
        return Err(Error::Status(1));
    }
    // ip parses the peer into the same request, so the verb's checks apply.
    let words = &args.words[1..];
    let mut peer = parse::parse(ctx, words, args.verb)?;
    if peer.kind.is_some() {
        return Err(Error::DuplicateArgument {
            key: "type".into(),
            arg: words[peer.consumed - 1].clone(),
        });
    }
    let message = peer.message(0);
    let mut bytes = vec![0u8; message.buffer_len()];
    message.emit(&mut bytes);
    data.attr(INFO_PEER, &bytes);
    args.files.append(&mut peer.files);
    Ok(())
}
