//! The web edge: actix-web handlers, thin: parse, call, render.

pub mod admin;
pub mod assets;
pub mod contact_persons;
pub mod contacts;
pub mod context;
pub mod cookies;
pub mod employers;
pub mod error;
pub mod follow_ups;
pub mod forms;
pub mod gate;
pub mod handover;
pub mod headers;
pub mod health;
pub mod home;
pub mod jobseekers;
pub mod login;
pub mod matches;
pub mod openings;
pub mod outbox;
pub mod placements;
pub mod privacy;
pub mod profile;
pub mod reports;
pub mod request_log;
pub mod routes;

use crate::db::Db;
use actix_web::body::MessageBody;
use actix_web::cookie::Key;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{self, ErrorHandlers};
use actix_web::{web, App};

pub use context::Ctx;
pub use error::WebError;

/// What every request can reach.
pub struct AppState {
    pub db: Db,
    /// Signs the session, language and flash cookies.
    pub cookie_key: Key,
    /// Derives CSRF tokens.
    pub secret: Vec<u8>,
    pub organisation_name: String,
    /// Where reminder links point and who mail is from; the worker's delivery settings.
    pub mail: std::sync::Arc<crate::mail::MailConfig>,
    /// The mail worker's heartbeat, when this process runs one (for `/ready`).
    pub worker: Option<crate::jobs::Heartbeat>,
    /// Trusted proxies, session lifetimes, sign-in throttling.
    pub edge: crate::config::EdgeConfig,
}

impl AppState {
    pub fn new(db: Db, secret: &[u8], organisation_name: String) -> Self {
        Self {
            db,
            cookie_key: Key::derive_from(secret),
            secret: secret.to_vec(),
            mail: std::sync::Arc::new(crate::mail::MailConfig::folder(
                crate::config::data_dir().join("outbox"),
                &format!("http://{}", crate::config::DEFAULT_BIND),
            )),
            organisation_name,
            worker: None,
            edge: crate::config::EdgeConfig::default(),
        }
    }

    /// The same state, watching this mail worker's heartbeat.
    pub fn with_worker(mut self, beat: crate::jobs::Heartbeat) -> Self {
        self.worker = Some(beat);
        self
    }

    /// The same state with these edge settings (from the environment, or a test's own).
    pub fn with_edge(mut self, edge: crate::config::EdgeConfig) -> Self {
        self.edge = edge;
        self
    }

    /// The same state with these mail settings (from the environment, or a test's own).
    pub fn with_mail(mut self, mail: crate::mail::MailConfig) -> Self {
        self.mail = std::sync::Arc::new(mail);
        self
    }
}

/// The application, built the same way by `serve` and by the tests.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .app_data(web::FormConfig::default().limit(256 * 1024))
        .configure(routes::register)
        .default_service(web::to(error::not_found))
        .wrap(middleware::from_fn(gate::gate))
        .wrap(
            ErrorHandlers::new()
                .default_handler_client(error::render_error_page)
                .default_handler_server(error::render_error_page),
        )
        .wrap(middleware::from_fn(headers::security_headers))
        .wrap(middleware::Compress::default())
        .wrap(middleware::from_fn(request_log::log_requests))
}
