//! HTML pages as portals publish them (an annual report of disclosure work printed as a web page,
//! its Tables 2–4 as `<table>` elements with `rowspan`/`colspan`), parsed by html5ever (through
//! the `scraper` crate) — the parser browsers' algorithm, so unclosed tags and stray markup are
//! repaired as a browser would.
//!
//! **Pages.** A web page has no pages; positions are counted by tables instead. Every `<table>`
//! has an ordinal (1-based, in document order, nested tables included, a table without any cell
//! still counted), and that ordinal is its *page*: [`Provenance::page`] of its cells,
//! [`SourceTable::pages`] and [`SourceLine::page`] of its rows. The text before the k-th table
//! (after the one before it) is on page k too, and text after the last table on page n + 1, so
//! lines stay in reading order page by page. Rows and columns are 1-based positions in the
//! table's grid after spans are expanded.
//!
//! **Grids.** Rows are the `<tr>` of the table (in `<thead>`, `<tbody>`, `<tfoot>` or bare, in
//! document order; rows of a nested table belong to the nested table), cells their `<td>`/`<th>`,
//! placed by the HTML table model: a cell goes to the first free column of its row, a `rowspan`
//! or `colspan` covers the positions below and to the right (rowspan is cut at the table's last
//! row, `rowspan="0"` reaches it, colspan is capped at 1000 as browsers do). As in the PDF and
//! workbook readers, a spanning cell's text is in its top-left position, the positions it covers
//! are blank, and the range is recorded in [`SourceTable::merged`]; rows are padded to the widest.
//!
//! **Text.** A cell's text is its text content with whitespace collapsed as a browser shows it;
//! paragraphs, `<br>` and other block elements start a new line, and the lines are joined with
//! `\n` as the other readers join wrapped lines (`<p>商业</p><p>企业</p>` → `商业\n企业`). A nested
//! table's text is not part of its cell. Scripts, styles, `<noscript>` and `<template>` are not
//! text. The document's lines are the `<title>` first, then every block of body text in reading
//! order, each table row as one line (its cells' text joined by spaces). A table's context lines
//! are the short lines (up to 60 characters; a paragraph ends them) printed just before it, at
//! most eight, nearest last — its heading (三、收到和处理政府信息公开申请情况) and 单位 line.
//!
//! **Charset.** A UTF-8 byte-order mark, else `<meta charset=…>` or `<meta http-equiv=
//! "Content-Type" content="…; charset=…">` in the first 4096 bytes, else
//! [`ReadOptions::encoding`](super::ReadOptions::encoding) or detection as for CSV (valid UTF-8,
//! else GB18030). UTF-8, GBK, GB2312 and GB18030 are read (strictly: an undecodable byte is an
//! error naming its offset); any other declared charset is an error. An encoding given in the
//! read options overrides the page's declaration.

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::source::{
    Provenance, SourceCell, SourceDocument, SourceFormat, SourceLine, SourceTable, io, to_u32,
};
use crate::error::{Error, Result};
use crate::io::Limits;

/// The most context lines kept above a table.
const CONTEXT_LINES: usize = 8;
/// Context lines are headings and unit lines: a longer line (a paragraph) ends them.
const CONTEXT_WIDTH: usize = 60;
/// Browsers cap `colspan` at 1000 (HTML standard, "span" attributes).
const MAX_COLSPAN: usize = 1000;

/// Whether bytes look like an HTML page: after an optional UTF-8 BOM and whitespace, a
/// `<!DOCTYPE html`, `<html`, `<head`, `<body`, `<meta` or `<table` tag, or a comment followed by
/// one of those (case-insensitive).
pub(super) fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for _ in 0..16 {
        let start = rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        rest = rest.get(start..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(end) => {
                    rest = rest.get(end + 3..).unwrap_or_default();
                    continue;
                }
                None => return false,
            }
        }
        let head: Vec<u8> = rest.iter().take(16).map(u8::to_ascii_lowercase).collect();
        return [
            &b"<!doctype html"[..],
            b"<html",
            b"<head",
            b"<body",
            b"<meta",
            b"<table",
        ]
        .iter()
        .any(|tag| head.starts_with(tag));
    }
    false
}

/// The charset a page declares in a `<meta>` tag within its first 4096 bytes, lower-cased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut from = 0;
    while let Some(i) = head
        .get(from..)
        .and_then(|h| h.windows(5).position(|w| w == b"<meta"))
    {
        let start = from + i;
        let end = head
            .get(start..)
            .and_then(|h| h.iter().position(|&b| b == b'>'))
            .map_or(head.len(), |e| start + e);
        let tag = head.get(start..end).unwrap_or_default();
        if let Some(j) = tag.windows(7).position(|w| w == b"charset") {
            let mut value = tag.get(j + 7..).unwrap_or_default();
            let skip = value
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(value.len());
            value = value.get(skip..).unwrap_or_default();
            if let Some(v) = value.strip_prefix(b"=") {
                let skip = v
                    .iter()
                    .position(|b| !b.is_ascii_whitespace() && *b != b'"' && *b != b'\'')
                    .unwrap_or(v.len());
                let v = v.get(skip..).unwrap_or_default();
                let name: String = v
                    .iter()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')
                    })
                    .map(|&b| char::from(b))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

/// Decode the page: a BOM, the encoding given in the options, the `<meta>` declaration, or
/// detection — never lossy.
fn decode(name: &str, bytes: &[u8], encoding: Option<&str>) -> Result<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return super::delimited::decode(name, bytes, Some("utf-8"));
    }
    if let Some(e) = encoding {
        return super::delimited::decode(name, bytes, Some(e));
    }
    match declared_charset(bytes) {
        None => super::delimited::decode(name, bytes, None),
        Some(cs) => match cs.replace(['-', '_'], "").as_str() {
            "utf8" => super::delimited::decode(name, bytes, Some("utf-8")),
            "gbk" | "gb2312" | "gb18030" | "cp936" | "xgbk" | "euccn" => {
                super::delimited::decode(name, bytes, Some("gb18030"))
            }
            _ => Err(io(
                name,
                format!(
                    "the page declares charset `{cs}`; only UTF-8, GBK, GB2312 and GB18030 pages are read"
                ),
            )),
        },
    }
}

/// Elements whose content is not text on the page.
fn hidden(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "iframe" | "object" | "select"
    )
}

/// Elements that start and end a line of text.
fn block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "blockquote"
            | "pre"
            | "address"
            | "form"
            | "fieldset"
            | "legend"
            | "figure"
            | "figcaption"
            | "caption"
            | "center"
            | "hr"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "title"
            | "body"
            | "html"
    )
}

/// Lines of text being collected: whitespace collapsed as a browser does, a line ended at each
/// block boundary and `<br>`.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    current: String,
}

impl Lines {
    fn text(&mut self, t: &str) {
        for ch in t.chars() {
            if ch.is_ascii_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(ch);
            }
        }
    }

    fn end_line(&mut self) {
        let line = self.current.trim_matches(char::is_whitespace);
        if !line.is_empty() {
            self.done.push(line.to_owned());
        }
        self.current.clear();
    }

    fn finish(mut self) -> Vec<String> {
        self.end_line();
        self.done
    }
}

/// A step of a depth-first walk: entering a node, or leaving an element.
enum Step<'a> {
    Enter(NodeRef<'a, Node>),
    Leave(&'a str),
}

/// The children of a node, pushed so that the first is visited first.
fn push_children<'a>(stack: &mut Vec<Step<'a>>, node: NodeRef<'a, Node>) {
    let children: Vec<NodeRef<'a, Node>> = node.children().collect();
    for c in children.into_iter().rev() {
        stack.push(Step::Enter(c));
    }
}

/// The element name of a node, if it is an element.
fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(|e| e.name())
}

/// A cell's text: its lines joined with `\n`; nested tables are left out.
fn cell_text(cell: NodeRef<'_, Node>) -> String {
    let mut lines = Lines::default();
    let mut stack = Vec::new();
    push_children(&mut stack, cell);
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(name) => {
                if block(name) {
                    lines.end_line();
                }
            }
            Step::Enter(node) => match node.value() {
                Node::Text(t) => lines.text(t),
                Node::Element(e) => {
                    let name = e.name();
                    if hidden(name) || name == "table" {
                        continue;
                    }
                    if name == "br" {
                        lines.end_line();
                        continue;
                    }
                    if block(name) {
                        lines.end_line();
                    }
                    stack.push(Step::Leave(name));
                    push_children(&mut stack, node);
                }
                _ => {}
            },
        }
    }
    lines.finish().join("\n")
}

/// A `rowspan`/`colspan` value: absent or not a number is 1 (as browsers read it).
fn span(value: Option<&str>) -> Option<usize> {
    value.and_then(|v| {
        let digits: String = v.trim().chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// The rows of a table (its own `<tr>`, not those of nested tables), each as its cells.
fn table_rows(table: NodeRef<'_, Node>) -> Vec<Vec<NodeRef<'_, Node>>> {
    let mut rows = Vec::new();
    let mut stack = Vec::new();
    push_children(&mut stack, table);
    while let Some(step) = stack.pop() {
        let Step::Enter(node) = step else { continue };
        match element_name(&node) {
            Some("table") => {}
            Some("tr") => rows.push(
                node.children()
                    .filter(|c| matches!(element_name(c), Some("td" | "th")))
                    .collect(),
            ),
            Some(_) => push_children(&mut stack, node),
            None => {}
        }
    }
    rows
}

/// A cell's spans in a table of `height` rows: its columns (capped as browsers cap them) and the
/// last row it covers (`rowspan="0"` reaches the last row; a span is cut at the last row).
fn cell_spans(cell: NodeRef<'_, Node>, r: usize, height: usize) -> (usize, usize) {
    let el = cell.value().as_element();
    let colspan = span(el.and_then(|e| e.attr("colspan")))
        .filter(|&n| n > 0)
        .unwrap_or(1)
        .min(MAX_COLSPAN);
    let last_row = match span(el.and_then(|e| e.attr("rowspan"))) {
        Some(0) => height.saturating_sub(1),
        Some(n) => (r + n.max(1) - 1).min(height.saturating_sub(1)),
        None => r,
    };
    (colspan, last_row)
}

/// Occupied positions of a grid being laid out: text of the top-left cell, or None for a
/// covered position.
type Slots = Vec<Vec<Option<Option<String>>>>;

/// Place a cell at row `r`, column `c`, over rows `r..=last_row` and `colspan` columns: its text
/// in the top-left position, the others covered.
fn place_cell(
    slots: &mut Slots,
    (r, c): (usize, usize),
    last_row: usize,
    colspan: usize,
    text: &str,
) {
    for rr in r..=last_row {
        if let Some(row) = slots.get_mut(rr) {
            if row.len() < c + colspan {
                row.resize(c + colspan, None);
            }
            for cc in c..c + colspan {
                if let Some(slot) = row.get_mut(cc) {
                    *slot = Some(if rr == r && cc == c {
                        Some(text.to_owned())
                    } else {
                        None
                    });
                }
            }
        }
    }
}

/// The cells of a laid-out grid, every row padded to `width`, each with its provenance.
fn grid_cells(name: &str, page: u32, slots: Slots, width: usize) -> Vec<Vec<SourceCell>> {
    slots
        .into_iter()
        .enumerate()
        .map(|(r, row)| {
            (0..width)
                .map(|c| {
                    let text = row.get(c).cloned().flatten().flatten().unwrap_or_default();
                    SourceCell::new(
                        text,
                        Provenance {
                            file: name.to_owned(),
                            page: Some(page),
                            sheet: None,
                            row: to_u32(r + 1),
                            column: to_u32(c + 1),
                        },
                    )
                })
                .collect()
        })
        .collect()
}

/// One table as a grid with its spans expanded; more than [`Limits::max_cells`] positions is an
/// [`Error::Limit`] (a row of `<td rowspan=0 colspan=1000>` over ten thousand empty rows would
/// otherwise be ten million cells from a few kilobytes).
fn grid(name: &str, page: u32, table: NodeRef<'_, Node>, limits: &Limits) -> Result<SourceTable> {
    let rows = table_rows(table);
    let height = rows.len();
    let too_many = |size: usize| Error::Limit {
        limit: "max_cells".to_owned(),
        line: 0,
        value: size as u64,
        cap: limits.max_cells,
    };
    let mut filled = 0usize;
    // Occupied positions: text of the top-left cell, or None for a covered position.
    let mut slots: Slots = vec![Vec::new(); height];
    let mut merged = Vec::new();
    for (r, cells) in rows.iter().enumerate() {
        let mut c = 0usize;
        for cell in cells {
            while slots
                .get(r)
                .and_then(|row| row.get(c))
                .is_some_and(Option::is_some)
            {
                c += 1;
            }
            let (colspan, last_row) = cell_spans(*cell, r, height);
            filled = filled.saturating_add((last_row + 1 - r).saturating_mul(colspan));
            if filled as u64 > limits.max_cells {
                return Err(too_many(filled));
            }
            place_cell(&mut slots, (r, c), last_row, colspan, &cell_text(*cell));
            if last_row > r || colspan > 1 {
                merged.push((
                    to_u32(r),
                    to_u32(c),
                    to_u32(last_row),
                    to_u32(c + colspan - 1),
                ));
            }
            c += colspan;
        }
    }
    let width = slots.iter().map(Vec::len).max().unwrap_or(0);
    if (width.saturating_mul(height)) as u64 > limits.max_cells {
        return Err(too_many(width.saturating_mul(height)));
    }
    let rows = grid_cells(name, page, slots, width);
    merged.sort_unstable();
    Ok(SourceTable {
        pages: vec![page],
        sheet: None,
        context: Vec::new(),
        rows,
        merged,
        continuations: Vec::new(),
    })
}

/// The lines of the page's `<title>`: portals print the report's name there.
fn title_lines(html: &Html) -> Vec<SourceLine> {
    let mut stack = Vec::new();
    push_children(&mut stack, html.tree.root());
    let mut titles = Vec::new();
    while let Some(step) = stack.pop() {
        let Step::Enter(node) = step else { continue };
        match element_name(&node) {
            Some("title") => titles.push(cell_text(node)),
            Some("body" | "table") => {}
            Some(_) => push_children(&mut stack, node),
            None => {}
        }
    }
    titles
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| SourceLine::new(1, t.replace('\n', " ")))
        .collect()
}

/// The body of a page as it is read: its lines and tables so far, a table's ordinal its page.
struct Body<'a> {
    name: &'a str,
    limits: &'a Limits,
    lines: Vec<SourceLine>,
    tables: Vec<SourceTable>,
    /// The ordinal of the last table read (0 before the first).
    ordinal: u32,
    /// The text since the last table.
    text_lines: Lines,
}

impl Body<'_> {
    /// Body text and tables in reading order.
    fn read(&mut self, root: NodeRef<'_, Node>) -> Result<()> {
        let mut stack = Vec::new();
        push_children(&mut stack, root);
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave(name) => {
                    if block(name) {
                        self.text_lines.end_line();
                    }
                }
                Step::Enter(node) => match node.value() {
                    Node::Text(t) => self.text_lines.text(t),
                    Node::Element(e) => {
                        let tag = e.name();
                        if hidden(tag) || tag == "title" {
                            continue;
                        }
                        if tag == "br" {
                            self.text_lines.end_line();
                            continue;
                        }
                        if tag == "table" {
                            self.table(node)?;
                            continue;
                        }
                        if block(tag) {
                            self.text_lines.end_line();
                        }
                        stack.push(Step::Leave(tag));
                        push_children(&mut stack, node);
                    }
                    _ => {}
                },
            }
        }
        self.flush();
        Ok(())
    }

    /// The text collected since the last table, as lines on the page of the next table.
    fn flush(&mut self) {
        let page = self.ordinal + 1;
        for l in std::mem::take(&mut self.text_lines).finish() {
            self.lines.push(SourceLine::new(page, l));
        }
    }

    /// This table and the tables nested in it, in document order.
    fn table(&mut self, node: NodeRef<'_, Node>) -> Result<()> {
        self.flush();
        let mut inner = vec![node];
        let mut nested = Vec::new();
        push_children(&mut nested, node);
        while let Some(Step::Enter(n)) = nested.pop() {
            if element_name(&n) == Some("table") {
                inner.push(n);
            }
            push_children(&mut nested, n);
        }
        for (k, t) in inner.into_iter().enumerate() {
            self.ordinal += 1;
            let g = grid(self.name, self.ordinal, t, self.limits)?;
            self.add_grid(g, k == 0);
        }
        Ok(())
    }

    /// A grid read: the outer table's context (the short lines just before it, nearest last),
    /// each row as a line, and the grid kept when it has a row with cells.
    fn add_grid(&mut self, mut g: SourceTable, outer: bool) {
        let ordinal = self.ordinal;
        if outer {
            let before: Vec<SourceLine> = self
                .lines
                .iter()
                .rev()
                .take_while(|l| l.page == ordinal && l.text.chars().count() <= CONTEXT_WIDTH)
                .take(CONTEXT_LINES)
                .cloned()
                .collect();
            g.context = before.into_iter().rev().collect();
        }
        for row in &g.rows {
            let printed: Vec<String> = row
                .iter()
                .map(|c| c.text.replace('\n', ""))
                .filter(|t| !t.trim().is_empty())
                .collect();
            if !printed.is_empty() {
                self.lines.push(SourceLine::new(ordinal, printed.join(" ")));
            }
        }
        if g.rows.iter().any(|r| !r.is_empty()) {
            self.tables.push(g);
        }
    }
}

/// Read an HTML page's bytes.
pub(super) fn read_html(
    name: &str,
    bytes: &[u8],
    encoding: Option<&str>,
    limits: &Limits,
) -> Result<SourceDocument> {
    let text = decode(name, bytes, encoding)?;
    let html = Html::parse_document(&text);
    // The <title> first: portals print the report's name there.
    let mut body = Body {
        name,
        limits,
        lines: title_lines(&html),
        tables: Vec::new(),
        ordinal: 0,
        text_lines: Lines::default(),
    };
    // Body text and tables in reading order; a table's ordinal is its page.
    body.read(html.tree.root())?;
    let Body {
        lines,
        tables,
        ordinal,
        ..
    } = body;
    let pages = lines
        .iter()
        .map(|l| l.page)
        .chain(std::iter::once(ordinal))
        .max()
        .unwrap_or(1)
        .max(1);
    Ok(SourceDocument {
        path: name.to_owned(),
        format: SourceFormat::Html,
        pages,
        lines,
        tables,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> SourceDocument {
        read_html("t.html", html.as_bytes(), None, &Limits::default()).unwrap()
    }

    fn texts(t: &SourceTable) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn spans_are_expanded_like_merged_cells() {
        let d = read(
            "<table><tr><td colspan=3 rowspan=3>（本列）</td><td colspan=7>申请人情况</td></tr>\
             <tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>\
             <tr><td><p>商业</p><p>企业</p></td><td>科研<br/>机构</td><td>社会公益组织</td>\
             <td>法律服务机构</td><td>其他</td></tr>\
             <tr><td colspan=3>一、本年新收</td><td>80</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>81</td></tr>\
             </table>",
        );
        let t = &d.tables[0];
        let g = texts(t);
        assert_eq!(g.len(), 4);
        assert!(g.iter().all(|r| r.len() == 10));
        assert_eq!(g[0][0], "（本列）");
        assert_eq!(g[0][3], "申请人情况");
        assert_eq!(g[1][3], "自然人");
        assert_eq!(g[1][4], "法人或其他组织");
        assert_eq!(g[1][9], "总计");
        assert_eq!(g[2][3], "");
        assert_eq!(g[2][4], "商业\n企业");
        assert_eq!(g[2][5], "科研\n机构");
        assert_eq!(g[2][9], "");
        assert_eq!(g[3][3], "80");
        assert_eq!(g[3][9], "81");
        assert!(t.merged.contains(&(0, 0, 2, 2)));
        assert!(t.merged.contains(&(0, 3, 0, 9)));
        assert!(t.merged.contains(&(1, 3, 2, 3)));
        assert!(t.merged.contains(&(1, 9, 2, 9)));
        let c = &t.rows[3][9];
        assert_eq!((c.at.page, c.at.row, c.at.column), (Some(1), 4, 10));
        assert_eq!(c.at.sheet, None);
    }

    #[test]
    fn lines_titles_and_context() {
        let d = read(
            "<!DOCTYPE html><html><head><title>某区2023年度政府信息公开工作年度报告</title>\
             <script>var x = '<table>';</script><style>p{}</style></head><body>\
             <div>导航</div><p><strong>二、主动公开</strong></p><table><tr><td>a</td><td>1</td></tr></table>\
             <p>三、收到和处理</p><p>单位：件</p><table><tr><td>b</td><td><table><tr><td>x</td></tr></table>2</td></tr></table>\
             <p>五、问题</p></body></html>",
        );
        assert_eq!(d.format, SourceFormat::Html);
        assert_eq!(d.lines[0].text, "某区2023年度政府信息公开工作年度报告");
        assert_eq!(d.lines[0].page, 1);
        let all: Vec<(u32, &str)> = d.lines.iter().map(|l| (l.page, l.text.as_str())).collect();
        assert!(all.contains(&(1, "导航")));
        assert!(all.contains(&(1, "a 1")));
        assert!(all.contains(&(2, "三、收到和处理")));
        assert!(all.contains(&(2, "b 2")));
        assert!(all.contains(&(3, "x")));
        assert!(all.contains(&(4, "五、问题")));
        assert!(!all.iter().any(|(_, t)| t.contains("var x")));
        assert_eq!(d.tables.len(), 3);
        let ctx: Vec<&str> = d.tables[1]
            .context
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(ctx, ["三、收到和处理", "单位：件"]);
        // The nested table is its own grid, not part of its cell.
        assert_eq!(d.tables[1].rows[0][1].text, "2");
        assert_eq!(d.tables[2].pages, [3]);
        assert_eq!(d.pages, 4);
    }

    #[test]
    fn rowspan_is_cut_at_the_last_row_and_zero_reaches_it() {
        let d = read(
            "<table><tr><td rowspan=9>a</td><td rowspan=0>b</td><td>c</td></tr><tr><td>d</td></tr></table>",
        );
        let g = texts(&d.tables[0]);
        assert_eq!(g, [["a", "b", "c"], ["", "", "d"]]);
        assert_eq!(d.tables[0].merged, [(0, 0, 1, 0), (0, 1, 1, 1)]);
    }

    #[test]
    fn charsets() {
        // GB2312 declared in a meta tag: 项目 in GBK.
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><table><tr><td>".to_vec();
        page.extend_from_slice(b"\xCF\xEE\xC4\xBF");
        page.extend_from_slice(b"</td></tr></table></body></html>");
        let d = read_html("g.html", &page, None, &Limits::default()).unwrap();
        assert_eq!(d.tables[0].rows[0][0].text, "项目");
        // Declared UTF-8 but GBK bytes: an error, not mojibake.
        let mut bad = b"<html><head><meta charset=\"utf-8\"></head><body><p>".to_vec();
        bad.extend_from_slice(b"\xCF\xEE\xC4\xBF</p></body></html>");
        let err = read_html("g.html", &bad, None, &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("not valid UTF-8"), "{err}");
        // The read options override the declaration.
        let d = read_html("g.html", &bad, Some("gbk"), &Limits::default()).unwrap();
        assert!(d.lines.iter().any(|l| l.text == "项目"));
        // Another charset is refused by name.
        let err = read_html(
            "b.html",
            b"<meta charset=\"big5\"><p>x</p>",
            None,
            &Limits::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("big5"), "{err}");
        assert_eq!(
            declared_charset(b"<META CHARSET='UTF-8'>"),
            Some("utf-8".into())
        );
        assert_eq!(declared_charset(b"<p>charset=gbk</p>"), None);
    }

    /// Table 3 and Table 4 of the 2021 annual-report template in the shape portals print them:
    /// a three-row header (corner cell colspan=3 rowspan=3, 申请人情况 over 自然人 | 法人或其他组织
    /// colspan=5 | 总计, the organisation labels split over two paragraphs), the results label
    /// rowspan=22 and each group as a rowspan cell; Table 4 with 行政复议 | 行政诉讼 over the
    /// blocks and `结果<br/>纠正` headings.
    fn portal_report(new_total: &str) -> String {
        let zeros = "<td>0</td>".repeat(6);
        let row = |label: &str, n: u32| {
            format!(
                "<tr><td>{label}</td><td>{n}</td>{}<td>{n}</td></tr>",
                "<td>0</td>".repeat(5)
            )
        };
        let mut t3 = String::from(
            "<p>三、收到和处理政府信息公开申请情况</p><table><tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>\
             <tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>\
             <tr><td><p>商业</p><p>企业</p></td><td><p>科研</p><p>机构</p></td><td><p>社会</p><p>公益组织</p></td><td><p>法律</p><p>服务机构</p></td><td>其他</td></tr>",
        );
        t3.push_str(&format!(
            "<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td>{}<td>{new_total}</td></tr>",
            "<td>0</td>".repeat(4)
        ));
        t3.push_str(&format!(
            "<tr><td colspan=3>二、上年结转政府信息公开申请数量</td>{zeros}<td>0</td></tr>"
        ));
        t3.push_str(&format!(
            "<tr><td rowspan=22><p>三、本</p><p>年度办理结果</p></td><td colspan=2>（一）予以公开</td><td>3</td><td>1</td>{}<td>4</td></tr>",
            "<td>0</td>".repeat(4)
        ));
        t3.push_str(&format!("<tr><td colspan=2>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>{zeros}<td>0</td></tr>"));
        let groups: [(&str, &[&str]); 4] = [
            (
                "（三）不予公开",
                &[
                    "1.属于国家秘密",
                    "2.其他法律行政法规禁止公开",
                    "3.危及“三安全一稳定”",
                    "4.保护第三方合法权益",
                    "5.属于三类内部事务信息",
                    "6.属于四类过程性信息",
                    "7.属于行政执法案卷",
                    "8.属于行政查询事项",
                ],
            ),
            (
                "（四）无法提供",
                &[
                    "1.本机关不掌握相关政府信息",
                    "2.没有现成信息需要另行制作",
                    "3.补正后申请内容仍不明确",
                ],
            ),
            (
                "（五）不予处理",
                &[
                    "1.信访举报投诉类申请",
                    "2.重复申请",
                    "3.要求提供公开出版物",
                    "4.无正当理由大量反复申请",
                    "5.要求行政机关确认或重新出具已获取信息",
                ],
            ),
            (
                "（六）其他处理",
                &[
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    "3.其他",
                ],
            ),
        ];
        for (group, rows) in groups {
            for (i, label) in rows.iter().enumerate() {
                let n = u32::from(*label == "1.本机关不掌握相关政府信息") * 2;
                let r = row(label, n);
                if i == 0 {
                    t3.push_str(&r.replacen(
                        "<tr>",
                        &format!("<tr><td rowspan={}>{group}</td>", rows.len()),
                        1,
                    ));
                } else {
                    t3.push_str(&r);
                }
            }
        }
        t3.push_str(&format!(
            "<tr><td colspan=2>（七）总计</td><td>5</td><td>1</td>{}<td>6</td></tr>",
            "<td>0</td>".repeat(4)
        ));
        t3.push_str(&format!(
            "<tr><td colspan=3>四、结转下年度继续办理</td>{zeros}<td>0</td></tr></table>"
        ));
        let t4 = "<p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>\
            <tr><td rowspan=2>结果维持</td><td rowspan=2>结果<br/>纠正</td><td rowspan=2>其他<br/>结果</td><td rowspan=2>尚未<br/>审结</td><td rowspan=2>总计</td>\
            <td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>\
            <tr><td>结果<br/>维持</td><td>结果<br/>纠正</td><td>其他<br/>结果</td><td>尚未<br/>审结</td><td>总计</td>\
            <td>结果<br/>维持</td><td>结果<br/>纠正</td><td>其他<br/>结果</td><td>尚未<br/>审结</td><td>总计</td></tr>\
            <tr><td>1</td><td>1</td><td>0</td><td>0</td><td>2</td><td>4</td><td>0</td><td>0</td><td>1</td><td>5</td><td>1</td><td>0</td><td>1</td><td>0</td><td>2</td></tr></table>";
        format!(
            "<html><head><title>某区2023年度政府信息公开工作年度报告</title></head><body>{t3}{t4}</body></html>"
        )
    }

    #[test]
    fn the_annual_report_tables_are_read_from_portal_grids() {
        use crate::report::{RequestColumn, RequestRow, ReviewBlock, ReviewColumn};
        let d = read(&portal_report("6"));
        assert_eq!(d.tables.len(), 2);
        let (report, findings) = super::super::annual::annual_report_of(&d.tables, Some(2023));
        let report = report.unwrap();
        // Only the note that this page has no Table 2.
        assert!(
            findings
                .iter()
                .all(|f| f.table.as_deref() == Some(crate::report::PROACTIVE_TABLE)),
            "{findings:?}"
        );
        let t3 = report.requests().unwrap();
        let get = |r, c| t3.get(r, c).unwrap();
        assert_eq!(get(RequestRow::New, RequestColumn::NaturalPerson), Some(5));
        assert_eq!(
            get(RequestRow::New, RequestColumn::CommercialEnterprise),
            Some(1)
        );
        assert_eq!(get(RequestRow::New, RequestColumn::Total), Some(6));
        assert_eq!(get(RequestRow::Granted, RequestColumn::Total), Some(4));
        assert_eq!(get(RequestRow::Total, RequestColumn::Total), Some(6));
        let t4 = report.reviews().unwrap();
        assert_eq!(
            t4.get(ReviewBlock::DirectSuit, ReviewColumn::Total),
            Some(5)
        );
        assert_eq!(
            t4.get(ReviewBlock::SuitAfterReview, ReviewColumn::Other),
            Some(1)
        );
    }

    #[test]
    fn a_wrong_total_in_a_portal_grid_is_reported_at_its_table_and_text() {
        let d = read(&portal_report("7"));
        let (_, findings) = super::super::annual::annual_report_of(&d.tables, Some(2023));
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == crate::Severity::Error)
            .collect();
        assert!(!errors.is_empty());
        let f = errors
            .iter()
            .find(|f| f.rule == crate::report::rules::ROW_TOTAL)
            .unwrap();
        assert_eq!((f.page, f.printed.as_deref()), (Some(1), Some("7")));
    }

    #[test]
    fn an_excel_named_page_and_a_page_without_extension_are_read_as_html() {
        let dir = std::env::temp_dir().join(format!("sunlit-html-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = "<html><body><table><tr><td>合计</td><td>1</td></tr></table></body></html>";
        for name in ["portal-export.xls", "page"] {
            let path = dir.join(name);
            std::fs::write(&path, page).unwrap();
            let d = SourceDocument::read(&path, &super::super::ReadOptions::default()).unwrap();
            assert_eq!(d.format, SourceFormat::Html, "{name}");
            assert_eq!(d.tables[0].rows[0][1].text, "1");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved --><HTML>"));
        assert!(looks_like_html(b"<table border=1>"));
        assert!(!looks_like_html(b"%PDF-1.7"));
        assert!(!looks_like_html(b"a,b\n1,2\n"));
        assert!(!looks_like_html(b"<!-- never closed"));
    }
}
