//! One calendar entry (iCalendar, RFC 5545) per follow-up, for Outlook and the rest.

use super::Site;
use chrono::{Days, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

/// What the calendar entry says.
pub struct Entry<'a> {
    pub follow_up_id: i64,
    pub employer: &'a str,
    pub what: &'a str,
    pub day: NaiveDate,
    pub url: &'a str,
    pub description: &'a str,
}

/// `follow-up-12@example.fi`: the same follow-up is the same calendar entry in every email, so
/// opening a newer one moves the entry instead of adding a second.
pub fn uid(site: &Site, follow_up_id: i64) -> String {
    format!("follow-up-{follow_up_id}@{}", site.domain())
}

/// An all-day, free-time entry on `day`.
pub fn calendar(site: &Site, entry: &Entry<'_>, now: NaiveDateTime) -> String {
    let stamp = Utc.from_utc_datetime(&now);
    // Later emails must win over earlier ones for the same UID: minutes since 2020 grow.
    let sequence =
        u32::try_from((now.and_utc().timestamp() - 1_577_836_800).max(0) / 60).unwrap_or(u32::MAX);
    let next_day = entry
        .day
        .checked_add_days(Days::new(1))
        .unwrap_or(entry.day);
    let event = Event::new()
        .uid(&uid(site, entry.follow_up_id))
        .timestamp(stamp)
        .sequence(sequence)
        .summary(&format!("{}: {}", entry.employer, entry.what))
        .description(entry.description)
        .url(entry.url)
        .starts(entry.day)
        .ends(next_day)
        .add_property("TRANSP", "TRANSPARENT")
        .add_property("X-MICROSOFT-CDO-BUSYSTATUS", "FREE")
        .add_property("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE")
        .done();
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Verkosto//Follow-up reminders//FI"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .push(event);
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_all_day_entry_with_a_stable_uid() {
        let site = Site {
            base_url: "https://verkosto.example.fi".into(),
            from: "Verkosto <verkosto@example.fi>".parse().unwrap(),
            organisation: String::new(),
        };
        let now = NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(5, 30, 0)
            .unwrap();
        let text = calendar(
            &site,
            &Entry {
                follow_up_id: 12,
                employer: "Logistiikka Oy",
                what: "Soita, lähetä kaksi profiilia; kysy vuoroista",
                day: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
                url: "https://verkosto.example.fi/employers/3",
                description: "Soita",
            },
            now,
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.contains("METHOD:PUBLISH\r\n"));
        assert!(text.contains("UID:follow-up-12@example.fi\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20261127\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20261128\r\n"));
        assert!(text.contains("DTSTAMP:20261125T053000Z\r\n"));
        // Text values are escaped as RFC 5545 says.
        assert!(text.contains("profiilia\\; kysy"), "{text}");
        assert!(text.contains("URL:https://verkosto.example.fi/employers/3\r\n"));
        assert!(text.trim_end().ends_with("END:VCALENDAR"));
    }
}
