//! lib/utils.c `parse_one_of` and `parse_on_off`: a value chosen from a
//! list by prefix (`o` is `off`, the first item it abbreviates). Callers
//! decide what the failure costs, as ip's do (status 22, 1, or exit).

use crate::grammar::matches;

/// The index of the first item `word` abbreviates, or ip's complaint.
pub fn one_of(key: &str, word: &str, list: &[&str]) -> Result<usize, String> {
    if let Some(index) = list.iter().position(|item| matches(word, item)) {
        return Ok(index);
    }
    let items: String = list.iter().map(|item| format!("\"{item}\", ")).collect();
    Err(format!(
        "Error: argument of \"{key}\" must be one of {items}not \"{word}\""
    ))
}

/// `parse_on_off`: true for `on`.
pub fn on_off(key: &str, word: &str) -> Result<bool, String> {
    one_of(key, word, &["off", "on"]).map(|index| index == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_choose_the_first_item() {
        assert_eq!(on_off("carrier", "o"), Ok(false));
        assert_eq!(on_off("carrier", "on"), Ok(true));
        assert_eq!(on_off("carrier", "of"), Ok(false));
        assert_eq!(
            on_off("carrier", "maybe"),
            Err(
                "Error: argument of \"carrier\" must be one of \"off\", \"on\", not \"maybe\""
                    .into()
            )
        );
        assert!(on_off("carrier", "").is_err());
        assert_eq!(one_of("offload", "p", &["off", "phy", "mac"]), Ok(1));
    }
}
