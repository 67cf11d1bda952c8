//! `can` details and extra statistics (ip/iplink_can.c `can_print_opt`,
//! `can_print_xstats`): control mode, state, bit timing and its limits,
//! fixed bitrates, termination, clock. Several fields are printed with C
//! field widths, which the text form reproduces by formatting them here.

use crate::kernel::attrs::{cstr, Attrs};
use crate::objects::link::kinds::shared::print::uint;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_CAN_BITTIMING: u16 = 1;
const IFLA_CAN_BITTIMING_CONST: u16 = 2;
const IFLA_CAN_CLOCK: u16 = 3;
const IFLA_CAN_STATE: u16 = 4;
const IFLA_CAN_CTRLMODE: u16 = 5;
const IFLA_CAN_RESTART_MS: u16 = 6;
const IFLA_CAN_BERR_COUNTER: u16 = 8;
const IFLA_CAN_DATA_BITTIMING: u16 = 9;
const IFLA_CAN_DATA_BITTIMING_CONST: u16 = 10;
const IFLA_CAN_TERMINATION: u16 = 11;
const IFLA_CAN_TERMINATION_CONST: u16 = 12;
const IFLA_CAN_BITRATE_CONST: u16 = 13;
const IFLA_CAN_DATA_BITRATE_CONST: u16 = 14;
const IFLA_CAN_TDC: u16 = 16;
const IFLA_CAN_CTRLMODE_EXT: u16 = 17;
/// ip 6.1's IFLA_CAN_MAX.
const IFLA_CAN_MAX: u16 = 17;

const IFLA_CAN_TDC_TDCV_MIN: u16 = 1;
const IFLA_CAN_TDC_TDCV_MAX: u16 = 2;
const IFLA_CAN_TDC_TDCO_MIN: u16 = 3;
const IFLA_CAN_TDC_TDCO_MAX: u16 = 4;
const IFLA_CAN_TDC_TDCF_MIN: u16 = 5;
const IFLA_CAN_TDC_TDCF_MAX: u16 = 6;
const IFLA_CAN_TDC_TDCV: u16 = 7;
const IFLA_CAN_TDC_TDCO: u16 = 8;
const IFLA_CAN_TDC_TDCF: u16 = 9;
const IFLA_CAN_TDC_MAX: u16 = 9;

const IFLA_CAN_CTRLMODE_SUPPORTED: u16 = 1;
const IFLA_CAN_CTRLMODE_MAX: u16 = 1;

const CTRLMODES: [(u32, &str); 11] = [
    (0x01, "LOOPBACK"),
    (0x02, "LISTEN-ONLY"),
    (0x04, "TRIPLE-SAMPLING"),
    (0x08, "ONE-SHOT"),
    (0x10, "BERR-REPORTING"),
    (0x20, "FD"),
    (0x80, "FD-NON-ISO"),
    (0x40, "PRESUME-ACK"),
    (0x100, "CC-LEN8-DLC"),
    (0x200, "TDC-AUTO"),
    (0x400, "TDC-MANUAL"),
];

const STATES: [&str; 6] = [
    "ERROR-ACTIVE",
    "ERROR-WARNING",
    "ERROR-PASSIVE",
    "BUS-OFF",
    "STOPPED",
    "SLEEPING",
];

/// The `n`th native-endian u32 of a C structure.
fn word(bytes: &[u8], n: usize) -> u32 {
    bytes
        .get(n * 4..n * 4 + 4)
        .map_or(0, |b| u32::from_ne_bytes(b.try_into().expect("4 bytes")))
}

fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|b| u32::from_ne_bytes(b.try_into().expect("4 bytes")))
}

/// ip's `print_ctrlmode`: `<FLAG,...> ` or a JSON array under `key`.
fn ctrlmode(p: &mut Printer, kind: Kind, mut flags: u32, key: &str) {
    if flags == 0 {
        return;
    }
    let opening = if p.is_json() { key } else { "<" };
    p.open_array(kind, opening, opening);
    for (bit, name) in CTRLMODES {
        if flags & bit != 0 {
            flags &= !bit;
            p.string(kind, None, if flags != 0 { "{}," } else { "{}" }, name);
        }
    }
    if flags != 0 {
        p.hex(kind, None, "{}", flags as u64);
    }
    p.close_array(kind, "> ");
}

/// ip's `can_print_nl_indent`: a record line break and a tab.
fn nl_indent(p: &mut Printer) {
    p.nl();
    p.text("\t ");
}

/// ` NAME MIN..MAX` in text, `"key": {"min", "max"}` in JSON.
fn min_max(p: &mut Printer, key: &str, text: &str, min: u32, max: u32) {
    p.text(text);
    p.open_object(Some(key));
    p.int(Kind::Any, Some("min"), " {}", min as i32);
    p.int(Kind::Any, Some("max"), "..{}", max as i32);
    p.close_object();
}

/// struct can_bittiming, with `d` before every text name for data timing.
fn bittiming(p: &mut Printer, key: &str, prefix: &str, bt: &[u8]) {
    p.open_object(Some(key));
    nl_indent(p);
    uint(p, "bitrate", &format!(" {prefix}bitrate {{}}"), word(bt, 0));
    let sample_point = format!("{:.3}", word(bt, 1) as f64 / 1000.0);
    // snprintf into char[6]: at most five characters.
    let sample_point: String = sample_point.chars().take(5).collect();
    p.string(
        Kind::Any,
        Some("sample_point"),
        &format!(" {prefix}sample-point {{}}"),
        sample_point,
    );
    nl_indent(p);
    for (n, name, key) in [
        (2, "tq", "tq"),
        (3, "prop-seg", "prop_seg"),
        (4, "phase-seg1", "phase_seg1"),
        (5, "phase-seg2", "phase_seg2"),
        (6, "sjw", "sjw"),
        (7, "brp", "brp"),
    ] {
        uint(p, key, &format!(" {prefix}{name} {{}}"), word(bt, n));
    }
}

/// struct can_bittiming_const.
fn bittiming_const(p: &mut Printer, key: &str, prefix: &str, btc: &[u8]) {
    p.open_object(Some(key));
    nl_indent(p);
    let name = cstr(btc.get(..16).unwrap_or(btc));
    p.string(Kind::Any, Some("name"), " {}:", name);
    let at = |n: usize| word(btc.get(16..).unwrap_or(&[]), n);
    min_max(p, "tseg1", &format!(" {prefix}tseg1"), at(0), at(1));
    min_max(p, "tseg2", &format!(" {prefix}tseg2"), at(2), at(3));
    min_max(p, "sjw", &format!(" {prefix}sjw"), 1, at(4));
    min_max(p, "brp", &format!(" {prefix}brp"), at(5), at(6));
    uint(p, "brp_inc", &format!(" {prefix}brp_inc {{}}"), at(7));
}

/// A fixed bitrate list, six to a line in text.
fn bitrate_const(p: &mut Printer, key: &str, rates: &[u8]) {
    let rates: Vec<u32> = words(rates).collect();
    let opening = if p.is_json() { key } else { "    [" };
    p.open_array(Kind::Any, opening, opening);
    for (i, rate) in rates.iter().enumerate() {
        if i % 6 == 0 && i != 0 {
            nl_indent(p);
            p.text("     ");
        }
        if p.is_json() {
            p.int(Kind::Json, None, "", *rate);
        } else {
            let comma = if i + 1 < rates.len() { ", " } else { "" };
            p.text(format!("{rate:8}{comma}"));
        }
    }
    p.close_array(Kind::Any, " ]");
}

fn tdc(p: &mut Printer, nest: &[u8]) {
    let tb = Attrs::parse(nest, IFLA_CAN_TDC_MAX);
    if !(tb.has(IFLA_CAN_TDC_TDCV) || tb.has(IFLA_CAN_TDC_TDCO) || tb.has(IFLA_CAN_TDC_TDCF)) {
        return;
    }
    p.open_object(Some("tdc"));
    nl_indent(p);
    for (attr, key) in [
        (IFLA_CAN_TDC_TDCV, "tdcv"),
        (IFLA_CAN_TDC_TDCO, "tdco"),
        (IFLA_CAN_TDC_TDCF, "tdcf"),
    ] {
        if let Some(value) = tb.u32(attr) {
            uint(p, key, &format!(" {key} {{}}"), value);
        }
    }
    p.close_object();
}

fn tdc_const(p: &mut Printer, nest: &[u8]) {
    let tb = Attrs::parse(nest, IFLA_CAN_TDC_MAX);
    p.open_object(Some("tdc"));
    nl_indent(p);
    for (min, max, key) in [
        (IFLA_CAN_TDC_TDCV_MIN, IFLA_CAN_TDC_TDCV_MAX, "tdcv"),
        (IFLA_CAN_TDC_TDCO_MIN, IFLA_CAN_TDC_TDCO_MAX, "tdco"),
        (IFLA_CAN_TDC_TDCF_MIN, IFLA_CAN_TDC_TDCF_MAX, "tdcf"),
    ] {
        if let (Some(min), Some(max)) = (tb.u32(min), tb.u32(max)) {
            min_max(p, key, &format!(" {key}"), min, max);
        }
    }
    p.close_object();
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_CAN_MAX);
    if let Some(cm) = tb.get(IFLA_CAN_CTRLMODE) {
        let flags = word(cm, 1);
        ctrlmode(p, Kind::Any, flags, "ctrlmode");
        if let Some(ext) = tb.nested(IFLA_CAN_CTRLMODE_EXT, IFLA_CAN_CTRLMODE_MAX) {
            if let Some(supported) = ext.u32(IFLA_CAN_CTRLMODE_SUPPORTED) {
                ctrlmode(p, Kind::Json, supported, "ctrlmode_supported");
                ctrlmode(p, Kind::Json, flags & !supported, "ctrlmode_static");
            }
        }
    }
    if let Some(state) = tb.u32(IFLA_CAN_STATE) {
        let name = STATES.get(state as usize).copied().unwrap_or("UNKNOWN");
        p.string(Kind::Any, Some("state"), "state {} ", name);
    }
    if let Some(counter) = tb.get(IFLA_CAN_BERR_COUNTER) {
        let half = |at: usize| {
            counter
                .get(at..at + 2)
                .map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]))
        };
        p.open_object(Some("berr_counter"));
        uint(p, "tx", "(berr-counter tx {}", half(0));
        uint(p, "rx", " rx {}) ", half(2));
        p.close_object();
    }
    if let Some(ms) = tb.u32(IFLA_CAN_RESTART_MS) {
        uint(p, "restart_ms", "restart-ms {} ", ms);
    }
    let fixed = tb.has(IFLA_CAN_BITRATE_CONST);
    if let Some(bt) = tb.get(IFLA_CAN_BITTIMING).filter(|_| !fixed) {
        bittiming(p, "bittiming", "", bt);
        p.close_object();
    }
    if let Some(btc) = tb.get(IFLA_CAN_BITTIMING_CONST).filter(|_| !fixed) {
        bittiming_const(p, "bittiming_const", "", btc);
        p.close_object();
    }
    if let Some(rates) = tb.get(IFLA_CAN_BITRATE_CONST) {
        let bitrate = tb.get(IFLA_CAN_BITTIMING).map_or(0, |bt| word(bt, 0));
        nl_indent(p);
        uint(p, "bittiming_bitrate", " bitrate {}", bitrate);
        nl_indent(p);
        bitrate_const(p, "bitrate_const", rates);
    }
    let data_fixed = tb.has(IFLA_CAN_DATA_BITRATE_CONST);
    if let Some(dbt) = tb.get(IFLA_CAN_DATA_BITTIMING).filter(|_| !data_fixed) {
        bittiming(p, "data_bittiming", "d", dbt);
        if let Some(nest) = tb.get(IFLA_CAN_TDC) {
            tdc(p, nest);
        }
        p.close_object();
    }
    if let Some(dbtc) = tb
        .get(IFLA_CAN_DATA_BITTIMING_CONST)
        .filter(|_| !data_fixed)
    {
        bittiming_const(p, "data_bittiming_const", "d", dbtc);
        if let Some(nest) = tb.get(IFLA_CAN_TDC) {
            tdc_const(p, nest);
        }
        p.close_object();
    }
    if let Some(rates) = tb.get(IFLA_CAN_DATA_BITRATE_CONST) {
        let bitrate = tb.get(IFLA_CAN_DATA_BITTIMING).map_or(0, |bt| word(bt, 0));
        nl_indent(p);
        uint(p, "data_bittiming_bitrate", " dbitrate {}", bitrate);
        nl_indent(p);
        bitrate_const(p, "data_bitrate_const", rates);
    }
    if let (Some(choices), Some(termination)) = (
        tb.get(IFLA_CAN_TERMINATION_CONST),
        tb.u16(IFLA_CAN_TERMINATION),
    ) {
        let choices: Vec<u16> = choices
            .chunks_exact(2)
            .map(|b| u16::from_ne_bytes([b[0], b[1]]))
            .collect();
        nl_indent(p);
        uint(p, "termination", " termination {} [ ", termination);
        p.open_array(Kind::Json, "termination_const", "");
        for (i, choice) in choices.iter().enumerate() {
            let format = if i + 1 < choices.len() { "{}, " } else { "{}" };
            p.int(Kind::Any, None, format, *choice);
        }
        p.close_array(Kind::Any, " ]");
    }
    if let Some(clock) = tb.u32(IFLA_CAN_CLOCK) {
        nl_indent(p);
        uint(p, "clock", " clock {} ", clock);
    }
}

/// `-s -d`: struct can_device_stats, when the payload is exactly one.
pub(crate) fn print_xstats(p: &mut Printer, xstats: &[u8], _style: &LinkStyle) {
    if xstats.len() != 24 {
        return;
    }
    nl_indent(p);
    p.text(" re-started bus-errors arbit-lost error-warn error-pass bus-off");
    nl_indent(p);
    // struct order: bus_error, error_warning, error_passive, bus_off,
    // arbitration_lost, restarts; ip prints restarts first.
    for (n, key) in [
        (5, "restarts"),
        (0, "bus_error"),
        (4, "arbitration_lost"),
        (1, "error_warning"),
        (2, "error_passive"),
        (3, "bus_off"),
    ] {
        let value = word(xstats, n);
        if p.is_json() {
            p.int(Kind::Json, Some(key), "", value);
        } else {
            p.text(format!(" {value:<10}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text, xstats_text};

    fn u32s(values: &[u32]) -> Vec<u8> {
        values.iter().flat_map(|v| v.to_ne_bytes()).collect()
    }

    #[test]
    fn classic_controller() {
        let mut btc = b"sja1000\0\0\0\0\0\0\0\0\0".to_vec();
        btc.extend(u32s(&[1, 16, 1, 8, 4, 1, 64, 1]));
        let data = attrs(&[
            (IFLA_CAN_CTRLMODE, &u32s(&[0xffff, 0x1011])),
            (IFLA_CAN_STATE, &0u32.to_ne_bytes()),
            (IFLA_CAN_BERR_COUNTER, &[1, 0, 2, 0]),
            (IFLA_CAN_RESTART_MS, &100u32.to_ne_bytes()),
            (
                IFLA_CAN_BITTIMING,
                &u32s(&[500000, 875, 125, 6, 7, 2, 1, 1]),
            ),
            (IFLA_CAN_BITTIMING_CONST, &btc),
            (IFLA_CAN_TERMINATION, &120u16.to_ne_bytes()),
            (IFLA_CAN_TERMINATION_CONST, &[0, 0, 120, 0]),
            (IFLA_CAN_CLOCK, &8000000u32.to_ne_bytes()),
        ]);
        assert_eq!(
            text("can", print, &data),
            "<LOOPBACK,BERR-REPORTING,1000> state ERROR-ACTIVE (berr-counter tx 1 rx 2) \
             restart-ms 100 \n\t  bitrate 500000 sample-point 0.875\n\t  tq 125 prop-seg 6 \
             phase-seg1 7 phase-seg2 2 sjw 1 brp 1\n\t  sja1000: tseg1 1..16 tseg2 1..8 \
             sjw 1..4 brp 1..64 brp_inc 1\n\t  termination 120 [ 0, 120 ]\n\t  clock 8000000 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"ctrlmode\":[\"LOOPBACK\",\"BERR-REPORTING\",\"1000\"],\
             \"state\":\"ERROR-ACTIVE\",\"berr_counter\":{\"tx\":1,\"rx\":2},\
             \"restart_ms\":100,\"bittiming\":{\"bitrate\":500000,\"sample_point\":\"0.875\",\
             \"tq\":125,\"prop_seg\":6,\"phase_seg1\":7,\"phase_seg2\":2,\"sjw\":1,\"brp\":1},\
             \"bittiming_const\":{\"name\":\"sja1000\",\"tseg1\":{\"min\":1,\"max\":16},\
             \"tseg2\":{\"min\":1,\"max\":8},\"sjw\":{\"min\":1,\"max\":4},\
             \"brp\":{\"min\":1,\"max\":64},\"brp_inc\":1},\"termination\":120,\
             \"termination_const\":[0,120],\"clock\":8000000}}]\n"
        );
    }

    #[test]
    fn fixed_bitrates_wrap_after_six() {
        let rates: Vec<u32> = (1..=7).map(|n| n * 10000).collect();
        let data = attrs(&[
            (IFLA_CAN_BITTIMING, &u32s(&[20000, 0, 0, 0, 0, 0, 0, 0])),
            (IFLA_CAN_BITRATE_CONST, &u32s(&rates)),
        ]);
        assert_eq!(
            text("can", print, &data),
            concat!(
                "\n\t  bitrate 20000\n\t     [   10000,    20000,    30000,    40000,",
                "    50000,    60000, \n\t         70000 ]"
            )
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"bittiming_bitrate\":20000,\"bitrate_const\":[10000,20000,\
             30000,40000,50000,60000,70000]}}]\n"
        );
    }

    #[test]
    fn xstats() {
        let stats = u32s(&[1, 2, 3, 4, 5, 6]);
        assert_eq!(
            xstats_text("can", print_xstats, &stats),
            "\n\t  re-started bus-errors arbit-lost error-warn error-pass bus-off\n\t  \
             6          1          5          2          3          4         "
        );
        assert_eq!(
            render(print_xstats, &stats, true),
            "[{\"info_data\":{\"restarts\":6,\"bus_error\":1,\"arbitration_lost\":5,\
             \"error_warning\":2,\"error_passive\":3,\"bus_off\":4}}]\n"
        );
        assert_eq!(xstats_text("can", print_xstats, &stats[..20]), "");
    }
}
