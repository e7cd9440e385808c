//! Embeds the dataset without the indentation of `data/technopolis-moscow.json`: the same JSON,
//! with the whitespace between tokens dropped (text inside strings is kept byte for byte).

use std::{env, fs, path::Path};

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
    let json = fs::read_to_string(DATASET).expect("the dataset is readable UTF-8");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("technopolis-moscow.min.json");
    fs::write(out, minify(&json)).expect("OUT_DIR is writable");
}
