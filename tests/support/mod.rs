//! The test app: the real server on 127.0.0.1 with a fresh database, driven over HTTP.
#![allow(dead_code)]

pub mod browser;
pub mod db;
pub mod records;
pub mod smtp;
pub mod tls;

use actix_web::web::Data;
use actix_web::HttpServer;
use reqwest::redirect::Policy;
use std::net::TcpListener;
use verkosto::auth::password;
use verkosto::db::{users, Db};
use verkosto::domain::role::Role;
use verkosto::web::{self, AppState};

pub const PASSWORD: &str = "testi-salasana-123";

pub struct TestApp {
    pub address: String,
    pub db: Db,
    pub url: String,
    /// This app's mail settings: .eml files in `outbox_dir`, links to this app's address.
    pub mail: verkosto::mail::MailConfig,
    pub outbox_dir: std::path::PathBuf,
    _db: db::TestDb,
    _mail_dir: tempfile::TempDir,
}

pub struct TestUser {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with_edge(verkosto::config::EdgeConfig::default()).await
    }

    /// The app with these trusted proxies, session lifetimes and throttle.
    pub async fn spawn_with_edge(edge: verkosto::config::EdgeConfig) -> TestApp {
        Self::start(db::fresh(), edge).await
    }

    /// The app on a database the test made itself.
    pub async fn spawn_on(test_db: db::TestDb) -> TestApp {
        Self::start(test_db, verkosto::config::EdgeConfig::default()).await
    }

    async fn start(test_db: db::TestDb, edge: verkosto::config::EdgeConfig) -> TestApp {
        let db = test_db.db.clone();
        let secret = "k".repeat(64);
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
        let port = listener.local_addr().expect("address").port();
        let mail_dir = tempfile::tempdir().expect("mail dir");
        let outbox_dir = mail_dir.path().join("outbox");
        let mut mail = verkosto::mail::MailConfig::folder(
            outbox_dir.clone(),
            &format!("http://127.0.0.1:{port}"),
        );
        mail.site.organisation = "Testiorganisaatio".into();
        let state = Data::new(
            AppState::new(db.clone(), secret.as_bytes(), "Testiorganisaatio".into())
                .with_mail(mail.clone())
                .with_edge(edge),
        );
        let server = HttpServer::new(move || web::app(state.clone()))
            .workers(1)
            .listen(listener)
            .expect("listen")
            .run();
        actix_web::rt::spawn(server);
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            db,
            url: test_db.url.clone(),
            mail,
            outbox_dir,
            _db: test_db,
            _mail_dir: mail_dir,
        }
    }

    /// A user with a known password, in `team` (made when missing).
    pub async fn add_user(&self, role: Role, team: &str) -> TestUser {
        let n = verkosto::auth::token::generate()[..8]
            .to_lowercase()
            .replace(['-', '_'], "x");
        let email = format!("{}.{n}@example.fi", role.as_str().replace('_', ""));
        let name = format!("{} {}", role.as_str(), &n[..4]);
        let team = team.to_owned();
        let (e, nm) = (email.clone(), name.clone());
        let id = self
            .db
            .run(move |conn| -> Result<i64, verkosto::db::DbError> {
                let hash = password::hash(PASSWORD).expect("hash");
                let account = verkosto::domain::account::validate(&e, &nm, role.as_str(), PASSWORD)
                    .expect("valid test account");
                match users::create_account(conn, &account, &hash, &team, verkosto::db::now())? {
                    users::CreateOutcome::Created(id) => Ok(id),
                    users::CreateOutcome::EmailTaken => panic!("email taken"),
                }
            })
            .await
            .expect("add user");
        TestUser {
            id,
            email,
            name,
            role,
        }
    }

    /// A browser-like client with its own cookie jar, not following redirects.
    pub fn session(&self) -> Session {
        Session {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(Policy::none())
                .build()
                .expect("client"),
            address: self.address.clone(),
        }
    }

    /// A session signed in as a new user of `role`.
    pub async fn signed_in(&self, role: Role) -> (Session, TestUser) {
        let user = self.add_user(role, "Vantaa").await;
        let session = self.session();
        let res = session.sign_in(&user.email, PASSWORD).await;
        assert_eq!(res.status(), 303, "sign-in as {role} should redirect");
        (session, user)
    }
}

pub struct Session {
    pub client: reqwest::Client,
    pub address: String,
}

impl Session {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_with(&self, path: &str, header: (&str, &str)) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header(header.0, header.1)
            .send()
            .await
            .expect("GET")
    }

    pub async fn text(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("body")
    }

    /// The CSRF token of this session, read from a page as a browser would.
    pub async fn csrf(&self) -> String {
        for path in ["/profile", "/login"] {
            let body = self.text(path).await;
            if let Some(token) = csrf_in(&body) {
                return token;
            }
        }
        panic!("no CSRF token on /profile or /login");
    }

    /// Posts a form with this session's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.csrf().await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &token));
        self.post_raw(path, &form).await
    }

    /// Posts exactly these fields, with no CSRF token added.
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// A new employer in Helsinki, made through the form; its id.
    pub async fn new_employer(&self, name: &str) -> i64 {
        let res = self
            .post(
                "/employers",
                &[
                    ("name", name),
                    ("municipality_code", "092"),
                    ("sector", "private"),
                    ("stage", "prospect"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "employer {name}");
        location(&res)
            .trim_start_matches("/employers/")
            .parse()
            .expect("employer id")
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.post("/login", &[("email", email), ("password", password)])
            .await
    }
}

pub fn csrf_in(body: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = body.find(marker)? + marker.len();
    let end = body[start..].find('"')? + start;
    Some(body[start..end].to_owned())
}

pub fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

impl TestApp {
    /// A session signed in as a new user of `role` in `team`.
    pub async fn signed_in_to(&self, role: Role, team: &str) -> (Session, TestUser) {
        let user = self.add_user(role, team).await;
        let session = self.session();
        let res = session.sign_in(&user.email, PASSWORD).await;
        assert_eq!(res.status(), 303, "sign-in as {role} should redirect");
        (session, user)
    }
}

impl Session {
    /// Posts a form with this session's CSRF token and extra request headers.
    pub async fn post_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = self.csrf().await;
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &token));
        let mut req = self.client.post(self.url(path)).form(&form);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("POST")
    }
}
