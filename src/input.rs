//! One way in for every dataset, whatever brought it (the embedded one, an address, a file, a
//! paste): bytes are checked against the limits and for UTF-8, then read as JSON or CSV.

use crate::csv_import::parse_csv_watched;
use crate::dataset::{Dataset, Watch};
use crate::limits::MAX_BYTES;
use crate::problem::{Problem, ProblemKind};

/// A dataset read and validated, with its JSON form (a CSV's is made from it).
pub fn read_dataset(bytes: &[u8], name: &str) -> Result<(Dataset, String), Vec<Problem>> {
    read_dataset_watched(bytes, name, &mut |_, _| {})
}

/// `read_dataset`, telling `watch` how many observations have been checked as it goes.
pub fn read_dataset_watched(bytes: &[u8], name: &str, watch: Watch) -> Result<(Dataset, String), Vec<Problem>> {
    let whole = |kind| vec![Problem::new("$", kind)];
    if bytes.len() > MAX_BYTES {
        return Err(whole(ProblemKind::TooLarge { bytes: bytes.len(), limit: MAX_BYTES }));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| whole(ProblemKind::NotUtf8 { offset: e.valid_up_to() }))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // By the file's name where it has one; otherwise JSON starts with a bracket, CSV does not.
    let name = name.to_ascii_lowercase();
    let is_csv = name.ends_with(".csv") || !name.ends_with(".json") && !text.trim_start().starts_with(['{', '[']);
    match is_csv {
        true => parse_csv_watched(text, watch),
        false => Dataset::parse_watched(text, watch).map(|data| (data, text.to_string())),
    }
}
