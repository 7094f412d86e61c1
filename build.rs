//! Embeds the rule catalogue: every `rules/*.toml` becomes an entry of
//! `catalogue::SOURCES`, so adding a rule's documentation needs no code change here.

use std::{env, fs, path::Path};

fn main() {
    // Read at run time: `env!` would freeze the path of the checkout that first built
    // this script, and a target/ dir shared with another worktree would embed its rules.
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("the rules/ folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    let mut out = String::from("pub static SOURCES: &[(&str, &str)] = &[\n");
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().unwrap().to_string_lossy();
        out.push_str(&format!(
            "    ({stem:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("catalogue_sources.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
