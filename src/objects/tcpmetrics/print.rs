//! One TCP metrics entry in ip's layout (ip/tcp_metrics.c `process_msg`):
//! `DST [age S.MMMsec] [tw_ts V/S ago] [METRIC N]... [rtt Nus] [rttvar Nus]
//! [fo_mss N] [fo_syn_drops N/S.MMMusec ago] [fo_cookie HEX] [source SRC]`.
//! Text and JSON come from the same calls; JSON numbers of seconds are
//! printed with `%g`, as ip's `print_float` does.

use crate::kernel::attrs::Attrs;
use crate::output::format_g;
use crate::output::{Color, Kind, Printer};

pub const TCP_METRICS_ATTR_ADDR_IPV4: u16 = 1;
pub const TCP_METRICS_ATTR_ADDR_IPV6: u16 = 2;
const TCP_METRICS_ATTR_AGE: u16 = 3;
const TCP_METRICS_ATTR_TW_TSVAL: u16 = 4;
const TCP_METRICS_ATTR_TW_TS_STAMP: u16 = 5;
const TCP_METRICS_ATTR_VALS: u16 = 6;
const TCP_METRICS_ATTR_FOPEN_MSS: u16 = 7;
const TCP_METRICS_ATTR_FOPEN_SYN_DROPS: u16 = 8;
const TCP_METRICS_ATTR_FOPEN_SYN_DROP_TS: u16 = 9;
const TCP_METRICS_ATTR_FOPEN_COOKIE: u16 = 10;
pub const TCP_METRICS_ATTR_SADDR_IPV4: u16 = 11;
pub const TCP_METRICS_ATTR_SADDR_IPV6: u16 = 12;
pub const TCP_METRICS_ATTR_MAX: u16 = 13;

const TCP_METRIC_RTT: usize = 0;
const TCP_METRIC_RTTVAR: usize = 1;
const TCP_METRIC_RTT_US: usize = 5;
const TCP_METRIC_RTTVAR_US: usize = 6;
/// TCP_METRIC_MAX + 1: the metrics ip looks at.
const METRICS: usize = 7;
/// Names by metric number (the RTT ones are printed apart, in µs).
const METRIC_NAMES: [&str; METRICS] = [
    "rtt",
    "rttvar",
    "ssthresh",
    "cwnd",
    "reordering",
    "rtt_us",
    "rttvar_us",
];

/// The entry's addresses as text (numeric or resolved), worked out by the
/// caller, and whether they are IPv6.
pub struct Hosts<'h> {
    pub ipv6: bool,
    pub dst: &'h str,
    pub src: Option<&'h str>,
}

/// ip's `print_float`: `%g` in JSON, `text` (already formatted) otherwise.
fn float(p: &mut Printer, key: &str, value: f64, text: String) {
    if p.is_json() {
        p.number(Kind::Json, Some(key), "", &format_g(value));
    } else {
        p.text(text);
    }
}

/// ip's `print_tcp_metrics`: the nested metric values (types are the
/// metric number + 1); RTTs are shown once, in microseconds.
fn print_metrics(p: &mut Printer, vals: &Attrs<'_>) {
    let (mut rtt, mut rttvar) = (0u64, 0u64);
    for (metric, name) in METRIC_NAMES.iter().enumerate() {
        let Some(value) = vals.u32(metric as u16 + 1) else {
            continue;
        };
        match metric {
            TCP_METRIC_RTT => {
                if rtt == 0 {
                    rtt = (u64::from(value) * 1000) >> 3;
                }
            }
            TCP_METRIC_RTTVAR => {
                if rttvar == 0 {
                    rttvar = (u64::from(value) * 1000) >> 2;
                }
            }
            TCP_METRIC_RTT_US => rtt = u64::from(value >> 3),
            TCP_METRIC_RTTVAR_US => rttvar = u64::from(value >> 2),
            _ => {
                p.int(Kind::Json, Some(name), "", value);
                p.text(format!(" {name} {value}"));
            }
        }
    }
    if rtt != 0 {
        float(p, "rtt", rtt as f64 / 1e6, format!(" rtt {rtt}us"));
    }
    if rttvar != 0 {
        float(
            p,
            "rttvar",
            rttvar as f64 / 1e6,
            format!(" rttvar {rttvar}us"),
        );
    }
}

/// Prints one entry; `deleted` for `delete`/`flush` with `-s -s`.
pub fn print_entry(p: &mut Printer, attrs: &Attrs<'_>, hosts: &Hosts<'_>, deleted: bool) {
    p.open_object(None);
    if deleted {
        p.boolean(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    let color = if hosts.ipv6 {
        Color::Inet6
    } else {
        Color::Inet
    };
    p.color_string(Kind::Any, Some(color), Some("dst"), "{}", hosts.dst);
    if let Some(age) = attrs.u64(TCP_METRICS_ATTR_AGE) {
        let age = age as f64 / 1000.0;
        float(p, "age", age, format!(" age {age:.3}sec"));
    }
    if let Some(stamp) = attrs.i32(TCP_METRICS_ATTR_TW_TS_STAMP) {
        let tsval = attrs.u32(TCP_METRICS_ATTR_TW_TSVAL).unwrap_or(0);
        p.string(
            Kind::Any,
            Some("tw_ts_stamp"),
            " tw_ts {} ago",
            format!("{tsval}/{stamp}"),
        );
    }
    if let Some(vals) = attrs.nested(TCP_METRICS_ATTR_VALS, METRICS as u16 + 1) {
        print_metrics(p, &vals);
    }
    if let Some(mss) = attrs.u16(TCP_METRICS_ATTR_FOPEN_MSS) {
        p.int(Kind::Any, Some("fopen_miss"), " fo_mss {}", mss);
    }
    if let Some(drops) = attrs.u16(TCP_METRICS_ATTR_FOPEN_SYN_DROPS) {
        let ts = attrs.u64(TCP_METRICS_ATTR_FOPEN_SYN_DROP_TS).unwrap_or(0) as f64 / 1e6;
        p.int(
            Kind::Any,
            Some("fopen_syn_drops"),
            " fo_syn_drops {}",
            drops,
        );
        float(p, "fopen_syn_drop_ts", ts, format!("/{ts:.3}usec ago"));
    }
    if let Some(cookie) = attrs.get(TCP_METRICS_ATTR_FOPEN_COOKIE) {
        let hex: String = cookie.iter().take(16).map(|b| format!("{b:02x}")).collect();
        p.string(Kind::Any, Some("fo_cookie"), " fo_cookie {}", hex);
    }
    if let Some(src) = hosts.src {
        p.string(Kind::Any, Some("source"), " source {}", src);
    }
    p.text("\n");
    p.close_object();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;
    use crate::kernel::attrs::Request;

    fn entry() -> Vec<u8> {
        let mut bytes = Request::new(0x1b, 0)
            .attr(TCP_METRICS_ATTR_ADDR_IPV4, &[192, 0, 2, 1])
            .attr(TCP_METRICS_ATTR_AGE, &36u64.to_ne_bytes())
            .begin_nest(TCP_METRICS_ATTR_VALS)
            .attr_u32(1, 0)
            .attr_u32(4, 18)
            .attr_u32(6, 128)
            .attr_u32(7, 64)
            .end_nest()
            .attr(TCP_METRICS_ATTR_SADDR_IPV4, &[192, 0, 2, 2])
            .finish(0);
        bytes.drain(..16);
        bytes
    }

    fn printed(options: &Options) -> String {
        let payload = entry();
        let attrs = Attrs::parse(&payload, TCP_METRICS_ATTR_MAX);
        let hosts = Hosts {
            ipv6: false,
            dst: "192.0.2.1",
            src: Some("192.0.2.2"),
        };
        let (mut p, buffer) = Printer::capture(options);
        p.begin_list();
        print_entry(&mut p, &attrs, &hosts, false);
        p.end_list();
        p.flush();
        let text = String::from_utf8(buffer.lock().unwrap().clone()).unwrap();
        text
    }

    /// As ip 6.1 printed an entry of this kernel's (`ip tcp_metrics`, `-j`).
    #[test]
    fn entries_in_ip_layout() {
        assert_eq!(
            printed(&Options::default()),
            "192.0.2.1 age 0.036sec cwnd 18 rtt 16us rttvar 16us source 192.0.2.2\n"
        );
        let json = Options {
            json: 1,
            ..Options::default()
        };
        assert_eq!(
            printed(&json),
            "[{\"dst\":\"192.0.2.1\",\"age\":0.036,\"cwnd\":18,\"rtt\":1.6e-05,\
             \"rttvar\":1.6e-05,\"source\":\"192.0.2.2\"}]\n"
        );
    }
}
