//! Datasets kept in a spreadsheet: a CSV file with one observation per row (columns documented
//! in `data/FORMAT.md`), turned into the JSON format and validated like any other dataset.
//! Problems are named by line and column.

use crate::dataset::{Dataset, Watch};
use crate::json::Json;
use crate::limits::MAX_CSV_ROWS;
use crate::problem::{Place, Problem, ProblemKind};
use crate::sorting::sort_by;
use serde_json::Number;
use std::collections::HashMap;

pub const COLUMNS: [&str; 20] = [
    "id", "measure", "zone", "sites", "sector", "company", "part", "value", "max", "qualifier", "date", "period", "target",
    "source_outlet", "source_url", "source_date", "source_title", "source_grade", "wording", "note",
];
const REQUIRED: [&str; 7] = ["id", "measure", "value", "qualifier", "source_outlet", "source_url", "wording"];
/// Measures are not defined in a CSV: rows name one of the embedded dataset's, which brings
/// its names, unit and dating. Like every object built here, each measure's fields are put in
/// the order of their names, as serde_json's `Value` wrote them: a CSV's JSON form keeps its text.
fn standard_measures() -> Vec<Json<'static>> {
    let Ok(Json::Object(fields)) = Json::parse(crate::EMBEDDED_DATASET) else {
        return Vec::new();
    };
    // The last "measures", as `Json::get` reads it.
    let Some((_, Json::Array(mut measures))) = fields.into_iter().rev().find(|(key, _)| key == "measures") else {
        return Vec::new();
    };
    measures.iter_mut().for_each(Json::sort_fields);
    measures
}

/// "Печатники | Pechatniki" names something in both languages; one name serves for both.
fn localized(text: &str) -> Json<'static> {
    let (ru, en) = text.split_once('|').unwrap_or((text, text));
    Json::object(vec![("en", Json::text(en.trim().into())), ("ru", Json::text(ru.trim().into()))])
}

/// A list of ids.
fn ids(ids: &[String]) -> Json<'static> {
    Json::Array(ids.iter().cloned().map(Json::text).collect())
}

/// An id made from a name: lower case, words joined by hyphens.
fn slug(name: &str) -> String {
    let ru = name.split('|').next().unwrap_or(name);
    let words: Vec<String> = ru.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).map(str::to_lowercase).collect();
    words.join("-")
}

/// Entities (sites, sectors, companies, sources) named by rows, each listed once.
#[derive(Default)]
struct Entities {
    items: Vec<Json<'static>>,
    ids: HashMap<String, usize>,
}

impl Entities {
    /// Lists the entity `id` unless it is listed; `item` makes it from its id.
    fn add(&mut self, id: String, item: impl FnOnce(&str) -> Json<'static>) -> String {
        if !self.ids.contains_key(&id) {
            self.ids.insert(id.clone(), self.items.len());
            self.items.push(item(&id));
        }
        id
    }
}

struct Rows {
    problems: Vec<Problem>,
    sites: Entities,
    sectors: Entities,
    companies: Entities,
    sources: Entities,
    observations: Vec<Json<'static>>,
    /// The CSV line of each observation, and of the first row naming each source.
    lines: Vec<usize>,
    source_lines: Vec<usize>,
    zone: Option<String>,
}

impl Rows {
    /// A number cell ("18 600", "5,5" and "5.5" all read); text that is no number is kept, and reported.
    fn number(&mut self, text: &str, column: &str, line: usize) -> Option<Json<'static>> {
        if text.is_empty() {
            return None;
        }
        match text.replace([' ', '\u{a0}'], "").replace(',', ".").parse::<f64>().ok() {
            Some(number) => Some(Number::from_f64(number).map_or(Json::Null, Json::Number)),
            None => {
                let kind = ProblemKind::WrongType { found: format!("«{text}»"), expected: "a number".into() };
                self.problems.push(Problem { place: Place::Csv { line, column: Some(column.into()) }, kind });
                // A stand-in, so that the rest of the row is still checked; the problem is reported.
                Some(Json::Number(0.into()))
            }
        }
    }

    /// Adds a row's observation, and the entities it names. Each object's fields are written in
    /// the order of their names (see `standard_measures`).
    fn row(&mut self, columns: &[String], record: &csv::StringRecord, line: usize, measures: &[String]) {
        // Of a column named twice, the last.
        let cell = |c: &str| columns.iter().rposition(|name| name == c).and_then(|i| record.get(i)).map_or_else(String::new, |v| v.trim().to_string());
        let filled = |c: &str| Some(cell(c)).filter(|text| !text.is_empty());
        if self.zone.is_none() {
            self.zone = filled("zone");
        }
        let measure = cell("measure");
        if !measures.contains(&measure) {
            let kind = ProblemKind::UnknownMeasure { found: measure.clone(), allowed: measures.to_vec() };
            self.problems.push(Problem { place: Place::Csv { line, column: Some("measure".into()) }, kind });
        }
        let named = |id: &str, name: &str| Json::object(vec![("id", Json::text(id.into())), ("name", localized(name))]);
        let site_ids: Vec<String> = cell("sites").split('+').map(str::trim).filter(|s| !s.is_empty()).map(|name| self.sites.add(slug(name), |id| named(id, name))).collect();
        let sector = filled("sector").map(|name| self.sectors.add(slug(&name), |id| named(id, &name)));
        let part = filled("part").map(|part| ("part", localized(&part)));
        let mut scope = Vec::new();
        match filled("company") {
            Some(name) => {
                // In a spreadsheet a company's row gives its sites and sector; the format keeps them on the company.
                let company = |id: &str| {
                    let mut fields = vec![("id", Json::text(id.into())), ("name", localized(&name))];
                    fields.extend(sector.map(|sector| ("sector", Json::text(sector))));
                    fields.push(("sites", ids(&site_ids)));
                    Json::object(fields)
                };
                scope.push(("company", Json::text(self.companies.add(slug(&name), company))));
                scope.extend(part);
            }
            None => {
                scope.extend(part);
                scope.extend(sector.map(|sector| ("sector", Json::text(sector))));
                if !site_ids.is_empty() {
                    scope.push(("sites", ids(&site_ids)));
                }
            }
        }
        let text = |key, column| filled(column).map(|text| (key, Json::text(text)));
        let url = cell("source_url");
        // A new source takes the next number.
        let source_index = self.sources.ids.get(&url).copied().unwrap_or(self.sources.items.len());
        let source_id = format!("s{}", source_index + 1);
        self.sources.add(url.clone(), |_| {
            let mut fields = Vec::from_iter(text("date", "source_date"));
            fields.extend(text("grade", "source_grade"));
            fields.extend([("id", Json::text(source_id.clone())), ("outlet", Json::text(cell("source_outlet")))]);
            fields.extend(text("title", "source_title"));
            fields.push(("url", Json::text(url)));
            Json::object(fields)
        });
        if self.sources.items.len() > self.source_lines.len() {
            self.source_lines.push(line);
        }
        // Read in this order, so that a row's problems are listed in it.
        let [value, max, target] = ["value", "max", "target"].map(|column| self.number(&cell(column), column, line).map(|number| (column, number)));
        let mut fields = Vec::from_iter(text("date", "date"));
        fields.push(("id", Json::text(cell("id"))));
        fields.extend(max);
        fields.push(("measure", Json::text(measure)));
        fields.extend(filled("note").map(|note| ("note", localized(&note))));
        fields.extend(text("period", "period"));
        fields.extend([("qualifier", Json::text(cell("qualifier"))), ("scope", Json::object(scope)), ("source", Json::text(source_id))]);
        fields.extend(target.into_iter().chain(value));
        fields.push(("wording", Json::text(cell("wording"))));
        self.observations.push(Json::object(fields));
        self.lines.push(line);
    }

    /// Where a problem the JSON validator found sits in the CSV: the row and the column.
    fn place(&self, path: &str) -> Place {
        let index = |prefix: &str| path.strip_prefix(prefix)?.split(']').next()?.parse::<usize>().ok();
        let field = path.split(['.', '[']).skip(2).find(|f| !f.is_empty() && !f.ends_with(']')).map(str::to_string);
        if let Some(line) = index("$.observations[").and_then(|i| self.lines.get(i)) {
            let column = field.map(|f| if ["sites", "sector", "company", "part"].contains(&f.as_str()) || f == "scope" { "sites/sector/company".into() } else { f });
            return Place::Csv { line: *line, column };
        }
        if let Some(line) = index("$.sources[").and_then(|i| self.source_lines.get(i)) {
            return Place::Csv { line: *line, column: field.map(|f| format!("source_{f}")) };
        }
        Place::Json(path.into())
    }
}

/// Reads a CSV dataset; on success the dataset and its JSON form (for export), else every problem.
pub fn parse_csv(text: &str) -> Result<(Dataset, String), Vec<Problem>> {
    parse_csv_watched(text, &mut |_, _| {})
}

/// `parse_csv`, telling `watch` how many observations have been checked as it goes.
pub fn parse_csv_watched(text: &str, watch: Watch) -> Result<(Dataset, String), Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |line: usize, column: Option<&str>, kind: ProblemKind| Problem { place: Place::Csv { line, column: column.map(str::to_string) }, kind };
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let columns: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => return Err(vec![at(1, None, ProblemKind::BadCsv(e.to_string()))]),
    };
    let mut problems: Vec<Problem> = columns.iter().filter(|c| !COLUMNS.contains(&c.as_str())).map(|c| at(1, Some(c), ProblemKind::UnknownField(c.clone()))).collect();
    problems.extend(REQUIRED.iter().filter(|r| !columns.iter().any(|c| c == *r)).map(|r| at(1, None, ProblemKind::MissingField((*r).into()))));
    if !problems.is_empty() {
        return Err(problems);
    }
    let measures = standard_measures();
    let measure_ids: Vec<String> = measures.iter().filter_map(|m| m.get("id")?.as_str().map(str::to_string)).collect();
    let mut rows = Rows {
        problems,
        sites: Entities::default(),
        sectors: Entities::default(),
        companies: Entities::default(),
        sources: Entities::default(),
        observations: Vec::new(),
        lines: Vec::new(),
        source_lines: Vec::new(),
        zone: None,
    };
    for record in reader.records() {
        if rows.observations.len() >= MAX_CSV_ROWS {
            rows.problems.push(at(MAX_CSV_ROWS + 2, None, ProblemKind::TooMany { count: MAX_CSV_ROWS + 1, limit: MAX_CSV_ROWS }));
            break;
        }
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                rows.row(&columns, &record, line, &measure_ids);
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                rows.problems.push(at(line, None, ProblemKind::BadCsv(e.to_string())));
            }
        }
    }
    if rows.observations.is_empty() && rows.problems.is_empty() {
        rows.problems.push(at(2, None, ProblemKind::EmptyList));
    }
    let zone = rows.zone.clone().unwrap_or_default();
    let json = Json::object(vec![
        ("companies", Json::Array(std::mem::take(&mut rows.companies.items))),
        ("format", Json::text("sez-jobs".into())),
        ("measures", Json::Array(measures)),
        ("observations", Json::Array(std::mem::take(&mut rows.observations))),
        ("sectors", Json::Array(std::mem::take(&mut rows.sectors.items))),
        ("sites", Json::Array(std::mem::take(&mut rows.sites.items))),
        ("sources", Json::Array(std::mem::take(&mut rows.sources.items))),
        ("version", Json::Number(1.into())),
        ("zone", Json::object(vec![("id", Json::text("zone".into())), ("name", localized(&zone))])),
    ]);
    let text = serde_json::to_string(&json).unwrap_or_default();
    let checked = Dataset::parse_watched(&text, watch);
    let mut problems = std::mem::take(&mut rows.problems);
    problems.extend(checked.as_ref().err().into_iter().flatten().map(|p| Problem { place: rows.place(p.path()), kind: p.kind.clone() }));
    match (checked, problems.is_empty()) {
        (Ok(data), true) => Ok((data, text)),
        _ => {
            let line = |p: &Problem| match &p.place {
                Place::Csv { line, .. } => *line,
                Place::Json(_) => usize::MAX,
            };
            sort_by(&mut problems, &|a, b| line(a).cmp(&line(b)));
            Err(problems)
        }
    }
}
