//! How far a source can be trusted to have said a figure itself: the dataset format's grades
//! (`official`, …, `repost`) and the words the explorer shows for them live here and nowhere else.

use crate::lang::Lang;

/// A source's grade, from the body that speaks for the figure down to a copy of someone else's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Grade {
    /// The city government, the zone or its managing company.
    Official,
    /// The company the figure is about.
    Company,
    /// National news agencies and papers.
    MajorMedia,
    /// Regional, trade and district media.
    Media,
    /// A mirror, an aggregator, a platform post or a search page: a copy, not the original.
    Repost,
}

impl Grade {
    pub const ALL: [Grade; 5] = [Grade::Official, Grade::Company, Grade::MajorMedia, Grade::Media, Grade::Repost];

    /// The name in the dataset format (JSON, CSV and the CSV export).
    pub fn code(self) -> &'static str {
        match self {
            Grade::Official => "official",
            Grade::Company => "company",
            Grade::MajorMedia => "major_media",
            Grade::Media => "media",
            Grade::Repost => "repost",
        }
    }

    /// The grade in words, as the tooltip and the details show it beside the source.
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            Grade::Official => lang.pick("официальный источник", "official source"),
            Grade::Company => lang.pick("сама компания", "the company itself"),
            Grade::MajorMedia => lang.pick("федеральное СМИ", "national media"),
            Grade::Media => lang.pick("региональное или отраслевое СМИ", "regional or trade media"),
            Grade::Repost => lang.pick("только перепечатка (зеркало или агрегатор), оригинал не найден", "a repost only (a mirror or aggregator); the original was not found"),
        }
    }
}

/// The words for a source's grade, or for a source whose dataset gives none.
pub fn grade_words(grade: Option<Grade>, lang: Lang) -> &'static str {
    grade.map_or_else(|| lang.pick("надёжность источника не указана", "source not graded"), |g| g.words(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grade_has_its_own_code_and_words() {
        for lang in [Lang::Ru, Lang::En] {
            let words: Vec<&str> = Grade::ALL.map(|g| g.words(lang)).to_vec();
            let codes: Vec<&str> = Grade::ALL.map(Grade::code).to_vec();
            for list in [&words, &codes] {
                let mut unique = list.to_vec();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(unique.len(), Grade::ALL.len(), "{list:?}");
            }
        }
        assert_eq!(Grade::MajorMedia.code(), "major_media");
        assert!(Grade::Repost.words(Lang::En).contains("repost"));
    }
}
