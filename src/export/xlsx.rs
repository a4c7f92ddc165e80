//! XLSX with rust_xlsxwriter: a worksheet per table, bold headings, numbers as numbers.

use super::{Cell, ExportError, Table};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

fn err(e: XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique.
pub fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let mut base: String = clean.trim().chars().take(28).collect();
    if base.is_empty() {
        base = "Sheet".into();
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{base} {n}");
        n += 1;
    }
    candidate
}

pub fn write(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("d.m.yyyy");
    let decimals = [
        Format::new().set_num_format("0"),
        Format::new().set_num_format("0.0"),
        Format::new().set_num_format("0.00"),
    ];
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let name = sheet_name(&table.name, &names);
        names.push(name.clone());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name).map_err(err)?;
        for (c, heading) in table.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, heading, &bold)
                .map_err(err)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string(r, c, s).map_err(err)?;
                    }
                    Cell::Int(n) => {
                        sheet.write_number(r, c, *n as f64).map_err(err)?;
                    }
                    Cell::Decimal(v, places) => {
                        let format = &decimals[(*places as usize).min(decimals.len() - 1)];
                        sheet
                            .write_number_with_format(r, c, *v, format)
                            .map_err(err)?;
                    }
                    Cell::Date(d) => {
                        use chrono::Datelike;
                        let value = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(err)?;
                        sheet
                            .write_datetime_with_format(r, c, &value, &date)
                            .map_err(err)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
        sheet.autofit();
    }
    if tables.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        assert_eq!(sheet_name("a/b: c", &[]), "a b  c");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &[]).chars().count(), 28);
        assert_eq!(sheet_name("Taulu", &["taulu".into()]), "Taulu 2");
    }

    #[test]
    fn writes_a_workbook() {
        let mut t = Table::new("T", vec!["a".into(), "b".into()]);
        t.push(vec![Cell::Int(3), Cell::Decimal(1.5, 1)]);
        let bytes = write(&[t]).unwrap();
        assert!(bytes.starts_with(b"PK"));
    }

    /// Typed text that looks like a formula is a string cell, never a formula.
    #[test]
    fn text_cells_stay_strings() {
        use calamine::{Data, Reader, Xlsx};
        let mut t = Table::new("T", vec!["Nimi".into()]);
        t.push(vec![Cell::text("=2+5")]);
        t.push(vec![Cell::text("@SUM(A1)")]);
        let bytes = write(&[t]).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("T").unwrap();
        assert_eq!(range.get((1, 0)), Some(&Data::String("=2+5".into())));
        assert_eq!(range.get((2, 0)), Some(&Data::String("@SUM(A1)".into())));
        let formulas = book.worksheet_formula("T").unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formulas"
        );
    }
}
