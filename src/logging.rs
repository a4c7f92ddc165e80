//! Logs that never take the server down: a line that cannot be written (a full disk, a closed
//! pipe) is dropped and counted, and reported once on standard error if that still works.
//! `/ready` shows the count.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static DROPPED: AtomicU64 = AtomicU64::new(0);
static REPORTED: AtomicBool = AtomicBool::new(false);

/// How many log lines could not be written since the start.
pub fn dropped_lines() -> u64 {
    DROPPED.load(Ordering::Relaxed)
}

/// Writes to standard output or error and swallows the failure, counting it.
pub struct Resilient {
    to_stderr: bool,
}

impl Write for Resilient {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = if self.to_stderr {
            io::stderr().lock().write_all(buf)
        } else {
            io::stdout().lock().write_all(buf)
        };
        if let Err(e) = written {
            DROPPED.fetch_add(1, Ordering::Relaxed);
            if !REPORTED.swap(true, Ordering::Relaxed) {
                // Not eprintln!: it panics when standard error cannot be written either.
                let _ = writeln!(
                    io::stderr(),
                    "verkosto: log lines cannot be written ({e}); dropping them (counted on /ready)"
                );
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Installs the global subscriber: `RUST_LOG`, else `default_filter`.
pub fn init(default_filter: &str, to_stderr: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(move || Resilient { to_stderr })
        .with_ansi(false)
        .try_init();
}
