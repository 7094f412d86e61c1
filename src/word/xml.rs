//! The little of quick-xml the Word reader needs: names without their prefix, attribute
//! values by local name, Word's on/off values, and a reader that stops at a size cap.

use super::package::XmlFailure;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::Read;

/// One step through a part, as the readers of parts want it.
pub enum Step<'e> {
    /// An element opens (an empty element opens and then closes at once).
    Open(&'e BytesStart<'e>),
    /// An element closes: its local name.
    Close(&'e str),
    /// Character data, references resolved.
    Text(&'e str),
}

/// Walks a part's XML, calling `f` for each step.
pub fn walk(reader: &mut Reader<&[u8]>, mut f: impl FnMut(Step<'_>)) -> Result<(), XmlFailure> {
    loop {
        let event = reader
            .read_event()
            .map_err(|e| XmlFailure::Xml(e, reader.error_position()))?;
        match event {
            Event::Start(e) => f(Step::Open(&e)),
            Event::Empty(e) => {
                f(Step::Open(&e));
                f(Step::Close(local(e.name().as_ref())));
            }
            Event::End(e) => f(Step::Close(local(e.name().as_ref()))),
            Event::Text(t) => f(Step::Text(&t.xml10_content())),
            Event::CData(t) => f(Step::Text(&t)),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r).map(String::from),
                    Err(e) => return Err(XmlFailure::Xml(e, reader.error_position())),
                };
                if let Some(s) = resolved {
                    f(Step::Text(&s));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// `w:p` → `p`: WordprocessingML is read by local names, whatever prefix a producer
/// binds to its namespace.
pub fn local(name: &str) -> &str {
    match memchr::memrchr(b':', name.as_bytes()) {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// The value of the attribute whose local name is `key` (`w:val` → `val`), unescaped.
pub fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (local(a.key.as_ref()) == key).then(|| {
            if !a.value.contains('&') {
                return a.value.into_owned();
            }
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.into_owned())
        })
    })
}

/// What `f` makes of the attribute whose local name is `key`, read in place (no copy
/// unless it holds a reference to unescape).
pub fn attr_with<T>(e: &BytesStart<'_>, key: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let a = e
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)?;
    if !a.value.contains('&') {
        return Some(f(&a.value));
    }
    let v = a
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .unwrap_or_else(|_| a.value.clone());
    Some(f(&v))
}

/// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): on unless its value says off.
pub fn on(e: &BytesStart<'_>) -> bool {
    attr_with(e, "val", |v| !matches!(v, "0" | "false" | "off" | "none")).unwrap_or(true)
}

/// Reads at most `cap` bytes from `inner`, then fails with [`OverCap`]: a part that
/// inflates past the cap is refused as it is read, not after.
pub struct Capped<R> {
    inner: R,
    left: u64,
    cap: u64,
}

/// The error a [`Capped`] reader gives past its cap.
#[derive(Debug)]
pub struct OverCap(pub u64);

impl std::fmt::Display for OverCap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "inflates past {} bytes", self.0)
    }
}

impl std::error::Error for OverCap {}

impl<R: Read> Capped<R> {
    pub fn new(inner: R, cap: u64) -> Capped<R> {
        Capped {
            inner,
            left: cap,
            cap,
        }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // One byte more than the cap means the part is too large.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(OverCap(self.cap))),
            };
        }
        let want = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}
