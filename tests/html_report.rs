//! The release report (`seccheck report`, `check --format html`) as a page: what it holds,
//! that every text in it is escaped, that it needs nothing from a network, and its size.
//! tests/browser.rs opens it in Chromium.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn page(args: &[&str]) -> String {
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of every element `<tag>…</tag>` in `html` (no nesting of the same tag).
fn texts<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    html.match_indices(&open)
        .filter_map(|(i, _)| {
            let start = i + open.len();
            html[start..].find(&close).map(|e| &html[start..start + e])
        })
        .collect()
}

#[test]
fn the_sample_corpus_report_lists_every_finding_and_links_to_its_anchors() {
    let html = page(&["report", "corpus"]);
    assert!(html.len() < 1024 * 1024, "{} bytes", html.len());
    let json: Value =
        serde_json::from_str(&page(&["check", "corpus", "--format", "json"])).unwrap();
    let findings = json["diagnostics"].as_array().unwrap();
    assert_eq!(findings.len(), 38);
    for (i, f) in findings.iter().enumerate() {
        let place = format!(
            "<code>{}:{}:{}</code>",
            f["path"].as_str().unwrap(),
            f["line"],
            f["column"]
        );
        let item = format!("id=\"f{}\"", i + 1);
        let at = html.find(&item).unwrap_or_else(|| panic!("no {item}"));
        let end = html[at..].find("</li>").unwrap() + at;
        let block = &html[at..end];
        assert!(block.contains(&place), "{place} not in {block}");
        assert!(
            block.contains(&format!("<strong>{}</strong>", f["code"].as_str().unwrap())),
            "{block}"
        );
    }
    // Every link inside the page reaches an element with that id.
    let ids: BTreeSet<&str> = html
        .match_indices(" id=\"")
        .map(|(i, m)| {
            let s = &html[i + m.len()..];
            &s[..s.find('"').unwrap()]
        })
        .collect();
    let links: Vec<&str> = html
        .match_indices("href=\"#")
        .map(|(i, m)| {
            let s = &html[i + m.len()..];
            &s[..s.find('"').unwrap()]
        })
        .collect();
    // 4 in the contents, 7 bumps of 57.0 to their views, 10 pinned findings and the 10
    // links from the list to them.
    assert_eq!(links.len(), 31);
    for l in links {
        assert!(ids.contains(l), "#{l} has no target");
    }
}

#[test]
fn the_page_needs_no_network_and_carries_its_own_style_and_script() {
    let html = page(&["report", "corpus"]);
    for needle in [" src=", "<link", "@import", "url(", "http://", "https://"] {
        assert!(!html.contains(needle), "{needle} found");
    }
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("<style>").count(), 1);
}

/// Section H 9.1 → 9.2 at 57.0: the words the redline deletes and inserts are the words
/// the view strikes through and underlines.
#[test]
fn the_side_by_side_view_shows_the_redlines_changes() {
    let html = page(&["report", "corpus"]);
    let start = html.find("id=\"doc-section-h\"").unwrap();
    let end = html[start..].find("</article>").unwrap() + start;
    let view = &html[start..end];
    assert!(view.contains("Section H: version 9.1 → 9.2"));
    let deleted = texts(view, "del").join(" ");
    let inserted = texts(view, "ins").join(" ");
    let redline = std::fs::read_to_string(root().join("corpus/redlines/section-h/9.2.md")).unwrap();
    let mut checked = 0;
    let mut rest = redline.as_str();
    while let Some(i) = rest.find(['{']) {
        rest = &rest[i..];
        let (old, new, len) = if let Some(body) = rest.strip_prefix("{~~") {
            let end = body.find("~~}").unwrap();
            let (o, n) = body[..end].split_once("~>").unwrap();
            (o, n, 3 + end + 3)
        } else if let Some(body) = rest.strip_prefix("{++") {
            let end = body.find("++}").unwrap();
            ("", &body[..end], 3 + end + 3)
        } else if let Some(body) = rest.strip_prefix("{--") {
            let end = body.find("--}").unwrap();
            (&body[..end], "", 3 + end + 3)
        } else {
            rest = &rest[1..];
            continue;
        };
        // The page escapes what HTML would read (`'` in "Days'", `&`), as askama does.
        let escape = |w: &str| {
            w.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('\'', "&#39;")
                .replace('"', "&quot;")
        };
        for w in old
            .split_whitespace()
            .filter(|w| !new.split_whitespace().any(|n| n == *w))
        {
            assert!(
                deleted.contains(&escape(w)),
                "deleted {w:?} not struck through"
            );
            checked += 1;
        }
        for w in new
            .split_whitespace()
            .filter(|w| !old.split_whitespace().any(|o| o == *w))
        {
            assert!(
                inserted.contains(&escape(w)),
                "inserted {w:?} not underlined"
            );
            checked += 1;
        }
        rest = &rest[len..];
    }
    assert!(checked > 40, "{checked} words checked");
    // A finding placed in Section H 9.2 is pinned in the view and links to the list.
    assert!(
        view.contains("class=\"pin sev-error\" id=\"pin-f"),
        "{view}"
    );
}

#[test]
fn every_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "document-log.csv",
        "release,effective_date,document,version,title\n\
         1.0,2020-01-01,section-h,1.0,DCC <b>Services</b>\n\
         2.0,2020-06-01,section-h,1.1,DCC <b>Services</b>\n",
    );
    let v10 = "# Section H: DCC <script>alert(1)</script> Services\n\nH1.1 The DCC shall act under Section H9.1 </script><img src=x>.\n";
    write("documents/section-h/1.0.md", v10);
    write(
        "documents/section-h/1.1.md",
        &v10.replace("act", "act & report"),
    );
    write(
        "redlines/section-h/1.1.md",
        &v10.replace("act", "act{++ & report++}"),
    );
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .args(["check"])
        .arg(dir.path())
        .args(["--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>Services"));
    assert!(html.contains("DCC &#60;script&#62;alert(1)&#60;/script&#62; Services"));
    assert!(html.contains("&#60;/script&#62;&#60;img src=x&#62;"));
    // The inserted words, escaped inside the view's <ins>.
    assert!(html.contains("&#38; report"), "{html}");
    // The embedded data cannot close its <script> element early.
    let data_start = html.find("id=\"findings-data\">").unwrap();
    let data_end = html[data_start..].find("</script>").unwrap() + data_start;
    assert!(
        serde_json::from_str::<Value>(&html[data_start + 19..data_end].replace("<\\/", "</"))
            .is_ok()
    );
}

#[test]
fn the_release_asked_for_gets_the_side_by_side_view() {
    let html = page(&["report", "corpus", "--release", "54.0"]);
    assert!(html.contains("What release 54.0 changed, side by side"));
    assert!(html.contains("id=\"doc-appendix-am\""));
    assert!(
        !html.contains("id=\"doc-section-h\""),
        "Section H did not change at 54.0"
    );
    // 57.0's bumps are listed but link nowhere.
    let at = html.find("id=\"release-57.0\"").unwrap();
    let end = html[at..].find("</article>").unwrap() + at;
    assert!(!html[at..end].contains("href=\"#doc-"));
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .current_dir(root())
        .args(["report", "corpus", "--release", "58.0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: the Document Log has no release 58.0\n"
    );
    let out = Command::cargo_bin("seccheck")
        .unwrap()
        .current_dir(root())
        .args(["report", "corpus", "-o", "corpus/report.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!root().join("corpus/report.html").exists());
}
