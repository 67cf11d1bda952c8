//! Bonding's named values (linux/if_link.h IFLA_BOND_*), in the kernel's
//! numbering: the index in each table is the value sent and received. The
//! bond parser and the bond printer both read them here.

pub const MODES: &[&str] = &[
    "balance-rr",
    "active-backup",
    "balance-xor",
    "broadcast",
    "802.3ad",
    "balance-tlb",
    "balance-alb",
];
pub const ARP_VALIDATE: &[&str] = &[
    "none",
    "active",
    "backup",
    "all",
    "filter",
    "filter_active",
    "filter_backup",
];
pub const ARP_ALL_TARGETS: &[&str] = &["any", "all"];
pub const PRIMARY_RESELECT: &[&str] = &["always", "better", "failure"];
pub const FAIL_OVER_MAC: &[&str] = &["none", "active", "follow"];
pub const XMIT_HASH_POLICY: &[&str] = &[
    "layer2",
    "layer3+4",
    "layer2+3",
    "encap2+3",
    "encap3+4",
    "vlan+srcmac",
];
pub const LACP_ACTIVE: &[&str] = &["off", "on"];
pub const LACP_RATE: &[&str] = &["slow", "fast"];
pub const AD_SELECT: &[&str] = &["stable", "bandwidth", "count"];
