//! bareudp (ip/iplink_bareudp.c). This kernel lacks the kind, so its encodings are
//! checked against captured ip requests.

pub(crate) mod print;

use super::shared::inet::Seen;
use super::{explain, invarg, ll_proto, value, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::{get_u16, matches};

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    const PORT: u16 = 1;
    const ETHERTYPE: u16 = 2;
    const SRCPORT_MIN: u16 = 3;
    const MULTIPROTO_MODE: u16 = 4;
    let mut seen = Seen::default();
    let (mut dstport, mut ethertype, mut srcportmin) = ([0u8; 2], [0u8; 2], 0u16);
    let mut multiproto = false;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "dstport") {
            let v = value(&mut words)?;
            seen.check(PORT, "dstport", v)?;
            dstport = get_u16(v)
                .map(u16::to_be_bytes)
                .ok_or_else(|| invarg("dstport", v))?;
        } else if matches(w, "ethertype") {
            let v = value(&mut words)?;
            seen.check(ETHERTYPE, "ethertype", v)?;
            ethertype = ll_proto(v).ok_or_else(|| invarg("ethertype", v))?;
        } else if matches(w, "srcportmin") {
            let v = value(&mut words)?;
            seen.check(SRCPORT_MIN, "srcportmin", v)?;
            srcportmin = get_u16(v).ok_or_else(|| invarg("srcportmin", v))?;
        } else if matches(w, "multiproto") {
            seen.check(MULTIPROTO_MODE, w, w)?;
            multiproto = true;
        } else if matches(w, "nomultiproto") {
            seen.check(MULTIPROTO_MODE, w, w)?;
            multiproto = false;
        } else if matches(w, "help") {
            return Err(explain("bareudp", None));
        } else {
            return Err(explain(
                "bareudp",
                Some(format!("bareudp: unknown command \"{w}\"?")),
            ));
        }
    }
    if !seen.has(PORT) {
        return Err(Error::MissingArgument("dstport".into()));
    }
    if !seen.has(ETHERTYPE) {
        return Err(Error::MissingArgument("ethertype".into()));
    }
    data.attr(PORT, &dstport);
    data.attr(ETHERTYPE, &ethertype);
    if seen.has(SRCPORT_MIN) {
        data.u16(SRCPORT_MIN, srcportmin);
    }
    if multiproto {
        data.flag(MULTIPROTO_MODE);
    }
    Ok(())
}
