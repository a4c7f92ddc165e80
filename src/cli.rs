//! The command line: serve (default), migrate, seed, user, send-mail.

use crate::auth::password;
use crate::config;
use crate::db::{self, users};
use crate::domain::account;
use crate::seed;
use crate::startup::{self, ServeOptions};
use clap::{Args, Parser, Subcommand};
use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "verkosto",
    version,
    about = "Employer-network CRM for IPS job coaches"
)]
pub struct Cli {
    /// Database URL: sqlite://PATH, a file path, or postgres://... (default: ./data/verkosto.db)
    #[arg(long = "database", env = "DATABASE_URL", global = true)]
    database_url: Option<String>,

    /// Address to listen on.
    #[arg(long, env = "VERKOSTO_BIND", default_value = config::DEFAULT_BIND, global = true)]
    bind: String,

    #[command(flatten)]
    serve: ServeArgs,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Args, Default)]
struct ServeArgs {
    /// Do not load the demo organisation into an empty database.
    #[arg(long)]
    no_demo: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Start the web server (the default).
    Serve(ServeArgs),
    /// Apply the database migrations.
    Migrate,
    /// Load seed data.
    Seed {
        /// The demo organisation: teams, coaches, a team lead and an admin.
        #[arg(long)]
        demo: bool,
        /// A deterministic data set of N employers (20 contacts each on average), for
        /// benchmarks and load tests.
        #[arg(long, value_name = "N")]
        scale: Option<usize>,
        /// The random seed of --scale.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Write a consistent copy of the database to FILE while the server runs (SQLite: a
    /// database file; PostgreSQL: a pg_dump archive, with pg_dump installed).
    Backup {
        /// The backup file to write; never overwritten.
        file: std::path::PathBuf,
    },
    /// Restore a backup into the configured database. Stop the server first. Refused when the
    /// database holds users or employers, unless --force.
    Restore {
        /// A file written by `verkosto backup`.
        file: std::path::PathBuf,
        /// Replace what the database holds.
        #[arg(long)]
        force: bool,
    },
    /// Send the reminder mail once (for cron): plan the morning digests when their time has
    /// come and send every message that is due. Exits non-zero if any message failed.
    SendMail {
        /// Plan today's digests whatever the time, and try every queued message whatever its
        /// backoff.
        #[arg(long)]
        now: bool,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add a user; the password is read from standard input (or prompted for on a terminal).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// coach, team-lead or admin
        #[arg(long)]
        role: String,
        /// The team; made if it does not exist.
        #[arg(long)]
        team: String,
    },
    /// Deactivate a user: they can no longer sign in; their records stay.
    Deactivate {
        #[arg(long)]
        email: String,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("verkosto: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: Cli) -> anyhow::Result<()> {
    let database_url = cli
        .database_url
        .clone()
        .unwrap_or_else(|| config::default_database_url(&config::data_dir()));
    match cli.command {
        None => serve(database_url, cli.bind, cli.serve),
        Some(Command::Serve(args)) => serve(database_url, cli.bind, args),
        Some(Command::Migrate) => {
            let db = startup::prepare_database(&database_url)?;
            drop(db);
            println!("The database is up to date.");
            Ok(())
        }
        Some(Command::Seed { demo, scale, seed }) => {
            let db = startup::prepare_database(&database_url)?;
            if let Some(n) = scale {
                let mut conn = db.conn()?;
                let started = std::time::Instant::now();
                let summary =
                    seed::scale::load(&mut conn, seed::scale::Scale::for_employers(n), seed)?;
                println!(
                    "Loaded {} employers, {} contacts, {} open follow-ups by {} coaches in {:.1} s.",
                    summary.employers,
                    summary.contacts,
                    summary.follow_ups,
                    summary.coaches,
                    started.elapsed().as_secs_f64()
                );
            }
            if !demo && scale.is_some() {
                return Ok(());
            }
            if !demo {
                println!("Reference data is loaded. Add --demo for the demo organisation.");
                return Ok(());
            }
            let mut conn = db.conn()?;
            match seed::demo::load(&mut conn)? {
                seed::demo::DemoLoad::Loaded => println!("Loaded the demo organisation."),
                seed::demo::DemoLoad::AlreadyThere => {
                    println!("The demo organisation is already there.")
                }
                seed::demo::DemoLoad::LeftOut => anyhow::bail!(
                    "the database holds users or employers of its own: the demo organisation goes only into an empty database"
                ),
            }
            Ok(())
        }
        Some(Command::Backup { file }) => {
            let db = startup::prepare_database(&database_url)?;
            db::backup::backup(&db, &file)?;
            println!("Backed up to {}.", file.display());
            Ok(())
        }
        Some(Command::Restore { file, force }) => {
            let target = db::DbTarget::parse(&database_url)?;
            db::backup::restore(&target, &file, force)?;
            println!(
                "Restored {} into the database; its migrations are current.",
                file.display()
            );
            Ok(())
        }
        Some(Command::SendMail { now }) => {
            init_tracing_quiet();
            actix_web::rt::System::new().block_on(startup::send_mail(&database_url, &cli.bind, now))
        }
        Some(Command::User(UserCommand::Add {
            email,
            name,
            role,
            team,
        })) => add_user(&database_url, &email, &name, &role, &team),
        Some(Command::User(UserCommand::Deactivate { email })) => {
            let db = startup::prepare_database(&database_url)?;
            let mut conn = db.conn()?;
            let email = email.trim().to_lowercase();
            let id = users::id_by_email(&mut conn, &email)?
                .ok_or_else(|| anyhow::anyhow!("no user with the email {email}"))?;
            users::set_active(&mut conn, id, false, db::now())?;
            println!("Deactivated {email}.");
            Ok(())
        }
    }
}

fn serve(database_url: String, bind: String, args: ServeArgs) -> anyhow::Result<()> {
    init_tracing();
    let secret = std::env::var("VERKOSTO_SECRET_KEY").ok();
    actix_web::rt::System::new().block_on(startup::serve(ServeOptions {
        database_url,
        bind,
        secret,
        demo: !args.no_demo,
    }))
}

fn add_user(
    database_url: &str,
    email: &str,
    name: &str,
    role: &str,
    team: &str,
) -> anyhow::Result<()> {
    if team.trim().is_empty() {
        anyhow::bail!("--team must name a team");
    }
    let password = read_password()?;
    let new = account::validate(email, name, role, &password).map_err(|errors| {
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f).collect();
        anyhow::anyhow!(
            "invalid {} (email must be valid, role one of coach, team-lead, admin, password at least {} characters)",
            fields.join(", "),
            password::MIN_LENGTH
        )
    })?;
    let db = startup::prepare_database(database_url)?;
    let mut conn = db.conn()?;
    let hash = password::hash(&new.password).map_err(|e| anyhow::anyhow!("cannot hash: {e}"))?;
    match users::create_account(&mut conn, &new, &hash, team, db::now())? {
        users::CreateOutcome::Created(_) => {
            println!(
                "Added {} ({}) to team {}.",
                new.email.as_str(),
                new.role.as_str(),
                team.trim()
            );
            Ok(())
        }
        users::CreateOutcome::EmailTaken => anyhow::bail!(
            "a user with the email {} exists already",
            new.email.as_str()
        ),
    }
}

/// One line from standard input when it is not a terminal; else a prompt without echo, twice.
fn read_password() -> anyhow::Result<String> {
    if !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("Password: ")?;
    let again = rpassword::prompt_password("Password again: ")?;
    if first != again {
        anyhow::bail!("the passwords do not match");
    }
    Ok(first)
}

/// Warnings and errors only, unless RUST_LOG says otherwise: `send-mail` prints its own summary.
fn init_tracing_quiet() {
    crate::logging::init("warn", true);
}

fn init_tracing() {
    crate::logging::init("info,actix_server=warn", false);
}
