//! Embeds the dataset in two forms. The full build reads, and exports, the JSON of
//! `data/technopolis-moscow.json` without its indentation: whitespace between tokens is dropped,
//! text inside strings is kept byte for byte. The first-chart build has no JSON reader: it reads
//! the dataset as validated here, by the crate's own reader, and encoded with postcard. An
//! invalid embedded dataset fails the build with its problems listed.

// The crate's reader and what it uses, compiled into this script; most of their functions are
// for the crate, not for this script.
#![allow(dead_code, unused_imports)]
#[path = "src/dataset.rs"]
mod dataset;
#[path = "src/format.rs"]
mod format;
#[path = "src/json.rs"]
mod json;
#[path = "src/lang.rs"]
mod lang;
#[path = "src/limits.rs"]
mod limits;
#[path = "src/problem.rs"]
mod problem;
#[path = "src/raw.rs"]
mod raw;
#[path = "src/sorting.rs"]
mod sorting;
#[path = "src/time.rs"]
mod time;

use std::{env, fs, path::PathBuf};

const DATASET: &str = "data/technopolis-moscow.json";

fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed={DATASET}");
    println!("cargo:rerun-if-changed=build.rs");
    let json = minify(&fs::read_to_string(DATASET).expect("the dataset is readable UTF-8"));
    let data = dataset::Dataset::parse(&json).unwrap_or_else(|problems| {
        let listed: Vec<String> = problems.iter().map(|p| p.describe(lang::Lang::En)).collect();
        panic!("{DATASET} is not a valid dataset:\n{}", listed.join("\n"))
    });
    let encoded = postcard::to_allocvec(&data).expect("a dataset encodes");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("technopolis-moscow.min.json"), json).expect("OUT_DIR is writable");
    fs::write(out.join("technopolis-moscow.postcard"), encoded).expect("OUT_DIR is writable");
}
