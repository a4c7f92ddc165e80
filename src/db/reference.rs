//! Reference data as the forms and filters need it.

use super::schema::{industries, municipalities, wellbeing_counties};
use super::{DbConnection, DbResult};
use crate::i18n::Lang;
use diesel::prelude::*;

#[derive(Debug, Clone)]
pub struct Municipality {
    pub code: String,
    pub name: String,
    pub county_code: String,
}

#[derive(Debug, Clone)]
pub struct County {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Industry {
    pub code: String,
    pub level: String,
    pub parent: Option<String>,
    pub name: String,
}

fn pick(lang: Lang, fi: String, sv: String, en: Option<String>) -> String {
    let chosen = match lang {
        Lang::Fi => None,
        Lang::Sv => Some(sv),
        Lang::En => en,
    };
    // Some Swedish names are missing in the source: show the Finnish one then.
    chosen.filter(|n| !n.trim().is_empty()).unwrap_or(fi)
}

/// Municipalities sorted by name in the language (Swedish and Finnish names differ).
pub fn municipalities(conn: &mut DbConnection, lang: Lang) -> DbResult<Vec<Municipality>> {
    let rows: Vec<(String, String, String, String)> = municipalities::table
        .select((
            municipalities::code,
            municipalities::name_fi,
            municipalities::name_sv,
            municipalities::county_code,
        ))
        .load(conn)?;
    let mut list: Vec<Municipality> = rows
        .into_iter()
        .map(|(code, fi, sv, county_code)| Municipality {
            code,
            name: pick(lang, fi.clone(), sv, Some(fi)),
            county_code,
        })
        .collect();
    list.sort_by_key(|m| crate::domain::text::fold(&m.name));
    Ok(list)
}

pub fn counties(conn: &mut DbConnection, lang: Lang) -> DbResult<Vec<County>> {
    let rows: Vec<(String, String, String, String)> = wellbeing_counties::table
        .order(wellbeing_counties::code)
        .select((
            wellbeing_counties::code,
            wellbeing_counties::name_fi,
            wellbeing_counties::name_sv,
            wellbeing_counties::name_en,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(code, fi, sv, en)| County {
            code,
            name: pick(lang, fi, sv, Some(en)),
        })
        .collect())
}

/// TOL 2008 sections and divisions, in code order.
pub fn industries(conn: &mut DbConnection, lang: Lang) -> DbResult<Vec<Industry>> {
    let rows: Vec<(String, String, Option<String>, String, String, String)> = industries::table
        .filter(industries::code_set.eq(crate::seed::reference::TOL_2008))
        .order(industries::code)
        .select((
            industries::code,
            industries::level,
            industries::parent,
            industries::name_fi,
            industries::name_sv,
            industries::name_en,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(code, level, parent, fi, sv, en)| Industry {
            code,
            level,
            parent,
            name: pick(lang, fi, sv, Some(en)),
        })
        .collect())
}

pub fn municipality_exists(conn: &mut DbConnection, code: &str) -> DbResult<bool> {
    let n: i64 = municipalities::table
        .filter(municipalities::code.eq(code))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

pub fn industry_exists(conn: &mut DbConnection, code: &str) -> DbResult<bool> {
    let n: i64 = industries::table
        .filter(industries::code_set.eq(crate::seed::reference::TOL_2008))
        .filter(industries::code.eq(code))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The divisions of a section, or the code itself when it is a division.
pub fn industry_codes_under(conn: &mut DbConnection, code: &str) -> DbResult<Vec<String>> {
    let mut codes: Vec<String> = industries::table
        .filter(industries::code_set.eq(crate::seed::reference::TOL_2008))
        .filter(industries::parent.eq(code))
        .select(industries::code)
        .load(conn)?;
    codes.push(code.to_owned());
    Ok(codes)
}
