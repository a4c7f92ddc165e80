//! CSV that opens right in Finnish Excel: UTF-8 with a byte order mark, semicolons between
//! fields, decimal commas, dates as 22.11.2026.

use super::{Cell, ExportError, Table};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A number with a decimal comma and no thousands separator (Excel reads it as a number).
pub fn decimal(value: f64, places: u8) -> String {
    format!("{:.*}", places as usize, value).replace('.', ",")
}

/// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage
/// return first) gets a leading apostrophe, OWASP's rule against CSV injection: a name typed as
/// `=HYPERLINK(...)` stays text. Numbers are written as numbers (`Cell::Int`), not through here.
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => neutralise(s),
        Cell::Int(n) => n.to_string(),
        Cell::Decimal(v, places) => decimal(*v, *places),
        Cell::Date(d) => crate::format::date(*d),
        Cell::Empty => String::new(),
    }
}

pub fn write(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    let err = |e: csv::Error| ExportError::Csv(e.to_string());
    let mut out = BOM.to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .from_writer(&mut out);
        for (i, table) in tables.iter().enumerate() {
            if tables.len() > 1 {
                if i > 0 {
                    writer.write_record([""]).map_err(err)?;
                }
                writer
                    .write_record([neutralise(&table.name)])
                    .map_err(err)?;
            }
            writer
                .write_record(table.columns.iter().map(|c| neutralise(c)))
                .map_err(err)?;
            for row in &table.rows {
                writer.write_record(row.iter().map(field)).map_err(err)?;
            }
        }
        writer
            .flush()
            .map_err(|e| ExportError::Csv(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn finnish_excel_csv() {
        let mut t = Table::new("Kattavuus", vec!["Toimiala".into(), "Osuus %".into()]);
        t.push(vec![
            Cell::text("Rakentaminen; talot"),
            Cell::Decimal(85.0, 1),
        ]);
        t.push(vec![
            Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
            Cell::Int(-3),
        ]);
        t.push(vec![Cell::Empty, Cell::Decimal(12.345, 2)]);
        let bytes = write(&[t]).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "Toimiala;Osuus %\n\"Rakentaminen; talot\";85,0\n22.11.2026;-3\n;12,35\n"
        );
    }

    #[test]
    fn cells_that_would_be_formulas_stay_text() {
        let mut t = Table::new("T", vec!["Nimi".into(), "Luku".into()]);
        for typed in [
            "=2+5",
            "+358 40 123",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://e\";\"x\")",
        ] {
            t.push(vec![Cell::text(typed), Cell::Int(-3)]);
        }
        t.push(vec![Cell::text("Oy Ab = hyvä"), Cell::Int(5)]);
        let bytes = write(&[t]).unwrap();
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let cells: Vec<(String, String)> = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[0].to_owned(), r[1].to_owned())
            })
            .collect();
        assert_eq!(
            cells.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(),
            [
                "'=2+5",
                "'+358 40 123",
                "'-1",
                "'@SUM(A1)",
                "'\tx",
                "'\rx",
                "'=HYPERLINK(\"http://e\";\"x\")",
                "Oy Ab = hyvä"
            ]
        );
        assert!(
            cells.iter().all(|(_, n)| n == "-3" || n == "5"),
            "numbers stay numbers"
        );
    }

    #[test]
    fn several_tables_go_under_their_names() {
        let a = Table::new("A", vec!["x".into()]);
        let b = Table::new("B", vec!["y".into()]);
        let text = String::from_utf8(write(&[a, b]).unwrap()[3..].to_vec()).unwrap();
        assert_eq!(text, "A\nx\n\"\"\nB\ny\n");
    }
}
