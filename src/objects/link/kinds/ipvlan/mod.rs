//! ipvlan and ipvtap (ip/iplink_ipvlan.c): `mode l2|l3|l3s` and one of
//! `bridge|private|vepa`.

pub(crate) mod print;

use super::{explain, Args, Kind, Nest};
use crate::error::{Error, Result};
use crate::grammar::matches;
use crate::objects::link::errors::LinkError;

const IFLA_IPVLAN_MODE: u16 = 1;
const IFLA_IPVLAN_FLAGS: u16 = 2;

pub(crate) fn parse(kind: &Kind, args: &mut Args, data: &mut Nest) -> Result<()> {
    let id = kind.name;
    let mut flags = 0u16;
    let mut mode_flag_given = false;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "mode") {
            let v = super::value(&mut words)?;
            let mode = match v.as_str() {
                "l2" => 0,
                "l3" => 1,
                "l3s" => 2,
                _ => {
                    return Err(Error::from(LinkError::KindArgument(
                        "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\""
                            .into(),
                    )))
                }
            };
            data.u16(IFLA_IPVLAN_MODE, mode);
        } else if matches(w, "private") && !mode_flag_given {
            flags |= 1;
            mode_flag_given = true;
        } else if matches(w, "vepa") && !mode_flag_given {
            flags |= 2;
            mode_flag_given = true;
        } else if matches(w, "bridge") && !mode_flag_given {
            mode_flag_given = true;
        } else if matches(w, "help") {
            return Err(explain(id, None));
        } else {
            return Err(explain(id, Some(format!("{id}: unknown option \"{w}\"?"))));
        }
    }
    data.u16(IFLA_IPVLAN_FLAGS, flags);
    Ok(())
}
