//! macsec (ip/ipmacsec.c `macsec_parse_opt`): the secure channel
//! identifier (`sci`, or `port` [+ `address`]) first, then cipher and
//! protection options.

pub(crate) mod print;

use super::{explain, invarg, Args, Nest};
use crate::error::{Error, Result};
use crate::grammar::{get_u16, get_u8, get_unsigned};
use crate::objects::link::errors::LinkError;
use crate::objects::link::{choice, lladdr};

const SCI: u16 = 1;
const PORT: u16 = 2;
const ICV_LEN: u16 = 3;
const CIPHER_SUITE: u16 = 4;
const WINDOW: u16 = 5;
const ENCODING_SA: u16 = 6;
const ENCRYPT: u16 = 7;
const PROTECT: u16 = 8;
const INC_SCI: u16 = 9;
const ES: u16 = 10;
const SCB: u16 = 11;
const REPLAY_PROTECT: u16 = 12;
const VALIDATION: u16 = 13;
const OFFLOAD: u16 = 15;

const CIPHERS: &[(&str, &str, u64)] = &[
    ("gcm-aes-128", "GCM-AES-128", 0x0080_C200_0100_0001),
    ("gcm-aes-256", "GCM-AES-256", 0x0080_C200_0100_0002),
    ("gcm-aes-xpn-128", "GCM-AES-XPN-128", 0x0080_C200_0100_0003),
    ("gcm-aes-xpn-256", "GCM-AES-XPN-256", 0x0080_C200_0100_0004),
];
const DEFAULT_CIPHER: u64 = 0x0080_0200_0100_0001;

fn next<'a>(words: &mut std::slice::Iter<'a, String>) -> Result<&'a String> {
    words.next().ok_or(Error::IncompleteCommand)
}

/// ip's `get_sci_portaddr(.., port_only, optional)`: the leading `sci`,
/// `port` and `address` words. Returns the attribute to send, if any.
fn sci_port_address(words: &mut std::slice::Iter<'_, String>) -> Result<Option<(u16, Vec<u8>)>> {
    let (mut sci, mut port, mut mac) = (None::<[u8; 8]>, None::<[u8; 2]>, None::<Vec<u8>>);
    while let Some(word) = words.as_slice().first() {
        match word.as_str() {
            "sci" => {
                if port.is_some() {
                    return Err(invarg("expected address", word));
                }
                if mac.is_some() {
                    return Err(invarg("expected port", word));
                }
                words.next();
                let v = next(words)?;
                let digits = v
                    .strip_prefix("0x")
                    .or_else(|| v.strip_prefix("0X"))
                    .unwrap_or(v);
                let value = u64::from_str_radix(digits, 16)
                    .ok()
                    .filter(|_| !v.is_empty())
                    .ok_or_else(|| invarg("expected sci", v))?;
                sci = Some(value.to_be_bytes());
            }
            "port" => {
                words.next();
                let v = next(words)?;
                let p = get_u16(v).ok_or_else(|| invarg("expected port", v))?;
                if p == 0 {
                    return Err(invarg("expected port != 0", v));
                }
                port = Some(p.to_be_bytes());
            }
            "address" => {
                words.next();
                let v = next(words)?;
                let bytes = lladdr::parse(v).map_err(|err| {
                    let first = err.message("ip").unwrap_or_default();
                    Error::from(LinkError::KindFatal(
                        format!("{first}\nError: argument \"{v}\" is wrong: expected lladdr"),
                        255,
                    ))
                })?;
                mac = Some(bytes);
            }
            _ => break,
        }
        // sci_complete with port_only: an sci, or a port.
        if sci.is_some() || port.is_some() {
            break;
        }
    }
    if sci.is_none() && port.is_none() && mac.is_none() {
        return Ok(None);
    }
    let sci = match (sci, port, &mac) {
        (Some(sci), _, _) => Some(sci),
        (None, Some(port), Some(mac)) => {
            let mut bytes = [0u8; 8];
            let n = mac.len().min(6);
            bytes[..n].copy_from_slice(&mac[..n]);
            bytes[6..].copy_from_slice(&port);
            Some(bytes)
        }
        _ => None,
    };
    Ok(Some(match sci {
        Some(bytes) => (SCI, bytes.to_vec()),
        None => (PORT, port.unwrap_or([0, 0]).to_vec()),
    }))
}

pub(crate) fn parse(args: &mut Args, data: &mut Nest) -> Result<()> {
    let mut words = args.words.iter();
    if let Some((attr, bytes)) = sci_port_address(&mut words)? {
        data.attr(attr, &bytes);
    }
    let (mut cipher, mut icv_len) = (0u64, 0u8);
    let (mut es, mut scb, mut send_sci) = (false, false, false);
    let mut replay: Option<bool> = None;
    let mut window = u32::MAX;
    let mut encoding_sa = 0xffu8;
    let fail = |text: String| Error::from(LinkError::KindArgument(text));
    while let Some(word) = words.next() {
        let w = word.as_str();
        match w {
            "cipher" => {
                let v = next(&mut words)?;
                if cipher != 0 {
                    return Err(Error::DuplicateArgument {
                        key: "cipher".into(),
                        arg: v.clone(),
                    });
                }
                cipher = if v == "default" {
                    DEFAULT_CIPHER
                } else {
                    CIPHERS
                        .iter()
                        .find(|(lower, upper, _)| v == lower || v == upper)
                        .map(|(_, _, id)| *id)
                        .ok_or_else(|| {
                            invarg(
                                "expected: default, gcm-aes-128, gcm-aes-256, gcm-aes-xpn-128 or gcm-aes-xpn-256",
                                v,
                            )
                        })?
                };
            }
            "icvlen" => {
                let v = next(&mut words)?;
                if icv_len != 0 {
                    return Err(Error::DuplicateArgument {
                        key: "icvlen".into(),
                        arg: v.clone(),
                    });
                }
                // get_u8(.., 10): decimal only.
                let len = v
                    .parse::<u8>()
                    .ok()
                    .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
                    .ok_or_else(|| invarg("expected ICV length", v))?;
                if !(8..=16).contains(&len) {
                    return Err(invarg("ICV length must be in the range {8..16}", v));
                }
                icv_len = len;
            }
            "encrypt" | "send_sci" | "end_station" | "scb" | "protect" | "replay" => {
                let v = next(&mut words)?;
                let on = choice::on_off(w, v).map_err(fail)?;
                match w {
                    "encrypt" => data.u8(ENCRYPT, u8::from(on)),
                    "send_sci" => {
                        send_sci = on;
                        data.u8(INC_SCI, u8::from(on));
                    }
                    "end_station" => {
                        es = on;
                        data.u8(ES, u8::from(on));
                    }
                    "scb" => {
                        scb = on;
                        data.u8(SCB, u8::from(on));
                    }
                    "protect" => data.u8(PROTECT, u8::from(on)),
                    _ => replay = Some(on),
                }
            }
            "window" => {
                let v = next(&mut words)?;
                window = get_unsigned(v).ok_or_else(|| invarg("expected replay window size", v))?;
            }
            "validate" => {
                let v = next(&mut words)?;
                let mode = choice::one_of("validate", v, &["disabled", "check", "strict"])
                    .map_err(fail)?;
                data.u8(VALIDATION, mode as u8);
            }
            "encodingsa" => {
                if encoding_sa != 0xff {
                    return Err(Error::DuplicateOrGarbage {
                        key: "encodingsa".into(),
                        arg: "encodingsa".into(),
                    });
                }
                let v = next(&mut words)?;
                encoding_sa = get_u8(v)
                    .filter(|an| *an <= 3)
                    .ok_or_else(|| invarg("expected an { 0..3 }", v))?;
            }
            "offload" => {
                let v = next(&mut words)?;
                let mode = choice::one_of("offload", v, &["off", "phy", "mac"]).map_err(fail)?;
                data.u8(OFFLOAD, mode as u8);
            }
            _ => {
                return Err(explain(
                    "macsec",
                    Some(format!("macsec: unknown command \"{w}\"?")),
                ))
            }
        }
    }
    if (send_sci && (es || scb)) || (es && scb) {
        return Err(fail(
            "invalid combination of send_sci/end_station/scb".into(),
        ));
    }
    // ip keeps -1 for "no window", so a window of 4294967295 counts as none.
    match (window != u32::MAX, replay) {
        (true, None) => {
            return Err(fail(format!(
                "replay window set, but replay protection not enabled. did you mean 'replay on window {window}'?"
            )))
        }
        (false, Some(true)) => {
            return Err(fail(
                "replay protection enabled, but no window set. did you mean 'replay on window VALUE'?"
                    .into(),
            ))
        }
        _ => {}
    }
    if cipher != 0 {
        data.u64(CIPHER_SUITE, cipher);
    }
    if icv_len != 0 {
        data.u8(ICV_LEN, icv_len);
    }
    if let Some(on) = replay {
        data.u32(WINDOW, window);
        data.u8(REPLAY_PROTECT, u8::from(on));
    }
    if encoding_sa != 0xff {
        data.u8(ENCODING_SA, encoding_sa);
    }
    Ok(())
}
