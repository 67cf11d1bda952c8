//! can (ip/iplink_can.c): bit timings, controller modes and the
//! transmitter delay compensation, sent as ip's C structures.

pub(crate) mod print;

use super::{explain, invarg, value, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_unsigned, matches};
use crate::objects::link::errors::LinkError;

const BITTIMING: u16 = 1;
const CTRLMODE: u16 = 5;
const RESTART_MS: u16 = 6;
const RESTART: u16 = 7;
const DATA_BITTIMING: u16 = 9;
const TERMINATION: u16 = 11;
const TDC: u16 = 16;
const TDC_TDCV: u16 = 7;
const TDC_TDCO: u16 = 8;
const TDC_TDCF: u16 = 9;
use crate::kernel::attrs::NLA_F_NESTED;
const TDC_AUTO: u32 = 0x200;
const TDC_MANUAL: u32 = 0x400;

/// `struct can_bittiming`: bitrate, sample_point, tq, prop_seg,
/// phase_seg1, phase_seg2, sjw, brp.
#[derive(Default)]
struct Timing([u32; 8]);

impl Timing {
    fn used(&self) -> bool {
        self.0[0] != 0 || self.0[2] != 0
    }

    fn bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_ne_bytes()).collect()
    }
}

/// The u32 timing words: (keyword, data phase, field).
const TIMINGS: &[(&str, bool, usize)] = &[
    ("bitrate", false, 0),
    ("sample-point", false, 1),
    ("tq", false, 2),
    ("prop-seg", false, 3),
    ("phase-seg1", false, 4),
    ("phase-seg2", false, 5),
    ("sjw", false, 6),
    ("dbitrate", true, 0),
    ("dsample-point", true, 1),
    ("dtq", true, 2),
    ("dprop-seg", true, 3),
    ("dphase-seg1", true, 4),
    ("dphase-seg2", true, 5),
    ("dsjw", true, 6),
];

/// The on/off controller modes, in ip's order.
const MODES: &[(&str, u32)] = &[
    ("loopback", 0x01),
    ("listen-only", 0x02),
    ("triple-sampling", 0x04),
    ("one-shot", 0x08),
    ("berr-reporting", 0x10),
    ("fd", 0x20),
    ("fd-non-iso", 0x80),
    ("presume-ack", 0x40),
    ("cc-len8-dlc", 0x100),
];

/// ip's `get_float` (strtof over the whole word), then `(u32)(sp * 1000)`.
fn sample_point(word: &str) -> Option<u32> {
    let sp: f32 = word.parse().ok()?;
    Some((sp * 1000.0) as u32)
}

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    let (mut bt, mut dbt) = (Timing::default(), Timing::default());
    let (mut cm_flags, mut cm_mask) = (0u32, 0u32);
    let mut tdc: [Option<u32>; 3] = [None; 3];
    let mut words = args.words.iter();
    while let Some(word) = words.next() {
        let w = word.as_str();
        if let Some(&(key, data_phase, field)) = TIMINGS.iter().find(|(k, ..)| matches(w, k)) {
            let v = value(&mut words)?;
            let reason = format!("invalid \"{key}\" value\n");
            let number = if field == 1 {
                sample_point(v)
            } else {
                get_unsigned(v)
            };
            let number = number.ok_or_else(|| invarg(&reason, v))?;
            let timing = if data_phase { &mut dbt } else { &mut bt };
            timing.0[field] = number;
        } else if let Some(i) = ["tdcv", "tdco", "tdcf"].iter().position(|k| matches(w, k)) {
            let v = value(&mut words)?;
            let key = ["tdcv", "tdco", "tdcf"][i];
            let reason = format!("invalid \"{key}\" value\n");
            tdc[i] = Some(get_unsigned(v).ok_or_else(|| invarg(&reason, v))?);
        } else if let Some(&(key, flag)) = MODES.iter().find(|(k, _)| matches(w, k)) {
            let v = value(&mut words)?;
            match v.as_str() {
                "on" => cm_flags |= flag,
                "off" => {}
                _ => {
                    return Err(Error::from(LinkError::KindFatal(
                        format!(
                            "Error: argument of \"{key}\" must be \"on\" or \"off\", not \"{v}\""
                        ),
                        255,
                    )))
                }
            }
            cm_mask |= flag;
        } else if matches(w, "tdc-mode") {
            let v = value(&mut words)?;
            match v.as_str() {
                "auto" => {
                    cm_flags |= TDC_AUTO;
                    cm_mask |= TDC_AUTO;
                }
                "manual" => {
                    cm_flags |= TDC_MANUAL;
                    cm_mask |= TDC_MANUAL;
                }
                "off" => cm_mask |= TDC_AUTO | TDC_MANUAL,
                _ => {
                    return Err(Error::from(LinkError::KindFatal(
                        format!("Error: argument of \"tdc-mode\" must be \"auto\", \"manual\" or \"off\", not \"{v}\""),
                        255,
                    )))
                }
            }
        } else if matches(w, "restart") {
            data.u32(RESTART, 1);
        } else if matches(w, "restart-ms") {
            let v = value(&mut words)?;
            let ms = get_unsigned(v).ok_or_else(|| invarg("invalid \"restart-ms\" value\n", v))?;
            data.u32(RESTART_MS, ms);
        } else if matches(w, "termination") {
            let v = value(&mut words)?;
            let ohm = get_u16(v).ok_or_else(|| invarg("invalid \"termination\" value\n", v))?;
            data.u16(TERMINATION, ohm);
        } else if matches(w, "help") {
            return Err(explain("can", None));
        } else {
            return Err(explain("can", Some(format!("can: unknown option \"{w}\""))));
        }
    }
    if bt.used() {
        data.attr(BITTIMING, &bt.bytes());
    }
    if dbt.used() {
        data.attr(DATA_BITTIMING, &dbt.bytes());
    }
    if cm_mask != 0 {
        let mut bytes = cm_mask.to_ne_bytes().to_vec();
        bytes.extend_from_slice(&cm_flags.to_ne_bytes());
        data.attr(CTRLMODE, &bytes);
    }
    // ip keeps -1 for "not given", so a given 4294967295 counts as absent.
    let given: Vec<(u16, u32)> = [TDC_TDCV, TDC_TDCO, TDC_TDCF]
        .into_iter()
        .zip(tdc)
        .filter_map(|(attr, v)| v.filter(|v| *v != u32::MAX).map(|v| (attr, v)))
        .collect();
    if !given.is_empty() {
        let nest = data.begin(TDC | NLA_F_NESTED);
        for (attr, v) in given {
            data.u32(attr, v);
        }
        data.end(nest);
    }
    Ok(())
}
