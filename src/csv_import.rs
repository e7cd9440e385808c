//! Datasets kept in a spreadsheet: a CSV file with one observation per row (columns documented
//! in `data/FORMAT.md`), turned into the JSON format and validated like any other dataset.
//! Problems are named by line and column.

use crate::dataset::Dataset;
use crate::format::read_number;
use crate::json::Json;
use crate::limits::MAX_CSV_ROWS;
use crate::problem::{Place, Problem, ProblemKind};
use crate::sorting::sort_by;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

pub const COLUMNS: [&str; 19] = [
    "id", "measure", "zone", "sites", "sector", "company", "part", "value", "max", "qualifier", "date", "period", "target",
    "source_outlet", "source_url", "source_date", "source_title", "wording", "note",
];
const REQUIRED: [&str; 7] = ["id", "measure", "value", "qualifier", "source_outlet", "source_url", "wording"];
/// Measures are not defined in a CSV: rows name one of the embedded dataset's, which brings
/// its names, unit and dating.
fn standard_measures() -> Vec<Value> {
    let embedded = Json::parse(crate::EMBEDDED_DATASET).unwrap_or(Json::Null);
    match serde_json::to_value(embedded.get("measures")) {
        Ok(Value::Array(measures)) => measures,
        _ => Vec::new(),
    }
}

/// "Печатники | Pechatniki" names something in both languages; one name serves for both.
fn localized(text: &str) -> Value {
    let (ru, en) = text.split_once('|').unwrap_or((text, text));
    json!({ "ru": ru.trim(), "en": en.trim() })
}

/// An id made from a name: lower case, words joined by hyphens.
fn slug(name: &str) -> String {
    let ru = name.split('|').next().unwrap_or(name);
    let words: Vec<String> = crate::lang::words(ru).iter().map(|word| crate::lang::lowercase(word)).collect();
    words.join("-")
}

/// Entities (sites, sectors, companies, sources) named by rows, each listed once.
#[derive(Default)]
struct Entities {
    items: Vec<Value>,
    ids: HashMap<String, usize>,
}

impl Entities {
    fn add(&mut self, id: String, item: impl FnOnce() -> Value) -> String {
        if !self.ids.contains_key(&id) {
            self.ids.insert(id.clone(), self.items.len());
            self.items.push(item());
        }
        id
    }
}

struct Rows {
    columns: Vec<String>,
    problems: Vec<Problem>,
    sites: Entities,
    sectors: Entities,
    companies: Entities,
    sources: Entities,
    observations: Vec<Value>,
    /// The CSV line of each observation, and of the first row naming each source.
    lines: Vec<usize>,
    source_lines: Vec<usize>,
    zone: Option<String>,
}

impl Rows {
    /// A number cell ("18 600", "5,5" and "5.5" all read); text that is no number is kept, and reported.
    fn number(&mut self, text: &str, column: &str, line: usize) -> Option<Value> {
        if text.is_empty() {
            return None;
        }
        match read_number(&text.replace([' ', '\u{a0}'], "").replace(',', ".")) {
            Some(number) => Some(json!(number)),
            None => {
                let kind = ProblemKind::WrongType { found: format!("«{text}»"), expected: "a number".into() };
                self.problems.push(Problem { place: Place::Csv { line, column: Some(column.into()) }, kind });
                // A stand-in, so that the rest of the row is still checked; the problem is reported.
                Some(json!(0))
            }
        }
    }

    fn row(&mut self, record: &csv::StringRecord, line: usize, measures: &[String]) {
        let cells: HashMap<String, String> = self.columns.iter().cloned().zip(record.iter().map(|v| v.trim().to_string())).collect();
        let cell = |c: &str| cells.get(c).cloned().unwrap_or_default();
        if self.zone.is_none() && !cell("zone").is_empty() {
            self.zone = Some(cell("zone"));
        }
        let measure = cell("measure");
        if !measures.contains(&measure) {
            let kind = ProblemKind::UnknownMeasure { found: measure.clone(), allowed: measures.to_vec() };
            self.problems.push(Problem { place: Place::Csv { line, column: Some("measure".into()) }, kind });
        }
        let site_ids: Vec<String> = cell("sites")
            .split('+')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|name| self.sites.add(slug(name), || json!({ "id": slug(name), "name": localized(name) })))
            .collect();
        let sector = Some(cell("sector")).filter(|s| !s.is_empty()).map(|name| self.sectors.add(slug(&name), || json!({ "id": slug(&name), "name": localized(&name) })));
        let mut scope = Map::new();
        match Some(cell("company")).filter(|c| !c.is_empty()) {
            Some(name) => {
                // In a spreadsheet a company's row gives its sites and sector; the format keeps them on the company.
                let mut company = json!({ "id": slug(&name), "name": localized(&name), "sites": site_ids, "sector": sector });
                if let Some(fields) = company.as_object_mut() {
                    fields.retain(|_, v| !v.is_null());
                }
                scope.insert("company".into(), json!(self.companies.add(slug(&name), || company)));
            }
            None => {
                if !site_ids.is_empty() {
                    scope.insert("sites".into(), json!(site_ids));
                }
                if let Some(sector) = sector {
                    scope.insert("sector".into(), json!(sector));
                }
            }
        }
        if !cell("part").is_empty() {
            scope.insert("part".into(), localized(&cell("part")));
        }
        let url = cell("source_url");
        let source_count = self.sources.items.len();
        let source = self.sources.add(url.clone(), || {
            let mut source = json!({ "id": format!("s{}", source_count + 1), "outlet": cell("source_outlet"), "url": url });
            for (key, column) in [("date", "source_date"), ("title", "source_title")] {
                if !cell(column).is_empty() {
                    source[key] = json!(cell(column));
                }
            }
            source
        });
        if self.sources.items.len() > self.source_lines.len() {
            self.source_lines.push(line);
        }
        let source_id = self.sources.items[self.sources.ids[&source]]["id"].clone();
        let mut obs = json!({ "id": cell("id"), "measure": measure, "scope": scope, "qualifier": cell("qualifier"), "source": source_id, "wording": cell("wording") });
        for column in ["value", "max", "target"] {
            if let Some(number) = self.number(&cell(column), column, line) {
                obs[column] = number;
            }
        }
        for column in ["date", "period"] {
            if !cell(column).is_empty() {
                obs[column] = json!(cell(column));
            }
        }
        if !cell("note").is_empty() {
            obs["note"] = localized(&cell("note"));
        }
        self.observations.push(obs);
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
    let measure_ids: Vec<String> = measures.iter().filter_map(|m| m["id"].as_str().map(str::to_string)).collect();
    let mut rows = Rows {
        columns,
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
                rows.row(&record, line, &measure_ids);
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
    let json = json!({
        "format": "sez-jobs",
        "version": 1,
        "zone": { "id": "zone", "name": localized(&zone) },
        "sites": rows.sites.items,
        "sectors": rows.sectors.items,
        "companies": rows.companies.items,
        "measures": measures,
        "sources": rows.sources.items,
        "observations": rows.observations,
    });
    // Compact, as the embedded dataset is exported: one JSON writer in the wasm, not two.
    let text = serde_json::to_string(&json).unwrap_or_default();
    let checked = Dataset::parse(&text);
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
