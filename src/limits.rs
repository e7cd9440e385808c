//! What the explorer accepts at most, checked before the expensive work: a file's bytes before it
//! is parsed, list lengths before items are decoded. Larger input is refused with a message.

/// A dataset file, JSON or CSV.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Observations (JSON) or rows (CSV).
pub const MAX_OBSERVATIONS: usize = 100_000;
/// Sites, sectors, companies, measures or sources, each.
pub const MAX_ITEMS: usize = 10_000;
/// Any one text: a name, a wording, a note.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// A figure larger than this is a typing error, not a count of jobs or companies.
pub const MAX_VALUE: f64 = 1e12;
