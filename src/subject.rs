//! What a reader can select: the zone, a site, several sites together, a sector or a company;
//! and which figures are about it, so the details panel lists them and other views highlight them.

use crate::dataset::{Dataset, Observation, Scope};
use crate::describe::sector_of;
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Zone,
    Site(usize),
    /// Several sites that a source counts together.
    Sites(Vec<usize>),
    Sector(usize),
    Company(usize),
}

impl Subject {
    /// The subject a figure's scope is mainly about: its company, else its sector, else its sites.
    pub fn of_scope(scope: &Scope) -> Subject {
        match (scope.company, scope.sector, scope.sites.as_slice()) {
            (Some(company), _, _) => Subject::Company(company),
            (None, Some(sector), _) => Subject::Sector(sector),
            (None, None, []) => Subject::Zone,
            (None, None, [site]) => Subject::Site(*site),
            (None, None, sites) => Subject::Sites(sites.to_vec()),
        }
    }

    /// Whether a figure is about this subject: a site's figures include those of its companies
    /// and of its sectors there; a sector's include its companies'.
    pub fn covers(&self, data: &Dataset, obs: &Observation) -> bool {
        let scope = &obs.scope;
        let company_sites = scope.company.map(|c| data.companies[c].sites.as_slice()).unwrap_or_default();
        match self {
            Subject::Zone => scope.is_zone(),
            Subject::Site(site) => scope.sites.contains(site) || company_sites.contains(site),
            Subject::Sites(sites) => scope.sites == *sites,
            Subject::Sector(sector) => sector_of(data, scope) == Some(*sector),
            Subject::Company(company) => scope.company == Some(*company),
        }
    }

    /// Every figure about this subject, in the dataset's order.
    pub fn figures(&self, data: &Dataset) -> Vec<usize> {
        (0..data.observations.len()).filter(|&i| self.covers(data, &data.observations[i])).collect()
    }

    pub fn name(&self, data: &Dataset, lang: Lang) -> String {
        match self {
            Subject::Zone => data.zone.name.get(lang).to_string(),
            Subject::Site(s) => data.sites[*s].name.get(lang).to_string(),
            Subject::Sites(sites) => sites.iter().map(|&s| data.sites[s].name.get(lang)).collect::<Vec<_>>().join(" + "),
            Subject::Sector(s) => data.sectors[*s].name.get(lang).to_string(),
            Subject::Company(c) => data.companies[*c].name.get(lang).to_string(),
        }
    }

    /// `select=` in the URL: `zone`, `site:ID`, `sites:ID,ID`, `sector:ID`, `company:ID`.
    pub fn code(&self, data: &Dataset) -> String {
        match self {
            Subject::Zone => "zone".into(),
            Subject::Site(s) => format!("site:{}", data.sites[*s].id),
            Subject::Sites(sites) => format!("sites:{}", sites.iter().map(|&s| data.sites[s].id.as_str()).collect::<Vec<_>>().join(",")),
            Subject::Sector(s) => format!("sector:{}", data.sectors[*s].id),
            Subject::Company(c) => format!("company:{}", data.companies[*c].id),
        }
    }

    /// Reads a `select=` value; anything that names nothing in this dataset is `None`.
    pub fn parse(code: &str, data: &Dataset) -> Option<Subject> {
        let site = |id: &str| data.sites.iter().position(|s| s.id == id);
        match code.split_once(':') {
            None if code == "zone" => Some(Subject::Zone),
            Some(("site", id)) => site(id).map(Subject::Site),
            Some(("sites", ids)) => ids.split(',').map(site).collect::<Option<Vec<_>>>().filter(|s| s.len() > 1).map(Subject::Sites),
            Some(("sector", id)) => data.sectors.iter().position(|s| s.id == id).map(Subject::Sector),
            Some(("company", id)) => data.companies.iter().position(|c| c.id == id).map(Subject::Company),
            _ => None,
        }
    }
}
