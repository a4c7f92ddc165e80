//! Opening the database and starting the server, the same way for `serve` and for tests.

use crate::config;
use crate::db::{self, settings, Db, DbResult, DbTarget};
use crate::seed;
use crate::web::{self, AppState};
use actix_web::HttpServer;
use std::net::TcpListener;

/// Opens the database, applies migrations and loads the reference data when missing.
pub fn prepare_database(url: &str) -> anyhow::Result<Db> {
    let target = DbTarget::parse(url)?;
    // SQLite has one writer; a few connections serve the readers.
    let pool_size = if target.is_sqlite() { 8 } else { 16 };
    let db = Db::open(target, pool_size)?;
    let mut conn = db.conn()?;
    db::migrate(&mut conn)?;
    seed::reference::load_if_empty(&mut conn)?;
    Ok(db)
}

/// `verkosto send-mail`: plans the digests when due (at once with `now`), sends what is due
/// (every queued message with `now`), prints a summary; an error when anything failed.
pub async fn send_mail(database_url: &str, bind: &str, now: bool) -> anyhow::Result<()> {
    let data_dir = config::data_dir();
    let db = prepare_database(database_url)?;
    let mut mail = crate::mail::MailConfig::from_env(&data_dir, bind)?;
    mail.site.organisation = organisation_name(&db)?;
    let delivery = mail.describe_delivery();
    let worker = crate::jobs::Worker::new(db.clone(), mail)?;
    let planned = worker.plan(now).await?;
    let summary = worker.deliver(now).await?;
    let waiting = db.run(crate::db::outbox::counts).await?;
    let plan_line = match planned {
        Some(p) if p.already && p.queued == 0 => format!(
            "Digests for {} were planned already.",
            crate::format::date(p.date)
        ),
        Some(p) => format!(
            "Digests for {}: {} queued.",
            crate::format::date(p.date),
            p.queued
        ),
        None => "Digests: not due yet (use --now to plan them at once).".to_owned(),
    };
    println!(
        "{plan_line} Sent {} to {delivery}; {} to retry, {} failed. In the outbox: {} queued, {} failed in all.",
        summary.sent, summary.retrying, summary.failed, waiting.queued, waiting.failed
    );
    if summary.retrying + summary.failed > 0 {
        anyhow::bail!(
            "{} of {} messages could not be sent; see the Outbox page",
            summary.retrying + summary.failed,
            summary.attempted()
        );
    }
    Ok(())
}

pub fn organisation_name(db: &Db) -> DbResult<String> {
    let mut conn = db.conn()?;
    Ok(settings::get(&mut conn, settings::ORGANISATION_NAME)?.unwrap_or_else(|| "Verkosto".into()))
}

pub struct ServeOptions {
    pub database_url: String,
    pub bind: String,
    pub secret: Option<String>,
    pub demo: bool,
}

pub async fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let data_dir = config::data_dir();
    let db = prepare_database(&options.database_url)?;
    if options.demo {
        let mut conn = db.conn()?;
        match seed::demo::load(&mut conn)? {
            seed::demo::DemoLoad::Loaded => tracing::info!("loaded the demo organisation"),
            seed::demo::DemoLoad::AlreadyThere => {}
            seed::demo::DemoLoad::LeftOut => println!(
                "The database holds users or employers of its own: the demo organisation was left out."
            ),
        }
    }
    let secret = config::secret(options.secret.as_deref(), &data_dir)?;
    let organisation = organisation_name(&db)?;
    let mut mail = crate::mail::MailConfig::from_env(&data_dir, &options.bind)?;
    mail.site.organisation = organisation.clone();
    let worker = crate::jobs::Worker::new(db.clone(), mail.clone())?;
    let edge = config::EdgeConfig::from_env()?;
    let state = actix_web::web::Data::new(
        AppState::new(db.clone(), &secret, organisation)
            .with_mail(mail.clone())
            .with_worker(worker.heartbeat())
            .with_edge(edge),
    );
    let listener = TcpListener::bind(&options.bind)
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", options.bind))?;
    let address = listener.local_addr()?;
    let server = HttpServer::new(move || web::app(state.clone()))
        .listen(listener)?
        .run();
    crate::jobs::retention::spawn(db.clone());

    let stop_worker = std::sync::Arc::new(tokio::sync::Notify::new());
    let worker_task = actix_web::rt::spawn(worker.run(stop_worker.clone()));
    println!("Verkosto is running at http://{address}/");
    println!("Mail goes to {}.", mail.describe_delivery());
    let demo_present = {
        let mut conn = db.conn()?;
        seed::demo::is_loaded(&mut conn)?
    };
    if demo_present {
        println!("Demo sign-ins (password: {}):", seed::demo::DEMO_PASSWORD);
        for (role, email) in seed::demo::sign_ins()? {
            println!("  {:<10} {email}", role.as_str());
        }
    }
    // SIGTERM or Ctrl-C: the server finishes the requests in flight and returns; then the mail
    // worker finishes its round, and SQLite's write-ahead log is folded into the database file.
    server.await?;
    stop_worker.notify_one();
    if tokio::time::timeout(std::time::Duration::from_secs(25), worker_task)
        .await
        .is_err()
    {
        tracing::warn!("the mail worker did not finish its round in 25 s; its lease will expire");
    }
    db.checkpoint()?;
    tracing::info!("stopped");
    Ok(())
}
