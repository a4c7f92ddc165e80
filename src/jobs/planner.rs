//! Plans the morning digests: at the organisation's time (Helsinki), one message per user with
//! anything overdue or due today, queued under the key `digest:<user>:<date>`.

use crate::db::{outbox, reminders, settings, DbConnection, DbResult};
use crate::domain::digest::{self, DigestPreference};
use crate::mail::compose::{self, Item};
use crate::mail::Site;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::HashMap;

/// The organisation's digest time, or 07.30.
pub fn digest_time(conn: &mut DbConnection) -> DbResult<NaiveTime> {
    Ok(settings::get(conn, settings::DIGEST_TIME)?
        .as_deref()
        .and_then(digest::parse_time)
        .unwrap_or(digest::DEFAULT_TIME))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planned {
    pub date: NaiveDate,
    /// Digests queued by this run.
    pub queued: usize,
    /// The date had been planned before (by this or another instance).
    pub already: bool,
}

/// Plans the digests due at `now`: none before the configured time, and each date once. With
/// `force` (`send-mail --now`) today's digests are planned whatever the time of day.
pub fn plan_due(
    conn: &mut DbConnection,
    site: &Site,
    now: NaiveDateTime,
    force: bool,
) -> DbResult<Option<Planned>> {
    let at = digest_time(conn)?;
    let date = match digest::due_date(now, at) {
        Some(date) => date,
        None if force => crate::format::today_helsinki(now),
        None => return Ok(None),
    };
    plan_date(conn, site, date, now).map(Some)
}

/// Plans the digests of `date` once. The transaction starts by claiming the date (a write), so
/// that instances planning at the same moment wait for each other and only the first plans;
/// the unique key of each digest would stop a duplicate even without that.
pub fn plan_date(
    conn: &mut DbConnection,
    site: &Site,
    date: NaiveDate,
    now: NaiveDateTime,
) -> DbResult<Planned> {
    conn.write(|conn| {
        let fresh = outbox::start_digest_run(conn, date, now)?;
        if !fresh {
            return Ok(Planned {
                date,
                queued: 0,
                already: true,
            });
        }
        let mut by_user: HashMap<i64, Vec<Item>> = HashMap::new();
        for (assignee, item) in reminders::due_until(conn, date)? {
            by_user.entry(assignee).or_default().push(item);
        }
        let mut queued = 0;
        for (recipient, pref) in reminders::digest_recipients(conn)? {
            let Some(items) = by_user.get(&recipient.user_id) else {
                continue;
            };
            let items: Vec<Item> = items
                .iter()
                .filter(|i| digest::includes(pref, i.due_on, date))
                .cloned()
                .collect();
            if items.is_empty() || pref == DigestPreference::Off {
                continue;
            }
            let composed = compose::digest(site, &recipient, date, &items, now)
                .map_err(|e| crate::db::DbError::Invalid(e.to_string()))?;
            if outbox::enqueue(conn, &composed, now)?.is_some() {
                queued += 1;
                let ids: Vec<i64> = items.iter().map(|i| i.follow_up_id).collect();
                reminders::mark_reminded(conn, &ids, date)?;
            }
        }
        outbox::finish_digest_run(conn, date, queued as i64)?;
        Ok(Planned {
            date,
            queued,
            already: false,
        })
    })
}
