//! `ip vrf show`'s table (ip/ipvrf.c `ipvrf_show`, `ipvrf_print`): a
//! header, `NAME(16) TABLE(5)` rows and a line when there are none. The
//! header and that line are text only; JSON has just the rows.

use crate::output::{Kind, Printer};

/// The header ip prints above the rows.
pub fn print_header(p: &mut Printer) {
    p.string(Kind::Text, None, "{}", format!("{:<16}", "Name"));
    p.string(Kind::Text, None, "  {}\n", format!("{:>5}", "Table"));
    p.string(Kind::Text, None, "{}\n", "-----------------------");
}

/// One VRF: its device name and routing table.
pub fn print_vrf(p: &mut Printer, name: &[u8], table: u32) {
    p.open_object(None);
    let mut padded = name.to_vec();
    padded.resize(name.len().max(16), b' ');
    p.string(Kind::Json, Some("name"), "", name);
    p.string(Kind::Text, None, "{}", &padded);
    p.int(Kind::Json, Some("table"), "", table);
    p.string(Kind::Text, None, " {}", format!("{table:>5}"));
    p.string(Kind::Text, None, "{}", "\n");
    p.close_object();
}

/// The line ip prints when no VRF was listed.
pub fn print_none(p: &mut Printer) {
    p.string(Kind::Text, None, "{}\n", "No VRF has been configured");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;

    fn printed(options: &Options) -> String {
        let (mut p, buffer) = Printer::capture(options);
        p.begin_list();
        print_header(&mut p);
        print_vrf(&mut p, b"blue", 10);
        print_vrf(&mut p, b"a-very-long-vrf-name", 1000000);
        p.end_list();
        p.flush();
        let text = String::from_utf8(buffer.lock().unwrap().clone()).unwrap();
        text
    }

    #[test]
    fn rows_in_ip_layout() {
        assert_eq!(
            printed(&Options::default()),
            "Name              Table\n-----------------------\n\
             blue                10\n\
             a-very-long-vrf-name 1000000\n"
        );
        let json = Options {
            json: 1,
            ..Options::default()
        };
        assert_eq!(
            printed(&json),
            "[{\"name\":\"blue\",\"table\":10},{\"name\":\"a-very-long-vrf-name\",\"table\":1000000}]\n"
        );
    }
}
