//! The kernel layer must not reach the layers above it, not even through
//! another module: `kernel → model → grammar → error → kernel` is an import
//! circle as much as `kernel → error → kernel`. The test reads the sources
//! as text and follows every path from the crate root, `super` or `self` a
//! file names, file by file, from each file of `src/kernel/`.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};

/// The top modules above the kernel layer: each of them imports it, so
/// reaching one from here closes a circle.
const ABOVE: [&str; 10] = [
    "error", "explain", "objects", "output", "context", "grammar", "app", "batch", "registry",
    "generate",
];

/// The module paths a source names (`a::b::c` for `use a::b::c;`), from
/// its lines that are not comments, with groups (`a::{b, c::d}`) spread
/// out. `crate`, `super` and `self` are kept as the first segment.
fn named_paths(text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = code.as_bytes();
    let mut paths = Vec::new();
    for root in ["crate", "super", "self"] {
        let head = format!("{root}::");
        for (at, _) in code.match_indices(&head) {
            let joined = at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
            // `super::super::x` is read once, from its first `super`.
            let continued = at >= 2 && &code[at - 2..at] == "::";
            if !joined && !continued {
                spread(&code[at..], Vec::new(), &mut paths);
            }
        }
    }
    paths
}

/// Reads one path at the start of `text` (after `prefix`), spreading a
/// `{…}` group into one path per item.
fn spread(text: &str, mut prefix: Vec<String>, paths: &mut Vec<Vec<String>>) {
    let mut rest = text.trim_start();
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut start = 0;
            for (at, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' | ',' if depth == 1 => {
                        spread(&group[start..at], prefix.clone(), paths);
                        start = at + 1;
                        if c == '}' {
                            return;
                        }
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            return;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        prefix.push(rest[..end].to_string());
        match rest[end..].strip_prefix("::") {
            Some(next) => rest = next.trim_start(),
            None => break,
        }
    }
    if !prefix.is_empty() {
        paths.push(prefix);
    }
}

/// The module path of a source below `src` (`kernel/mod.rs` is `kernel`).
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("a source below src");
    let mut segments: Vec<String> = relative
        .with_extension("")
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if segments
        .last()
        .is_some_and(|last| last == "mod" || last == "lib")
    {
        segments.pop();
    }
    segments
}

/// The file that defines the longest module prefix of `path`, a path named
/// in `file` (an item's name after the module is cut off this way).
fn file_of(src: &Path, file: &Path, path: &[String]) -> Option<PathBuf> {
    let mut full = Vec::new();
    let mut segments = path.iter().peekable();
    match segments.peek().map(|first| first.as_str()) {
        Some("crate") => {
            segments.next();
        }
        Some("super" | "self") => full = module_of(src, file),
        _ => return None,
    }
    for segment in segments {
        match segment.as_str() {
            "super" => {
                full.pop();
            }
            "self" => {}
            _ => full.push(segment.clone()),
        }
    }
    (1..=full.len()).rev().find_map(|len| {
        let base = full[..len].iter().fold(src.to_path_buf(), |p, s| p.join(s));
        [base.with_extension("rs"), base.join("mod.rs")]
            .into_iter()
            .find(|candidate| candidate.is_file())
    })
}

fn sources_below(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("a source folder is readable") {
        let path = entry.expect("an entry of a source folder").path();
        if path.is_dir() {
            sources_below(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn paths_are_read_as_the_compiler_reads_them() {
    // Names that are no module of rnet's, since this file is walked too.
    let text = "use crate::alpha::{beta::{Gamma, Delta}, epsilon::*};\n\
                // use crate::zeta::Eta;\n\
                let x = super::super::theta::iota(crate::kappa::lambda);";
    let paths: Vec<String> = named_paths(text).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "crate::alpha::beta::Gamma",
            "crate::alpha::beta::Delta",
            "crate::alpha::epsilon",
            "crate::kappa::lambda",
            "super::super::theta::iota",
        ]
    );
}

#[test]
fn the_kernel_layer_imports_no_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut start = Vec::new();
    sources_below(&src.join("kernel"), &mut start);
    assert!(start.len() >= 10, "only {} kernel sources", start.len());
    // Each file reached, with the file it was reached from.
    let mut reached: BTreeMap<PathBuf, Option<PathBuf>> =
        start.iter().map(|file| (file.clone(), None)).collect();
    let mut queue: VecDeque<PathBuf> = start.into();
    while let Some(file) = queue.pop_front() {
        let text = std::fs::read_to_string(&file).expect("a source is readable");
        for path in named_paths(&text) {
            if let Some(named) = file_of(&src, &file, &path) {
                if named != file && !reached.contains_key(&named) {
                    reached.insert(named.clone(), Some(file.clone()));
                    queue.push_back(named);
                }
            }
        }
    }
    // The walk must really follow paths: the kernel prints its warnings
    // through the diagnostics module.
    assert!(reached.contains_key(&src.join("diagnostics.rs")));
    let mut chains = Vec::new();
    for file in reached.keys() {
        let top = module_of(&src, file);
        if top.first().is_some_and(|top| ABOVE.contains(&top.as_str())) {
            let mut chain = vec![file.clone()];
            while let Some(Some(from)) = reached.get(chain.last().expect("a file")) {
                chain.push(from.clone());
            }
            let names: Vec<String> = chain
                .iter()
                .rev()
                .map(|file| {
                    file.strip_prefix(&src)
                        .unwrap_or(file)
                        .display()
                        .to_string()
                })
                .collect();
            chains.push(names.join(" → "));
        }
    }
    assert!(
        chains.is_empty(),
        "the kernel layer reaches the layers above it: {chains:#?}"
    );
}
