//! What ip prints for the encapsulation of a route, from the attributes.
//!
//! The expected texts come from iproute2 6.1 itself: each RTA_ENCAP below
//! was put in a route message that `ip route show` was made to read (a
//! shim answering its dump), and the ` encap …` part of its text, `-j`,
//! `-s`, `-N`, `-o`, `-h`, `-c` and `-d` output cut out
//! (colors as on a light background: COLORFGBG unset). The attributes are the
//! kernel's answers for ip/ip6 and the requests ip builds for the others
//! (which the kernel echoes); the geneve/vxlan/erspan sets are laid out as
//! the kernel answers them.

use super::{print_with, PrintOptions, SystemDevices};
use crate::grammar::options::{ColorMode, Options};
use crate::output::Printer;

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).expect("hex"))
        .collect()
}

/// What rnet prints for one case with ip's options `flags`.
fn printed(kind: u16, hex: &str, flags: &str) -> String {
    let mut options = Options::default();
    let mut print_options = PrintOptions::default();
    for flag in flags.split_whitespace() {
        match flag {
            "-j" => options.json = 1,
            "-o" => options.oneline = 1,
            "-s" => print_options.stats = true,
            "-N" => print_options.numeric = true,
            "-h" => print_options.human = true,
            "-iec" => print_options.iec = true,
            "-d" => options.details = 1,
            "-c" => options.color = ColorMode::Always,
            other => panic!("unknown flag {other}"),
        }
    }
    let (mut out, buffer) = Printer::capture(&options);
    out.begin_list();
    out.open_object(None);
    print_with(
        &mut out,
        kind,
        &bytes(hex),
        &print_options,
        &mut SystemDevices,
    );
    out.close_object();
    out.end_list();
    out.flush();
    let text = buffer.lock().expect("capture").clone();
    String::from_utf8(text).expect("utf-8")
}

#[rustfmt::skip]
const CASES: &[(&str, u16, &str, &str, &str)] = &[
    ("mpls_labels_ttl", 1, "0c00010000064000000c81000500020005000000", "", " encap mpls  100/200 ttl 5 "),
    ("mpls_labels_ttl", 1, "0c00010000064000000c81000500020005000000", "-j", "[{\"encap\":\"mpls\",\"dst\":\"100/200\",\"ttl\":5}]\n"),
    ("mpls_one_label", 1, "0800010000010100", "", " encap mpls  16 "),
    ("mpls_one_label", 1, "0800010000010100", "-j", "[{\"encap\":\"mpls\",\"dst\":\"16\"}]\n"),
    ("ila_all", 3, "0c00010020010db800010002050007000000000005000800010000000500090000000000", "", " encap ila  2001:db8:1:2  csum-mode adj-transport  ident-type luid  hook-type output "),
    ("ila_all", 3, "0c00010020010db800010002050007000000000005000800010000000500090000000000", "-j", "[{\"encap\":\"ila\",\"locator\":\"2001:db8:1:2\",\"csum_mode\":\"adj-transport\",\"ident_type\":\"luid\",\"hook_type\":\"output\"}]\n"),
    ("ila_use_format", 3, "0c0001000000000000000000050007000300000005000800200000000500090001000000", "", " encap ila  0:0:0:0  csum-mode neutral-map-auto  ident-type use-format  hook-type input "),
    ("ila_use_format", 3, "0c0001000000000000000000050007000300000005000800200000000500090001000000", "-j", "[{\"encap\":\"ila\",\"locator\":\"0:0:0:0\",\"csum_mode\":\"neutral-map-auto\",\"ident_type\":\"use-format\",\"hook_type\":\"input\"}]\n"),
    ("seg6_encap", 5, "2000010001000000000204000000000020010db8000000000000000000000001", "", " encap seg6 mode encap segs 1 [ 2001:db8::1 ] "),
    ("seg6_encap", 5, "2000010001000000000204000000000020010db8000000000000000000000001", "-j", "[{\"encap\":\"seg6\",\"mode\":\"encap\",\"segs\":[\"2001:db8::1\"]}]\n"),
    ("seg6_encap", 5, "2000010001000000000204000000000020010db8000000000000000000000001", "-d", " encap seg6 mode encap segs 1 [ 2001:db8::1 ] "),
    ("seg6_inline_hmac", 5, "6800010000000000000b0402020800000000000000000000000000000000000020010db800000000000000000000000220010db8000000000000000000000001052600000000001a0000000000000000000000000000000000000000000000000000000000000000", "", " encap seg6 mode inline segs 3 [ 2001:db8::1 2001:db8::2 :: ] hmac 1A "),
    ("seg6_inline_hmac", 5, "6800010000000000000b0402020800000000000000000000000000000000000020010db800000000000000000000000220010db8000000000000000000000001052600000000001a0000000000000000000000000000000000000000000000000000000000000000", "-j", "[{\"encap\":\"seg6\",\"mode\":\"inline\",\"segs\":[\"2001:db8::1\",\"2001:db8::2\",\"::\"],\"hmac\":\"0x1a\"}]\n"),
    ("seg6_l2encap", 5, "4000010002000000000604020200000020010db800000000000000000000000320010db800000000000000000000000220010db8000000000000000000000001", "", " encap seg6 mode l2encap segs 3 [ 2001:db8::1 2001:db8::2 2001:db8::3 ] "),
    ("seg6_l2encap", 5, "4000010002000000000604020200000020010db800000000000000000000000320010db800000000000000000000000220010db8000000000000000000000001", "-j", "[{\"encap\":\"seg6\",\"mode\":\"l2encap\",\"segs\":[\"2001:db8::1\",\"2001:db8::2\",\"2001:db8::3\"]}]\n"),
    ("seg6_encap_red", 5, "2000010003000000000204000000000020010db8000000000000000000000001", "", " encap seg6 mode encap.red segs 1 [ 2001:db8::1 ] "),
    ("seg6_encap_red", 5, "2000010003000000000204000000000020010db8000000000000000000000001", "-j", "[{\"encap\":\"seg6\",\"mode\":\"encap.red\",\"segs\":[\"2001:db8::1\"]}]\n"),
    ("seg6_l2encap_red", 5, "2000010004000000000204000000000020010db8000000000000000000000001", "", " encap seg6 mode l2encap.red segs 1 [ 2001:db8::1 ] "),
    ("seg6_l2encap_red", 5, "2000010004000000000204000000000020010db8000000000000000000000001", "-j", "[{\"encap\":\"seg6\",\"mode\":\"l2encap.red\",\"segs\":[\"2001:db8::1\"]}]\n"),
    ("seg6_no_mode", 5, "20000100ffffffff000204000000000000000000000000000000000000000000", "", " encap seg6 mode <unknown> segs 1 [ :: ] "),
    ("seg6_no_mode", 5, "20000100ffffffff000204000000000000000000000000000000000000000000", "-j", "[{\"encap\":\"seg6\",\"mode\":\"<unknown>\",\"segs\":[\"::\"]}]\n"),
    ("seg6local_end", 7, "0800010001000000", "", " encap seg6local action End "),
    ("seg6local_end", 7, "0800010001000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End\"}]\n"),
    ("seg6local_end", 7, "0800010001000000", "-s", " encap seg6local action End "),
    ("seg6local_end", 7, "0800010001000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End\"}]\n"),
    ("seg6local_dx4_count", 7, "080001000600000008000400c000020228000a800c00020000000000000000000c00030000000000000000000c0004000000000000000000", "", " encap seg6local action End.DX4 nh4 192.0.2.2 "),
    ("seg6local_dx4_count", 7, "080001000600000008000400c000020228000a800c00020000000000000000000c00030000000000000000000c0004000000000000000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.DX4\",\"nh4\":\"192.0.2.2\"}]\n"),
    ("seg6local_dx4_count", 7, "080001000600000008000400c000020228000a800c00020000000000000000000c00030000000000000000000c0004000000000000000000", "-s", " encap seg6local action End.DX4 nh4 192.0.2.2 packets 0 bytes 0 errors 0 "),
    ("seg6local_dx4_count", 7, "080001000600000008000400c000020228000a800c00020000000000000000000c00030000000000000000000c0004000000000000000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.DX4\",\"nh4\":\"192.0.2.2\",\"stats64\":{\"packets\":0,\"bytes\":0,\"errors\":0}}]\n"),
    ("seg6local_t_flavors", 7, "080001000300000008000300640000000c000b80080001000a000000", "", " encap seg6local action End.T table 100 flavors psp,usd "),
    ("seg6local_t_flavors", 7, "080001000300000008000300640000000c000b80080001000a000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.T\",\"table\":\"100\",\"flavors\":[\"psp\",\"usd\"]}]\n"),
    ("seg6local_t_flavors", 7, "080001000300000008000300640000000c000b80080001000a000000", "-s", " encap seg6local action End.T table 100 flavors psp,usd "),
    ("seg6local_t_flavors", 7, "080001000300000008000300640000000c000b80080001000a000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.T\",\"table\":\"100\",\"flavors\":[\"psp\",\"usd\"]}]\n"),
    ("seg6local_t_flavors", 7, "080001000300000008000300640000000c000b80080001000a000000", "-N", " encap seg6local action End.T table 100 flavors psp,usd "),
    ("seg6local_csid", 7, "08000100010000001c000b80080001001000000005000200200000000500030010000000", "", " encap seg6local action End flavors next-csid lblen 32 nflen 16 "),
    ("seg6local_csid", 7, "08000100010000001c000b80080001001000000005000200200000000500030010000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End\",\"flavors\":[\"next-csid\"],\"lblen\":32,\"nflen\":16}]\n"),
    ("seg6local_csid", 7, "08000100010000001c000b80080001001000000005000200200000000500030010000000", "-s", " encap seg6local action End flavors next-csid lblen 32 nflen 16 "),
    ("seg6local_csid", 7, "08000100010000001c000b80080001001000000005000200200000000500030010000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End\",\"flavors\":[\"next-csid\"],\"lblen\":32,\"nflen\":16}]\n"),
    ("seg6local_b6_encaps", 7, "080001000a00000054000200000904010108000020010db800000000000000000000000220010db800000000000000000000000105260000000000070000000000000000000000000000000000000000000000000000000000000000", "", " encap seg6local action End.B6.Encaps segs 2 [ 2001:db8::1 2001:db8::2 ] hmac 7 "),
    ("seg6local_b6_encaps", 7, "080001000a00000054000200000904010108000020010db800000000000000000000000220010db800000000000000000000000105260000000000070000000000000000000000000000000000000000000000000000000000000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.B6.Encaps\",\"srh\":{\"segs\":[\"2001:db8::1\",\"2001:db8::2\"],\"hmac\":\"0x7\"}}]\n"),
    ("seg6local_b6_encaps", 7, "080001000a00000054000200000904010108000020010db800000000000000000000000220010db800000000000000000000000105260000000000070000000000000000000000000000000000000000000000000000000000000000", "-s", " encap seg6local action End.B6.Encaps segs 2 [ 2001:db8::1 2001:db8::2 ] hmac 7 "),
    ("seg6local_b6_encaps", 7, "080001000a00000054000200000904010108000020010db800000000000000000000000220010db800000000000000000000000105260000000000070000000000000000000000000000000000000000000000000000000000000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.B6.Encaps\",\"srh\":{\"segs\":[\"2001:db8::1\",\"2001:db8::2\"],\"hmac\":\"0x7\"}}]\n"),
    ("seg6local_b6", 7, "08000100090000002c00020000040401010000000000000000000000000000000000000020010db8000000000000000000000001", "", " encap seg6local action End.B6 segs 2 [ 2001:db8::1 :: ] "),
    ("seg6local_b6", 7, "08000100090000002c00020000040401010000000000000000000000000000000000000020010db8000000000000000000000001", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.B6\",\"srh\":{\"segs\":[\"2001:db8::1\",\"::\"]}}]\n"),
    ("seg6local_b6", 7, "08000100090000002c00020000040401010000000000000000000000000000000000000020010db8000000000000000000000001", "-s", " encap seg6local action End.B6 segs 2 [ 2001:db8::1 :: ] "),
    ("seg6local_b6", 7, "08000100090000002c00020000040401010000000000000000000000000000000000000020010db8000000000000000000000001", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.B6\",\"srh\":{\"segs\":[\"2001:db8::1\",\"::\"]}}]\n"),
    ("seg6local_dx2", 7, "08000100040000000800070001000000", "", " encap seg6local action End.DX2 oif lo "),
    ("seg6local_dx2", 7, "08000100040000000800070001000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.DX2\",\"oif\":\"lo\"}]\n"),
    ("seg6local_dx2", 7, "08000100040000000800070001000000", "-s", " encap seg6local action End.DX2 oif lo "),
    ("seg6local_dx2", 7, "08000100040000000800070001000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.DX2\",\"oif\":\"lo\"}]\n"),
    ("seg6local_dt46", 7, "080001001000000008000900fe000000", "", " encap seg6local action End.DT46 vrftable main "),
    ("seg6local_dt46", 7, "080001001000000008000900fe000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.DT46\",\"vrftable\":\"main\"}]\n"),
    ("seg6local_dt46", 7, "080001001000000008000900fe000000", "-s", " encap seg6local action End.DT46 vrftable main "),
    ("seg6local_dt46", 7, "080001001000000008000900fe000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.DT46\",\"vrftable\":\"main\"}]\n"),
    ("seg6local_dt46", 7, "080001001000000008000900fe000000", "-N", " encap seg6local action End.DT46 vrftable 254 "),
    ("seg6local_dt6_main", 7, "080001000700000008000300fe000000", "", " encap seg6local action End.DT6 table main "),
    ("seg6local_dt6_main", 7, "080001000700000008000300fe000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.DT6\",\"table\":\"main\"}]\n"),
    ("seg6local_dt6_main", 7, "080001000700000008000300fe000000", "-s", " encap seg6local action End.DT6 table main "),
    ("seg6local_dt6_main", 7, "080001000700000008000300fe000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.DT6\",\"table\":\"main\"}]\n"),
    ("seg6local_dt6_main", 7, "080001000700000008000300fe000000", "-N", " encap seg6local action End.DT6 table 254 "),
    ("seg6local_x_nh6_iif", 7, "08000100020000001400050020010db80000000000000000000000010800060001000000", "", " encap seg6local action End.X nh6 2001:db8::1 iif lo "),
    ("seg6local_x_nh6_iif", 7, "08000100020000001400050020010db80000000000000000000000010800060001000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.X\",\"nh6\":\"2001:db8::1\",\"iif\":\"lo\"}]\n"),
    ("seg6local_x_nh6_iif", 7, "08000100020000001400050020010db80000000000000000000000010800060001000000", "-s", " encap seg6local action End.X nh6 2001:db8::1 iif lo "),
    ("seg6local_x_nh6_iif", 7, "08000100020000001400050020010db80000000000000000000000010800060001000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.X\",\"nh6\":\"2001:db8::1\",\"iif\":\"lo\"}]\n"),
    ("seg6local_everything", 7, "0800010007000000080003000100000028000a800c00020000000000000000000c00030000000000000000000c00040000000000000000000c000b800800010002000000", "", " encap seg6local action End.DT6 table 1 flavors psp "),
    ("seg6local_everything", 7, "0800010007000000080003000100000028000a800c00020000000000000000000c00030000000000000000000c00040000000000000000000c000b800800010002000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.DT6\",\"table\":\"1\",\"flavors\":[\"psp\"]}]\n"),
    ("seg6local_everything", 7, "0800010007000000080003000100000028000a800c00020000000000000000000c00030000000000000000000c00040000000000000000000c000b800800010002000000", "-s", " encap seg6local action End.DT6 table 1 packets 0 bytes 0 errors 0 flavors psp "),
    ("seg6local_everything", 7, "0800010007000000080003000100000028000a800c00020000000000000000000c00030000000000000000000c00040000000000000000000c000b800800010002000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.DT6\",\"table\":\"1\",\"stats64\":{\"packets\":0,\"bytes\":0,\"errors\":0},\"flavors\":[\"psp\"]}]\n"),
    ("seg6local_everything", 7, "0800010007000000080003000100000028000a800c00020000000000000000000c00030000000000000000000c00040000000000000000000c000b800800010002000000", "-N", " encap seg6local action End.DT6 table 1 flavors psp "),
    ("rpl_two", 8, "2c000100000403020000000020010db800000000000000000000000220010db8000000000000000000000001", "", " encap rpl segs 2 [ 2001:db8::1 2001:db8::2 ] "),
    ("rpl_two", 8, "2c000100000403020000000020010db800000000000000000000000220010db8000000000000000000000001", "-j", "[{\"encap\":\"rpl\",\"segs\":[\"2001:db8::1\",\"2001:db8::2\"]}]\n"),
    ("ioam6_inline", 9, "0800040001000000080005000100000005000100010000000c0003000001000380000000", "", " encap ioam6 freq 1/1 mode inline trace prealloc type 0x800000 ns 1 size 12 "),
    ("ioam6_inline", 9, "0800040001000000080005000100000005000100010000000c0003000001000380000000", "-j", "[{\"encap\":\"ioam6\",\"freqk\":1,\"freqn\":1,\"mode\":\"inline\",\"trace\":null,\"prealloc\":null,\"type\":\"800000\",\"ns\":1,\"size\":12}]\n"),
    ("ioam6_encap", 9, "0800040002000000080005000500000005000100020000001400020020010db80000000000000000000000010c0003000007003dc0000000", "", " encap ioam6 freq 2/5 mode encap tundst 2001:db8::1 trace prealloc type 0xc00000 ns 7 size 244 "),
    ("ioam6_encap", 9, "0800040002000000080005000500000005000100020000001400020020010db80000000000000000000000010c0003000007003dc0000000", "-j", "[{\"encap\":\"ioam6\",\"freqk\":2,\"freqn\":5,\"mode\":\"encap\",\"tundst\":\"2001:db8::1\",\"trace\":null,\"prealloc\":null,\"type\":\"c00000\",\"ns\":7,\"size\":244}]\n"),
    ("ioam6_auto_type1", 9, "0800040001000000080005000100000005000100030000001400020020010db80000000000000000000000010c000300ffff000100000100", "", " encap ioam6 freq 1/1 mode auto tundst 2001:db8::1 trace prealloc type 0x000001 ns 65535 size 4 "),
    ("ioam6_auto_type1", 9, "0800040001000000080005000100000005000100030000001400020020010db80000000000000000000000010c000300ffff000100000100", "-j", "[{\"encap\":\"ioam6\",\"freqk\":1,\"freqn\":1,\"mode\":\"auto\",\"tundst\":\"2001:db8::1\",\"trace\":null,\"prealloc\":null,\"type\":\"1\",\"ns\":65535,\"size\":4}]\n"),
    ("xfrm_if_id", 10, "0800010005000000", "", " encap xfrm if_id 5 "),
    ("xfrm_if_id", 10, "0800010005000000", "-j", "[{\"encap\":\"xfrm\",\"if_id\":5}]\n"),
    ("xfrm_link", 10, "08000100ffffffff0800020001000000", "", " encap xfrm if_id 4294967295 link_dev lo "),
    ("xfrm_link", 10, "08000100ffffffff0800020001000000", "-j", "[{\"encap\":\"xfrm\",\"if_id\":4294967295,\"link_dev\":\"lo\"}]\n"),
    ("xfrm_link", 10, "08000100ffffffff0800020001000000", "-d", " encap xfrm if_id 4294967295 link_dev lo "),
    ("bpf_headroom", 6, "080004000a000000", "", " encap bpf  10 "),
    ("bpf_headroom", 6, "080004000a000000", "-j", "[{\"encap\":\"bpf\",\"headroom\":10}]\n"),
    ("ip_request", 2, "08000200c63364010600060000040000", "", " encap ip dst 198.51.100.1 key "),
    ("ip_request", 2, "08000200c63364010600060000040000", "-j", "[{\"encap\":\"ip\",\"dst\":\"198.51.100.1\",\"key\":true}]\n"),
    ("ip_kernel", 2, "0c000100000000000000000508000200c633640908000300c00002010500050010000000050004000a00000006000600000d0000", "", " encap ip id 5 src 192.0.2.1 dst 198.51.100.9 ttl 10 tos 16 key csum seq "),
    ("ip_kernel", 2, "0c000100000000000000000508000200c633640908000300c00002010500050010000000050004000a00000006000600000d0000", "-j", "[{\"encap\":\"ip\",\"id\":5,\"src\":\"192.0.2.1\",\"dst\":\"198.51.100.9\",\"ttl\":10,\"tos\":16,\"key\":true,\"csum\":true,\"seq\":true}]\n"),
    ("ip_kernel", 2, "0c000100000000000000000508000200c633640908000300c00002010500050010000000050004000a00000006000600000d0000", "-d", " encap ip id 5 src 192.0.2.1 dst 198.51.100.9 ttl 10 tos 16 key csum seq "),
    ("ip_kernel_defaults", 2, "0c000100000000000000000008000200c63364090800030000000000050005000000000005000400000000000600060000000000", "", " encap ip id 0 src 0.0.0.0 dst 198.51.100.9 ttl 0 tos 0 "),
    ("ip_kernel_defaults", 2, "0c000100000000000000000008000200c63364090800030000000000050005000000000005000400000000000600060000000000", "-j", "[{\"encap\":\"ip\",\"id\":0,\"src\":\"0.0.0.0\",\"dst\":\"198.51.100.9\",\"ttl\":0,\"tos\":0}]\n"),
    ("ip6_kernel", 4, "0c00010000000000000000071400020020010db80000000000000000000000011400030020010db8000000000000000000000002050005002000000005000400050000000600060000040000", "", " encap ip6 id 7 src 2001:db8::2 dst 2001:db8::1 hoplimit 5 tc 32 key "),
    ("ip6_kernel", 4, "0c00010000000000000000071400020020010db80000000000000000000000011400030020010db8000000000000000000000002050005002000000005000400050000000600060000040000", "-j", "[{\"encap\":\"ip6\",\"id\":7,\"src\":\"2001:db8::2\",\"dst\":\"2001:db8::1\",\"hoplimit\":5,\"tc\":32,\"key\":true}]\n"),
    ("geneve_two", 2, "08000200c63364013c00088038000180060001000102000005000200800000000800030000112233060001000001000005000200020000000c0003000a0b0c0d0e0f1011", "", " encap ip dst 198.51.100.1 \n\tgeneve_opts 258:128:00112233,1:2:0a0b0c0d0e0f1011 "),
    ("geneve_two", 2, "08000200c63364013c00088038000180060001000102000005000200800000000800030000112233060001000001000005000200020000000c0003000a0b0c0d0e0f1011", "-j", "[{\"encap\":\"ip\",\"dst\":\"198.51.100.1\",\"geneve_opts\":[{\"class\":258,\"type\":128,\"data\":\"00112233\"},{\"class\":1,\"type\":2,\"data\":\"0a0b0c0d0e0f1011\"}]}]\n"),
    ("geneve_two", 2, "08000200c63364013c00088038000180060001000102000005000200800000000800030000112233060001000001000005000200020000000c0003000a0b0c0d0e0f1011", "-o", " encap ip dst 198.51.100.1 \\\tgeneve_opts 258:128:00112233,1:2:0a0b0c0d0e0f1011 "),
    ("geneve_one", 2, "08000200c6336401200008801c00018006000100ffff000005000200ff00000008000300deadbeef", "", " encap ip dst 198.51.100.1 \n\tgeneve_opts 65535:255:deadbeef "),
    ("geneve_one", 2, "08000200c6336401200008801c00018006000100ffff000005000200ff00000008000300deadbeef", "-j", "[{\"encap\":\"ip\",\"dst\":\"198.51.100.1\",\"geneve_opts\":[{\"class\":65535,\"type\":255,\"data\":\"deadbeef\"}]}]\n"),
    ("geneve_one", 2, "08000200c6336401200008801c00018006000100ffff000005000200ff00000008000300deadbeef", "-o", " encap ip dst 198.51.100.1 \\\tgeneve_opts 65535:255:deadbeef "),
    ("vxlan", 2, "08000200c6336401100008800c00028008000100d2040000", "", " encap ip dst 198.51.100.1 \n\tvxlan_opts 1234 "),
    ("vxlan", 2, "08000200c6336401100008800c00028008000100d2040000", "-j", "[{\"encap\":\"ip\",\"dst\":\"198.51.100.1\",\"vxlan_opts\":[{\"gbp\":1234}]}]\n"),
    ("vxlan", 2, "08000200c6336401100008800c00028008000100d2040000", "-o", " encap ip dst 198.51.100.1 \\\tvxlan_opts 1234 "),
    ("erspan_v1", 2, "08000200c6336401180008801400038005000100010000000800020000bc614e", "", " encap ip dst 198.51.100.1 \n\terspan_opts 1:12345678:0:0 "),
    ("erspan_v1", 2, "08000200c6336401180008801400038005000100010000000800020000bc614e", "-j", "[{\"encap\":\"ip\",\"dst\":\"198.51.100.1\",\"erspan_opts\":[{\"ver\":1,\"index\":12345678,\"dir\":0,\"hwid\":0}]}]\n"),
    ("erspan_v1", 2, "08000200c6336401180008801400038005000100010000000800020000bc614e", "-o", " encap ip dst 198.51.100.1 \\\terspan_opts 1:12345678:0:0 "),
    ("erspan_v2", 4, "1400020020010db8000000000000000000000001200008801c000380050001000200000005000300010000000500040011000000", "", " encap ip6 dst 2001:db8::1 \n\terspan_opts 2:0:1:17 "),
    ("erspan_v2", 4, "1400020020010db8000000000000000000000001200008801c000380050001000200000005000300010000000500040011000000", "-j", "[{\"encap\":\"ip6\",\"dst\":\"2001:db8::1\",\"erspan_opts\":[{\"ver\":2,\"index\":0,\"dir\":1,\"hwid\":17}]}]\n"),
    ("erspan_v2", 4, "1400020020010db8000000000000000000000001200008801c000380050001000200000005000300010000000500040011000000", "-o", " encap ip6 dst 2001:db8::1 \\\terspan_opts 2:0:1:17 "),
    ("bpf_programs", 6, "20000180080001000700000012000200696e2e6f3a5b6c77745f696e5d00000020000380080001000700000011000200782e6f3a5b2a66736f626a5d000000000800040020000000", "", " encap bpf in in.o:[lwt_in] xmit x.o:[*fsobj]  32 "),
    ("bpf_programs", 6, "20000180080001000700000012000200696e2e6f3a5b6c77745f696e5d00000020000380080001000700000011000200782e6f3a5b2a66736f626a5d000000000800040020000000", "-j", "[{\"encap\":\"bpf\",\"in\":\"in.o:[lwt_in]\",\"xmit\":\"x.o:[*fsobj]\",\"headroom\":32}]\n"),
    ("bpf_unnamed", 6, "0c0002800800010007000000", "", " encap bpf out "),
    ("bpf_unnamed", 6, "0c0002800800010007000000", "-j", "[{\"encap\":\"bpf\",\"out\":\"<unknown>\"}]\n"),
    ("seg6local_endpoint", 7, "080001000f0000001c00088008000100070000000f00020065702e6f3a5b7365635d0000", "", " encap seg6local action End.BPF endpoint ep.o:[sec] "),
    ("seg6local_endpoint", 7, "080001000f0000001c00088008000100070000000f00020065702e6f3a5b7365635d0000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.BPF\",\"endpoint\":\"ep.o:[sec]\"}]\n"),
    ("seg6local_endpoint", 7, "080001000f0000001c00088008000100070000000f00020065702e6f3a5b7365635d0000", "-s", " encap seg6local action End.BPF endpoint ep.o:[sec] "),
    ("seg6local_endpoint", 7, "080001000f0000001c00088008000100070000000f00020065702e6f3a5b7365635d0000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.BPF\",\"endpoint\":\"ep.o:[sec]\"}]\n"),
    ("seg6local_action_zero", 7, "0800010000000000", "", " encap seg6local action <unknown> "),
    ("seg6local_action_zero", 7, "0800010000000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"<unknown>\"}]\n"),
    ("seg6local_action_zero", 7, "0800010000000000", "-s", " encap seg6local action <unknown> "),
    ("seg6local_action_zero", 7, "0800010000000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"<unknown>\"}]\n"),
    ("seg6local_action_big", 7, "0800010063000000", "", " encap seg6local action <invalid> "),
    ("seg6local_action_big", 7, "0800010063000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"<invalid>\"}]\n"),
    ("seg6local_action_big", 7, "0800010063000000", "-s", " encap seg6local action <invalid> "),
    ("seg6local_action_big", 7, "0800010063000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"<invalid>\"}]\n"),
    ("seg6local_no_action", 7, "0800030005000000", "", " encap seg6local "),
    ("seg6local_no_action", 7, "0800030005000000", "-j", "[{\"encap\":\"seg6local\"}]\n"),
    ("seg6local_no_action", 7, "0800030005000000", "-s", " encap seg6local "),
    ("seg6local_no_action", 7, "0800030005000000", "-s -j", "[{\"encap\":\"seg6local\"}]\n"),
    ("seg6local_counters_big", 7, "080001000100000028000a800c00020015cd5b07000000000c00030088130000000000000c000400e703000000000000", "", " encap seg6local action End "),
    ("seg6local_counters_big", 7, "080001000100000028000a800c00020015cd5b07000000000c00030088130000000000000c000400e703000000000000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End\"}]\n"),
    ("seg6local_counters_big", 7, "080001000100000028000a800c00020015cd5b07000000000c00030088130000000000000c000400e703000000000000", "-s", " encap seg6local action End packets 123456789 bytes 5000 errors 999 "),
    ("seg6local_counters_big", 7, "080001000100000028000a800c00020015cd5b07000000000c00030088130000000000000c000400e703000000000000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End\",\"stats64\":{\"packets\":123456789,\"bytes\":5000,\"errors\":999}}]\n"),
    ("seg6local_counters_big", 7, "080001000100000028000a800c00020015cd5b07000000000c00030088130000000000000c000400e703000000000000", "-s -h", " encap seg6local action End packets 123M bytes 5.00k errors 999 "),
    ("seg6local_counters_big", 7, "080001000100000028000a800c00020015cd5b07000000000c00030088130000000000000c000400e703000000000000", "-s -h -iec", " encap seg6local action End packets 118Mi bytes 4.88ki errors 999 "),
    ("seg6local_oif_missing", 7, "080001000400000008000700e7030000", "", " encap seg6local action End.DX2 oif if999 "),
    ("seg6local_oif_missing", 7, "080001000400000008000700e7030000", "-j", "[{\"encap\":\"seg6local\",\"action\":\"End.DX2\",\"oif\":\"if999\"}]\n"),
    ("seg6local_oif_missing", 7, "080001000400000008000700e7030000", "-s", " encap seg6local action End.DX2 oif if999 "),
    ("seg6local_oif_missing", 7, "080001000400000008000700e7030000", "-s -j", "[{\"encap\":\"seg6local\",\"action\":\"End.DX2\",\"oif\":\"if999\"}]\n"),
    ("ioam6_encap_without_dst", 9, "0800040001000000080005000100000005000100020000000c0003000000000000000000", "", " encap ioam6 freq 1/1 "),
    ("ioam6_encap_without_dst", 9, "0800040001000000080005000100000005000100020000000c0003000000000000000000", "-j", "[{\"encap\":\"ioam6\",\"freqk\":1,\"freqn\":1}]\n"),
    ("ioam6_type_zero", 9, "0800040001000000080005000100000005000100010000000c0003000000000000000000", "", " encap ioam6 freq 1/1 mode inline trace prealloc type 00000000 ns 0 size 0 "),
    ("ioam6_type_zero", 9, "0800040001000000080005000100000005000100010000000c0003000000000000000000", "-j", "[{\"encap\":\"ioam6\",\"freqk\":1,\"freqn\":1,\"mode\":\"inline\",\"trace\":null,\"prealloc\":null,\"type\":\"0\",\"ns\":0,\"size\":0}]\n"),
    ("ioam6_missing_freq", 9, "05000100010000000c0003000000000000000000", "", " encap ioam6 "),
    ("ioam6_missing_freq", 9, "05000100010000000c0003000000000000000000", "-j", "[{\"encap\":\"ioam6\"}]\n"),
    ("type_unknown", 11, "", "", " encap unknown "),
    ("type_unknown", 11, "", "-j", "[{\"encap\":\"unknown\"}]\n"),
    ("type_none", 0, "", "", " encap unknown "),
    ("type_none", 0, "", "-j", "[{\"encap\":\"unknown\"}]\n"),
    ("xfrm_empty", 10, "", "", " encap xfrm "),
    ("xfrm_empty", 10, "", "-j", "[{\"encap\":\"xfrm\"}]\n"),
    ("mpls_ttl_only", 1, "0500020009000000", "", " encap mpls ttl 9 "),
    ("mpls_ttl_only", 1, "0500020009000000", "-j", "[{\"encap\":\"mpls\",\"ttl\":9}]\n"),
    ("mpls_labels_ttl", 1, "0c00010000064000000c81000500020005000000", "-c", " encap mpls  100/200 ttl 5 "),
    ("seg6_inline_hmac", 5, "6800010000000000000b0402020800000000000000000000000000000000000020010db800000000000000000000000220010db8000000000000000000000001052600000000001a0000000000000000000000000000000000000000000000000000000000000000", "-c", " encap seg6 mode inline segs 3 [ \x1b[34m2001:db8::1 \x1b[0m\x1b[34m2001:db8::2 \x1b[0m\x1b[34m:: \x1b[0m] hmac 1A "),
    ("seg6local_b6_encaps", 7, "080001000a00000054000200000904010108000020010db800000000000000000000000220010db800000000000000000000000105260000000000070000000000000000000000000000000000000000000000000000000000000000", "-c", " encap seg6local action End.B6.Encaps segs 2 [ \x1b[34m2001:db8::1 \x1b[0m\x1b[34m2001:db8::2 \x1b[0m] hmac 7 "),
    ("rpl_two", 8, "2c000100000403020000000020010db800000000000000000000000220010db8000000000000000000000001", "-c", " encap rpl segs 2 [ \x1b[34m2001:db8::1 \x1b[0m\x1b[34m2001:db8::2 \x1b[0m] "),
    ("ip_kernel", 2, "0c000100000000000000000508000200c633640908000300c00002010500050010000000050004000a00000006000600000d0000", "-c", " encap ip id 5 \x1b[35msrc 192.0.2.1 \x1b[0m\x1b[35mdst 198.51.100.9 \x1b[0mttl 10 tos 16 key csum seq "),
    ("ip6_kernel", 4, "0c00010000000000000000071400020020010db80000000000000000000000011400030020010db8000000000000000000000002050005002000000005000400050000000600060000040000", "-c", " encap ip6 id 7 \x1b[34msrc 2001:db8::2 \x1b[0m\x1b[34mdst 2001:db8::1 \x1b[0mhoplimit 5 tc 32 key "),
    ("geneve_one", 2, "08000200c6336401200008801c00018006000100ffff000005000200ff00000008000300deadbeef", "-c", " encap ip \x1b[35mdst 198.51.100.1 \x1b[0m\n\tgeneve_opts 65535:255:deadbeef "),
];

#[test]
fn encap_printed_as_ip_prints_it() {
    let mut failures = Vec::new();
    for (name, kind, hex, flags, expected) in CASES {
        // The colors were taken for a light background.
        if flags.contains("-c") && std::env::var_os("COLORFGBG").is_some() {
            continue;
        }
        let got = printed(*kind, hex, flags);
        if got != *expected {
            failures.push(format!(
                "{name} [{flags}]:\n  ip:   {expected:?}\n  rnet: {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
