use super::*;

const LIST: &str = include_str!("../../../tests/fixtures/html/list.html");
const TABLE: &str = include_str!("../../../tests/fixtures/html/table.html");
const BR: &str = include_str!("../../../tests/fixtures/html/br.html");

/// The byte range of the `n`th (0-based) occurrence of `needle` in `hay`.
fn nth(hay: &str, needle: &str, n: usize) -> Range<usize> {
    let at = hay
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} #{n} not in {hay:?}"))
        .0;
    at..at + needle.len()
}

/// Every word of the converted text (letters and digits, as in "MP150" or "v57") maps
/// back to the same word in the source.
fn words_map_back(html: &str) {
    let c = html_to_text(html);
    let mut checked = 0;
    let mut start = None;
    for (i, ch) in c.text.char_indices().chain([(c.text.len(), ' ')]) {
        match (start, ch.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &c.text[s..i];
                let src = c.map.span(&(s..i));
                assert_eq!(
                    &html[src.clone()],
                    word,
                    "{word:?} at {s}..{i} maps to {src:?}"
                );
                checked += 1;
                start = None;
            }
            _ => {}
        }
    }
    assert!(checked > 50, "{checked} words");
}

#[test]
fn a_saved_page_reads_as_the_note_it_shows() {
    let c = html_to_text(LIST);
    let expected = "\
# SEC v57.0 published for the February 2022 SEC Release

24 February 2022

SEC version 57.0 came into effect on 24 February 2022 to implement the February 2022 SEC Release. This included two Modification Proposals.

MP150 ‘Shorter consultation windows’ reduces the time allowed for responses to a consultation on a draft document.

MP151 ‘Clarifying enrolment steps’ rewrites the steps a Supplier follows when enrolling a device.

## What parts of the SEC were affected?

- Section A ‘Definitions and Interpretation’
- Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’

## Where can I access the legal text?

The redlines showing the changes to Section A and Appendix AC can be found on the SEC legal text page.
";
    assert_eq!(c.text, expected);
}

#[test]
fn a_table_row_is_a_line_of_cells() {
    let c = html_to_text(TABLE);
    assert!(c.text.starts_with(
        "# SEC v57.0 published for the February 2022 SEC Release\n\nThursday, 24th February 2022\n\n"
    ));
    assert!(c.text.contains(
        "\n### What parts of the SEC were affected?\n\n\
         | Document | Redline available | Clean version available |\n\
         | Section A ‘Definitions and Interpretation’ | Yes | Yes |\n\
         | Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’ | Yes | No |\n\n"
    ));
    // A paragraph inside a list item stays on the item's line.
    assert!(c.text.contains(
        "Proposals:\n\n- MP150 ‘Shorter consultation windows’\n- MP151 ‘Clarifying enrolment steps’\n\n"
    ));
    // Outside `[role=main]`: the menu and the footer block.
    assert!(
        !c.text.contains("Home") && !c.text.contains("020"),
        "{}",
        c.text
    );
}

#[test]
fn line_breaks_and_character_references() {
    let c = html_to_text(BR);
    let expected = "\
SEC v57.0 published for the February 2022 SEC Release
24 February 2022

SEC version 57.0 came into effect on 24\u{a0}February\u{a0}2022 to implement MP150 ‘Shorter consultation windows’ & MP151 ‘Clarifying enrolment steps’. This included two Modification Proposals.

What parts of the SEC were affected?
Section A ‘Definitions and Interpretation’
Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’

Where can I access the legal text?
On the SEC website – see the legal text page.
";
    assert_eq!(c.text, expected);
}

#[test]
fn nested_lists_are_indented_and_inline_text_joins_as_written() {
    let html = "<ul><li>Section <b>A</b> ‘Defini<i>tions</i>’<ul><li>A1 <em>changed</em></li></ul></li>\
                <li>Appendix\n   AC</li></ul><p>a&nbsp;&nbsp;b  c</p>";
    let c = html_to_text(html);
    assert_eq!(
        c.text,
        "- Section A ‘Definitions’\n  - A1 changed\n- Appendix AC\n\na\u{a0}\u{a0}b c\n"
    );
}

#[test]
fn chrome_is_left_out_but_never_the_title() {
    let html = r#"<body class="has-cookie-banner"><div class="cookieNotice">We use cookies</div>
        <div id="breadcrumbs">Home › Releases ›</div><div role="navigation">Menu</div>
        <header class="entry-header"><h1>SEC v57.0 published</h1></header>
        <p hidden>hidden text</p><p aria-hidden="true">decoration</p>
        <p style="display: none">invisible</p><p>24 February 2022</p>
        <noscript>Turn on scripts</noscript><template><p>later</p></template>
        <div class="social-share">Share this</div><aside>Related news</aside>
        <form><label>Search</label></form><footer>Call 020 7000 0000</footer></body>"#;
    let c = html_to_text(html);
    assert_eq!(c.text, "# SEC v57.0 published\n\n24 February 2022\n");
    // A class word only counts whole: "canvas-wrapper" is no "nav".
    assert!(!names_chrome("canvas-wrapper unavailable") && names_chrome("site-footer"));
    assert!(names_chrome("mainMenu") && !names_chrome("main"));
}

#[test]
fn main_wins_then_article_then_role_main() {
    let page = |inner: &str| format!("<body><p>outside</p>{inner}<p>after</p></body>");
    let text = |inner: &str| html_to_text(&page(inner)).text;
    assert_eq!(text("<article>art</article><main>here</main>"), "here\n");
    assert_eq!(
        text("<div role=main>role</div><article>art</article>"),
        "art\n"
    );
    assert_eq!(text("<div role=\"Main\">role</div>"), "role\n");
    assert_eq!(text("<div>plain</div>"), "outside\n\nplain\n\nafter\n");
}

#[test]
fn every_word_maps_back_to_its_source() {
    words_map_back(LIST);
    words_map_back(TABLE);
    // CR LF line ends, `<br>` and references.
    words_map_back(BR);
}

#[test]
fn references_and_added_text_map_to_the_source_they_stand_for() {
    let c = html_to_text(LIST);
    // ‘ and ’ come from `&lsquo;` and `&rsquo;`: the whole reference.
    let q = nth(&c.text, "‘", 0);
    assert_eq!(&LIST[c.map.span(&q)], "&lsquo;");
    let title = nth(&c.text, "‘Shorter consultation windows’", 0);
    assert_eq!(
        &LIST[c.map.span(&title)],
        "&lsquo;Shorter consultation windows&rsquo;"
    );
    // A span that starts in added text (`# `) starts at the next character with a
    // source; one that ends in added text (the line break) ends after the last one.
    let line = nth(&c.text, "## What parts of the SEC were affected?\n", 0);
    assert_eq!(
        &LIST[c.map.span(&line)],
        "What parts of the SEC were affected?"
    );
    // Across elements: from the first text to the last, markup between included.
    let across = nth(&c.text, "MP150 ‘Shorter", 0);
    assert_eq!(&LIST[c.map.span(&across)], "MP150</strong> &lsquo;Shorter");
    // A folded run of white space maps to its first character.
    let folded = nth(&c.text, "implement the February", 0);
    assert_eq!(&LIST[c.map.span(&folded)], "implement the\n      February");
    // Empty spans stay empty; past the end, the end of the last text.
    let at = c.map.span(&(3..3));
    assert!(at.is_empty());
    let end = c.map.span(&(c.text.len()..c.text.len()));
    assert!(end.start <= LIST.len() && LIST.is_char_boundary(end.start));
}

#[test]
fn crlf_nbsp_and_numeric_references_map_back() {
    let c = html_to_text(BR);
    let nbsp = nth(&c.text, "\u{a0}", 0);
    assert_eq!(&BR[c.map.span(&nbsp)], "&nbsp;");
    let dash = nth(&c.text, "–", 0);
    assert_eq!(&BR[c.map.span(&dash)], "&#8211;");
    let amp = nth(&c.text, " & ", 0);
    assert_eq!(&BR[c.map.span(&amp)], " &amp; ");
    let date = nth(&c.text, "24\u{a0}February\u{a0}2022", 0);
    assert_eq!(&BR[c.map.span(&date)], "24&nbsp;February&nbsp;2022");
}

#[test]
fn references_as_html5ever_decodes_them() {
    let d = |s: &str| decode_reference(s, 0);
    assert_eq!(d("&amp;x"), Some(("&".into(), 5)));
    // Legacy names without `;`, the longest that is one.
    assert_eq!(d("&ampx"), Some(("&".into(), 4)));
    assert_eq!(d("&notit;"), Some(("¬".into(), 4)));
    assert_eq!(d("&lsquo x"), None);
    assert_eq!(d("&#x2019;"), Some(("’".into(), 8)));
    assert_eq!(d("&#8217"), Some(("’".into(), 6)));
    // Windows-1252 in the C1 range, nothing, and out of range.
    assert_eq!(d("&#150;"), Some(("–".into(), 6)));
    assert_eq!(d("&#0;"), Some(("\u{fffd}".into(), 4)));
    assert_eq!(d("&#99999999999999;"), Some(("\u{fffd}".into(), 17)));
    assert_eq!(d("&#;"), None);
    assert_eq!(d("& b"), None);
}

#[test]
fn a_text_node_not_found_exactly_maps_to_where_it_starts() {
    // html5ever drops a NUL in body text, so "x\0yz" is not in the source as read.
    let html = "<p>first</p>\n<p>x\0yz and more</p>";
    let c = html_to_text(html);
    assert_eq!(c.text, "first\n\nxyz and more\n");
    let node = nth(&c.text, "yz and", 0);
    let src = c.map.span(&node);
    assert_eq!(src.start, html.find('x').unwrap());
    assert!(html.is_char_boundary(src.end) && src.end >= src.start);
}

#[test]
fn script_and_comments_are_skipped_when_searching() {
    // The word "Section" in the script, a comment and the nav comes before the one read.
    let html = "<script>var s = '</p>Section'; if (a<b) {}</script>\
                <!-- Section --><nav>Section</nav><main><p>Section H</p></main>";
    let c = html_to_text(html);
    assert_eq!(c.text, "Section H\n");
    let src = c.map.span(&(0..9));
    assert_eq!(&html[src.clone()], "Section H");
    assert_eq!(src.start, html.rfind("Section H").unwrap());
}

#[test]
fn a_hostile_page_neither_panics_nor_hangs() {
    let mut html = String::from("<p>&#xFFFFFFFF; <b><i><u><table><td><li><ul>");
    // 2,000 levels here (html5ever's scope checks make deep nesting quadratic, slow in a
    // debug build); 10,000 levels and a 5 MB line were run once by hand on the binary.
    for _ in 0..2_000 {
        html.push_str("<div class=x>");
    }
    html.push_str("deep text");
    for _ in 0..2_000 {
        html.push_str("<b><i>&amp;<p>unclosed<td>cell<li>");
    }
    // A long single line: many short text nodes, and one long run of text.
    for _ in 0..20_000 {
        html.push_str("<span>w&nbsp;</span>");
    }
    html.push_str(&"x".repeat(1 << 20));
    // An attribute never closed takes the rest of the page; a reference and a tag cut off.
    html.push_str("<p title=\"unclosed>never shown &amp; <");
    let started = std::time::Instant::now();
    let c = html_to_text(&html);
    assert!(c.text.contains('x'));
    // Every span maps onto character boundaries, in order.
    for at in (0..c.text.len())
        .step_by(997)
        .filter(|&i| c.text.is_char_boundary(i))
    {
        let end = (at + 13..c.text.len())
            .find(|&e| c.text.is_char_boundary(e))
            .unwrap_or(c.text.len());
        let s = c.map.span(&(at..end));
        assert!(s.start <= s.end && s.end <= html.len());
        assert!(html.is_char_boundary(s.start) && html.is_char_boundary(s.end));
    }
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn html_paths() {
    assert!(is_html_path("releases/57.0.html"));
    assert!(is_html_path("Note.HTM"));
    assert!(!is_html_path("57.0.md") && !is_html_path("page.xhtml.txt"));
}
