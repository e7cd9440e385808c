//! Draws the prerendered first paint: `prerender OUT_DIR` writes each view's snapshot in each
//! language as `{view}-{lang}-{width}.html` (the chart with its marks' highlights and hit areas,
//! see `snapshot`), and `snapshots.css`, the rules that pick the width that fits and darken it
//! for the dark theme. `scripts/prerender.mjs` puts them into the pages.
use std::path::Path;
use std::process::ExitCode;
use technopolis_explorer::chart::View;
use technopolis_explorer::dataset::Dataset;
use technopolis_explorer::lang::Lang;
use technopolis_explorer::snapshot::{self, WIDTHS};
use technopolis_explorer::EMBEDDED_DATASET;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: prerender OUT_DIR");
        return ExitCode::FAILURE;
    };
    match write_all(Path::new(&out)) {
        Ok(count) => {
            println!("prerendered {count} charts into {out}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("prerender: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(out: &Path) -> Result<usize, String> {
    let data = Dataset::parse(EMBEDDED_DATASET).map_err(|problems| problems.iter().map(|p| p.describe(Lang::En)).collect::<Vec<_>>().join("\n"))?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: String, text: &str| std::fs::write(out.join(&name), text).map_err(|e| format!("{name}: {e}"));
    write("snapshots.css".into(), &(snapshot::width_rules() + &snapshot::dark_rules()))?;
    let mut count = 0;
    for view in View::ALL {
        for lang in Lang::ALL {
            for width in WIDTHS {
                if let Some(scene) = snapshot::scene(&data, view, lang, width) {
                    write(format!("{}-{}-{width}.html", view.code(), lang.code()), &snapshot::snap(&scene, width))?;
                    count += 1;
                }
            }
        }
    }
    Ok(count)
}
