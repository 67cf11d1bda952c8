//! One module per ip object: each turns its words into kernel requests and
//! hands the answers to the printing layer.

pub mod address;
pub mod addrlabel;
pub(crate) mod apply;
pub mod device;
pub(crate) mod dumpfile;
pub mod existing;
pub mod link;
pub mod lwtunnel;
pub mod maddress;
pub mod monitor;
pub mod mroute;
pub mod neighbor;
pub mod netconf;
pub mod netns;
pub mod nexthop;
pub mod ntable;
pub mod route;
pub mod rule;
pub mod show;
pub mod tcpmetrics;
pub mod token;
pub mod tuntap;
pub mod vrf;
pub mod wait;
