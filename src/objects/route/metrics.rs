//! The RTAX_* words of `ip route add` (iproute.c `iproute_modify`): each
//! value goes into RTA_METRICS in the order of the words, `lock` before a
//! value sets its bit in RTAX_LOCK, which ip appends last. The values are
//! netlink-packet-route's `RouteMetric`s.

use crate::error::{Error, Result};
use crate::grammar::{get_unsigned, matches, next_arg};
use netlink_packet_core::DefaultNla;
use netlink_packet_route::route::RouteMetric;

pub const RTAX_LOCK: u16 = 1;
const RTAX_MTU: u16 = 2;
const RTAX_WINDOW: u16 = 3;
const RTAX_RTT: u16 = 4;
const RTAX_RTTVAR: u16 = 5;
const RTAX_SSTHRESH: u16 = 6;
const RTAX_CWND: u16 = 7;
const RTAX_ADVMSS: u16 = 8;
const RTAX_REORDERING: u16 = 9;
const RTAX_HOPLIMIT: u16 = 10;
const RTAX_INITCWND: u16 = 11;
const RTAX_FEATURES: u16 = 12;
const RTAX_RTO_MIN: u16 = 13;
const RTAX_INITRWND: u16 = 14;
const RTAX_QUICKACK: u16 = 15;
const RTAX_CC_ALGO: u16 = 16;
const RTAX_FASTOPEN_NO_COOKIE: u16 = 17;
const RTAX_FEATURE_ECN: u32 = 1;

/// The metrics given so far, in the order of the words.
#[derive(Debug, Default)]
pub struct Metrics {
    metrics: Vec<RouteMetric>,
    lock: u32,
}

/// How a metric's value is read.
#[derive(Clone, Copy)]
enum Value {
    /// `get_unsigned`.
    Unsigned,
    /// `get_unsigned`, at most 255.
    Byte,
    /// `get_unsigned`, 0 or 1.
    Flag,
    /// `get_time_rtt`; raw numbers as given, others times the factor.
    Time(u32),
    /// `get_time_rtt`, always locked, never scaled.
    RtoMin,
    /// The congestion control name, without its NUL.
    Name,
    /// `ecn`.
    Features,
}

/// One metric keyword: how ip matches it, its RTAX number, how its value is
/// read, whether `lock` may precede it, and the name in its error text.
struct Keyword {
    word: &'static str,
    prefix: bool,
    kind: u16,
    value: Value,
    lockable: bool,
    error_name: &'static str,
}

const fn kw(
    word: &'static str,
    prefix: bool,
    kind: u16,
    value: Value,
    error_name: &'static str,
) -> Keyword {
    Keyword {
        word,
        prefix,
        kind,
        value,
        lockable: !matches!(value, Value::RtoMin | Value::Flag | Value::Features),
        error_name,
    }
}

/// The metric words in ip's test order (between `scope` and `realms`;
/// `fastopen_no_cookie`, tested last by ip, shares no prefix with the words
/// in between).
const KEYWORDS: &[Keyword] = &[
    kw("mtu", false, RTAX_MTU, Value::Unsigned, "mtu"),
    kw("hoplimit", false, RTAX_HOPLIMIT, Value::Byte, "hoplimit"),
    kw("advmss", false, RTAX_ADVMSS, Value::Unsigned, "mss"),
    kw(
        "reordering",
        true,
        RTAX_REORDERING,
        Value::Unsigned,
        "reordering",
    ),
    kw("rtt", false, RTAX_RTT, Value::Time(8), "rtt"),
    kw("rto_min", false, RTAX_RTO_MIN, Value::RtoMin, "rto_min"),
    kw("window", true, RTAX_WINDOW, Value::Unsigned, "window"),
    kw("cwnd", true, RTAX_CWND, Value::Unsigned, "cwnd"),
    kw("initcwnd", true, RTAX_INITCWND, Value::Unsigned, "initcwnd"),
    kw("initrwnd", true, RTAX_INITRWND, Value::Unsigned, "initrwnd"),
    kw("features", true, RTAX_FEATURES, Value::Features, "features"),
    kw("quickack", true, RTAX_QUICKACK, Value::Flag, "quickack"),
    kw("congctl", true, RTAX_CC_ALGO, Value::Name, "congctl"),
    kw("rttvar", true, RTAX_RTTVAR, Value::Time(4), "rttvar"),
    kw("ssthresh", true, RTAX_SSTHRESH, Value::Unsigned, "ssthresh"),
    kw(
        "fastopen_no_cookie",
        true,
        RTAX_FASTOPEN_NO_COOKIE,
        Value::Flag,
        "fastopen_no_cookie",
    ),
];

/// The word of an RTAX_* number, as `route add` takes it.
pub fn metric_name(kind: u16) -> &'static str {
    if kind == RTAX_LOCK {
        return "lock";
    }
    KEYWORDS
        .iter()
        .find(|keyword| keyword.kind == kind)
        .map_or("metric", |keyword| keyword.word)
}

/// The metric of `kind` in an RTA_METRICS payload as text: the congestion
/// control name (the kernel adds a NUL, ip sends none), else the number;
/// `None` when it is absent or 0 (the kernel leaves zeros out of dumps).
pub fn metric_text(payload: &[u8], kind: u16) -> Option<String> {
    let (_, value) = crate::kernel::attrs::iter(payload).find(|(found, _)| *found == kind)?;
    if kind == RTAX_CC_ALGO {
        let name = value.split(|b| *b == 0).next().unwrap_or(&[]);
        return (!name.is_empty()).then(|| String::from_utf8_lossy(name).into_owned());
    }
    let number = u32::from_ne_bytes(value.get(..4)?.try_into().ok()?);
    (number != 0).then(|| number.to_string())
}

/// The RTAX_* kinds an RTA_METRICS payload holds.
pub fn metric_kinds(payload: &[u8]) -> impl Iterator<Item = u16> + '_ {
    crate::kernel::attrs::iter(payload).map(|(kind, _)| kind)
}

fn invalid(arg: &str, reason: String) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason,
    }
}

impl Metrics {
    /// Takes `word` (and its value from `words`) when it is a metric
    /// keyword; `Ok(false)` otherwise.
    pub fn parse(&mut self, word: &str, words: &mut std::slice::Iter<'_, String>) -> Result<bool> {
        let Some(keyword) = KEYWORDS.iter().find(|k| {
            if k.prefix {
                matches(word, k.word)
            } else {
                word == k.word
            }
        }) else {
            return Ok(false);
        };
        let name = keyword.error_name;
        let mut value = next_arg(words)?;
        if keyword.lockable && value == "lock" {
            self.lock |= 1 << keyword.kind;
            value = next_arg(words)?;
        }
        let bad = || invalid(value, format!("\"{name}\" value is invalid\n"));
        let number = match keyword.value {
            Value::Unsigned => get_unsigned(value).ok_or_else(bad)?,
            Value::Byte => get_unsigned(value).filter(|v| *v <= 255).ok_or_else(bad)?,
            Value::Flag => {
                let flag = get_unsigned(value).ok_or_else(bad)?;
                if flag > 1 {
                    return Err(invalid(
                        value,
                        format!("\"{name}\" value should be 0 or 1\n"),
                    ));
                }
                flag
            }
            Value::Time(factor) => {
                let (time, raw) = get_time_rtt(value).ok_or_else(bad)?;
                if raw {
                    time
                } else {
                    time.wrapping_mul(factor)
                }
            }
            Value::RtoMin => {
                self.lock |= 1 << keyword.kind;
                get_time_rtt(value).ok_or_else(bad)?.0
            }
            Value::Name => {
                // RouteMetric::CcAlgo ends the name with a NUL; ip sends
                // none, so the name stays raw.
                self.metrics.push(RouteMetric::Other(DefaultNla::new(
                    keyword.kind,
                    value.as_bytes().to_vec(),
                )));
                return Ok(true);
            }
            Value::Features => {
                if value != "ecn" {
                    return Err(invalid(value, "\"features\" value not valid\n".into()));
                }
                RTAX_FEATURE_ECN
            }
        };
        self.metrics.push(metric(keyword.kind, number));
        Ok(true)
    }

    /// RTA_METRICS's metrics, RTAX_LOCK last, or `None` when no metric
    /// was given.
    pub fn finish(mut self) -> Option<Vec<RouteMetric>> {
        if self.metrics.is_empty() {
            return None;
        }
        if self.lock != 0 {
            self.metrics.push(RouteMetric::Lock(self.lock));
        }
        Some(self.metrics)
    }
}

/// The `RouteMetric` of RTAX_* `kind` with a number (every metric but the
/// congestion control name).
fn metric(kind: u16, value: u32) -> RouteMetric {
    match kind {
        RTAX_MTU => RouteMetric::Mtu(value),
        RTAX_WINDOW => RouteMetric::Window(value),
        RTAX_RTT => RouteMetric::Rtt(value),
        RTAX_RTTVAR => RouteMetric::RttVar(value),
        RTAX_SSTHRESH => RouteMetric::SsThresh(value),
        RTAX_CWND => RouteMetric::Cwnd(value),
        RTAX_ADVMSS => RouteMetric::Advmss(value),
        RTAX_REORDERING => RouteMetric::Reordering(value),
        RTAX_HOPLIMIT => RouteMetric::Hoplimit(value),
        RTAX_INITCWND => RouteMetric::InitCwnd(value),
        RTAX_FEATURES => RouteMetric::Features(value),
        RTAX_RTO_MIN => RouteMetric::RtoMin(value),
        RTAX_INITRWND => RouteMetric::InitRwnd(value),
        RTAX_QUICKACK => RouteMetric::QuickAck(value),
        RTAX_FASTOPEN_NO_COOKIE => RouteMetric::FastopenNoCookie(value),
        // No keyword has another number.
        _ => RouteMetric::Other(DefaultNla::new(kind, value.to_ne_bytes().to_vec())),
    }
}

/// lib/utils.c `get_time_rtt`: milliseconds, rounded up, and whether the
/// number was raw (no unit: kernel units as given).
pub fn get_time_rtt(word: &str) -> Option<(u32, bool)> {
    let (time, rest) = if word.contains('.') {
        let (time, used) = strtod_prefix(word)?;
        if time < 0.0 || time.is_infinite() {
            return None;
        }
        (time, &word[used..])
    } else {
        let (value, used) = crate::grammar::inet::strtoul_prefix(word.as_bytes())?;
        // strtoul's ERANGE; "-1" is ULONG_MAX too, but without ERANGE.
        if value == u64::MAX && crate::model::rt_names::strtoul(&word[..used], 0).is_none() {
            return None;
        }
        (value as f64, &word[used..])
    };
    let raw = rest.is_empty();
    let time = if raw {
        time
    } else if ["s", "sec", "secs"]
        .iter()
        .any(|unit| rest.eq_ignore_ascii_case(unit))
    {
        time * 1000.0
    } else if ["ms", "msec", "msecs"]
        .iter()
        .any(|unit| rest.eq_ignore_ascii_case(unit))
    {
        time
    } else {
        return None;
    };
    // ip's conversion to unsigned int, as x86-64 code does it: through a
    // 64-bit integer (0x8000000000000000 when out of range), keeping the
    // low 32 bits; then its rounding up, which compares with the double.
    let wide = if time < 9_223_372_036_854_775_808.0 {
        time as i64
    } else {
        i64::MIN
    };
    let mut value = wide as u32;
    if f64::from(value) < time {
        value = value.wrapping_add(1);
    }
    Some((value, raw))
}

/// C's `strtod` over decimal numbers: the value and how many bytes it used.
fn strtod_prefix(word: &str) -> Option<(f64, usize)> {
    let bytes = word.as_bytes();
    let mut at = 0;
    while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        at += 1;
    }
    let start = at;
    if matches!(bytes.get(at), Some(b'+' | b'-')) {
        at += 1;
    }
    let digits_start = at;
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    let mut digits = at - digits_start;
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        let fraction_start = at;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        digits += at - fraction_start;
    }
    if digits == 0 {
        return None;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        let mut exponent = at + 1;
        if matches!(bytes.get(exponent), Some(b'+' | b'-')) {
            exponent += 1;
        }
        if bytes.get(exponent).is_some_and(u8::is_ascii_digit) {
            while bytes.get(exponent).is_some_and(u8::is_ascii_digit) {
                exponent += 1;
            }
            at = exponent;
        }
    }
    let value: f64 = word[start..at].parse().ok()?;
    Some((value, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_follow_get_time_rtt() {
        assert_eq!(get_time_rtt("50"), Some((50, true)));
        assert_eq!(get_time_rtt("50ms"), Some((50, false)));
        assert_eq!(get_time_rtt("1.5ms"), Some((2, false)));
        assert_eq!(get_time_rtt("1.5S"), Some((1500, false)));
        assert_eq!(get_time_rtt("0x10"), Some((16, true)));
        assert_eq!(get_time_rtt(".5secs"), Some((500, false)));
        assert_eq!(get_time_rtt("2.msec"), Some((2, false)));
        assert_eq!(get_time_rtt("1e3.0"), None);
        assert_eq!(get_time_rtt("5m"), None);
        assert_eq!(get_time_rtt("x"), None);
        // Beyond 32 bits: ip keeps the low bits, then still rounds up.
        assert_eq!(get_time_rtt("99999999999"), Some((0x4876_e800, true)));
        assert_eq!(get_time_rtt("-1.0"), None);
        assert_eq!(get_time_rtt("-1"), Some((1, true)));
        assert_eq!(get_time_rtt("18446744073709551616"), None);
        assert_eq!(get_time_rtt(""), None);
    }

    /// RTA_METRICS's payload for the words.
    fn parse_all(line: &str) -> Result<Option<Vec<u8>>> {
        use netlink_packet_core::Emitable;
        let words: Vec<String> = line.split(' ').map(String::from).collect();
        let mut metrics = Metrics::default();
        let mut iter = words.iter();
        while let Some(word) = iter.next() {
            assert!(metrics.parse(word, &mut iter)?, "{word}");
        }
        Ok(metrics.finish().map(|metrics| {
            let mut payload = vec![0; metrics.as_slice().buffer_len()];
            metrics.as_slice().emit(&mut payload);
            payload
        }))
    }

    #[test]
    fn lock_comes_last() {
        let bytes = parse_all("mtu lock 1400 rto_min 5").unwrap().unwrap();
        assert_eq!(
            bytes,
            [8, 0, 2, 0, 0x78, 5, 0, 0, 8, 0, 13, 0, 5, 0, 0, 0, 8, 0, 1, 0, 4, 0x20, 0, 0]
        );
        assert!(matches!(
            parse_all("quickack 2"),
            Err(Error::InvalidArgument { reason, .. }) if reason == "\"quickack\" value should be 0 or 1\n"
        ));
        assert!(matches!(
            parse_all("advmss x"),
            Err(Error::InvalidArgument { reason, .. }) if reason == "\"mss\" value is invalid\n"
        ));
        assert!(matches!(
            parse_all("hoplimit"),
            Err(Error::IncompleteCommand)
        ));
    }
}
