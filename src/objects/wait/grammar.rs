//! The words of `rnet wait`: what to wait for and for how long.
//!
//! `rnet wait KIND TARGET [ CONDITION ] [ selectors ] [ timeout SECONDS ]`:
//! the target first, then keywords and values in any order as in ip,
//! keywords by prefix.

use std::time::Duration;

use crate::error::{Error, Result};
use crate::grammar::inet::{get_prefix, Prefix, AF_INET};
use crate::grammar::{matches, next_arg};
use crate::kernel::namespace::is_valid_name;
use crate::model::rt_names::table_number;
use crate::objects::netns::errors::NetnsError;

/// How long `rnet wait` waits when no `timeout` is given.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest timeout accepted (a day), so deadlines cannot overflow.
const MAX_TIMEOUT_SECS: f64 = 86_400.0;

/// The routing table `wait route` looks in without `table`.
const RT_TABLE_MAIN: u32 = 254;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkWant {
    Exists,
    Up,
    Down,
    Carrier,
    Gone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AddressWant {
    Present,
    /// Present and no longer tentative: IPv6 DAD done.
    Ready,
    Gone,
}

/// For routes and namespaces: there, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Presence {
    Present,
    Gone,
}

/// What is waited for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    Link {
        name: String,
        want: LinkWant,
    },
    Address {
        address: Prefix,
        dev: Option<String>,
        want: AddressWant,
    },
    Route {
        prefix: Prefix,
        /// None: `table all`, any table.
        table: Option<u32>,
        dev: Option<String>,
        want: Presence,
    },
    Netns {
        name: String,
        want: Presence,
    },
}

/// One `rnet wait` command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WaitFor {
    pub target: Target,
    pub timeout: Duration,
}

/// The condition words of each kind, in matching order, and their value.
const LINK_WORDS: &[(&str, LinkWant)] = &[
    ("exists", LinkWant::Exists),
    ("up", LinkWant::Up),
    ("down", LinkWant::Down),
    ("carrier", LinkWant::Carrier),
    ("gone", LinkWant::Gone),
];
const ADDRESS_WORDS: &[(&str, AddressWant)] = &[
    ("present", AddressWant::Present),
    ("ready", AddressWant::Ready),
    ("gone", AddressWant::Gone),
];
const ROUTE_WORDS: &[(&str, Presence)] =
    &[("present", Presence::Present), ("gone", Presence::Gone)];
const NETNS_WORDS: &[(&str, Presence)] = &[("exists", Presence::Present), ("gone", Presence::Gone)];

/// The words every kind shares while they are read.
struct Line<'a, W: Copy + 'static> {
    conditions: &'static [(&'static str, W)],
    condition: Option<W>,
    timeout: Option<Duration>,
    target: Option<&'a String>,
    dev: Option<String>,
    table: Option<Option<u32>>,
}

impl<'a, W: Copy + 'static> Line<'a, W> {
    /// Reads `words`; `selectors` says whether `dev` and `table` are
    /// allowed (`dev` for addresses and routes, `table` for routes).
    fn read(
        words: &'a [String],
        conditions: &'static [(&'static str, W)],
        dev_allowed: bool,
        table_allowed: bool,
    ) -> Result<Self> {
        let mut line = Line {
            conditions,
            condition: None,
            timeout: None,
            target: None,
            dev: None,
            table: None,
        };
        // The target comes first, so any name can be waited for, even one
        // that reads like a keyword (a link called `up` or `t`).
        let mut words = words.iter();
        line.target = words.next();
        while let Some(word) = words.next() {
            if matches(word, "timeout") {
                let value = next_arg(&mut words)?;
                if line.timeout.is_some() {
                    return Err(duplicate("timeout", value));
                }
                line.timeout = Some(parse_timeout(value)?);
            } else if dev_allowed && word == "dev" {
                let value = next_arg(&mut words)?;
                if line.dev.is_some() {
                    return Err(duplicate("dev", value));
                }
                line.dev = Some(value.clone());
            } else if table_allowed && matches(word, "table") {
                let value = next_arg(&mut words)?;
                if line.table.is_some() {
                    return Err(duplicate("table", value));
                }
                line.table = Some(parse_table(value)?);
            } else if let Some(want) = line.condition_word(word) {
                if line.condition.is_some() {
                    return Err(duplicate("condition", word));
                }
                line.condition = Some(want);
            } else {
                return Err(Error::DuplicateOrGarbage {
                    key: "target".to_string(),
                    arg: word.clone(),
                });
            }
        }
        Ok(line)
    }

    fn condition_word(&self, word: &str) -> Option<W> {
        self.conditions
            .iter()
            .find(|(name, _)| matches(word, name))
            .map(|(_, want)| *want)
    }

    fn target(&self) -> Result<&'a String> {
        self.target.ok_or(Error::IncompleteCommand)
    }

    fn timeout(&self) -> Duration {
        self.timeout.unwrap_or(DEFAULT_TIMEOUT)
    }
}

fn duplicate(key: &str, arg: &str) -> Error {
    Error::DuplicateArgument {
        key: key.to_string(),
        arg: arg.to_string(),
    }
}

fn invalid(arg: &str, reason: &str) -> Error {
    Error::InvalidArgument {
        arg: arg.to_string(),
        reason: reason.to_string(),
    }
}

/// Seconds, fractions allowed, 0 to a day.
fn parse_timeout(word: &str) -> Result<Duration> {
    match word.parse::<f64>() {
        Ok(secs) if secs.is_finite() && (0.0..=MAX_TIMEOUT_SECS).contains(&secs) => {
            Ok(Duration::from_secs_f64(secs))
        }
        _ => Err(invalid(word, "invalid timeout")),
    }
}

/// A table name or number, or `all` for any table.
fn parse_table(word: &str) -> Result<Option<u32>> {
    if word == "all" {
        return Ok(None);
    }
    table_number(word)
        .map(Some)
        .ok_or_else(|| invalid(word, "invalid table ID"))
}

/// Parses the words after `rnet wait KIND`. `family` is the `-4`/`-6`
/// choice (AF_UNSPEC: the address says).
pub(crate) fn parse(kind: &str, words: &[String], family: u8) -> Result<WaitFor> {
    let (target, timeout) = match kind {
        "link" => {
            let line = Line::read(words, LINK_WORDS, false, false)?;
            let target = Target::Link {
                name: line.target()?.clone(),
                want: line.condition.unwrap_or(LinkWant::Exists),
            };
            (target, line.timeout())
        }
        "address" => {
            let line = Line::read(words, ADDRESS_WORDS, true, false)?;
            let address = get_prefix(line.target()?, family)?;
            let target = Target::Address {
                address,
                dev: line.dev.clone(),
                want: line.condition.unwrap_or(AddressWant::Present),
            };
            (target, line.timeout())
        }
        "route" => {
            let line = Line::read(words, ROUTE_WORDS, true, true)?;
            let mut prefix = get_prefix(line.target()?, family)?;
            if prefix.family == 0 {
                // `default` without -4/-6: IPv4's, as `ip route` takes it.
                prefix = get_prefix(line.target()?, AF_INET)?;
            }
            let target = Target::Route {
                prefix,
                table: line.table.unwrap_or(Some(RT_TABLE_MAIN)),
                dev: line.dev.clone(),
                want: line.condition.unwrap_or(Presence::Present),
            };
            (target, line.timeout())
        }
        "netns" => {
            let line = Line::read(words, NETNS_WORDS, false, false)?;
            let name = line.target()?;
            if !is_valid_name(name) {
                return Err(Error::from(NetnsError::InvalidName(name.clone())));
            }
            let target = Target::Netns {
                name: name.clone(),
                want: line.condition.unwrap_or(Presence::Present),
            };
            (target, line.timeout())
        }
        other => unreachable!("wait kind {other} is not in crate::objects::wait::COMMANDS"),
    };
    Ok(WaitFor { target, timeout })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::inet::{AF_INET6, AF_UNSPEC};

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    fn wait(kind: &str, line: &str) -> Result<WaitFor> {
        parse(kind, &words(line), AF_UNSPEC)
    }

    #[test]
    fn link_conditions_in_any_order_with_prefixes() {
        let parsed = wait("link", "va timeout 2.5 u").unwrap();
        assert_eq!(
            parsed,
            WaitFor {
                target: Target::Link {
                    name: "va".into(),
                    want: LinkWant::Up
                },
                timeout: Duration::from_millis(2500),
            }
        );
        let parsed = wait("link", "va").unwrap();
        assert_eq!(parsed.timeout, DEFAULT_TIMEOUT);
        assert!(matches!(
            parsed.target,
            Target::Link {
                want: LinkWant::Exists,
                ..
            }
        ));
        for (word, want) in [
            ("carrier", LinkWant::Carrier),
            ("g", LinkWant::Gone),
            ("down", LinkWant::Down),
        ] {
            let Target::Link { want: got, .. } =
                wait("link", &format!("va {word}")).unwrap().target
            else {
                panic!("link");
            };
            assert_eq!(got, want, "{word}");
        }
    }

    #[test]
    fn address_with_dev_and_ready() {
        let parsed = wait("address", "2001:db8::1/64 dev va ready timeout 0").unwrap();
        let Target::Address { address, dev, want } = parsed.target else {
            panic!("address");
        };
        assert_eq!((address.family, address.bitlen), (AF_INET6, 64));
        assert_eq!((dev.as_deref(), want), (Some("va"), AddressWant::Ready));
        assert_eq!(parsed.timeout, Duration::ZERO);
    }

    #[test]
    fn route_defaults_to_main_and_ipv4_default() {
        let parsed = wait("route", "default").unwrap();
        let Target::Route {
            prefix,
            table,
            dev,
            want,
        } = parsed.target
        else {
            panic!("route");
        };
        assert_eq!((prefix.family, prefix.bitlen), (AF_INET, 0));
        assert_eq!((table, dev, want), (Some(254), None, Presence::Present));
        let parsed = wait("route", "198.51.100.0/24 table all gone").unwrap();
        assert!(matches!(
            parsed.target,
            Target::Route {
                table: None,
                want: Presence::Gone,
                ..
            }
        ));
    }

    #[test]
    fn netns_names_are_checked() {
        let parsed = wait("netns", "ns1 gone timeout 1").unwrap();
        assert_eq!(
            parsed.target,
            Target::Netns {
                name: "ns1".into(),
                want: Presence::Gone
            }
        );
        assert_eq!(
            wait("netns", "a/b"),
            Err(Error::from(NetnsError::InvalidName("a/b".into())))
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(wait("link", ""), Err(Error::IncompleteCommand));
        // The first word is the name, whatever it reads like.
        let Target::Link { name, want } = wait("link", "t timeout 1").unwrap().target else {
            panic!("link");
        };
        assert_eq!((name.as_str(), want), ("t", LinkWant::Exists));
        assert_eq!(wait("link", "va timeout"), Err(Error::IncompleteCommand));
        assert_eq!(
            wait("link", "va timeout -1"),
            Err(invalid("-1", "invalid timeout"))
        );
        assert_eq!(
            wait("link", "va timeout x"),
            Err(invalid("x", "invalid timeout"))
        );
        assert_eq!(
            wait("link", "va up down"),
            Err(duplicate("condition", "down"))
        );
        assert_eq!(
            wait("link", "va vb"),
            Err(Error::DuplicateOrGarbage {
                key: "target".into(),
                arg: "vb".into()
            })
        );
        // `dev` belongs to addresses and routes: for a link it is a name.
        assert!(matches!(
            wait("link", "va dev"),
            Err(Error::DuplicateOrGarbage { .. })
        ));
        assert!(wait("address", "nonsense").is_err());
        assert_eq!(
            wait("route", "default table nope"),
            Err(invalid("nope", "invalid table ID"))
        );
    }
}
