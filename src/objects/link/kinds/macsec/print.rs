//! `macsec` details (ip/ipmacsec.c `macsec_print_opt`): SCI, cipher, ICV
//! length, validation and the on/off flags, several of which ip names
//! differently in text and JSON.

use crate::kernel::attrs::Attrs;
use crate::objects::link::print::LinkStyle;
use crate::output::{Kind, Printer};

const IFLA_MACSEC_SCI: u16 = 1;
const IFLA_MACSEC_ICV_LEN: u16 = 3;
const IFLA_MACSEC_CIPHER_SUITE: u16 = 4;
const IFLA_MACSEC_WINDOW: u16 = 5;
const IFLA_MACSEC_ENCODING_SA: u16 = 6;
const IFLA_MACSEC_ENCRYPT: u16 = 7;
const IFLA_MACSEC_PROTECT: u16 = 8;
const IFLA_MACSEC_INC_SCI: u16 = 9;
const IFLA_MACSEC_ES: u16 = 10;
const IFLA_MACSEC_SCB: u16 = 11;
const IFLA_MACSEC_REPLAY_PROTECT: u16 = 12;
const IFLA_MACSEC_VALIDATION: u16 = 13;
const IFLA_MACSEC_OFFLOAD: u16 = 15;
/// ip 6.1's IFLA_MACSEC_MAX.
const IFLA_MACSEC_MAX: u16 = 15;

fn cipher_name(id: u64) -> &'static str {
    match id {
        // MACSEC_DEFAULT_CIPHER_ID and MACSEC_CIPHER_ID_GCM_AES_128.
        0x0080_0200_0100_0001 | 0x0080_C200_0100_0001 => "GCM-AES-128",
        0x0080_C200_0100_0002 => "GCM-AES-256",
        0x0080_C200_0100_0003 => "GCM-AES-XPN-128",
        0x0080_C200_0100_0004 => "GCM-AES-XPN-256",
        _ => "(unknown)",
    }
}

/// ip's macsec `print_flag`: `NAME on|off ` in text, a JSON boolean.
fn flag(p: &mut Printer, tb: &Attrs, attr: u16, name: &str) {
    if let Some(value) = tb.u8(attr) {
        if p.is_json() {
            p.boolean(Kind::Json, Some(name), "", value != 0);
        } else {
            p.text(format!("{name} {} ", if value != 0 { "on" } else { "off" }));
        }
    }
}

pub(crate) fn print(p: &mut Printer, data: &[u8], _style: &LinkStyle) {
    let tb = Attrs::parse(data, IFLA_MACSEC_MAX);
    if let Some(sci) = tb.get(IFLA_MACSEC_SCI).and_then(|b| b.get(..8)) {
        let sci = u64::from_be_bytes(sci.try_into().expect("8 bytes"));
        p.string(Kind::Any, Some("sci"), "sci {} ", format!("{sci:016x}"));
    }
    flag(p, &tb, IFLA_MACSEC_PROTECT, "protect");
    if let Some(id) = tb.u64(IFLA_MACSEC_CIPHER_SUITE) {
        p.string(
            Kind::Any,
            Some("cipher_suite"),
            "cipher {} ",
            cipher_name(id),
        );
    }
    if let Some(len) = tb.u8(IFLA_MACSEC_ICV_LEN) {
        p.int(Kind::Any, Some("icv_len"), "icvlen {} ", len);
    }
    if let Some(sa) = tb.u8(IFLA_MACSEC_ENCODING_SA) {
        p.int(Kind::Any, Some("encoding_sa"), "encodingsa {} ", sa);
    }
    if let Some(validation) = tb.u8(IFLA_MACSEC_VALIDATION) {
        let name = ["disabled", "check", "strict"]
            .get(validation as usize)
            .copied()
            .unwrap_or("(unknown)");
        p.string(Kind::Any, Some("validation"), "validate {} ", name);
    }
    if let Some(offload) = tb.u8(IFLA_MACSEC_OFFLOAD) {
        let name = ["off", "phy", "mac"]
            .get(offload as usize)
            .copied()
            .unwrap_or("(unknown)");
        p.string(Kind::Any, Some("offload"), "offload {} ", name);
    }
    let json = p.is_json();
    flag(p, &tb, IFLA_MACSEC_ENCRYPT, "encrypt");
    let names = if json {
        ["inc_sci", "es", "replay_protect"]
    } else {
        ["send_sci", "end_station", "replay"]
    };
    flag(p, &tb, IFLA_MACSEC_INC_SCI, names[0]);
    flag(p, &tb, IFLA_MACSEC_ES, names[1]);
    flag(p, &tb, IFLA_MACSEC_SCB, "scb");
    flag(p, &tb, IFLA_MACSEC_REPLAY_PROTECT, names[2]);
    if let Some(window) = tb.u32(IFLA_MACSEC_WINDOW) {
        p.int(Kind::Any, Some("window"), "window {} ", window as i32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::link::kinds::shared::print::testing::{attrs, render, text};

    #[test]
    fn text_and_json_names() {
        let data = attrs(&[
            (IFLA_MACSEC_SCI, &0x0200_0000_0001_0001u64.to_be_bytes()),
            (IFLA_MACSEC_ICV_LEN, &[16]),
            (
                IFLA_MACSEC_CIPHER_SUITE,
                &0x0080_C200_0100_0001u64.to_ne_bytes(),
            ),
            (IFLA_MACSEC_WINDOW, &0u32.to_ne_bytes()),
            (IFLA_MACSEC_ENCODING_SA, &[0]),
            (IFLA_MACSEC_ENCRYPT, &[1]),
            (IFLA_MACSEC_PROTECT, &[1]),
            (IFLA_MACSEC_INC_SCI, &[1]),
            (IFLA_MACSEC_ES, &[0]),
            (IFLA_MACSEC_SCB, &[0]),
            (IFLA_MACSEC_REPLAY_PROTECT, &[0]),
            (IFLA_MACSEC_VALIDATION, &[2]),
            (IFLA_MACSEC_OFFLOAD, &[0]),
        ]);
        assert_eq!(
            text("macsec", print, &data),
            "sci 0200000000010001 protect on cipher GCM-AES-128 icvlen 16 encodingsa 0 \
             validate strict offload off encrypt on send_sci on end_station off scb off \
             replay off window 0 "
        );
        assert_eq!(
            render(print, &data, true),
            "[{\"info_data\":{\"sci\":\"0200000000010001\",\"protect\":true,\
             \"cipher_suite\":\"GCM-AES-128\",\"icv_len\":16,\"encoding_sa\":0,\
             \"validation\":\"strict\",\"offload\":\"off\",\"encrypt\":true,\"inc_sci\":true,\
             \"es\":false,\"scb\":false,\"replay_protect\":false,\"window\":0}}]\n"
        );
    }
}
