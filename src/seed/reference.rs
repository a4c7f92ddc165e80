//! TOL 2008 industries, municipalities and wellbeing services counties, from `seed/reference/`.

use crate::db::schema::{industries, municipalities, wellbeing_counties};
use crate::db::{DbConnection, DbError, DbResult};
use diesel::prelude::*;
use serde::Deserialize;

const COUNTIES: &str = include_str!("../../seed/reference/wellbeing_services_counties.csv");
const MUNICIPALITIES: &str = include_str!("../../seed/reference/municipalities_2024.csv");
const INDUSTRIES: &str = include_str!("../../seed/reference/tol2008_sections_divisions.csv");

pub const TOL_2008: &str = "TOL2008";
/// Åland's municipalities belong to no wellbeing services county; the county table lists
/// Åland under this code, so they are grouped there.
pub const ALAND_COUNTY: &str = "91";

#[derive(Debug, Deserialize)]
struct CountyRow {
    code: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
}

#[derive(Debug, Deserialize)]
struct MunicipalityRow {
    code: String,
    name_fi: String,
    name_sv: String,
    wellbeing_county_code: String,
}

#[derive(Debug, Deserialize)]
struct IndustryRow {
    level: String,
    code: String,
    parent: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> DbResult<Vec<T>> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| DbError::Invalid(format!("reference data is malformed: {e}")))
}

fn county_of(m: &MunicipalityRow) -> &str {
    match m.wellbeing_county_code.trim() {
        "" => ALAND_COUNTY,
        code => code,
    }
}

/// Loads the reference data into an empty database; does nothing when it is there already.
pub fn load_if_empty(conn: &mut DbConnection) -> DbResult<bool> {
    let present: i64 = municipalities::table.count().get_result(conn)?;
    if present > 0 {
        return Ok(false);
    }
    let counties: Vec<CountyRow> = parse(COUNTIES)?;
    let munis: Vec<MunicipalityRow> = parse(MUNICIPALITIES)?;
    let inds: Vec<IndustryRow> = parse(INDUSTRIES)?;
    conn.write(|conn| {
        for c in &counties {
            diesel::insert_into(wellbeing_counties::table)
                .values((
                    wellbeing_counties::code.eq(&c.code),
                    wellbeing_counties::name_fi.eq(&c.name_fi),
                    wellbeing_counties::name_sv.eq(&c.name_sv),
                    wellbeing_counties::name_en.eq(&c.name_en),
                ))
                .execute(conn)?;
        }
        for m in &munis {
            diesel::insert_into(municipalities::table)
                .values((
                    municipalities::code.eq(&m.code),
                    municipalities::name_fi.eq(&m.name_fi),
                    municipalities::name_sv.eq(&m.name_sv),
                    municipalities::county_code.eq(county_of(m)),
                ))
                .execute(conn)?;
        }
        for i in &inds {
            diesel::insert_into(industries::table)
                .values((
                    industries::code_set.eq(TOL_2008),
                    industries::code.eq(&i.code),
                    industries::level.eq(&i.level),
                    industries::parent.eq((!i.parent.is_empty()).then_some(&i.parent)),
                    industries::name_fi.eq(&i.name_fi),
                    // Statistics Finland publishes no Swedish division names in our source:
                    // an empty name falls back to Finnish when shown.
                    industries::name_sv.eq(&i.name_sv),
                    industries::name_en.eq(&i.name_en),
                ))
                .execute(conn)?;
        }
        Ok(true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_files_parse_with_expected_counts() {
        assert_eq!(parse::<CountyRow>(COUNTIES).unwrap().len(), 23);
        let munis = parse::<MunicipalityRow>(MUNICIPALITIES).unwrap();
        assert_eq!(munis.len(), 309);
        assert!(munis
            .iter()
            .any(|m| m.code == "092" && m.name_fi == "Vantaa"));
        let aland = munis
            .iter()
            .filter(|m| county_of(m) == ALAND_COUNTY)
            .count();
        assert_eq!(aland, 16);
        let inds = parse::<IndustryRow>(INDUSTRIES).unwrap();
        assert_eq!(inds.iter().filter(|i| i.level == "section").count(), 21);
        assert_eq!(inds.iter().filter(|i| i.level == "division").count(), 88);
    }
}
