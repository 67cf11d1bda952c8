//! Keywords (ip's matching rule over tables in ip's order) and usage texts.
//!
//! Word matching walks a table in order (first hit wins, as in ip). Each
//! object module has its own sub-command table (`COMMANDS`) and usage text
//! (`USAGE`, from its folder's `usage.txt`); the registry (`registry.rs`)
//! hands the tables to dispatch, the clap tree, the completions and the man
//! page. Usage texts are ip's, byte for byte, because scripts and tests read
//! them from stderr; ip's own usage is here.

use super::matches;

/// How an alias is compared with the typed word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The word may be any non-empty prefix (ip's `matches()`).
    Prefix,
    /// The word must be exactly the alias (ip's `strcmp()`).
    Exact,
}

/// One keyword of a table: its canonical name, the other spellings ip tries
/// right after it, and a line of help.
#[derive(Debug)]
pub struct Keyword {
    pub name: &'static str,
    pub aliases: &'static [(&'static str, Match)],
    pub about: &'static str,
    /// How the name itself is compared: a prefix for ip's keywords, the
    /// whole word for rnet's additions that must not take over an
    /// abbreviation ip refuses.
    pub name_match: Match,
}

impl Keyword {
    fn spellings(&self) -> impl Iterator<Item = (&'static str, Match)> + '_ {
        std::iter::once((self.name, self.name_match)).chain(self.aliases.iter().copied())
    }

    fn accepts(&self, word: &str) -> bool {
        self.spellings().any(|(spelling, how)| match how {
            Match::Prefix => matches(word, spelling),
            Match::Exact => word == spelling,
        })
    }
}

/// The keyword of `table` that `word` selects under ip's first-match rule.
pub fn resolve<'t>(word: &str, table: &'t [Keyword]) -> Option<&'t Keyword> {
    resolve_by(word, table, |keyword| keyword)
}

/// The entry of `table` whose keyword `word` selects, first match first.
pub(crate) fn resolve_by<'t, T>(
    word: &str,
    table: &'t [T],
    keyword: impl Fn(&T) -> &Keyword,
) -> Option<&'t T> {
    table.iter().find(|entry| keyword(entry).accepts(word))
}

pub(crate) const fn kw(name: &'static str, about: &'static str) -> Keyword {
    Keyword {
        name,
        aliases: &[],
        about,
        name_match: Match::Prefix,
    }
}

/// A keyword accepted only as the whole word (rnet's own objects, placed
/// after ip's, so `ip w` stays unknown as in ip).
pub(crate) const fn kw_exact(name: &'static str, about: &'static str) -> Keyword {
    Keyword {
        name,
        aliases: &[],
        about,
        name_match: Match::Exact,
    }
}

pub(crate) const fn kw_alias(
    name: &'static str,
    aliases: &'static [(&'static str, Match)],
    about: &'static str,
) -> Keyword {
    Keyword {
        name,
        aliases,
        about,
        name_match: Match::Prefix,
    }
}

static IMPLEMENTED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

/// Records the objects rnet implements (the registry's, sorted), for the
/// texts that list them. The registry is above the grammar, so it hands the
/// list down instead of being asked for it.
pub(crate) fn set_implemented_objects(mut names: Vec<&'static str>) {
    names.sort_unstable();
    let _ = IMPLEMENTED.set(names);
}

/// The objects rnet implements, sorted, without `help`.
pub(crate) fn implemented_objects() -> &'static [&'static str] {
    IMPLEMENTED.get().map_or(&[], Vec::as_slice)
}

/// Which usage text to print: ip's own, or an object's (each object module
/// has its text in its folder, `usage.txt`, and exports it as `USAGE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Usage {
    Ip,
    /// An object's text, and the words that name the program in it (`ip
    /// link `, `\tip `, `rnet wait`): the program's name is put there.
    Object {
        text: &'static str,
        program_in: &'static str,
    },
}

impl Usage {
    /// An object's usage, for its `USAGE` constant.
    pub(crate) const fn object(text: &'static str, program_in: &'static str) -> Usage {
        Usage::Object { text, program_in }
    }

    /// The text ip prints to stderr, with its own name replaced by `prog`.
    pub fn text(self, prog: &str) -> String {
        match self {
            Usage::Ip if prog == "ip" => IP_USAGE.to_string(),
            Usage::Ip => format!(
                "Usage: {prog} [ OPTIONS ] OBJECT {{ COMMAND | help }}\n\
                 \x20      {prog} [ -force ] -batch filename\n\
                 where  OBJECT := {{ {objects} | help }}\n{options}",
                objects = implemented_objects().join(" | "),
                options = &IP_USAGE[IP_USAGE.find("       OPTIONS").unwrap_or(0)..],
            ),
            Usage::Object { text, program_in } => {
                let indent = program_in.len() - program_in.trim_start().len();
                let name_end = program_in[indent..]
                    .find(' ')
                    .map_or(program_in.len(), |at| indent + at);
                let renamed = format!("{}{prog}{}", &program_in[..indent], &program_in[name_end..]);
                text.replace(program_in, &renamed)
            }
        }
    }
}

const IP_USAGE: &str = "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                   link | macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
";

#[cfg(test)]
mod tests {
    use super::*;

    fn name(word: &str, table: &[Keyword]) -> Option<&'static str> {
        resolve(word, table).map(|keyword| keyword.name)
    }

    #[test]
    fn address_commands_resolve_in_ip_order() {
        let cases = [
            ("a", "add"),
            ("c", "change"),
            ("chg", "change"),
            ("r", "replace"),
            ("d", "delete"),
            ("l", "list"),
            ("ls", "list"),
            ("s", "list"),
            ("sh", "list"),
            ("show", "list"),
            ("f", "flush"),
            ("sa", "save"),
            ("showd", "showdump"),
            ("re", "replace"),
            ("res", "restore"),
            ("h", "help"),
        ];
        for (word, expected) in cases {
            assert_eq!(
                name(word, crate::objects::address::COMMANDS),
                Some(expected),
                "word {word:?}"
            );
        }
        assert_eq!(
            name("ch", crate::objects::address::COMMANDS),
            Some("change")
        );
        assert_eq!(name("chgx", crate::objects::address::COMMANDS), None);
        assert_eq!(name("x", crate::objects::address::COMMANDS), None);
    }

    #[test]
    fn netns_commands_resolve_in_ip_order() {
        let cases = [
            ("l", "list"),
            ("ls", "list"),
            ("s", "list"),
            ("sh", "list"),
            ("se", "set"),
            ("a", "add"),
            ("at", "attach"),
            ("d", "delete"),
            ("e", "exec"),
            ("i", "identify"),
            ("p", "pids"),
            ("m", "monitor"),
            ("h", "help"),
            ("list-", "list-id"),
            ("list-i", "list-id"),
        ];
        for (word, expected) in cases {
            assert_eq!(
                name(word, crate::objects::netns::COMMANDS),
                Some(expected),
                "word {word:?}"
            );
        }
        assert_eq!(name("lists", crate::objects::netns::COMMANDS), None);
        assert_eq!(name("x", crate::objects::netns::COMMANDS), None);
    }

    #[test]
    fn rule_commands_resolve_in_ip_order() {
        let cases = [
            ("l", "list"),
            ("ls", "list"),
            ("s", "list"),
            ("sh", "list"),
            ("sa", "save"),
            ("r", "restore"),
            ("a", "add"),
            ("d", "delete"),
            ("f", "flush"),
            ("h", "help"),
        ];
        for (word, expected) in cases {
            assert_eq!(
                name(word, crate::objects::rule::COMMANDS),
                Some(expected),
                "word {word:?}"
            );
        }
        assert_eq!(name("x", crate::objects::rule::COMMANDS), None);
        assert_eq!(name("lists", crate::objects::rule::COMMANDS), None);
    }

    #[test]
    fn usage_names_the_program() {
        assert!(Usage::Ip.text("ip").starts_with("Usage: ip [ OPTIONS ]"));
        assert_eq!(Usage::Ip.text("ip"), IP_USAGE);
        let rnet = Usage::Ip.text("rnet");
        assert!(rnet.starts_with("Usage: rnet [ OPTIONS ] OBJECT"));
        assert!(
            rnet.contains("\n       rnet [ -force ] -batch filename\n"),
            "{rnet}"
        );
        assert!(crate::objects::netns::USAGE
            .text("rnet")
            .contains("\trnet [-all] netns exec"));
        assert!(crate::objects::wait::USAGE.text("ip").contains("ip wait"));
    }
}
