//! A validated dataset on its way from the worker that read it to the page: cut into pieces
//! (postcard) that the page takes one at a time, each turned back into data well within a frame,
//! so that a million observations reach the explorer without a long task on the page's thread.
//! The pieces come from the explorer's own worker; what they say is checked anyway where a wrong
//! piece could later make the page panic (an index out of range), never trusted blindly.

use crate::dataset::{Company, Dataset, Measure, Named, Observation, Site, Source};
use serde::{Deserialize, Serialize};

/// Observations per piece: 20,000 turn back into data in about 10 ms.
pub const OBSERVATIONS_PER_PIECE: usize = 20_000;
/// Bytes of the dataset's JSON text per piece.
pub const TEXT_PER_PIECE: usize = 1 << 20;

/// A piece as written, borrowing from the dataset.
#[derive(Serialize)]
enum Outgoing<'a> {
    Head { zone: &'a Named, sites: &'a [Site], sectors: &'a [Named], companies: &'a [Company], measures: &'a [Measure], sources: &'a [Source], observations: usize, text: usize },
    Observations(&'a [Observation]),
    Index(&'a [usize]),
    Text(&'a str),
}

/// A piece as read: the same shape, owned.
#[derive(Deserialize)]
enum Incoming {
    Head { zone: Named, sites: Vec<Site>, sectors: Vec<Named>, companies: Vec<Company>, measures: Vec<Measure>, sources: Vec<Source>, observations: usize, text: usize },
    Observations(Vec<Observation>),
    Index(Vec<usize>),
    Text(String),
}

/// The dataset and its JSON text, as pieces: the head (everything but the observations), the
/// observations a few at a time, the index of subjects, the text a megabyte at a time.
pub fn pack(data: &Dataset, json: &str) -> Result<Vec<Vec<u8>>, postcard::Error> {
    let head = Outgoing::Head {
        zone: &data.zone,
        sites: &data.sites,
        sectors: &data.sectors,
        companies: &data.companies,
        measures: &data.measures,
        sources: &data.sources,
        observations: data.observations.len(),
        text: json.len(),
    };
    let observations = data.observations.chunks(OBSERVATIONS_PER_PIECE).map(Outgoing::Observations);
    let text = text_pieces(json).map(Outgoing::Text);
    std::iter::once(head).chain(observations).chain([Outgoing::Index(&data.by_subject)]).chain(text).map(|piece| postcard::to_allocvec(&piece)).collect()
}

/// `text` in parts of about `TEXT_PER_PIECE` bytes, cut between characters.
fn text_pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = TEXT_PER_PIECE.min(rest.len());
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// What went wrong putting a dataset back together.
#[derive(Debug, PartialEq)]
pub enum Broken {
    /// The pieces are not what the explorer's worker writes: what is wrong with them.
    Pieces(&'static str),
    /// The browser gave no memory for the observations.
    NoMemory,
}

/// A dataset being put back together from its pieces, in the order `pack` wrote them.
#[derive(Default)]
pub struct Unpacker {
    head: Option<Head>,
    observations: Vec<Observation>,
    index: Option<Vec<usize>>,
    text: String,
}

struct Head {
    zone: Named,
    sites: Vec<Site>,
    sectors: Vec<Named>,
    companies: Vec<Company>,
    measures: Vec<Measure>,
    sources: Vec<Source>,
    observations: usize,
}

impl Unpacker {
    /// Takes the next piece.
    pub fn add(&mut self, piece: &[u8]) -> Result<(), Broken> {
        match postcard::from_bytes(piece).map_err(|_| Broken::Pieces("a piece that is not a dataset's"))? {
            Incoming::Head { zone, sites, sectors, companies, measures, sources, observations, text } => {
                // Room for all of it at once: growing step by step copies what came so far.
                self.observations.try_reserve_exact(observations).map_err(|_| Broken::NoMemory)?;
                self.text.try_reserve_exact(text).map_err(|_| Broken::NoMemory)?;
                self.head = Some(Head { zone, sites, sectors, companies, measures, sources, observations });
            }
            Incoming::Observations(mut observations) => {
                let head = self.head.as_ref().ok_or(Broken::Pieces("observations before the dataset's head"))?;
                if !observations.iter().all(|o| refers_within(o, head)) {
                    return Err(Broken::Pieces("an observation that refers past its lists"));
                }
                // Worked out here, a piece at a time, rather than sent.
                for observation in &mut observations {
                    observation.span = observation.when.sort_key();
                }
                self.observations.extend(observations);
            }
            Incoming::Index(index) => self.index = Some(index),
            Incoming::Text(text) => self.text.push_str(&text),
        }
        Ok(())
    }

    /// The dataset and its JSON text, once every piece has come.
    pub fn finish(self) -> Result<(Dataset, String), Broken> {
        let head = self.head.ok_or(Broken::Pieces("no dataset head"))?;
        let index = self.index.ok_or(Broken::Pieces("no index of subjects"))?;
        let count = self.observations.len();
        if count != head.observations || index.len() != count || index.iter().any(|&i| i >= count) {
            return Err(Broken::Pieces("pieces missing or out of order"));
        }
        let data = Dataset {
            zone: head.zone,
            sites: head.sites,
            sectors: head.sectors,
            companies: head.companies,
            measures: head.measures,
            sources: head.sources,
            observations: self.observations,
            by_subject: index,
        };
        Ok((data, self.text))
    }
}

/// Whether every position an observation holds is inside the lists of its dataset's head.
fn refers_within(observation: &Observation, head: &Head) -> bool {
    let scope = &observation.scope;
    observation.measure < head.measures.len()
        && observation.source < head.sources.len()
        && scope.sites.iter().all(|&s| s < head.sites.len())
        && scope.sector.is_none_or(|s| s < head.sectors.len())
        && scope.company.is_none_or(|c| c < head.companies.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Dataset {
        Dataset::parse(crate::EMBEDDED_DATASET).expect("the embedded dataset is valid")
    }

    fn unpacked(pieces: &[Vec<u8>]) -> Result<(Dataset, String), Broken> {
        let mut unpacker = Unpacker::default();
        for piece in pieces {
            unpacker.add(piece)?;
        }
        unpacker.finish()
    }

    #[test]
    fn a_dataset_comes_back_whole_from_its_pieces() {
        let data = embedded();
        let pieces = pack(&data, crate::EMBEDDED_DATASET).expect("packed");
        assert_eq!(pieces.len(), 1 + 1 + 1 + 1, "head, observations, index, text");
        let (back, text) = unpacked(&pieces).expect("unpacked");
        assert_eq!(back, data);
        assert_eq!(text, crate::EMBEDDED_DATASET);
    }

    #[test]
    fn text_is_cut_between_characters() {
        let text = "ж".repeat(TEXT_PER_PIECE);
        let pieces: Vec<&str> = text_pieces(&text).collect();
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces.concat(), text);
        assert_eq!(text_pieces("").count(), 0);
    }

    #[test]
    fn missing_reordered_or_foreign_pieces_are_refused() {
        let pieces = pack(&embedded(), "{}").expect("packed");
        assert_eq!(unpacked(&pieces[1..]).err(), Some(Broken::Pieces("observations before the dataset's head")));
        let without_observations = [pieces[0].clone(), pieces[2].clone()];
        assert_eq!(unpacked(&without_observations).err(), Some(Broken::Pieces("pieces missing or out of order")));
        assert_eq!(unpacked(&[vec![200, 1, 2]]).err(), Some(Broken::Pieces("a piece that is not a dataset's")));
        let mut data = embedded();
        data.observations[0].source = data.sources.len();
        let pieces = pack(&data, "{}").expect("packed");
        assert_eq!(unpacked(&pieces).err(), Some(Broken::Pieces("an observation that refers past its lists")));
    }
}
