//! A small SMTP server on 127.0.0.1 for the delivery tests: it speaks enough ESMTP for lettre,
//! keeps every accepted message, and can be stopped, restarted on the same port, made to refuse,
//! or made to stall before it answers the end of DATA (as a server does when the client dies
//! mid-send: a message is accepted only when the server says 250 to its final dot; lifting the
//! stall gives the late answer to a client still waiting). It can also speak TLS, after
//! STARTTLS or from the first byte, with a certificate from a test CA.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;

/// How the sink talks to its clients.
#[derive(Clone)]
pub enum Security {
    /// Plain text only (no STARTTLS offered).
    Plain,
    /// Offers STARTTLS, and takes mail only after it (as a relay on port 587 does).
    StartTls(TlsAcceptor),
    /// TLS from the first byte (SMTPS, port 465).
    Implicit(TlsAcceptor),
}

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
    /// Whether the message came over TLS.
    pub tls: bool,
}

impl Received {
    pub fn parsed(&self) -> verkosto::mail::read::Readable {
        verkosto::mail::read::parse(&self.data).expect("a parsable message")
    }
}

#[derive(Default)]
struct Shared {
    accepted: Mutex<Vec<Received>>,
    stall: AtomicBool,
    /// Messages whose end of DATA was never answered because the client went away.
    abandoned: Mutex<Vec<Received>>,
    /// Messages now waiting for an answer to their end of DATA.
    stalled: AtomicUsize,
    /// A reply to give to the end of DATA instead of 250, e.g. "451 4.3.0 try later".
    refuse: Mutex<Option<String>>,
    /// TLS handshakes that failed, with the server's side of the reason.
    handshake_failures: Mutex<Vec<String>>,
}

pub struct SmtpSink {
    pub port: u16,
    security: Security,
    shared: Arc<Shared>,
    server: Option<tokio::task::JoinHandle<()>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        Self::start_on(0).await
    }

    /// Listens on this port (0: any free one).
    pub async fn start_on(port: u16) -> SmtpSink {
        Self::start_with(port, Security::Plain).await
    }

    /// With TLS: STARTTLS or implicit, with the acceptor's certificate.
    pub async fn start_tls(security: Security) -> SmtpSink {
        Self::start_with(0, security).await
    }

    async fn start_with(port: u16, security: Security) -> SmtpSink {
        let mut sink = SmtpSink {
            port,
            security,
            shared: Arc::new(Shared::default()),
            server: None,
        };
        sink.listen().await;
        sink
    }

    async fn listen(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("bind the SMTP sink");
        self.port = listener.local_addr().expect("address").port();
        let shared = self.shared.clone();
        let security = self.security.clone();
        self.server = Some(tokio::spawn(async move {
            let mut connections = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        if let Ok((stream, _)) = accepted {
                            connections.spawn(connection(stream, shared.clone(), security.clone()));
                        }
                    }
                    Some(_) = connections.join_next(), if !connections.is_empty() => {}
                }
            }
        }));
    }

    /// Stops listening and drops every open connection (the server is down).
    pub fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }

    /// Comes back on the same port, keeping what it had accepted.
    pub async fn restart(&mut self) {
        self.stop();
        // The aborted task releases the port once it has run its drop.
        for _ in 0..50 {
            if TcpListener::bind(("127.0.0.1", self.port)).await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        self.listen().await;
    }

    /// The URL lettre reads: `smtp://`, with `?tls=required` for STARTTLS, or `smtps://`.
    pub fn url(&self) -> String {
        match self.security {
            Security::Plain => format!("smtp://127.0.0.1:{}", self.port),
            Security::StartTls(_) => format!("smtp://127.0.0.1:{}?tls=required", self.port),
            Security::Implicit(_) => format!("smtps://127.0.0.1:{}", self.port),
        }
    }

    /// TLS handshakes that failed (the client refused the certificate, for one).
    pub fn handshake_failures(&self) -> Vec<String> {
        self.shared.handshake_failures.lock().expect("lock").clone()
    }

    pub fn messages(&self) -> Vec<Received> {
        self.shared.accepted.lock().expect("lock").clone()
    }

    pub fn stall(&self, on: bool) {
        self.shared.stall.store(on, Ordering::SeqCst);
    }

    pub fn refuse(&self, reply: Option<&str>) {
        *self.shared.refuse.lock().expect("lock") = reply.map(str::to_owned);
    }

    /// Messages the client sent but went away before the server accepted them.
    pub fn abandoned(&self) -> Vec<Received> {
        self.shared.abandoned.lock().expect("lock").clone()
    }

    pub fn stalled(&self) -> usize {
        self.shared.stalled.load(Ordering::SeqCst)
    }

    /// Waits until at least `n` messages were accepted (or the time is up).
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let until = tokio::time::Instant::now() + within;
        loop {
            let messages = self.messages();
            if messages.len() >= n || tokio::time::Instant::now() >= until {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

fn address(arg: &str) -> String {
    let start = arg.find('<').map(|i| i + 1).unwrap_or(0);
    let end = arg[start..]
        .find('>')
        .map(|i| i + start)
        .unwrap_or(arg.len());
    arg[start..end].to_owned()
}

/// One client, through STARTTLS or an implicit TLS handshake where the sink speaks TLS.
async fn connection(stream: TcpStream, shared: Arc<Shared>, security: Security) {
    match security {
        Security::Plain => {
            session(BufReader::new(stream), &shared, Phase::Plain).await;
        }
        Security::StartTls(acceptor) => {
            let ended = session(BufReader::new(stream), &shared, Phase::OffersStartTls).await;
            if let Ended::StartTls(reader) = ended {
                // A client sends nothing more in plain text after STARTTLS.
                match acceptor.accept(reader.into_inner()).await {
                    Ok(tls) => {
                        session(BufReader::new(tls), &shared, Phase::AfterStartTls).await;
                    }
                    Err(e) => shared
                        .handshake_failures
                        .lock()
                        .expect("lock")
                        .push(e.to_string()),
                }
            }
        }
        Security::Implicit(acceptor) => match acceptor.accept(stream).await {
            Ok(tls) => {
                session(BufReader::new(tls), &shared, Phase::Implicit).await;
            }
            Err(e) => shared
                .handshake_failures
                .lock()
                .expect("lock")
                .push(e.to_string()),
        },
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Plain,
    OffersStartTls,
    AfterStartTls,
    Implicit,
}

impl Phase {
    fn tls(self) -> bool {
        matches!(self, Phase::AfterStartTls | Phase::Implicit)
    }
}

enum Ended<S> {
    Closed,
    /// The client asked for TLS and was told to go ahead.
    StartTls(BufReader<S>),
}

async fn send<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut BufReader<S>, reply: &[u8]) -> bool {
    let out = stream.get_mut();
    out.write_all(reply).await.is_ok() && out.flush().await.is_ok()
}

async fn session<S: AsyncRead + AsyncWrite + Unpin>(
    mut reader: BufReader<S>,
    shared: &Shared,
    phase: Phase,
) -> Ended<S> {
    // After STARTTLS the client speaks first (EHLO again); there is no second greeting.
    if phase != Phase::AfterStartTls && !send(&mut reader, b"220 sink.test ESMTP\r\n").await {
        return Ended::Closed;
    }
    let mut from = String::new();
    let mut to: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return Ended::Closed,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_owned();
        let upper = text.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            if phase == Phase::OffersStartTls {
                b"250-sink.test\r\n250-8BITMIME\r\n250-STARTTLS\r\n250 SIZE 20000000\r\n"
            } else {
                b"250-sink.test\r\n250-8BITMIME\r\n250 SIZE 20000000\r\n"
            }
        } else if upper == "STARTTLS" && phase == Phase::OffersStartTls {
            if !send(&mut reader, b"220 2.0.0 Ready to start TLS\r\n").await {
                return Ended::Closed;
            }
            return Ended::StartTls(reader);
        } else if phase == Phase::OffersStartTls
            && (upper.starts_with("MAIL FROM:") || upper.starts_with("RCPT TO:") || upper == "DATA")
        {
            // As a relay that requires TLS: no mail in plain text.
            b"530 5.7.0 Must issue a STARTTLS command first\r\n"
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            b"250 OK\r\n"
        } else if upper.starts_with("RSET") {
            from.clear();
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            from = address(&text[10..]);
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("RCPT TO:") {
            to.push(address(&text[8..]));
            b"250 OK\r\n"
        } else if upper.starts_with("QUIT") {
            send(&mut reader, b"221 Bye\r\n").await;
            return Ended::Closed;
        } else if upper == "DATA" {
            if !send(&mut reader, b"354 End with <CRLF>.<CRLF>\r\n").await {
                return Ended::Closed;
            }
            let mut data = Vec::new();
            loop {
                line.clear();
                match reader.read_until(b'\n', &mut line).await {
                    Ok(0) | Err(_) => return Ended::Closed,
                    Ok(_) => {}
                }
                if line == b".\r\n" || line == b".\n" {
                    break;
                }
                // Dot-unstuffing (RFC 5321 4.5.2).
                let content = if line.starts_with(b"..") {
                    &line[1..]
                } else {
                    &line[..]
                };
                data.extend_from_slice(content);
            }
            if shared.stall.load(Ordering::SeqCst) {
                // No answer while stalled: the message counts only if the client waits for
                // the 250. When the client goes away meanwhile, the message is dropped; when
                // the stall is lifted first, the answer comes late and the message is accepted.
                shared.stalled.fetch_add(1, Ordering::SeqCst);
                let mut rest = [0u8; 64];
                let client_left = loop {
                    tokio::select! {
                        read = reader.read(&mut rest) => match read {
                            Ok(0) | Err(_) => break true,
                            Ok(_) => {}
                        },
                        _ = tokio::time::sleep(Duration::from_millis(20)) => {
                            if !shared.stall.load(Ordering::SeqCst) {
                                break false;
                            }
                        }
                    }
                };
                shared.stalled.fetch_sub(1, Ordering::SeqCst);
                if client_left {
                    shared.abandoned.lock().expect("lock").push(Received {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                        tls: phase.tls(),
                    });
                    return Ended::Closed;
                }
            }
            let refusal = shared.refuse.lock().expect("lock").clone();
            if let Some(refusal) = refusal {
                if !send(&mut reader, format!("{refusal}\r\n").as_bytes()).await {
                    return Ended::Closed;
                }
                continue;
            }
            shared.accepted.lock().expect("lock").push(Received {
                from: from.clone(),
                to: to.clone(),
                data,
                tls: phase.tls(),
            });
            b"250 2.0.0 OK queued\r\n"
        } else {
            b"502 5.5.2 Command not recognised\r\n"
        };
        if !send(&mut reader, reply).await {
            return Ended::Closed;
        }
    }
}
