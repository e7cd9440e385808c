//! The crate's modules depend one way: no module uses, directly or through others, a module that
//! uses it. Read from the sources' `crate::` and `super::` paths, so a new cycle fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each module's name (`dataset`, `web/app`) and source.
fn modules(dir: &Path, prefix: &str, found: &mut BTreeMap<String, String>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if path.is_dir() {
            modules(&path, &format!("{prefix}{stem}/"), found);
        } else if path.extension().is_some_and(|e| e == "rs") && stem != "lib" {
            let name = match stem.as_str() {
                "mod" => prefix.trim_end_matches('/').to_string(),
                _ => format!("{prefix}{stem}"),
            };
            found.insert(name, fs::read_to_string(&path).expect("a readable source"));
        }
    }
}

/// The names that follow `marker` in `source` (`crate::dataset::…` gives `dataset`).
fn named_after<'s>(source: &'s str, marker: &str) -> Vec<&'s str> {
    source
        .split(marker)
        .skip(1)
        .filter_map(|rest| rest.split(|c: char| !(c.is_ascii_lowercase() || c == '_')).next())
        .filter(|name| !name.is_empty())
        .collect()
}

/// Which module each module uses: by `crate::` the top-level ones, by `super::` its siblings.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut sources = BTreeMap::new();
    modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), "", &mut sources);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, source) in &sources {
        let top = name.split('/').next().unwrap_or_default().to_string();
        let parent = name.rsplit_once('/').map(|(parent, _)| parent);
        for used in named_after(source, "crate::").into_iter().filter(|m| sources.contains_key(*m) && **m != top) {
            edges.entry(top.clone()).or_default().insert(used.to_string());
        }
        if let Some(parent) = parent {
            for sibling in named_after(source, "super::").into_iter().map(|m| format!("{parent}/{m}")) {
                if sources.contains_key(&sibling) && sibling != *name {
                    edges.entry(name.clone()).or_default().insert(sibling);
                }
            }
        }
    }
    edges
}

/// A path from `from` back to itself, if there is one.
fn cycle_through(edges: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![(from.to_string(), vec![from.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in edges.get(&at).into_iter().flatten() {
            if next == from {
                return Some([path.clone(), vec![from.to_string()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
            }
        }
    }
    None
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let edges = graph();
    assert!(edges.get("chart").is_some_and(|used| used.contains("dataset")), "the graph is read: {edges:?}");
    assert!(edges.get("web/app").is_some_and(|used| used.contains("web/painter")), "sibling modules are read: {edges:?}");
    let cycles: Vec<String> = edges.keys().filter_map(|m| cycle_through(&edges, m)).map(|c| c.join(" → ")).collect();
    assert!(cycles.is_empty(), "modules in a cycle: {cycles:#?}");
}
