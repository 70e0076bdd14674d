//! Reading a spreadsheet into rows of cells: CSV (UTF-8 with or without
//! BOM, else Windows-1252; `;`, `,` or tab, detected), XLSX and ODS.
//!
//! Row numbers are those of the contract (section 10): row 1 is the header
//! and a row is a record, however many lines its quoted cells span.

use std::path::Path;

use crate::model::Date;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text (every CSV cell; spreadsheet text and numbers shown as text).
    Text(String),
    /// A number of a spreadsheet (Excel serial numbers of dates among them).
    Number(f64),
    /// A date cell of a spreadsheet.
    Date(Date),
}

impl Cell {
    /// The cell as text, trimmed ("" for an empty cell). Whole numbers are
    /// written without a fraction; dates as ISO dates.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            // `export` neutralises formula-like CSV cells with a leading
            // apostrophe, as spreadsheets do; it is not part of the text.
            Cell::Text(s) => {
                let t = s.trim();
                match t.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
                    _ => t.to_owned(),
                }
            }
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }

    /// True if nothing but whitespace is in it.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One record below the header.
#[derive(Debug, Clone)]
pub struct Row {
    /// Row number as the contract counts: the header is row 1.
    pub number: usize,
    /// Cells by column (may be shorter or longer than the header).
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell of a column (empty if the row is shorter).
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// A sheet: its header row and the records below it.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Header texts, trimmed.
    pub headers: Vec<String>,
    /// Rows that hold anything (completely empty rows are skipped).
    pub rows: Vec<Row>,
}

impl Table {
    /// Index of a header (exact, else ignoring case and surrounding space).
    pub fn column(&self, header: &str) -> Option<usize> {
        let h = header.trim();
        self.headers.iter().position(|x| x == h).or_else(|| {
            self.headers
                .iter()
                .position(|x| x.to_lowercase() == h.to_lowercase())
        })
    }

    /// How a column is named in report lines: its header, or its number
    /// when the header is empty.
    pub fn column_name(&self, column: usize) -> String {
        match self.headers.get(column) {
            Some(h) if !h.is_empty() => h.clone(),
            _ => (column + 1).to_string(),
        }
    }
}

/// Why a file could not be read as a table; located at the file's
/// row 1, column 1 (or the row given).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    /// Row of the problem (1 = header or the whole file).
    pub row: usize,
    /// What went wrong (English detail from the reader).
    pub detail: String,
    /// The file is no table at all (binary data, not a spreadsheet).
    pub not_a_table: bool,
}

fn error(detail: impl Into<String>) -> ReadError {
    ReadError {
        row: 1,
        detail: detail.into(),
        not_a_table: false,
    }
}

/// Reads `path`; the format follows the file name's ending (`.xlsx`,
/// `.xlsm`, `.xlsb`, `.xls`, `.ods`, else CSV). `sheet` picks a sheet of a spreadsheet.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_spreadsheet(path, sheet),
        _ => {
            let bytes = std::fs::read(path).map_err(|e| error(e.to_string()))?;
            read_csv(&bytes)
        }
    }
}

/// The text of CSV bytes: UTF-8 (a BOM is dropped), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The delimiter of the header line: the most frequent of `;`, `,` and tab
/// outside quotes (`;` on a tie, as German Excel writes).
fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    [b';', b',', b'\t'][best]
}

/// Reads CSV bytes.
pub fn read_csv(bytes: &[u8]) -> Result<Table, ReadError> {
    // Binary data (a picture or a spreadsheet renamed to .csv) is no list:
    // NUL bytes never occur in text.
    if bytes.contains(&0) {
        return Err(ReadError {
            row: 1,
            detail: "binary data (NUL bytes)".into(),
            not_a_table: true,
        });
    }
    let text = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    for (i, record) in reader.records().enumerate() {
        let number = i + 1;
        let record = record.map_err(|e| ReadError {
            row: number,
            detail: e.to_string(),
            not_a_table: false,
        })?;
        if number == 1 {
            table.headers = record.iter().map(|h| h.trim().to_owned()).collect();
            continue;
        }
        let cells: Vec<Cell> = record
            .iter()
            .map(|c| {
                if c.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(c.to_owned())
                }
            })
            .collect();
        if cells.iter().any(|c| !c.is_empty()) {
            table.rows.push(Row { number, cells });
        }
    }
    if table.headers.iter().all(|h| h.is_empty()) {
        return Err(error("no header row"));
    }
    Ok(table)
}

/// Reads the sheet of an XLSX or ODS file (default: the first).
fn read_spreadsheet(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    use calamine::{Data, Reader, open_workbook_auto};
    let mut workbook = open_workbook_auto(path).map_err(|e| ReadError {
        row: 1,
        detail: e.to_string(),
        not_a_table: true,
    })?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .or_else(|| names.iter().find(|n| n.to_lowercase() == s.to_lowercase()))
            .cloned()
            .ok_or_else(|| error(format!("no sheet `{s}` (sheets: {})", names.join(", "))))?,
        None => names.first().cloned().ok_or_else(|| error("no sheet"))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| error(e.to_string()))?;
    let mut table = Table::default();
    let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
    for (i, row) in range.rows().enumerate() {
        // Leading empty columns of the used range keep their numbers.
        let mut cells: Vec<Cell> = vec![Cell::Empty; first_col];
        cells.extend(row.iter().map(|d| {
            match d {
                Data::Empty => Cell::Empty,
                Data::String(s) if s.trim().is_empty() => Cell::Empty,
                Data::String(s) => Cell::Text(s.clone()),
                Data::Int(n) => Cell::Number(*n as f64),
                Data::Float(f) => Cell::Number(*f),
                Data::Bool(b) => Cell::Text(if *b { "ja" } else { "nein" }.to_owned()),
                Data::DateTime(dt) => serial_date(dt.as_f64())
                    .map(Cell::Date)
                    .unwrap_or(Cell::Number(dt.as_f64())),
                Data::DateTimeIso(s) => s
                    .get(..10)
                    .and_then(|d| d.parse::<Date>().ok())
                    .map(Cell::Date)
                    .unwrap_or(Cell::Text(s.clone())),
                Data::DurationIso(s) => Cell::Text(s.clone()),
                Data::Error(e) => Cell::Text(format!("#{e:?}")),
            }
        }));
        if table.headers.is_empty() && i == 0 {
            table.headers = cells.iter().map(Cell::text).collect();
            continue;
        }
        if cells.iter().any(|c| !c.is_empty()) {
            table.rows.push(Row {
                number: i + 1,
                cells,
            });
        }
    }
    if table.headers.iter().all(|h| h.is_empty()) {
        return Err(error("no header row"));
    }
    Ok(table)
}

/// The date of an Excel serial number (days since 1899-12-30); whole days
/// only, within the years 1900–2200.
pub fn serial_date(serial: f64) -> Option<Date> {
    if !(1.0..=120_000.0).contains(&serial) {
        return None;
    }
    let epoch = Date::new(1899, 12, 30).ok()?;
    epoch
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_and_encodings() {
        let t = read_csv(b"\xEF\xBB\xBFName,Ort\n\"A, B\",M\xC3\xBCnchen\n").unwrap();
        assert_eq!(t.headers, ["Name", "Ort"]);
        assert_eq!(t.rows[0].cells[0], Cell::Text("A, B".into()));
        assert_eq!(t.rows[0].cells[1], Cell::Text("München".into()));
        let t = read_csv(b"Name;Ort\r\n\"zwei\r\nZeilen\";M\xFCnchen\r\nC;D\r\n").unwrap();
        assert_eq!(t.rows[0].cells[1], Cell::Text("München".into()));
        assert_eq!(t.rows[0].cells[0], Cell::Text("zwei\r\nZeilen".into()));
        assert_eq!(t.rows[1].number, 3);
        let t = read_csv(b"Name\tOrt\nA\tB\n").unwrap();
        assert_eq!(t.headers, ["Name", "Ort"]);
        assert!(read_csv(b"\x89PNG\0\0").unwrap_err().not_a_table);
    }

    #[test]
    fn serial_numbers() {
        assert_eq!(serial_date(46279.0), Some("2026-09-14".parse().unwrap()));
        assert_eq!(serial_date(0.5), None);
    }
}
