//! How a source words a figure: exactly, more than, almost, about, up to, at least, or as a
//! range. The dataset format's names for them (`more_than`, …) live here and nowhere else.

/// A figure's qualifier; a range carries its upper end.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Qualifier {
    Exact,
    MoreThan,
    Almost,
    About,
    UpTo,
    AtLeast,
    Range { max: f64 },
}

/// A qualifier as the dataset names it, without a range's upper end (which is a field of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualifierName {
    Exact,
    MoreThan,
    Almost,
    About,
    UpTo,
    AtLeast,
    Range,
}

impl QualifierName {
    pub const ALL: [QualifierName; 7] = [
        QualifierName::Exact,
        QualifierName::MoreThan,
        QualifierName::Almost,
        QualifierName::About,
        QualifierName::UpTo,
        QualifierName::AtLeast,
        QualifierName::Range,
    ];

    /// The name in the dataset format (JSON, CSV and the CSV export).
    pub fn code(self) -> &'static str {
        match self {
            QualifierName::Exact => "exact",
            QualifierName::MoreThan => "more_than",
            QualifierName::Almost => "almost",
            QualifierName::About => "about",
            QualifierName::UpTo => "up_to",
            QualifierName::AtLeast => "at_least",
            QualifierName::Range => "range",
        }
    }

    /// The qualifier of this name; a range needs its upper end, anything else must have none.
    pub fn with_max(self, max: Option<f64>) -> Result<Qualifier, MaxMismatch> {
        match (self, max) {
            (QualifierName::Range, Some(max)) => Ok(Qualifier::Range { max }),
            (QualifierName::Range, None) => Err(MaxMismatch::Missing),
            (_, Some(_)) => Err(MaxMismatch::Unexpected),
            (QualifierName::Exact, None) => Ok(Qualifier::Exact),
            (QualifierName::MoreThan, None) => Ok(Qualifier::MoreThan),
            (QualifierName::Almost, None) => Ok(Qualifier::Almost),
            (QualifierName::About, None) => Ok(Qualifier::About),
            (QualifierName::UpTo, None) => Ok(Qualifier::UpTo),
            (QualifierName::AtLeast, None) => Ok(Qualifier::AtLeast),
        }
    }
}

/// Why a qualifier and a `max` do not go together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaxMismatch {
    /// A range without its upper end.
    Missing,
    /// An upper end for something that is no range.
    Unexpected,
}

impl Qualifier {
    pub fn name(self) -> QualifierName {
        match self {
            Qualifier::Exact => QualifierName::Exact,
            Qualifier::MoreThan => QualifierName::MoreThan,
            Qualifier::Almost => QualifierName::Almost,
            Qualifier::About => QualifierName::About,
            Qualifier::UpTo => QualifierName::UpTo,
            Qualifier::AtLeast => QualifierName::AtLeast,
            Qualifier::Range { .. } => QualifierName::Range,
        }
    }

    /// The upper end of a range.
    pub fn max(self) -> Option<f64> {
        match self {
            Qualifier::Range { max } => Some(max),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_to_itself() {
        for name in QualifierName::ALL {
            let max = (name == QualifierName::Range).then_some(10.0);
            assert_eq!(name.with_max(max).map(Qualifier::name), Ok(name), "{}", name.code());
        }
        assert_eq!(QualifierName::Range.with_max(None), Err(MaxMismatch::Missing));
        assert_eq!(QualifierName::About.with_max(Some(3.0)), Err(MaxMismatch::Unexpected));
    }
}
