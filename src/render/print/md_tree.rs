//! Markdown → a JSON tree of nodes for the print template.
//!
//! The template renders the tree with a recursive function; text is only
//! ever a string value there, never typst markup, so `#read(..)`, `$x$`,
//! `@ref` or `<label>` in content print literally. Raw HTML is kept as
//! text. Nesting deeper than [`MAX_DEPTH`] is flattened, so typst's
//! recursion limits are never reached.
//!
//! Nodes (all keys short to keep the JSON small):
//! - a string: text
//! - `{"k":"p","c":[..]}` paragraph (`{"k":"p","s":".."}` when it is one
//!   string; so are `q`, `b` and `i`), `{"k":"h","l":1..3,"c":[..]}` heading,
//!   `{"k":"q","c":[..]}` block quote, `{"k":"ul","c":[[..],..]}` and
//!   `{"k":"ol","n":start,"c":[[..],..]}` lists (each item a node list),
//!   `{"k":"pre","s":".."}` code block, `{"k":"hr"}` rule
//! - `{"k":"b","c":[..]}` strong, `{"k":"i","c":[..]}` emphasis,
//!   `{"k":"code","s":".."}` code span, `{"k":"br"}` line break,
//!   `{"k":"a","c":[..],"u":url-or-null,"x":shown-url-or-null}` link,
//!   `{"k":"img","p":virtual-path,"alt":".."}` image

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::{Map, Value, json};

/// Containers nested deeper than this are flattened into their parent.
pub const MAX_DEPTH: usize = 8;

/// Resolves an image path of the Markdown (relative to `content/`) to the
/// virtual path the template can load, if the image exists.
pub type ImageResolver<'a> = &'a dyn Fn(&str) -> Option<String>;

#[derive(Debug)]
enum Kind {
    Root,
    Para,
    Heading(u8),
    Quote,
    List(Option<u64>),
    Item,
    Strong,
    Emph,
    Link(String),
    Image(String),
    /// Code block or HTML block: text collected verbatim.
    Verbatim {
        html: bool,
    },
    /// A container we do not model (or one too deep): its children go to
    /// the parent. `block` = separate the content by a line break.
    Transparent {
        block: bool,
        bullet: bool,
    },
}

struct Frame {
    kind: Kind,
    children: Vec<Value>,
    text: String,
}

/// Appends a node, merging adjacent strings.
fn push(children: &mut Vec<Value>, node: Value) {
    if let Value::String(s) = &node {
        if s.is_empty() {
            return;
        }
        if let Some(Value::String(prev)) = children.last_mut() {
            prev.push_str(s);
            return;
        }
    }
    children.push(node);
}

fn push_text(children: &mut Vec<Value>, s: &str) {
    push(children, Value::String(s.to_owned()));
}

/// Plain text of nodes (for alt texts).
fn plain(nodes: &[Value], out: &mut String) {
    for n in nodes {
        match n {
            Value::String(s) => out.push_str(s),
            Value::Object(o) => {
                if let Some(Value::Array(c)) = o.get("c") {
                    plain(c, out);
                }
                if let Some(Value::String(s)) = o.get("s") {
                    out.push_str(s);
                }
            }
            _ => {}
        }
    }
}

/// Is this URL safe to make clickable in the PDF?
fn clickable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

/// How a URL is shown in print: without scheme and trailing slash.
pub fn shown_url(url: &str) -> String {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| &u[p.len()..])
        .unwrap_or(u);
    let rest = rest
        .strip_prefix("www.")
        .map(|r| if r.contains('.') { r } else { rest })
        .unwrap_or(rest);
    rest.trim_end_matches('/').to_owned()
}

fn obj(kind: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("k".into(), Value::String(kind.into()));
    m
}

/// A container node; a lone string child goes to `"s"` instead of `"c"`
/// (the common case: the template then needs no recursive call).
fn with_children(kind: &str, mut children: Vec<Value>) -> Value {
    let mut m = obj(kind);
    if let [Value::String(_)] = children.as_slice() {
        m.insert("s".into(), children.pop().unwrap_or_default());
    } else {
        m.insert("c".into(), Value::Array(children));
    }
    Value::Object(m)
}

/// Splits list children into items (each item a node list).
fn items(children: Vec<Value>) -> Vec<Value> {
    children
        .into_iter()
        .map(|c| match c {
            Value::Object(mut o) if o.get("k").and_then(Value::as_str) == Some("li") => {
                match o.remove("s") {
                    Some(text) => Value::Array(vec![text]),
                    None => o.remove("c").unwrap_or(Value::Array(Vec::new())),
                }
            }
            other => Value::Array(vec![other]),
        })
        .collect()
}

/// Does a frame of this kind nest in the output?
fn counts(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Para
            | Kind::Heading(_)
            | Kind::Quote
            | Kind::List(_)
            | Kind::Item
            | Kind::Strong
            | Kind::Emph
            | Kind::Link(_)
    )
}

struct Builder<'r> {
    stack: Vec<Frame>,
    /// Number of modelled (non-transparent) containers open.
    depth: usize,
    /// Headings become levels 1..=3, never skipping a level.
    last_heading: u8,
    images: ImageResolver<'r>,
}

impl Builder<'_> {
    fn top(&mut self) -> &mut Frame {
        // The root frame is never popped.
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    fn open(&mut self, kind: Kind) {
        let kind = match kind {
            // An item is modelled exactly when its list is.
            Kind::Item if matches!(self.top().kind, Kind::List(_)) => Kind::Item,
            Kind::Item => Kind::Transparent {
                block: true,
                bullet: true,
            },
            Kind::Verbatim { .. } | Kind::Image(_) | Kind::Transparent { .. } | Kind::Root => kind,
            k if self.depth >= MAX_DEPTH => Kind::Transparent {
                block: matches!(
                    k,
                    Kind::Para | Kind::Heading(_) | Kind::Quote | Kind::List(_)
                ),
                bullet: false,
            },
            k => k,
        };
        if counts(&kind) {
            self.depth += 1;
        }
        if let Kind::Transparent { bullet: true, .. } = kind {
            push_text(&mut self.top().children, "– ");
        }
        self.stack.push(Frame {
            kind,
            children: Vec::new(),
            text: String::new(),
        });
    }

    fn close(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if counts(&frame.kind) {
            self.depth = self.depth.saturating_sub(1);
        }
        let Frame {
            kind,
            children,
            text,
        } = frame;
        let node = match kind {
            Kind::Root => return,
            Kind::Para => Some(with_children("p", children)),
            Kind::Heading(level) => {
                let level = level.clamp(1, 3).min(self.last_heading + 1);
                self.last_heading = level;
                let mut m = obj("h");
                m.insert("l".into(), json!(level));
                m.insert("c".into(), Value::Array(children));
                Some(Value::Object(m))
            }
            Kind::Quote => Some(with_children("q", children)),
            Kind::List(start) => {
                let mut m = obj(if start.is_some() { "ol" } else { "ul" });
                if let Some(n) = start {
                    m.insert("n".into(), json!(n));
                }
                m.insert("c".into(), Value::Array(items(children)));
                Some(Value::Object(m))
            }
            Kind::Item => Some(with_children("li", children)),
            Kind::Strong => Some(with_children("b", children)),
            Kind::Emph => Some(with_children("i", children)),
            Kind::Link(url) => {
                let mut shown_text = String::new();
                plain(&children, &mut shown_text);
                let shown = shown_url(&url);
                let mut m = obj("a");
                let text_is_url =
                    shown_text.trim() == url.trim() || shown_url(&shown_text) == shown;
                m.insert(
                    "u".into(),
                    if clickable(&url) {
                        Value::String(url.trim().to_owned())
                    } else {
                        Value::Null
                    },
                );
                m.insert(
                    "x".into(),
                    if text_is_url || shown.is_empty() || url.starts_with('#') {
                        Value::Null
                    } else {
                        Value::String(shown)
                    },
                );
                m.insert("c".into(), Value::Array(children));
                Some(Value::Object(m))
            }
            Kind::Image(dest) => {
                let mut alt = String::new();
                plain(&children, &mut alt);
                match (self.images)(&dest) {
                    Some(path) => {
                        let mut m = obj("img");
                        m.insert("p".into(), Value::String(path));
                        m.insert("alt".into(), Value::String(alt));
                        Some(Value::Object(m))
                    }
                    _ => {
                        // No such image: its description stands in for it.
                        let parent = &mut self.top().children;
                        push_text(parent, &alt);
                        None
                    }
                }
            }
            Kind::Verbatim { html } => {
                let text = text.trim_end_matches(['\n', '\r']);
                if html {
                    // Raw HTML is content, shown as text.
                    Some(with_children(
                        "p",
                        vec![Value::String(text.replace(['\n', '\r'], " "))],
                    ))
                } else {
                    let mut m = obj("pre");
                    m.insert("s".into(), Value::String(text.to_owned()));
                    Some(Value::Object(m))
                }
            }
            Kind::Transparent { block, .. } => {
                let parent = &mut self.top().children;
                for c in children {
                    push(parent, c);
                }
                if block {
                    push(parent, json!({"k": "br"}));
                }
                None
            }
        };
        if let Some(node) = node {
            push(&mut self.top().children, node);
        }
    }

    fn text(&mut self, s: &str) {
        let top = self.top();
        match top.kind {
            Kind::Verbatim { .. } => top.text.push_str(s),
            _ => push_text(&mut top.children, s),
        }
    }

    fn inline(&mut self, node: Value) {
        push(&mut self.top().children, node);
    }
}

/// Converts Markdown to the node tree. `images` resolves image paths.
pub fn to_nodes(markdown: &str, images: ImageResolver<'_>) -> Value {
    // Only CommonMark: no tables, math, footnotes; everything else is text.
    let parser = Parser::new_ext(markdown, Options::empty());
    let mut b = Builder {
        stack: vec![Frame {
            kind: Kind::Root,
            children: Vec::new(),
            text: String::new(),
        }],
        depth: 0,
        last_heading: 0,
        images,
    };
    for event in parser {
        match event {
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Paragraph => Kind::Para,
                    Tag::Heading { level, .. } => Kind::Heading(match level {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        _ => 3,
                    }),
                    Tag::BlockQuote(_) => Kind::Quote,
                    Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => {
                        Kind::Verbatim { html: false }
                    }
                    Tag::HtmlBlock => Kind::Verbatim { html: true },
                    Tag::List(start) => Kind::List(start),
                    Tag::Item => Kind::Item,
                    Tag::Emphasis => Kind::Emph,
                    Tag::Strong => Kind::Strong,
                    Tag::Link { dest_url, .. } => Kind::Link(dest_url.to_string()),
                    Tag::Image { dest_url, .. } => Kind::Image(dest_url.to_string()),
                    _ => Kind::Transparent {
                        block: true,
                        bullet: false,
                    },
                };
                b.open(kind);
            }
            Event::End(end) => {
                let _: TagEnd = end;
                b.close();
            }
            Event::Text(t) => b.text(&t),
            Event::Code(t) => b.inline(json!({"k": "code", "s": t.as_ref()})),
            Event::InlineMath(t) | Event::DisplayMath(t) => b.text(&t),
            Event::Html(t) | Event::InlineHtml(t) => b.text(&t),
            Event::FootnoteReference(t) => b.text(&format!("[^{t}]")),
            Event::SoftBreak => b.text(" "),
            Event::HardBreak => b.inline(json!({"k": "br"})),
            Event::Rule => b.inline(json!({"k": "hr"})),
            Event::TaskListMarker(done) => b.text(if done { "[x] " } else { "[ ] " }),
        }
    }
    while b.stack.len() > 1 {
        b.close();
    }
    let root = b.stack.pop().map(|f| f.children).unwrap_or_default();
    Value::Array(root)
}

/// Plain text of a node tree, one string per block (paragraph, list
/// item, heading, quote, code block).
pub fn plain_blocks(nodes: &Value) -> Vec<String> {
    fn walk(nodes: &[Value], out: &mut Vec<String>) {
        for n in nodes {
            match n {
                Value::Object(o)
                    if matches!(o.get("k").and_then(Value::as_str), Some("ul" | "ol")) =>
                {
                    if let Some(Value::Array(items)) = o.get("c") {
                        for it in items {
                            let mut s = String::from("– ");
                            if let Value::Array(c) = it {
                                plain(c, &mut s);
                            }
                            out.push(s);
                        }
                    }
                }
                Value::Object(o) if matches!(o.get("k").and_then(Value::as_str), Some("q")) => {
                    if let Some(Value::Array(c)) = o.get("c") {
                        walk(c, out);
                    }
                }
                other => {
                    let mut s = String::new();
                    plain(std::slice::from_ref(other), &mut s);
                    out.push(s);
                }
            }
        }
    }
    let mut out = Vec::new();
    if let Value::Array(a) = nodes {
        walk(a, &mut out);
    }
    out
}

/// Plain text of a node tree (for size estimates).
pub fn plain_len(nodes: &Value) -> usize {
    let mut s = String::new();
    if let Value::Array(a) = nodes {
        plain(a, &mut s);
    }
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn paragraphs_and_inline() {
        let v = to_nodes("Hallo **fett** und *kursiv*.\n\nZweiter `#code`", &none);
        assert_eq!(
            v,
            json!([
                {"k":"p","c":["Hallo ", {"k":"b","s":"fett"}, " und ", {"k":"i","s":"kursiv"}, "."]},
                {"k":"p","c":["Zweiter ", {"k":"code","s":"#code"}]}
            ])
        );
    }

    #[test]
    fn typst_syntax_is_text() {
        let v = to_nodes("#read(\"/etc/passwd\") $a$ <b> @ref", &none);
        assert_eq!(
            v,
            json!([{"k":"p","s":"#read(\"/etc/passwd\") $a$ <b> @ref"}])
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let md = "> ".repeat(50) + "tief";
        let v = to_nodes(&md, &none);
        let s = serde_json::to_string(&v).unwrap_or_default();
        assert!(s.contains("tief"));
        // At most MAX_DEPTH nested "c" arrays of quotes.
        assert!(s.matches("\"q\"").count() <= MAX_DEPTH);
        let md = (0..40)
            .map(|i| format!("{}- x{i}\n", "  ".repeat(i)))
            .collect::<String>();
        let v = to_nodes(&md, &none);
        let s = serde_json::to_string(&v).unwrap_or_default();
        assert!(s.contains("x39"));
    }

    #[test]
    fn links_show_their_target() {
        let v = to_nodes(
            "[Seite](https://www.example.org/a/) <https://x.example>",
            &none,
        );
        assert_eq!(
            v,
            json!([{"k":"p","c":[
                {"k":"a","u":"https://www.example.org/a/","x":"example.org/a","c":["Seite"]},
                " ",
                {"k":"a","u":"https://x.example","x":null,"c":["https://x.example"]}
            ]}])
        );
        let v = to_nodes("[x](javascript:alert(1))", &none);
        assert_eq!(v[0]["c"][0]["u"], Value::Null);
    }

    #[test]
    fn images_resolve_or_become_alt_text() {
        let resolve = |p: &str| (p == "images/a.png").then(|| "/content/images/a.png".to_owned());
        let v = to_nodes("![Ein Bild](images/a.png) ![Fehlt](images/b.png)", &resolve);
        assert_eq!(
            v[0]["c"][0],
            json!({"k":"img","p":"/content/images/a.png","alt":"Ein Bild"})
        );
        assert_eq!(v[0]["c"][1], json!(" Fehlt"));
    }

    #[test]
    fn html_is_text() {
        let v = to_nodes("<div>\n<script>alert(1)</script>\n</div>\n", &none);
        let s = serde_json::to_string(&v).unwrap_or_default();
        assert!(s.contains("<script>alert(1)</script>"));
    }
}
