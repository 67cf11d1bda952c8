//! One IPv6 interface token in `ip token list`'s layout (ip/iptoken.c
//! `print_token`): `token ADDR dev NAME`, the same calls giving text and
//! JSON.

use crate::grammar::inet::AF_INET6;
use crate::objects::addrlabel::print::host_text;
use crate::output::{Color, Kind, Printer};

/// Prints the token `token` (16 bytes) of the device named `device`.
pub fn print_token(p: &mut Printer, token: &[u8], device: &[u8], resolve: bool) {
    p.open_object(None);
    p.text("token ");
    p.color_string(
        Kind::Any,
        Some(Color::Inet6),
        Some("token"),
        "{}",
        host_text(AF_INET6, token, resolve),
    );
    p.text(" dev ");
    p.color_string(
        Kind::Any,
        Some(Color::Ifname),
        Some("ifname"),
        "{}\n",
        device,
    );
    p.close_object();
}
