//! bond_slave (ip/iplink_bond_slave.c): `queue_id` and `prio`.

pub(crate) mod print;

use super::{explain, invarg, value, Args, Nest};
use crate::error::Result;
use crate::grammar::matches;

const IFLA_BOND_SLAVE_QUEUE_ID: u16 = 5;
const IFLA_BOND_SLAVE_PRIO: u16 = 9;

/// bond_slave (ip/iplink_bond_slave.c): `queue_id` and `prio`.
pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if matches(w, "queue_id") {
            let v = value(&mut words)?;
            let id = crate::grammar::get_u16(v).ok_or_else(|| invarg("queue_id is invalid", v))?;
            data.u16(IFLA_BOND_SLAVE_QUEUE_ID, id);
        } else if w == "prio" {
            let v = value(&mut words)?;
            let prio = crate::grammar::get_s32(v).ok_or_else(|| invarg("prio is invalid", v))?;
            data.u32(IFLA_BOND_SLAVE_PRIO, prio as u32);
        } else if matches(w, "help") {
            return Err(explain("bond_slave", None));
        } else {
            return Err(explain(
                "bond_slave",
                Some(format!("bond_slave: unknown option \"{w}\"?")),
            ));
        }
    }
    Ok(())
}
