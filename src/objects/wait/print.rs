//! The answer of `rnet wait`: one line saying what held (`link va is up`),
//! or with `-j` one object saying what was waited for, whether it held,
//! what was seen and after how long. The same calls give both.

use std::time::Duration;

use crate::output::{Kind, Printer};

/// What a wait ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// `link`, `address`, `route` or `netns`.
    pub kind: &'static str,
    /// The object as named on the command line: `va`, `2001:db8::1 dev va`.
    pub subject: String,
    /// The condition word: `up`, `ready`, `gone`, ...
    pub condition: &'static str,
    pub held: bool,
    /// What the object was last seen as: `up, no carrier`, `tentative`.
    pub state: &'static str,
    pub elapsed: Duration,
}

/// How a condition reads once it holds: `is up`, `has carrier`, `exists`.
pub fn condition_met(condition: &str) -> String {
    match condition {
        "exists" => "exists".to_string(),
        "carrier" => "has carrier".to_string(),
        other => format!("is {other}"),
    }
}

/// How a condition reads while awaited: `to be up`, `to have carrier`.
pub fn condition_awaited(condition: &str) -> String {
    match condition {
        "exists" => "to exist".to_string(),
        "carrier" => "to have carrier".to_string(),
        other => format!("to be {other}"),
    }
}

/// Prints `outcome`: in text only when it held (a timeout is told on
/// stderr by the error), in JSON always.
pub fn print_outcome(p: &mut Printer, outcome: &Outcome) {
    p.begin_object_document();
    if outcome.held || p.is_json() {
        p.string(Kind::Any, Some("wait"), "{} ", outcome.kind);
        p.string(Kind::Any, Some("target"), "{} ", &outcome.subject);
        p.string(Kind::Json, Some("condition"), "", outcome.condition);
        p.text(condition_met(outcome.condition));
        p.boolean(Kind::Json, Some("held"), "", outcome.held);
        p.string(Kind::Json, Some("state"), "", outcome.state);
        p.number(
            Kind::Json,
            Some("elapsed"),
            "",
            &format!("{:.3}", outcome.elapsed.as_secs_f64()),
        );
        p.text("\n");
    }
    p.end_object_document();
    p.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::options::Options;

    fn outcome(held: bool) -> Outcome {
        Outcome {
            kind: "link",
            subject: "va".into(),
            condition: "carrier",
            held,
            state: "up, carrier",
            elapsed: Duration::from_millis(1250),
        }
    }

    fn printed(options: &Options, outcome: &Outcome) -> String {
        let (mut printer, buffer) = Printer::capture(options);
        print_outcome(&mut printer, outcome);
        drop(printer);
        let bytes = buffer.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn text_and_json() {
        let options = Options::default();
        assert_eq!(printed(&options, &outcome(true)), "link va has carrier\n");
        assert_eq!(printed(&options, &outcome(false)), "");
        let json = Options {
            json: 1,
            ..Options::default()
        };
        assert_eq!(
            printed(&json, &outcome(false)),
            "{\"wait\":\"link\",\"target\":\"va\",\"condition\":\"carrier\",\"held\":false,\
             \"state\":\"up, carrier\",\"elapsed\":1.250}\n"
        );
    }
}
