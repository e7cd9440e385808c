//! A dataset that passed every rule of the format, with its references resolved to indices.
//! `parse` is the only way to get one: it lists every problem it finds, each at its JSON path.

use crate::grade::Grade;
use crate::json::{self, Json, Object};
use crate::lang::Localized;
use crate::limits::{MAX_ITEMS, MAX_OBSERVATIONS, MAX_TEXT_CHARS, MAX_VALUE};
use crate::problem::{IdKind, Problem, ProblemKind};
use crate::qualifier::{MaxMismatch, Qualifier, QualifierName};
use crate::raw::{self, Field, Read, Unknown};
use crate::sorting::sorted_order;
use crate::time::{MeasureTime, PartialDate, Period, When};
use chrono::NaiveDate;
use std::collections::hash_map::{Entry, HashMap};

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Named {
    pub id: String,
    pub name: Localized,
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Site {
    pub id: String,
    pub name: Localized,
    pub planned: bool,
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Company {
    pub id: String,
    pub name: Localized,
    pub sites: Vec<usize>,
    pub sector: Option<usize>,
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Measure {
    pub id: String,
    pub name: Localized,
    pub unit: Localized,
    pub time: MeasureTime,
    /// The measure this one is the plan of.
    pub plan_for: Option<usize>,
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub id: String,
    pub title: Option<String>,
    pub outlet: String,
    pub date: Option<PartialDate>,
    pub url: String,
    /// How far the source can be trusted to have said it; `None` where the dataset does not say.
    pub grade: Option<Grade>,
}

impl Source {
    /// Whether the source is a copy of someone else's text (a mirror, an aggregator, …).
    pub fn is_repost(&self) -> bool {
        self.grade == Some(Grade::Repost)
    }
}

/// What an observation is about; every field narrows it, none at all is the whole zone.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Scope {
    pub sites: Vec<usize>,
    pub sector: Option<usize>,
    pub company: Option<usize>,
    pub part: Option<Localized>,
}

impl Scope {
    /// Whether a figure is about the whole zone (or a named part of it, such as its residents)
    /// rather than about some of its sites, a sector or a company.
    pub fn is_zone(&self) -> bool {
        self.sites.is_empty() && self.sector.is_none() && self.company.is_none()
    }
}

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Observation {
    pub id: String,
    pub measure: usize,
    pub scope: Scope,
    pub value: f64,
    pub qualifier: Qualifier,
    pub when: When,
    /// `when.sort_key()`, worked out once: the views compare a million figures' dates, and
    /// working a date out costs more than comparing it.
    #[serde(skip)]
    pub span: (NaiveDate, NaiveDate),
    pub when_note: Option<Localized>,
    pub source: usize,
    pub wording: String,
    pub note: Option<Localized>,
}

impl Observation {
    /// What the observation is a figure of: its measure and scope.
    fn subject(&self) -> (usize, &Scope) {
        (self.measure, &self.scope)
    }
}

#[derive(Debug, PartialEq)]
pub struct Dataset {
    pub zone: Named,
    pub sites: Vec<Site>,
    pub sectors: Vec<Named>,
    pub companies: Vec<Company>,
    pub measures: Vec<Measure>,
    pub sources: Vec<Source>,
    pub observations: Vec<Observation>,
    /// The observations' positions sorted by measure and scope, each subject's by date and then
    /// in the order listed: a view's query and the search for figures that disagree look here
    /// instead of scanning every observation.
    pub(crate) by_subject: Vec<usize>,
}

const FIELDS: [&str; 9] =
    ["format", "version", "zone", "sites", "sectors", "companies", "measures", "sources", "observations"];

/// Told how far validation has come: observations checked, of how many.
pub type Watch<'w> = &'w mut dyn FnMut(usize, usize);

/// Observations checked between two calls of a `Watch`.
const WATCHED_EVERY: usize = 10_000;

impl Dataset {
    /// Parses and validates a dataset; on failure, every problem found, in document order.
    pub fn parse(json: &str) -> Result<Dataset, Vec<Problem>> {
        Dataset::parse_watched(json, &mut |_, _| {})
    }

    /// `parse`, telling `watch` how many observations have been checked as it goes.
    pub fn parse_watched(json: &str, watch: Watch) -> Result<Dataset, Vec<Problem>> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let root = Json::parse(json).map_err(|e| {
            let truncated = e.classify() == serde_json::error::Category::Eof;
            let kind = match e.to_string().starts_with("recursion limit exceeded") {
                true => ProblemKind::TooDeep,
                false => ProblemKind::Syntax { line: e.line(), column: e.column(), truncated },
            };
            vec![Problem::new("$", kind)]
        })?;
        let root = root.as_object().ok_or_else(|| vec![Problem::new("$", ProblemKind::NotAnObject)])?;
        check_sizes(root)?;
        let (fields, unknown) = json::fields(root, FIELDS);
        let mut checker = Checker::new(fields, watch);
        checker.unknown_fields(&unknown, &Path::Root);
        let dataset = checker.dataset();
        match (dataset, checker.problems.is_empty()) {
            (Some(dataset), true) => Ok(dataset),
            _ => Err(checker.problems),
        }
    }

    pub fn measure_by_id(&self, id: &str) -> Option<usize> {
        self.measures.iter().position(|m| m.id == id)
    }

    /// The observations of a measure about exactly this scope, earliest first (those of the same
    /// date in the order listed).
    pub fn about(&self, measure: usize, scope: &Scope) -> &[usize] {
        let subject = (measure, scope);
        let start = self.by_subject.partition_point(|&i| self.observations[i].subject() < subject);
        let listed = &self.by_subject[start..];
        &listed[..listed.partition_point(|&i| self.observations[i].subject() == subject)]
    }

    /// The figures of a measure, subject by subject (each as `about` gives them): what a view
    /// needs to know of its subjects without going through every figure.
    pub fn subjects(&self, measure: usize) -> impl Iterator<Item = &[usize]> {
        let of = |i: usize| &self.observations[i];
        let start = self.by_subject.partition_point(|&i| of(i).measure < measure);
        let mut rest = &self.by_subject[start..start + self.by_subject[start..].partition_point(|&i| of(i).measure == measure)];
        std::iter::from_fn(move || {
            let scope = &of(*rest.first()?).scope;
            let (subject, after) = rest.split_at(rest.partition_point(|&i| &of(i).scope == scope));
            rest = after;
            Some(subject)
        })
    }

    /// Those of `about` dated exactly as observation `index` is.
    pub fn dated_alike(&self, index: usize) -> &[usize] {
        let obs = &self.observations[index];
        let about = self.about(obs.measure, &obs.scope);
        let start = about.partition_point(|&i| self.observations[i].span < obs.span);
        let dated = &about[start..];
        &dated[..dated.partition_point(|&i| self.observations[i].span == obs.span)]
    }

    fn index_subjects(mut self) -> Dataset {
        let observations = &self.observations;
        let key = |i: usize| (observations[i].subject(), observations[i].span);
        self.by_subject = sorted_order(observations.len(), &|a, b| key(a).cmp(&key(b)));
        self
    }

    /// The planned measure that goes beside `measure`, if the dataset has one.
    pub fn plan_of(&self, measure: usize) -> Option<usize> {
        self.measures.iter().position(|m| m.plan_for == Some(measure))
    }
}

/// Walks the JSON once, collecting problems and resolving ids to the positions they are listed at.
struct Checker<'a, 'w> {
    /// The dataset's fields, in the order of `FIELDS`.
    root: [Option<&'a Json<'a>>; FIELDS.len()],
    problems: Vec<Problem>,
    /// Each list's ids, and the position each is listed at.
    ids: Vec<(&'static str, HashMap<&'a str, usize>)>,
    watch: Watch<'w>,
}

/// Where a value is in the document (`$.observations[3].scope`). Each step only points at its
/// parent, so the path is spelled out when a problem is reported, never for values that pass:
/// a million observations would otherwise format ten million paths.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Field(&'p Path<'p>, &'p str),
    Item(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    fn field(&'p self, name: &'p str) -> Path<'p> {
        Path::Field(self, name)
    }

    fn item(&'p self, index: usize) -> Path<'p> {
        Path::Item(self, index)
    }

    /// This path followed by the path a decoder found inside the value (`""`, `"en"`, `"[1].x"`).
    fn join(&self, inner: &str) -> String {
        raw::join_path(&self.to_string(), inner)
    }
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Path::Root => f.write_str("$"),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

impl<'a, 'w> Checker<'a, 'w> {
    fn new(root: [Option<&'a Json<'a>>; FIELDS.len()], watch: Watch<'w>) -> Checker<'a, 'w> {
        Checker { root, problems: Vec::new(), ids: Vec::new(), watch }
    }

    /// The dataset's field `name`, one of `FIELDS`.
    fn field(&self, name: &str) -> Option<&'a Json<'a>> {
        FIELDS.iter().position(|field| *field == name).and_then(|i| self.root[i])
    }

    fn report(&mut self, path: impl ToString, kind: ProblemKind) {
        self.problems.push(Problem::new(path.to_string(), kind));
    }

    fn decode<T: Read<'a>>(&mut self, value: &'a Json<'a>, path: &Path) -> Option<T> {
        T::read(value).map_err(|wrong| self.report(path.join(&wrong.inner_path), wrong.kind)).ok()
    }

    fn dataset(&mut self) -> Option<Dataset> {
        self.check_header();
        let lists = ["sites", "sectors", "companies", "measures", "sources", "observations"];
        let items: Vec<&'a [Json<'a>]> = lists.iter().map(|name| self.list(name)).collect();
        for (name, values) in lists.iter().zip(&items) {
            self.index_ids(name, values);
        }
        let zone = self.field("zone").and_then(|z| self.entity(z, &Path::Root.field("zone")));
        let sites = self.each(items[0], "sites", Checker::site);
        let sectors = self.each(items[1], "sectors", Checker::entity);
        let companies = self.each(items[2], "companies", Checker::company);
        let measures = self.each(items[3], "measures", Checker::measure);
        let sources = self.each(items[4], "sources", Checker::source);
        let times: Vec<Option<MeasureTime>> = measures.iter().map(|m| m.as_ref().map(|m| m.time)).collect();
        let total = items[5].len();
        let observations = self.each(items[5], "observations", |c, v, p| {
            let checked = c.observation(v, p, &times);
            if let Path::Item(_, i) = p {
                if (i + 1) % WATCHED_EVERY == 0 || i + 1 == total {
                    (c.watch)(i + 1, total);
                }
            }
            checked
        });
        Some(Dataset {
            zone: zone?,
            sites: valid(sites),
            sectors: valid(sectors),
            companies: valid(companies),
            measures: valid(measures),
            sources: valid(sources),
            observations: valid(observations),
            by_subject: Vec::new(),
        }.index_subjects())
    }

    fn check_header(&mut self) {
        match self.field("format") {
            None => self.report("$", ProblemKind::MissingField("format".into())),
            Some(f) if f.as_str() == Some("sez-jobs") => {}
            Some(other) => self.report("$.format", ProblemKind::WrongFormat { found: written(other) }),
        }
        match self.field("version") {
            None => self.report("$", ProblemKind::MissingField("version".into())),
            Some(v) if v.as_number().and_then(|n| n.as_u64()) == Some(1) => {}
            Some(other) => self.report("$.version", ProblemKind::WrongVersion { found: written(other) }),
        }
        if self.field("zone").is_none() {
            self.report("$", ProblemKind::MissingField("zone".into()));
        }
    }

    fn list(&mut self, name: &str) -> &'a [Json<'a>] {
        match self.field(name) {
            None => self.report("$", ProblemKind::MissingField(name.into())),
            Some(Json::Array(items)) => {
                if items.is_empty() && ["measures", "sources", "observations"].contains(&name) {
                    self.report(format!("$.{name}"), ProblemKind::EmptyList);
                }
                return items;
            }
            Some(other) => self.report(
                format!("$.{name}"),
                ProblemKind::WrongType { found: raw::kind_of(other).into(), expected: "a sequence".into() },
            ),
        }
        &[]
    }

    fn index_ids(&mut self, list: &'static str, values: &'a [Json<'a>]) {
        let mut seen: HashMap<&'a str, usize> = HashMap::with_capacity(values.len());
        for (i, id) in values.iter().enumerate().filter_map(|(i, v)| Some((i, v.get("id")?.as_str()?))) {
            if id.trim().is_empty() {
                self.report(format!("$.{list}[{i}].id"), ProblemKind::EmptyText);
                continue;
            }
            match seen.entry(id) {
                Entry::Occupied(first) => {
                    let first = format!("$.{list}[{}]", first.get());
                    self.report(format!("$.{list}[{i}].id"), ProblemKind::DuplicateId { id: id.into(), first });
                }
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        self.ids.push((list, seen));
    }

    /// Checks every item of a list; the result keeps each item's position, `None` where it failed.
    fn each<T>(&mut self, values: &'a [Json<'a>], list: &str, mut check: impl FnMut(&mut Self, &'a Json<'a>, &Path) -> Option<T>) -> Vec<Option<T>> {
        let list = Path::Root.field(list);
        values.iter().enumerate().map(|(i, v)| check(self, v, &list.item(i))).collect()
    }

    /// The position of the item with this id in its list, or a problem at `path`.
    fn resolve(&mut self, kind: IdKind, id: &str, path: Path) -> Option<usize> {
        let list = match kind {
            IdKind::Site => "sites",
            IdKind::Sector => "sectors",
            IdKind::Company => "companies",
            IdKind::Measure => "measures",
            IdKind::Source => "sources",
        };
        let found = self.ids.iter().find(|(name, _)| *name == list).and_then(|(_, ids)| ids.get(id)).copied();
        if found.is_none() {
            self.report(path, ProblemKind::UnknownId { kind, id: id.into() });
        }
        found
    }

    fn text(&mut self, text: &Localized, path: &Path) {
        for (lang, value) in [("ru", &text.ru), ("en", &text.en)] {
            if value.trim().is_empty() {
                self.report(path.field(lang), ProblemKind::EmptyText);
            }
        }
    }

    /// A field the format requires: reported where missing or wrong.
    fn required<T>(&mut self, field: Field<T>, path: &Path, name: &str) -> Option<T> {
        match field {
            Field::Missing => {
                self.report(path, ProblemKind::MissingField(name.into()));
                None
            }
            other => self.optional(other, path, name)?,
        }
    }

    /// A field that may be absent: `Some(None)` when it is, `None` when it is wrong.
    fn optional<T>(&mut self, field: Field<T>, path: &Path, name: &str) -> Option<Option<T>> {
        match field {
            Field::Missing => Some(None),
            Field::Valid(value) => Some(Some(value)),
            Field::Invalid(wrong) => {
                self.report(path.field(name).join(&wrong.inner_path), wrong.kind);
                None
            }
        }
    }

    fn unknown_fields(&mut self, unknown: &Unknown, path: &Path) {
        for key in unknown {
            self.report(path, ProblemKind::UnknownField(key.to_string()));
        }
    }

    fn name(&mut self, field: Field<Localized>, path: &Path, name: &str) -> Option<Localized> {
        let text = self.required(field, path, name)?;
        self.text(&text, &path.field(name));
        Some(text)
    }

    fn entity_fields(&mut self, raw: raw::Entity, path: &Path) -> Option<Named> {
        self.unknown_fields(&raw.unknown, path);
        let id = self.required(raw.id, path, "id");
        let name = self.name(raw.name, path, "name");
        Some(Named { id: id?, name: name? })
    }

    fn entity(&mut self, value: &'a Json<'a>, path: &Path) -> Option<Named> {
        let raw: raw::Entity = self.decode(value, path)?;
        self.entity_fields(raw, path)
    }

    fn site(&mut self, value: &'a Json<'a>, path: &Path) -> Option<Site> {
        let raw: raw::Site = self.decode(value, path)?;
        let status = self.optional(raw.status, path, "status");
        let entity = self.entity_fields(raw.entity, path)?;
        Some(Site { id: entity.id, name: entity.name, planned: status? == Some(raw::SiteStatus::Planned) })
    }

    fn company(&mut self, value: &'a Json<'a>, path: &Path) -> Option<Company> {
        let raw: raw::Company = self.decode(value, path)?;
        let entity = self.entity_fields(raw.entity, path);
        let sites = self.optional(raw.sites, path, "sites")?.unwrap_or_default();
        let sites = self.resolve_all(IdKind::Site, &sites, &path.field("sites"));
        let sector = self.optional(raw.sector, path, "sector")?;
        let sector = self.resolve_optional(IdKind::Sector, sector, path.field("sector"));
        let entity = entity?;
        Some(Company { id: entity.id, name: entity.name, sites: sites?, sector: sector? })
    }

    /// Like `resolve` for a field that may be absent: `Some(None)` when it is.
    fn resolve_optional(&mut self, kind: IdKind, id: Option<&str>, path: Path) -> Option<Option<usize>> {
        id.map_or(Some(None), |id| self.resolve(kind, id, path).map(Some))
    }

    /// Like `resolve` for each id of a list, every unknown one reported.
    fn resolve_all(&mut self, kind: IdKind, ids: &[&str], path: &Path) -> Option<Vec<usize>> {
        let mut found = Vec::with_capacity(ids.len());
        let mut all = true;
        for (i, id) in ids.iter().enumerate() {
            match self.resolve(kind, id, path.item(i)) {
                Some(position) => found.push(position),
                None => all = false,
            }
        }
        all.then_some(found)
    }

    fn measure(&mut self, value: &'a Json<'a>, path: &Path) -> Option<Measure> {
        let raw: raw::Measure = self.decode(value, path)?;
        let entity = self.entity_fields(raw.entity, path);
        let unit = self.name(raw.unit, path, "unit");
        let time = self.required(raw.time, path, "time");
        let plan_for = match (self.optional(raw.plan_for, path, "plan_for")?, time) {
            (None, _) => None,
            (Some(_), Some(time)) if time != MeasureTime::Target => {
                self.report(path.field("plan_for"), ProblemKind::NotAPlan(entity.as_ref().map(|e| e.id.clone()).unwrap_or_default()));
                return None;
            }
            (Some(id), _) => Some(self.resolve(IdKind::Measure, id, path.field("plan_for"))?),
        };
        let entity = entity?;
        Some(Measure { id: entity.id, name: entity.name, unit: unit?, time: time?, plan_for })
    }

    fn source(&mut self, value: &'a Json<'a>, path: &Path) -> Option<Source> {
        let raw: raw::Source = self.decode(value, path)?;
        self.unknown_fields(&raw.unknown, path);
        let id = self.required(raw.id, path, "id");
        let title = self.optional(raw.title, path, "title");
        let outlet = self.required(raw.outlet, path, "outlet");
        if outlet.as_ref().is_some_and(|o| o.trim().is_empty()) {
            self.report(path.field("outlet"), ProblemKind::EmptyText);
        }
        let url = self.required(raw.url, path, "url");
        if let Some(url) = url.as_ref().filter(|u| !(u.starts_with("https://") || u.starts_with("http://"))) {
            self.report(path.field("url"), ProblemKind::BadUrl(url.clone()));
        }
        let date = match self.optional(raw.date, path, "date")? {
            None => None,
            Some(text) => Some(PartialDate::parse(text).or_else(|| {
                self.report(path.field("date"), ProblemKind::BadDate(text.into()));
                None
            })?),
        };
        let grade = self.optional(raw.grade, path, "grade");
        Some(Source { id: id?, title: title?, outlet: outlet?, date, url: url?, grade: grade? })
    }

    fn scope(&mut self, raw: raw::Scope, path: &Path) -> Option<Scope> {
        if raw.company.is_some() && (raw.sites.is_some() || raw.sector.is_some()) {
            self.report(path, ProblemKind::CompanyWithSitesOrSector);
        }
        if raw.sites.as_ref().is_some_and(Vec::is_empty) {
            self.report(path.field("sites"), ProblemKind::EmptyList);
        }
        let sites = self.resolve_all(IdKind::Site, raw.sites.as_deref().unwrap_or_default(), &path.field("sites"));
        let sector = self.resolve_optional(IdKind::Sector, raw.sector, path.field("sector"));
        let company = self.resolve_optional(IdKind::Company, raw.company, path.field("company"));
        if let Some(part) = &raw.part {
            self.text(part, &path.field("part"));
        }
        Some(Scope { sites: sites?, sector: sector?, company: company?, part: raw.part })
    }

    fn observation(&mut self, value: &'a Json<'a>, path: &Path, times: &[Option<MeasureTime>]) -> Option<Observation> {
        let raw: raw::Observation = self.decode(value, path)?;
        self.unknown_fields(&raw.unknown, path);
        let id = self.required(raw.id, path, "id");
        let measure = self.required(raw.measure, path, "measure").and_then(|m| self.resolve(IdKind::Measure, m, path.field("measure")));
        let scope = self.required(raw.scope, path, "scope").and_then(|s| self.scope(s, &path.field("scope")));
        let amount = self.required(raw.value, path, "value").and_then(|v| self.amount(v, &path.field("value")));
        let max = match self.optional(raw.max, path, "max") {
            Some(Some(max)) => self.amount(max, &path.field("max")).map(Some),
            other => other,
        };
        let qualifier = self.required(raw.qualifier, path, "qualifier");
        let qualifier = match (amount, max, qualifier) {
            (Some(v), Some(max), Some(q)) => self.qualifier(q, v, max, path),
            _ => None,
        };
        let date = self.optional(raw.date, path, "date");
        let period = self.optional(raw.period, path, "period");
        let target = self.optional(raw.target, path, "target");
        let when_note = self.optional(raw.when_note, path, "when_note");
        let source = self.required(raw.source, path, "source").and_then(|s| self.resolve(IdKind::Source, s, path.field("source")));
        let wording = self.required(raw.wording, path, "wording");
        if wording.as_ref().is_some_and(|w| w.trim().is_empty()) {
            self.report(path.field("wording"), ProblemKind::EmptyText);
        }
        let note = self.optional(raw.note, path, "note");
        let time = measure.and_then(|m| times.get(m).copied().flatten());
        let when = match (date, period, target) {
            (Some(d), Some(p), Some(t)) => self.when(time, d, p, t, path),
            _ => None,
        };
        let when = when?;
        Some(Observation {
            id: id?,
            measure: measure?,
            scope: scope?,
            value: amount?,
            qualifier: qualifier?,
            span: when.sort_key(),
            when,
            when_note: when_note?,
            source: source?,
            wording: wording?,
            note: note?,
        })
    }

    /// A figure must be a finite number of things, never negative.
    fn amount(&mut self, value: f64, path: &Path) -> Option<f64> {
        let problem = if !value.is_finite() {
            ProblemKind::NotFinite
        } else if value < 0.0 {
            ProblemKind::NegativeValue(value)
        } else if value > MAX_VALUE {
            ProblemKind::ValueTooBig { limit: MAX_VALUE }
        } else {
            return Some(value);
        };
        self.report(path, problem);
        None
    }

    fn qualifier(&mut self, name: QualifierName, value: f64, max: Option<f64>, path: &Path) -> Option<Qualifier> {
        match name.with_max(max) {
            Ok(Qualifier::Range { max }) if max <= value => {
                self.report(path.field("max"), ProblemKind::MaxNotAboveValue);
                None
            }
            Ok(qualifier) => Some(qualifier),
            Err(MaxMismatch::Missing) => {
                self.report(path.field("qualifier"), ProblemKind::RangeWithoutMax);
                None
            }
            Err(MaxMismatch::Unexpected) => {
                self.report(path.field("max"), ProblemKind::MaxWithoutRange);
                None
            }
        }
    }

    /// Checks that the observation is dated by the field its measure names, and parses it.
    fn when(&mut self, time: Option<MeasureTime>, date: Option<&str>, period: Option<&str>, target: Option<i32>, path: &Path) -> Option<When> {
        let expected = time?.code();
        let given = [("date", date.is_some()), ("period", period.is_some()), ("target", target.is_some())];
        let wrong: Vec<&str> = given.iter().filter(|(f, is)| *is && *f != expected).map(|(f, _)| *f).collect();
        for field in &wrong {
            self.report(path.field(field), ProblemKind::WrongTimeField { expected });
        }
        if !wrong.is_empty() {
            return None;
        }
        let field = path.field(expected);
        match (date, period, target) {
            (Some(d), _, _) => PartialDate::parse(d).map(When::Date).or_else(|| {
                self.report(field, ProblemKind::BadDate(d.into()));
                None
            }),
            (_, Some(p), _) => match Period::parse(p) {
                Ok(period) => Some(When::Period(period)),
                Err(backwards) => {
                    let kind = if backwards { ProblemKind::PeriodEndsBeforeStart(p.into()) } else { ProblemKind::BadPeriod(p.into()) };
                    self.report(field, kind);
                    None
                }
            },
            (_, _, Some(year)) => Some(When::Target(year)),
            _ => Some(When::NotStated),
        }
    }
}

/// Refuses lists and texts beyond the limits before any item is decoded. Everything in the file
/// counts, a value whose name is given again later (and so not read) included.
fn check_sizes(root: &Object) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    for (name, value) in root {
        let limit = if name == "observations" { MAX_OBSERVATIONS } else { MAX_ITEMS };
        if let Some(items) = value.as_array().filter(|items| items.len() > limit) {
            problems.push(Problem::new(format!("$.{name}"), ProblemKind::TooMany { count: items.len(), limit }));
        }
    }
    if problems.is_empty() {
        for (name, value) in root {
            long_texts(value, &Path::Root.field(name), &mut problems);
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// Every text longer than the limit, up to a hundred of them.
fn long_texts(value: &Json, path: &Path, problems: &mut Vec<Problem>) {
    if problems.len() >= 100 {
        return;
    }
    match value {
        // A text has at least as many bytes as characters: only a long one needs counting.
        Json::String(text) if text.len() > MAX_TEXT_CHARS => {
            let chars = text.chars().count();
            if chars > MAX_TEXT_CHARS {
                problems.push(Problem::new(path.to_string(), ProblemKind::TooLong { chars, limit: MAX_TEXT_CHARS }));
            }
        }
        Json::Array(items) => items.iter().enumerate().for_each(|(i, v)| long_texts(v, &path.item(i), problems)),
        Json::Object(fields) => fields.iter().for_each(|(k, v)| long_texts(v, &path.field(k), problems)),
        _ => {}
    }
}

/// The items that passed; only used once every item has.
fn valid<T>(items: Vec<Option<T>>) -> Vec<T> {
    // Sized first: a list gathered from a filter grows, copying a million observations several times.
    let mut valid = Vec::with_capacity(items.len());
    valid.extend(items.into_iter().flatten());
    valid
}

/// A value quoted in a problem: a text or a number as written, anything else by its kind.
fn written(value: &Json) -> String {
    match value {
        Json::String(text) => text.to_string(),
        Json::Number(number) => number.to_string(),
        other => raw::kind_of(other).to_string(),
    }
}
