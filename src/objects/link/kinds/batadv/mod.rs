//! batadv (ip/iplink_batadv.c): `ra` routing algorithm.
//! This kernel lacks the kind, so its encodings are checked against
//! captured ip requests.

use super::{explain, unknown, value, Args, Nest};
use crate::error::Result;
use crate::grammar::matches;

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    const ALGO_NAME: u16 = 1;
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        if matches(word, "ra") {
            let mut name = value(&mut words)?.as_bytes().to_vec();
            name.push(0);
            data.attr(ALGO_NAME, &name);
        } else if matches(word, "help") {
            return Err(explain("batadv", None));
        } else {
            return Err(unknown("batadv", "command", word));
        }
    }
    Ok(())
}
