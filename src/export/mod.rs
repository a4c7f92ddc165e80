//! Downloads: every report table and the employer list go through one typed table model,
//! written as CSV for Finnish Excel or as XLSX.

pub mod csv;
pub mod xlsx;

use chrono::NaiveDate;

/// One typed value of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// A number shown with a fixed count of decimals (averages, percentages).
    Decimal(f64, u8),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// One decimal, or empty when there is nothing to divide.
    pub fn dec1(v: Option<f64>) -> Cell {
        v.map(|v| Cell::Decimal(v, 1)).unwrap_or(Cell::Empty)
    }
}

/// A table with a name (the worksheet), column headings and rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: impl Into<String>, columns: Vec<String>) -> Table {
        Table {
            name: name.into(),
            columns,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// The `?format=` of a page; anything else is the page itself.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

/// The export layer's one error type.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write CSV: {0}")]
    Csv(String),
    #[error("cannot write XLSX: {0}")]
    Xlsx(String),
}

/// The tables as one download: CSV puts them one after another under their names, XLSX gives
/// each its own worksheet.
pub fn write(format: Format, tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => csv::write(tables),
        Format::Xlsx => xlsx::write(tables),
    }
}
