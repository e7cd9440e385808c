//! What the explorer accepts at most, checked before the expensive work: a file's bytes before it
//! is parsed, list lengths before items are decoded. Larger input is refused with a message.

/// A dataset file, JSON or CSV: a million observations in the compact form fit (154 MB).
pub const MAX_BYTES: usize = 200 * 1024 * 1024;
/// Observations in a JSON dataset: ten thousand times the embedded dataset.
pub const MAX_OBSERVATIONS: usize = 1_000_000;
/// Rows of a CSV dataset: a spreadsheet's worth. Each row also carries its source and names,
/// so a CSV costs several times a JSON dataset's memory per figure.
pub const MAX_CSV_ROWS: usize = 100_000;
/// Sites, sectors, companies, measures or sources, each.
pub const MAX_ITEMS: usize = 10_000;
/// Any one text: a name, a wording, a note.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// A figure larger than this is a typing error, not a count of jobs or companies.
pub const MAX_VALUE: f64 = 1e12;
