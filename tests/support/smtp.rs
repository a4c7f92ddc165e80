//! A small SMTP server on 127.0.0.1 for the delivery tests: it speaks enough ESMTP for lettre,
//! keeps every accepted message, and can be stopped, restarted on the same port, made to refuse,
//! or made to stall before it answers the end of DATA (as a server does when the client dies
//! mid-send: a message is accepted only when the server says 250 to its final dot; lifting the
//! stall gives the late answer to a client still waiting).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
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
}

pub struct SmtpSink {
    pub port: u16,
    shared: Arc<Shared>,
    server: Option<tokio::task::JoinHandle<()>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        Self::start_on(0).await
    }

    /// Listens on this port (0: any free one).
    pub async fn start_on(port: u16) -> SmtpSink {
        let mut sink = SmtpSink {
            port,
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
        self.server = Some(tokio::spawn(async move {
            let mut connections = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        if let Ok((stream, _)) = accepted {
                            connections.spawn(session(stream, shared.clone()));
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

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
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

async fn session(stream: TcpStream, shared: Arc<Shared>) {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    if write.write_all(b"220 sink.test ESMTP\r\n").await.is_err() {
        return;
    }
    let mut from = String::new();
    let mut to: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line).trim_end().to_owned();
        let upper = text.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-sink.test\r\n250-8BITMIME\r\n250 SIZE 20000000\r\n"
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
            let _ = write.write_all(b"221 Bye\r\n").await;
            return;
        } else if upper == "DATA" {
            if write
                .write_all(b"354 End with <CRLF>.<CRLF>\r\n")
                .await
                .is_err()
            {
                return;
            }
            let mut data = Vec::new();
            loop {
                line.clear();
                match reader.read_until(b'\n', &mut line).await {
                    Ok(0) | Err(_) => return,
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
                    });
                    return;
                }
            }
            let refusal = shared.refuse.lock().expect("lock").clone();
            if let Some(refusal) = refusal {
                if write
                    .write_all(format!("{refusal}\r\n").as_bytes())
                    .await
                    .is_err()
                {
                    return;
                }
                continue;
            }
            shared.accepted.lock().expect("lock").push(Received {
                from: from.clone(),
                to: to.clone(),
                data,
            });
            b"250 2.0.0 OK queued\r\n"
        } else {
            b"502 5.5.2 Command not recognised\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}
