//! Composing the reminder messages: the morning digest and the handover notice, in the
//! recipient's language, as complete MIME messages (plain text + HTML + one .ics per follow-up).

use super::{ics, templates, Site};
use crate::domain::contact::{Channel, Outcome};
use crate::domain::digest::calendar_day;
use crate::domain::text::header_safe;
use crate::format;
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};
use serde::Serialize;

/// Who gets the message.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub lang: Lang,
}

/// The newest contact with the employer, by anybody.
#[derive(Debug, Clone)]
pub struct LastContact {
    pub at: NaiveDateTime,
    pub channel: String,
    pub outcome: String,
    pub coach: String,
}

/// One follow-up as an email shows it.
#[derive(Debug, Clone)]
pub struct Item {
    pub follow_up_id: i64,
    pub employer_id: i64,
    pub employer: String,
    pub what: String,
    pub due_on: NaiveDate,
    pub last_contact: Option<LastContact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Digest,
    Assigned,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Digest => "digest",
            Kind::Assigned => "assigned",
        }
    }
}

/// A message ready for the outbox.
#[derive(Debug, Clone)]
pub struct Composed {
    pub dedup_key: String,
    pub kind: Kind,
    pub user_id: i64,
    pub recipient: String,
    pub lang: Lang,
    pub subject: String,
    pub message_id: String,
    /// The whole RFC 5322 message (7-bit: lettre encodes every non-ASCII part).
    pub message: String,
}

/// The longest display name or subject put into a header.
const MAX_HEADER_TEXT: usize = 150;

#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error(transparent)]
    Template(#[from] templates::TemplateError),
    #[error("invalid recipient address {0:?}")]
    Recipient(String),
    #[error("cannot build the message: {0}")]
    Build(String),
}

/// The digest's key: one per coach and Helsinki date, so it is never queued twice.
pub fn digest_key(user_id: i64, date: NaiveDate) -> String {
    format!("digest:{user_id}:{date}")
}

/// The morning digest of `today`: the overdue items first, then today's.
pub fn digest(
    site: &Site,
    to: &Recipient,
    today: NaiveDate,
    items: &[Item],
    now: NaiveDateTime,
) -> Result<Composed, ComposeError> {
    let lang = to.lang;
    let view = |i: &Item| ItemView::new(site, lang, i);
    let overdue: Vec<ItemView> = items
        .iter()
        .filter(|i| i.due_on < today)
        .map(view)
        .collect();
    let due_today: Vec<ItemView> = items
        .iter()
        .filter(|i| i.due_on >= today)
        .map(view)
        .collect();
    let context = DigestContext {
        lang: lang.code(),
        name: &to.name,
        organisation: &site.organisation,
        date: format::date(today),
        overdue,
        today: due_today,
        follow_ups_url: site.url("/follow-ups"),
        profile_url: site.url("/profile"),
        subject: String::new(),
    };
    let subject = lang.ta(
        "mail-subject-digest",
        &[
            ("date", format::date(today).into()),
            ("overdue", (context.overdue.len() as i64).into()),
            ("today", (context.today.len() as i64).into()),
        ],
    );
    build(
        site,
        to,
        Kind::Digest,
        digest_key(to.user_id, today),
        subject,
        items,
        today,
        now,
        |subject| {
            let mut c = context.clone();
            c.subject = subject;
            c
        },
    )
}

/// The notice to a coach that `assigner` handed these follow-ups to them.
pub fn assigned(
    site: &Site,
    to: &Recipient,
    assigner: &str,
    items: &[Item],
    also: &Also,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<Composed, ComposeError> {
    let lang = to.lang;
    let context = AssignedContext {
        lang: lang.code(),
        name: &to.name,
        organisation: &site.organisation,
        assigner,
        items: items.iter().map(|i| ItemView::new(site, lang, i)).collect(),
        follow_ups_url: site.url("/follow-ups"),
        also: *also,
        jobseekers_url: site.url("/jobseekers"),
        employers_url: site.url(&format!("/employers?lead={}", to.user_id)),
        matches_url: site.url("/matches"),
        subject: String::new(),
    };
    let first = items.first().map(|i| i.follow_up_id).unwrap_or(0);
    let key = format!(
        "assigned:{}:{first}:{}:{}",
        to.user_id,
        items.len(),
        now.and_utc().timestamp_micros()
    );
    let subject = lang.ta(
        "mail-subject-assigned",
        &[
            ("items", (items.len() as i64).into()),
            ("more", if also.is_empty() { "no" } else { "yes" }.into()),
        ],
    );
    build(
        site,
        to,
        Kind::Assigned,
        key,
        subject,
        items,
        today,
        now,
        |subject| {
            let mut c = context.clone();
            c.subject = subject;
            c
        },
    )
}

#[derive(Debug, Clone, Serialize)]
struct ItemView {
    employer: String,
    what: String,
    due: String,
    url: String,
    last_contact: Option<String>,
}

impl ItemView {
    fn new(site: &Site, lang: Lang, i: &Item) -> Self {
        Self {
            employer: i.employer.clone(),
            what: i.what.clone(),
            due: format::date(i.due_on),
            url: site.url(&format!("/employers/{}", i.employer_id)),
            last_contact: i.last_contact.as_ref().map(|c| describe_contact(lang, c)),
        }
    }
}

/// `12.10.2026 · Puhelu · Ei vastausta · Maija Valmentaja`
fn describe_contact(lang: Lang, c: &LastContact) -> String {
    let channel = Channel::parse(&c.channel)
        .map(|v| lang.t(v.message_id()))
        .unwrap_or_else(|| c.channel.clone());
    let outcome = Outcome::parse(&c.outcome)
        .map(|v| lang.t(v.message_id()))
        .unwrap_or_else(|| c.outcome.clone());
    format!(
        "{} · {channel} · {outcome} · {}",
        format::date(format::to_helsinki(c.at).date_naive()),
        c.coach
    )
}

#[derive(Debug, Clone, Serialize)]
struct DigestContext<'a> {
    lang: &'a str,
    subject: String,
    name: &'a str,
    organisation: &'a str,
    date: String,
    overdue: Vec<ItemView>,
    today: Vec<ItemView>,
    follow_ups_url: String,
    profile_url: String,
}

#[derive(Debug, Clone, Serialize)]
struct AssignedContext<'a> {
    lang: &'a str,
    subject: String,
    name: &'a str,
    organisation: &'a str,
    assigner: &'a str,
    items: Vec<ItemView>,
    follow_ups_url: String,
    also: Also,
    jobseekers_url: String,
    employers_url: String,
    matches_url: String,
}

/// Besides follow-ups, what a handover gave a coach, counted: a notice that leaves the system
/// never names jobseekers, and the links lead to the lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Also {
    pub jobseekers: usize,
    /// Employers whose relationship lead the coach now is.
    pub employers: usize,
    pub matches: usize,
}

impl Also {
    pub fn is_empty(&self) -> bool {
        self.jobseekers == 0 && self.employers == 0 && self.matches == 0
    }
}

/// `Content-Language`, so that mail clients and screen readers pick the right language.
#[derive(Debug, Clone)]
struct ContentLanguage(String);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_owned()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `Auto-Submitted: auto-generated` (RFC 3834): no out-of-office replies to a reminder.
#[derive(Debug, Clone)]
struct AutoSubmitted;

impl Header for AutoSubmitted {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "auto-generated".to_owned())
    }
}

#[allow(clippy::too_many_arguments)]
fn build<C: Serialize>(
    site: &Site,
    to: &Recipient,
    kind: Kind,
    dedup_key: String,
    subject: String,
    items: &[Item],
    today: NaiveDate,
    now: NaiveDateTime,
    context: impl Fn(String) -> C,
) -> Result<Composed, ComposeError> {
    let lang = to.lang;
    let name = kind.as_str();
    // Header values come only from sanitised text: the subject is ours (numbers and dates in a
    // fixed message), and the recipient's display name is made one clean line.
    let subject = header_safe(&subject, MAX_HEADER_TEXT);
    let display_name = header_safe(&to.name, MAX_HEADER_TEXT);
    let text = templates::render(lang, name, "txt", context(subject.clone()))?;
    let html = templates::render(lang, name, "html", context(subject.clone()))?;

    let address: Address = to
        .email
        .parse()
        .map_err(|_| ComposeError::Recipient(to.email.clone()))?;
    let message_id = format!(
        "<{}.{}@{}>",
        dedup_key
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '.' })
            .collect::<String>(),
        &crate::auth::token::generate()[..12],
        site.domain()
    );

    let body = MultiPart::alternative()
        .singlepart(SinglePart::plain(text))
        .singlepart(SinglePart::html(html));
    let mut mixed = MultiPart::mixed().multipart(body);
    let calendar_type = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
        .map_err(|e| ComposeError::Build(e.to_string()))?;
    for item in items {
        let url = site.url(&format!("/employers/{}", item.employer_id));
        let description = format!("{}\n\n{url}", item.what);
        let calendar = ics::calendar(
            site,
            &ics::Entry {
                follow_up_id: item.follow_up_id,
                employer: &item.employer,
                what: &item.what,
                day: calendar_day(item.due_on, today),
                url: &url,
                description: &description,
            },
            now,
        );
        let file = format!("{}-{}.ics", lang.t("mail-ics-file"), item.follow_up_id);
        mixed = mixed.singlepart(Attachment::new(file).body(calendar, calendar_type.clone()));
    }

    let message = Message::builder()
        .from(site.from.clone())
        .to(Mailbox::new(
            Some(display_name).filter(|n| !n.is_empty()),
            address,
        ))
        .subject(subject.clone())
        .message_id(Some(message_id.clone()))
        .date(now.and_utc().into())
        .header(ContentLanguage(lang.code().to_owned()))
        .header(AutoSubmitted)
        .multipart(mixed)
        .map_err(|e| ComposeError::Build(e.to_string()))?;
    let message = String::from_utf8(message.formatted())
        .map_err(|e| ComposeError::Build(format!("not UTF-8: {e}")))?;
    Ok(Composed {
        dedup_key,
        kind,
        user_id: to.user_id,
        recipient: to.email.clone(),
        lang,
        subject,
        message_id,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site {
            base_url: "https://verkosto.example.fi".into(),
            from: "Verkosto <verkosto@example.fi>".parse().unwrap(),
            organisation: "Testialue".into(),
        }
    }

    fn item(id: i64, due: NaiveDate, contact: bool) -> Item {
        Item {
            follow_up_id: id,
            employer_id: 10 + id,
            employer: format!("Työnantaja {id} & Co"),
            what: "Soita takaisin".into(),
            due_on: due,
            last_contact: contact.then(|| LastContact {
                at: due.and_hms_opt(9, 0, 0).unwrap(),
                channel: "phone".into(),
                outcome: "not_now".into(),
                coach: "Maija".into(),
            }),
        }
    }

    #[test]
    fn digests_in_every_language_with_subject_links_and_calendar_entries() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let now = today.and_hms_opt(5, 30, 0).unwrap();
        let items = [
            item(1, NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(), true),
            item(2, today, false),
        ];
        for (lang, subject, no_contact) in [
            (
                Lang::Fi,
                "Seurannat 25.11.2026: 1 myöhässä, 1 tänään",
                "  Ei aiempia yhteydenottoja\n",
            ),
            (
                Lang::Sv,
                "Uppföljningar 25.11.2026: 1 försenad, 1 i dag",
                "  Inga tidigare kontakter\n",
            ),
            (
                Lang::En,
                "Follow-ups for 25.11.2026: 1 overdue, 1 due today",
                "  No earlier contacts\n",
            ),
        ] {
            let to = Recipient {
                user_id: 7,
                name: "Maija Valmentaja".into(),
                email: "maija@example.fi".into(),
                lang,
            };
            let m = digest(&site(), &to, today, &items, now).unwrap();
            assert_eq!(m.subject, subject);
            assert_eq!(m.dedup_key, "digest:7:2026-11-25");
            let mut read = super::super::read::parse(m.message.as_bytes()).unwrap();
            read.text = read.text.replace("\r\n", "\n");
            assert_eq!(read.subject, subject);
            assert!(read.text.contains(no_contact), "{}", read.text);
            assert!(read
                .text
                .contains("  https://verkosto.example.fi/employers/11\n"));
            assert!(read.text.contains("Työnantaja 1 & Co"));
            // The HTML escapes what coaches typed.
            assert!(read.html.contains("Työnantaja 1 &amp; Co"));
            assert_eq!(read.attachments.len(), 2);
            assert_eq!(read.language, lang.code());
            assert!(
                m.message.is_ascii(),
                "every part is encoded for 7-bit transport"
            );
        }
    }

    #[test]
    fn a_notice_names_who_handed_it_over() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let to = Recipient {
            user_id: 8,
            name: "Aino".into(),
            email: "aino@example.fi".into(),
            lang: Lang::Fi,
        };
        let items = [item(1, today, true), item(2, today, true)];
        let m = assigned(
            &site(),
            &to,
            "Pekka Tiiminvetäjä",
            &items,
            &Also::default(),
            today,
            today.and_hms_opt(8, 0, 0).unwrap(),
        )
        .unwrap();
        assert_eq!(m.subject, "Sinulle siirrettiin 2 seurantaa");
        assert!(m.dedup_key.starts_with("assigned:8:1:2:"));
        let read = super::super::read::parse(m.message.as_bytes()).unwrap();
        assert!(
            !read.text.contains("Lisäksi"),
            "nothing else was handed over"
        );
    }

    /// What users typed never reaches a header unsanitised: a display name with a line break
    /// (which lettre's header builder refuses with a panic) becomes one line, and the subject is
    /// built from the messages, never from an employer's or a colleague's name.
    #[test]
    fn typed_names_cannot_make_headers() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let now = today.and_hms_opt(8, 0, 0).unwrap();
        let to = Recipient {
            user_id: 8,
            name: "Aino\r\nBcc: evil@example.com\u{0}".into(),
            email: "aino@example.fi".into(),
            lang: Lang::En,
        };
        let mut one = item(1, today, false);
        one.employer = "Evil\r\nBcc: evil@example.com".into();
        let m = assigned(
            &site(),
            &to,
            "Pekka\nSubject: forged",
            &[one],
            &Also::default(),
            today,
            now,
        )
        .unwrap();
        assert_eq!(m.subject, "You were given a follow-up");
        let headers = &m.message[..m.message.find("\r\n\r\n").unwrap()];
        assert!(!headers.to_lowercase().contains("\nbcc:"), "{headers}");
        assert!(!headers.contains("forged"), "{headers}");
        let read = super::super::read::parse(m.message.as_bytes()).unwrap();
        assert_eq!(read.subject, "You were given a follow-up");
        let m = digest(&site(), &to, today, &[item(2, today, false)], now).unwrap();
        assert_eq!(m.subject, "Follow-ups for 25.11.2026: 1 due today");
    }

    /// A handover notice counts the jobseekers, employers and matches that came with it and
    /// links to their lists; it attaches calendar entries only for follow-ups.
    #[test]
    fn a_handover_notice_counts_what_else_came_with_it() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let now = today.and_hms_opt(8, 0, 0).unwrap();
        let also = Also {
            jobseekers: 3,
            employers: 2,
            matches: 0,
        };
        for (lang, only, with_follow_up, jobseekers) in [
            (
                Lang::Fi,
                "Sinulle siirrettiin tehtäviä",
                "Sinulle siirrettiin seuranta ja muita tehtäviä",
                "* työnhakijoita: 3\n  https://verkosto.example.fi/jobseekers\n",
            ),
            (
                Lang::Sv,
                "Du har fått uppgifter",
                "Du har fått en uppföljning och andra uppgifter",
                "* arbetssökande: 3\n  https://verkosto.example.fi/jobseekers\n",
            ),
            (
                Lang::En,
                "You were given work",
                "You were given a follow-up and more",
                "* jobseekers: 3\n  https://verkosto.example.fi/jobseekers\n",
            ),
        ] {
            let to = Recipient {
                user_id: 8,
                name: "Aino".into(),
                email: "aino@example.fi".into(),
                lang,
            };
            let m = assigned(&site(), &to, "Pekka", &[], &also, today, now).unwrap();
            assert_eq!(m.subject, only);
            let mut read = super::super::read::parse(m.message.as_bytes()).unwrap();
            read.text = read.text.replace("\r\n", "\n");
            assert!(read.text.contains(jobseekers), "{}", read.text);
            assert!(read
                .text
                .contains("  https://verkosto.example.fi/employers?lead=8\n"));
            assert!(!read.text.contains("/matches"), "no matches came");
            assert!(!read.text.contains(".ics"), "{}", read.text);
            assert!(read.attachments.is_empty());
            assert!(
                read.html.contains("&#x2f;employers?lead=8\" "),
                "{}",
                read.html
            );

            let items = [item(1, today, true)];
            let m = assigned(&site(), &to, "Pekka", &items, &also, today, now).unwrap();
            assert_eq!(m.subject, with_follow_up);
            let read = super::super::read::parse(m.message.as_bytes()).unwrap();
            assert_eq!(read.attachments.len(), 1);
        }
    }
}
