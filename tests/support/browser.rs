//! A real browser for UI tests: Debian's chromium driven through chromedriver (fantoccini),
//! with axe-core injected to check each page for serious accessibility violations.

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
    axe: Option<String>,
    pub base: String,
}

fn required() -> bool {
    std::env::var("VERKOSTO_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

fn axe_source() -> Option<String> {
    let path = std::env::var_os("VERKOSTO_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("target/test-tools/node_modules/axe-core/axe.min.js")
        });
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(_) if required() => panic!("axe-core is required but missing at {}", path.display()),
        Err(_) => {
            eprintln!("NOTICE: axe-core not found at {}; accessibility checks skipped (.ci/run installs it)", path.display());
            None
        }
    }
}

impl Browser {
    /// A headless browser, or `None` (with a printed notice) when chromium is not installed.
    pub async fn start(base: &str) -> Option<Browser> {
        let (Some(driver_path), Some(_)) = (find_on_path("chromedriver"), find_on_path("chromium"))
        else {
            if required() {
                panic!("chromium and chromedriver are required (VERKOSTO_REQUIRE_BROWSER=1) but missing");
            }
            eprintln!("NOTICE: chromium/chromedriver not installed; browser test skipped (.ci/run installs them)");
            return None;
        };
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--lang=fi-FI".to_owned(),
            "--window-size=1200,900".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            // A Finnish browser, as our users' are: the sign-in page follows Accept-Language.
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": args,
                "prefs": { "intl.accept_languages": "fi-FI,fi" }
            }),
        );
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let attempt = ClientBuilder::rustls()
                .expect("tls config")
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match attempt {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => {
                    panic!("cannot start a browser session: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        Some(Browser {
            client,
            driver,
            _profile: profile,
            axe: axe_source(),
            base: base.to_owned(),
        })
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    /// Clicks, and when the click loads a new page, waits until it has loaded.
    pub async fn click(&self, css: &str) {
        self.client
            .execute("window.__verkostoOldPage = true;", vec![])
            .await
            .expect("mark page");
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .expect("click");
        self.wait_for_new_page().await;
    }

    /// Clicks something that changes only the current page (opens a <details>, say).
    pub async fn click_here(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .expect("click");
    }

    async fn wait_for_new_page(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let loaded = self
                .client
                .execute(
                    "return window.__verkostoOldPage === undefined && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if loaded {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the page did not load within 10 s"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn text(&self) -> String {
        self.client
            .execute("return document.body.innerText", vec![])
            .await
            .expect("read text")
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }

    pub async fn html_lang(&self) -> String {
        self.client
            .execute("return document.documentElement.lang", vec![])
            .await
            .expect("lang")
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    /// Fails on serious or critical WCAG 2.1 A/AA violations on the current page.
    pub async fn assert_accessible(&self) {
        let Some(axe) = &self.axe else { return };
        let script = format!(
            "{axe}\nconst done = arguments[arguments.length - 1];\
             axe.run(document, {{ runOnly: {{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }} }})\
             .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')\
             .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))\
             .catch(e => done(['axe failed: ' + e]));"
        );
        let result = self
            .client
            .execute_async(&script, vec![])
            .await
            .expect("run axe");
        let violations: Vec<String> = serde_json::from_value(result).unwrap_or_default();
        let page = self.path().await;
        assert!(
            violations.is_empty(),
            "accessibility violations on {page}: {violations:#?}"
        );
    }

    /// Whether the page fits the viewport's width (no sideways scrolling of the whole page).
    pub async fn fits_width(&self) -> bool {
        self.client
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth",
                vec![],
            )
            .await
            .expect("measure")
            .as_bool()
            .unwrap_or(false)
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}
