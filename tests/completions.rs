//! Completion scripts loaded into a real shell and queried, and the man page.

mod common;

use common::{rnet_binary, run_in_sandbox, sandbox_available};

/// Bash: load the script, complete `words` (the last one being typed).
fn complete(words: &str) -> String {
    format!(
        "bash -c '. ./rnet.bash; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); _rnet; \
         printf \"%s\\n\" \"${{COMPREPLY[@]}}\" | sort'"
    )
}

#[test]
fn bash_completes_objects_commands_and_live_names() {
    if !sandbox_available("bash_completion") {
        return;
    }
    let commands = [
        "rnet -completions bash > rnet.bash && $IP link add web0 type veth peer name web1 && $IP netns add blue && $IP netns add green".to_string(),
        complete("rnet n"),
        complete("rnet netns \"\""),
        complete("rnet netns exec \"\""),
        complete("rnet -n g"),
        complete("rnet link show we"),
        complete("rnet link set dev \"\""),
    ];
    let out = run_in_sandbox(&rnet_binary(), &commands);
    assert_eq!(out[0].status, 0, "{out:?}");
    assert_eq!(out[1].stdout, "neighbor\nnetconf\nnetns\nnexthop\nntable\n");
    assert_eq!(
        out[2].stdout,
        "add\nattach\ndelete\nexec\nhelp\nidentify\nlist\nlist-id\nmonitor\npids\nset\n"
    );
    assert_eq!(out[3].stdout, "blue\ngreen\n");
    assert_eq!(out[4].stdout, "green\n");
    assert_eq!(out[5].stdout, "web0\nweb1\n");
    assert_eq!(out[6].stdout, "lo\nweb0\nweb1\n");
}

#[test]
fn zsh_fish_and_man_page_are_generated() {
    for (args, needle) in [
        (vec!["-completions", "zsh"], "#compdef rnet"),
        (vec!["-completions", "fish"], "complete -c rnet"),
        (vec!["-man"], ".TH rnet 8"),
    ] {
        let out = std::process::Command::new(rnet_binary())
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(needle),
            "{args:?}"
        );
    }
    let out = std::process::Command::new(rnet_binary())
        .args(["-completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(255));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "No completion script for \"tcsh\": try bash, zsh or fish.\n"
    );
}
