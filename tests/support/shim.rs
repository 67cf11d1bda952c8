//! The LD_PRELOAD shim (linkinfo_shim.c) that makes ip and rnet see a
//! crafted IFLA_LINKINFO, for link kinds this kernel lacks. One build, shared
//! by the unit tests of the printers and the integration tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The shim, compiled once if a C compiler is at hand and kept in the
/// temporary directory under a name derived from its source, so runs share
/// it instead of piling up copies.
pub fn linkinfo_shim() -> Option<&'static Path> {
    static SHIM: OnceLock<Option<PathBuf>> = OnceLock::new();
    SHIM.get_or_init(|| {
        use std::hash::{Hash, Hasher};
        let source_text = include_str!("linkinfo_shim.c");
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        source_text.hash(&mut hasher);
        let tmp = std::env::temp_dir();
        let library = tmp.join(format!("rnet-linkinfo-shim-{:016x}.so", hasher.finish()));
        if library.exists() {
            return Some(library);
        }
        let scratch = tmp.join(format!("rnet-linkinfo-shim-{}", std::process::id()));
        std::fs::create_dir_all(&scratch).ok()?;
        let source = scratch.join("linkinfo_shim.c");
        std::fs::write(&source, source_text).ok()?;
        let built = scratch.join("linkinfo_shim.so");
        let ok = std::process::Command::new("cc")
            .args(["-shared", "-fPIC", "-o"])
            .arg(&built)
            .arg(&source)
            .arg("-ldl")
            .status()
            .is_ok_and(|status| status.success());
        // A rename is atomic: concurrent runs never see half a library.
        let installed = ok && std::fs::rename(&built, &library).is_ok();
        let _ = std::fs::remove_dir_all(&scratch);
        installed.then_some(library)
    })
    .as_deref()
}
