//! Reading a stored message back, for the admin's Outbox page and for the tests.

use mail_parser::{MessageParser, MimeHeaders};

#[derive(Debug, Clone, Default)]
pub struct Readable {
    pub from: String,
    pub to: String,
    pub subject: String,
    pub date: String,
    pub message_id: String,
    pub language: String,
    pub text: String,
    pub html: String,
    pub attachments: Vec<AttachmentInfo>,
}

#[derive(Debug, Clone)]
pub struct AttachmentInfo {
    pub name: String,
    pub content_type: String,
    pub size: usize,
    /// The decoded content when it is text (the calendar entries are).
    pub text: Option<String>,
}

fn address(a: Option<&mail_parser::Address<'_>>) -> String {
    a.and_then(|a| a.first())
        .map(|a| match (a.name(), a.address()) {
            (Some(n), Some(e)) => format!("{n} <{e}>"),
            (None, Some(e)) => e.to_owned(),
            (Some(n), None) => n.to_owned(),
            (None, None) => String::new(),
        })
        .unwrap_or_default()
}

/// The parts a person reads; `None` when the text is not a message at all.
pub fn parse(raw: &[u8]) -> Option<Readable> {
    let message = MessageParser::default().parse(raw)?;
    let attachments = message
        .attachments()
        .map(|part| {
            let content_type = part
                .content_type()
                .map(|t| match t.subtype() {
                    Some(sub) => format!("{}/{sub}", t.ctype()),
                    None => t.ctype().to_owned(),
                })
                .unwrap_or_default();
            AttachmentInfo {
                name: part.attachment_name().unwrap_or("").to_owned(),
                content_type,
                size: part.contents().len(),
                text: std::str::from_utf8(part.contents()).ok().map(str::to_owned),
            }
        })
        .collect();
    let html = message
        .html_bodies()
        .next()
        .and_then(|p| p.text_contents())
        .unwrap_or("")
        .to_owned();
    let text = message
        .body_text(0)
        .map(|t| t.into_owned())
        .unwrap_or_default();
    Some(Readable {
        from: address(message.from()),
        to: address(message.to()),
        subject: message.subject().unwrap_or("").to_owned(),
        date: message.date().map(|d| d.to_rfc3339()).unwrap_or_default(),
        message_id: message.message_id().unwrap_or("").to_owned(),
        language: message
            .header_raw("Content-Language")
            .unwrap_or("")
            .trim()
            .to_owned(),
        text,
        html,
        attachments,
    })
}
