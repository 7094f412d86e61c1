//! The HTML report in a real browser: headless Chromium driven through chromedriver with
//! fantoccini (WebDriver). The page loads with no console error; every finding of the
//! JSON report is in the DOM with its code and place; the filters hide and show the right
//! findings; the redline view shows its redline's insertions and deletions; links from
//! findings reach their anchors; with JavaScript off, every finding shows and the filters
//! do not. Screenshots of the summary, a release, a redline view and
//! the findings filtered to warnings are written to target/report-screenshots/.
//!
//! `.ci/run` installs Debian's `chromium` and `chromium-driver` when missing and sets
//! `SECCHECK_CI=1`, so in CI this always runs. Elsewhere, without them, it says so and
//! passes. `SECCHECK_CHROMIUM` and `SECCHECK_CHROMEDRIVER` name other binaries.

use assert_cmd::Command;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

fn corpus() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
}

fn tool(var: &str, default: &str) -> Option<PathBuf> {
    let path = std::env::var_os(var).map_or_else(|| PathBuf::from(default), PathBuf::from);
    path.is_file().then_some(path)
}

/// chromedriver, killed when the test ends.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver(chromedriver: &Path) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = std::process::Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver { child, port };
    let until = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < until, "chromedriver did not listen");
        std::thread::sleep(Duration::from_millis(100));
    }
    driver
}

/// chromedriver's browser log (console messages), read and cleared.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

async fn console_errors(c: &Client) -> Vec<String> {
    let log = c.issue_cmd(BrowserLog).await.expect("the browser log");
    log.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["level"] == "SEVERE")
        .map(|e| e["message"].to_string())
        .collect()
}

fn seccheck(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn findings_json(args: &[&str]) -> Vec<Value> {
    let mut all = vec![corpus().to_str().unwrap(), "--format", "json"];
    all.extend(args);
    let v: Value = serde_json::from_slice(&seccheck(&all)).unwrap();
    v["diagnostics"].as_array().unwrap().clone()
}

fn place(d: &Value) -> String {
    format!(
        "{}:{}:{}",
        d["path"].as_str().unwrap(),
        d["line"],
        d["column"]
    )
}

/// The ids of the findings the page shows (not hidden by a filter).
async fn shown(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return [...document.querySelectorAll('li.finding')].filter(e => e.offsetParent !== null).map(e => e.id);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(v).unwrap()
}

/// The ids, in the page, of these findings of the JSON report (matched by code and place).
fn ids_of(all: &[Value], some: &[Value]) -> Vec<String> {
    let want: BTreeSet<(String, String)> = some
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), place(d)))
        .collect();
    all.iter()
        .enumerate()
        .filter(|(_, d)| want.contains(&(d["code"].as_str().unwrap().to_string(), place(d))))
        .map(|(i, _)| format!("f{}", i + 1))
        .collect()
}

async fn pick(c: &Client, select: &str, value: &str) {
    c.find(Locator::Id(select))
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
}

async fn screenshot(c: &Client, target: &str, name: &str) {
    c.execute(
        "document.getElementById(arguments[0]).scrollIntoView({block: 'start'});",
        vec![json!(target)],
    )
    .await
    .unwrap();
    let png = c.screenshot().await.unwrap();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../report-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

/// The marked texts of a CriticMarkup redline: insertions and deletions (a substitution
/// gives one of each), white space squeezed.
fn marked(redline: &str) -> (Vec<String>, Vec<String>) {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut ins, mut del) = (Vec::new(), Vec::new());
    let mut rest = redline;
    while let Some(i) = rest.find('{') {
        rest = &rest[i..];
        let (open, close) = match rest.get(..3) {
            Some("{++") => ("{++", "++}"),
            Some("{--") => ("{--", "--}"),
            Some("{~~") => ("{~~", "~~}"),
            _ => {
                rest = &rest[1..];
                continue;
            }
        };
        let end = rest.find(close).unwrap();
        let body = &rest[open.len()..end];
        match open {
            "{++" => ins.push(squeeze(body)),
            "{--" => del.push(squeeze(body)),
            _ => {
                let (old, new) = body.split_once("~>").unwrap();
                del.push(squeeze(old));
                ins.push(squeeze(new));
            }
        }
        rest = &rest[end + close.len()..];
    }
    ins.retain(|s| !s.is_empty());
    del.retain(|s| !s.is_empty());
    (ins, del)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_in_chromium() {
    let ci = std::env::var_os("SECCHECK_CI").is_some();
    let chromium = tool("SECCHECK_CHROMIUM", "/usr/bin/chromium");
    let chromedriver = tool("SECCHECK_CHROMEDRIVER", "/usr/bin/chromedriver");
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        let why = "chromium or chromedriver is missing (apt-get install chromium chromium-driver)";
        assert!(!ci, "SECCHECK_CI is set but {why}");
        eprintln!("skipped: {why}");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    seccheck(&[
        "report",
        corpus().to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
    ]);
    let all = findings_json(&[]);

    let driver = start_driver(&chromedriver);
    let c = session(&chromium, &dir.path().join("profile"), driver.port, true).await;
    let url = url::Url::from_file_path(&page).unwrap();
    c.goto(url.as_str()).await.unwrap();

    // Loads with no console error.
    assert_eq!(console_errors(&c).await, Vec::<String>::new());

    // Every finding, with its code and place, shown.
    let listed = c
        .execute(
            "return [...document.querySelectorAll('li.finding')].map(e => [e.id, e.dataset.code, e.querySelector('.place').textContent]);",
            vec![],
        )
        .await
        .unwrap();
    let listed: Vec<(String, String, String)> = serde_json::from_value(listed).unwrap();
    assert_eq!(listed.len(), all.len());
    for (i, (d, (id, code, at))) in all.iter().zip(&listed).enumerate() {
        assert_eq!(id, &format!("f{}", i + 1));
        assert_eq!(code, d["code"].as_str().unwrap());
        assert!(at.contains(&place(d)), "{at} lacks {}", place(d));
    }
    assert_eq!(shown(&c).await.len(), all.len());

    // Filters: one rule; errors; a release (the findings `--release` reports); reset.
    let code = all[0]["code"].as_str().unwrap();
    pick(&c, "f-code", code).await;
    let of_code: Vec<Value> = all.iter().filter(|d| d["code"] == code).cloned().collect();
    assert_eq!(shown(&c).await, ids_of(&all, &of_code));
    c.find(Locator::Css("#filters button[type=reset]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    pick(&c, "f-severity", "error").await;
    let errors: Vec<Value> = all
        .iter()
        .filter(|d| d["severity"] == "error")
        .cloned()
        .collect();
    assert_eq!(shown(&c).await, ids_of(&all, &errors));
    pick(&c, "f-severity", "").await;
    pick(&c, "f-release", "57.0").await;
    let released = findings_json(&["--release", "57.0"]);
    assert!(!released.is_empty());
    assert_eq!(shown(&c).await, ids_of(&all, &released));
    pick(&c, "f-document", "Section H").await;
    let both: Vec<Value> = released
        .iter()
        .filter(|d| d["path"].as_str().unwrap().contains("section-h/"))
        .cloned()
        .collect();
    assert_eq!(shown(&c).await, ids_of(&all, &both));
    c.find(Locator::Css("#filters button[type=reset]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(shown(&c).await.len(), all.len());

    // The redline view of Section H 9.2 shows what its redline inserts and deletes,
    // underlined and struck through (not by colour alone).
    let redline = std::fs::read_to_string(corpus().join("redlines/section-h/9.2.md")).unwrap();
    let (ins, del) = marked(&redline);
    assert!(!ins.is_empty() && !del.is_empty());
    let view = r#"[id="redline-57.0-section-h"]"#;
    let text_of = |tag: &'static str| {
        let c = c.clone();
        async move {
            let v = c
                .execute(
                    &format!("return [...document.querySelectorAll('{view} {tag}')].map(e => e.textContent).join(' ').split(/\\s+/).join(' ');"),
                    vec![],
                )
                .await
                .unwrap();
            v.as_str().unwrap().to_string()
        }
    };
    let (shown_ins, shown_del) = (text_of("ins").await, text_of("del").await);
    for t in &ins {
        assert!(shown_ins.contains(t.as_str()), "inserted {t:?} not shown");
    }
    for t in &del {
        assert!(shown_del.contains(t.as_str()), "deleted {t:?} not shown");
    }
    let ins_el = c.find(Locator::Css(&format!("{view} ins"))).await.unwrap();
    assert!(
        ins_el
            .css_value("text-decoration-line")
            .await
            .unwrap()
            .contains("underline")
    );
    let del_el = c.find(Locator::Css(&format!("{view} del"))).await.unwrap();
    assert!(
        del_el
            .css_value("text-decoration-line")
            .await
            .unwrap()
            .contains("line-through")
    );

    // Links from findings reach their anchors, in view (a folded paragraph opens).
    let links = c
        .find_all(Locator::XPath("//li[@class and contains(@class,'finding')]//a[starts-with(., 'see it in the redline')]"))
        .await
        .unwrap();
    assert!(!links.is_empty(), "no finding is pinned on a redline");
    for link in &links {
        let href = link.attr("href").await.unwrap().unwrap();
        link.click().await.unwrap();
        let at: Value = c
            .execute(
                "const t = document.getElementById(decodeURIComponent(location.hash.slice(1))); if (!t) return null; const r = t.getBoundingClientRect(); return [t.id, r.top, r.height, window.innerHeight];",
                vec![],
            )
            .await
            .unwrap();
        assert!(!at.is_null(), "{href} reaches nothing");
        assert_eq!(format!("#{}", at[0].as_str().unwrap()), href);
        let (top, height, window) = (
            at[1].as_f64().unwrap(),
            at[2].as_f64().unwrap(),
            at[3].as_f64().unwrap(),
        );
        assert!(
            height > 0.0 && top >= -1.0 && top < window,
            "{href} not in view: {at}"
        );
    }
    // And back: a pin in the redline reaches its finding.
    let pin = c
        .find(Locator::Css(&format!("{view} .pin a")))
        .await
        .unwrap();
    let href = pin.attr("href").await.unwrap().unwrap();
    // Clear of the view's sticky column heads, as a reader would have it.
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'});",
        vec![serde_json::to_value(&pin).unwrap()],
    )
    .await
    .unwrap();
    pin.click().await.unwrap();
    let hash = c.execute("return location.hash;", vec![]).await.unwrap();
    assert_eq!(hash.as_str().unwrap(), href);
    // An explanation opens from a finding.
    let explain = c
        .find(Locator::Css("li.finding a[href^='#rule-']"))
        .await
        .unwrap();
    let href = explain.attr("href").await.unwrap().unwrap();
    explain.click().await.unwrap();
    // The page opens the rule on `hashchange`, which a loaded machine may deliver after
    // the click returns: wait for it, up to five seconds.
    let mut open = json!(false);
    for _ in 0..50 {
        open = c
            .execute(
                "return document.getElementById(arguments[0]).open;",
                vec![json!(&href[1..])],
            )
            .await
            .unwrap();
        if open == json!(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(open, json!(true), "{href} did not open");

    screenshot(&c, "top", "summary.png").await;
    screenshot(&c, "release-57.0", "release.png").await;
    screenshot(&c, "redline-57.0-section-h", "redline.png").await;
    screenshot(&c, "redline-57.0-section-h-H4.1", "redline-deleted.png").await;
    pick(&c, "f-severity", "warning").await;
    screenshot(&c, "findings", "findings.png").await;
    assert_eq!(console_errors(&c).await, Vec::<String>::new());
    c.close().await.unwrap();

    // Without JavaScript: every finding shown, the filters absent.
    let c = session(
        &chromium,
        &dir.path().join("profile-nojs"),
        driver.port,
        false,
    )
    .await;
    c.goto(url.as_str()).await.unwrap();
    assert_eq!(shown(&c).await.len(), all.len());
    let filters = c.find(Locator::Id("filters")).await.unwrap();
    assert!(!filters.is_displayed().await.unwrap());
    // The script really was off: it would have counted the findings shown.
    let count = c.find(Locator::Id("shown")).await.unwrap();
    assert_eq!(
        count.prop("textContent").await.unwrap().as_deref(),
        Some("")
    );
    c.close().await.unwrap();
}

/// A headless Chromium session with a fresh profile; `script`: JavaScript on or off.
async fn session(chromium: &Path, profile: &Path, port: u16, script: bool) -> Client {
    let caps = json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1400,1000", format!("--user-data-dir={}", profile.display())],
            "prefs": {"profile.managed_default_content_settings.javascript": if script { 1 } else { 2 }},
        },
        "goog:loggingPrefs": {"browser": "ALL"},
    });
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps.as_object().unwrap().clone())
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session")
}
