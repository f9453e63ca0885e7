//! The language server (`kaohe lsp`), driven over its protocol in process: a client
//! and the server joined by `lsp_server::Connection::memory()`, each message answered
//! in turn, no test waiting on time.

use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;

use kaohe::locale::Lang;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use lsp_types::notification::{
    DidChangeTextDocument, DidOpenTextDocument, Exit, Initialized, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    Initialize, References, Rename, Shutdown,
};
use lsp_types::*;

/// The server sets the process's language at its handshake: one server at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

struct Client {
    connection: Connection,
    server: Option<JoinHandle<()>>,
    next_id: i32,
    _lock: MutexGuard<'static, ()>,
}

const URI: &str = "file:///rules/county.rule";

fn uri() -> Uri {
    URI.parse().unwrap()
}

impl Client {
    /// A server started and initialised; `lang` as the command line would give it,
    /// `locale` as the editor does.
    fn start(lang: Option<Lang>, locale: Option<&str>) -> (Client, InitializeResult) {
        let lock = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let (server, client) = Connection::memory();
        let handle = std::thread::spawn(move || {
            kaohe::lsp::serve(&server, kaohe::lsp::Options { lang }).expect("the server ends well");
        });
        let mut c = Client {
            connection: client,
            server: Some(handle),
            next_id: 0,
            _lock: lock,
        };
        #[allow(deprecated)]
        let params = InitializeParams {
            locale: locale.map(str::to_string),
            ..Default::default()
        };
        let result = c.request::<Initialize>(params);
        c.notify::<Initialized>(InitializedParams {});
        (c, result)
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.connection
            .sender
            .send(Message::Notification(Notification::new(
                N::METHOD.to_string(),
                params,
            )))
            .unwrap();
    }

    fn request<R: lsp_types::request::Request>(&mut self, params: R::Params) -> R::Result {
        self.try_request::<R>(params)
            .expect("an answer without error")
    }

    fn try_request<R: lsp_types::request::Request>(
        &mut self,
        params: R::Params,
    ) -> Result<R::Result, String> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.connection
            .sender
            .send(Message::Request(Request::new(
                id.clone(),
                R::METHOD.to_string(),
                params,
            )))
            .unwrap();
        loop {
            match self.connection.receiver.recv().expect("the server answers") {
                Message::Response(r) if r.id == id => {
                    return match r.response_result {
                        Ok(result) => Ok(serde_json::from_value(result).unwrap()),
                        Err(e) => Err(e.message),
                    };
                }
                _ => continue,
            }
        }
    }

    /// The diagnostics the server publishes next.
    fn published(&self) -> PublishDiagnosticsParams {
        loop {
            match self
                .connection
                .receiver
                .recv()
                .expect("the server publishes")
            {
                Message::Notification(n) if n.method == PublishDiagnostics::METHOD => {
                    return serde_json::from_value(n.params).unwrap();
                }
                _ => continue,
            }
        }
    }

    /// The hover at a place of the document, in Markdown.
    fn hover(&mut self, place: Position) -> MarkupContent {
        let hover = self
            .request::<HoverRequest>(HoverParams {
                text_document_position_params: at(place.line, place.character),
                work_done_progress_params: Default::default(),
            })
            .expect("a hover");
        let HoverContents::Markup(content) = hover.contents else {
            panic!("markdown")
        };
        content
    }

    fn open(&self, text: &str) -> Vec<Diagnostic> {
        self.notify::<DidOpenTextDocument>(DidOpenTextDocumentParams {
            text_document: TextDocumentItem::new(uri(), "kaohe-rule".into(), 1, text.into()),
        });
        self.published().diagnostics
    }

    fn change(&self, version: i32, text: &str) -> Vec<Diagnostic> {
        self.notify::<DidChangeTextDocument>(DidChangeTextDocumentParams {
            text_document: VersionedTextDocumentIdentifier::new(uri(), version),
            content_changes: vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: text.into(),
            }],
        });
        self.published().diagnostics
    }

    fn shutdown(mut self) {
        self.request::<Shutdown>(());
        self.notify::<Exit>(());
        self.server
            .take()
            .unwrap()
            .join()
            .expect("the server stops");
    }
}

fn at(line: u32, character: u32) -> TextDocumentPositionParams {
    TextDocumentPositionParams::new(
        TextDocumentIdentifier::new(uri()),
        Position::new(line, character),
    )
}

/// The position of the `n`th (0-based) occurrence of `needle` in `text`, plus
/// `units` UTF-16 units, counted here the slow way: character by character.
fn position_of(text: &str, needle: &str, n: usize, units: u32) -> Position {
    let offset = text.match_indices(needle).nth(n).expect("in the text").0;
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = before[line_start..].chars().map(char::len_utf16).sum();
    Position::new(line, column as u32 + units)
}

fn county() -> String {
    std::fs::read_to_string("rules/jiangmen-2020/county.rule").unwrap()
}

/// The county table with `服务公开` (2 points) moved from `主动公开` (30) into
/// `依申请公开` (12): the first now adds up to 28, the second to 14.
fn county_with_item_moved() -> String {
    let text = county();
    let start = text.find("  item 服务公开 2 {").unwrap();
    let end = start + text[start..].find("\n  }\n").unwrap() + "\n  }\n".len();
    let block = text[start..end].to_string();
    let without = format!("{}{}", &text[..start], &text[end..]);
    let at = without.find("section 依申请公开 12 {\n").unwrap() + "section 依申请公开 12 {\n".len();
    format!("{}{}{}", &without[..at], block, &without[at..])
}

#[test]
fn initialize_offers_the_features_and_shutdown_ends_the_server() {
    let (client, result) = Client::start(Some(Lang::En), None);
    let caps = result.capabilities;
    assert!(caps.hover_provider.is_some());
    assert!(caps.completion_provider.is_some());
    assert!(caps.rename_provider.is_some());
    assert!(caps.document_formatting_provider.is_some());
    assert!(caps.document_symbol_provider.is_some());
    assert!(caps.folding_range_provider.is_some());
    assert!(caps.code_action_provider.is_some());
    assert_eq!(result.server_info.unwrap().name, "kaohe");
    client.shutdown();
}

#[test]
fn the_county_table_is_clean_and_a_moved_item_gives_the_two_sums() {
    let (client, _) = Client::start(Some(Lang::En), None);
    assert_eq!(client.open(&county()), Vec::new());
    let moved = county_with_item_moved();
    let diagnostics = client.change(2, &moved);
    assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
    // Line 37 of the file, `section 主动公开 30 {`: `30` after 8 + 4 + 1 units.
    let first = &diagnostics[0];
    assert_eq!(
        first.range,
        Range::new(Position::new(36, 13), Position::new(36, 15))
    );
    assert_eq!(
        first.code,
        Some(NumberOrString::String("kaohe::points::sum".into()))
    );
    assert!(
        first.message.contains("`主动公开` add up to 28, not 30"),
        "{}",
        first.message
    );
    assert_eq!(first.source.as_deref(), Some("kaohe"));
    assert_eq!(first.severity, Some(DiagnosticSeverity::ERROR));
    // `section 依申请公开 12 {`, after the moved item's lines were taken out above it.
    let second = &diagnostics[1];
    let heading = position_of(&moved, "section 依申请公开 12", 0, 14);
    assert_eq!(
        second.range,
        Range::new(heading, Position::new(heading.line, 16))
    );
    assert!(
        second.message.contains("add up to 14, not 12"),
        "{}",
        second.message
    );
    // Each points to the other heading.
    let related = first
        .related_information
        .as_ref()
        .expect("related information");
    assert_eq!(related.len(), 1);
    assert_eq!(related[0].location.range, second.range);
    let related = second
        .related_information
        .as_ref()
        .expect("related information");
    assert_eq!(related[0].location.range, first.range);
    client.shutdown();
}

#[test]
fn ranges_count_utf16_units_after_an_astral_character() {
    let (client, _) = Client::start(Some(Lang::En), None);
    let text = "rubric 表\ntotal 4\nitem 𠀀指标 4 {\n  fact 𠀀甲 bool\n  if 𠀀甲 and 乙𠀀 -1\n}\n";
    let diagnostics = client.open(text);
    let undeclared: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.message.contains("乙𠀀"))
        .collect();
    assert_eq!(undeclared.len(), 1, "{diagnostics:#?}");
    // `  if 𠀀甲 and `: 2 + 2 + 1 + 2 + 1 + 1 + 3 + 1 = 13 units; `乙𠀀` is 3 more.
    assert_eq!(
        undeclared[0].range,
        Range::new(Position::new(4, 13), Position::new(4, 16))
    );
    client.shutdown();
}

#[test]
fn hover_on_an_item_gives_its_points_criterion_reach_and_section_sum() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = county();
    client.open(&text);
    let place = position_of(&text, "决策预公开", 0, 2);
    // The whole answer here, for its range.
    let hover = client
        .request::<HoverRequest>(HoverParams {
            text_document_position_params: at(place.line, place.character),
            work_done_progress_params: Default::default(),
        })
        .expect("a hover");
    let HoverContents::Markup(content) = hover.contents else {
        panic!("markdown")
    };
    let value = content.value;
    assert!(value.contains("item `决策预公开`: 4 points"), "{value}");
    assert!(
        value.contains("重大决策出台前未做意见征集, 扣 2 分"),
        "{value}"
    );
    assert!(value.contains("held within 0 and 4"), "{value}");
    assert!(
        value.contains("Section `主动公开` has 30 points"),
        "{value}"
    );
    let start = position_of(&text, "决策预公开", 0, 0);
    assert_eq!(
        hover.range,
        Some(Range::new(
            start,
            Position::new(start.line, start.character + 5)
        ))
    );

    // On a fact: its type, description and the clause that reads it.
    let place = position_of(&text, "未提供征集有效期", 1, 1);
    let content = client.hover(place);
    assert!(
        content.value.contains("fact `未提供征集有效期`: bool"),
        "{}",
        content.value
    );
    assert!(
        content.value.contains("意见征集未提供征集有效期"),
        "{}",
        content.value
    );
    assert!(
        content.value.contains("if 未提供征集有效期 -1"),
        "{}",
        content.value
    );

    // On a keyword: its line of documentation.
    let place = position_of(&text, "per 未标记失效文件数", 0, 1);
    let content = client.hover(place);
    assert!(
        content.value.contains("once per finding"),
        "{}",
        content.value
    );
    client.shutdown();
}

#[test]
fn hover_on_an_item_of_a_pooled_section_gives_no_lowest() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = std::fs::read_to_string("rules/examples/pooled-2023.rule").unwrap();
    client.open(&text);
    let hover_on =
        |client: &mut Client, needle: &str| client.hover(position_of(&text, needle, 0, 2)).value;
    // 政策文件公开 8: `per 未公开文件数 -2` without limit, held at most at 8.
    let value = hover_on(&mut client, "政策文件公开");
    assert!(
        value.contains("can take it from -∞ to 8, and it is held within no lowest of its own (its section is pooled) and 8"),
        "{value}"
    );
    // 答复规范, outside the pooled section, keeps its own 0.
    let value = hover_on(&mut client, "答复规范");
    assert!(value.contains("held within 0 and 10"), "{value}");
    // A bonus without a cap says so, never "0 points", on its item and its section.
    let value = hover_on(&mut client, "受表彰 none");
    assert!(
        value.contains("item `受表彰`: no cap (不设上限)"),
        "{value}"
    );
    assert!(!value.contains("0 points"), "{value}");
    let value = hover_on(&mut client, "表彰奖励");
    assert_eq!(
        value,
        "`表彰奖励` has no cap (不设上限): all that its parts give or take counts."
    );
    // A penalty section's points are a cap, not a budget its parts add up to.
    let value = hover_on(&mut client, "倒扣分 20");
    assert_eq!(
        value,
        "`倒扣分` has a cap, not a budget: its parts (泄密事件 20) count for 20 points at the most."
    );
    client.shutdown();
}

#[test]
fn hover_on_a_weighted_item_works_its_points_out_as_the_checker_does() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = std::fs::read_to_string("rules/examples/tables-2023.rule").unwrap();
    client.open(&text);
    // 政策文件公开 is 40% of 主动公开, itself 50% of 100: 20 points, held within 0 and 20.
    let place = position_of(&text, "政策文件公开 40%", 0, 2);
    let content = client.hover(place);
    assert!(
        content
            .value
            .contains("item `政策文件公开`: 20 (40%) points"),
        "{}",
        content.value
    );
    // Its section: 50% of 100, and its parts 10 + 20 + 20.
    assert!(
        content
            .value
            .contains("Section `主动公开` has 50 points; its parts add up to it"),
        "{}",
        content.value
    );
    assert!(
        content.value.contains("held within 0 and 20"),
        "{}",
        content.value
    );
    client.shutdown();
}

#[test]
fn hover_and_diagnostics_speak_the_editors_language() {
    let (mut client, _) = Client::start(None, Some("zh-CN"));
    let diagnostics = client.open(&county_with_item_moved());
    assert!(
        diagnostics[0].message.contains("主动公开"),
        "{}",
        diagnostics[0].message
    );
    assert!(
        !diagnostics[0].message.contains("add up"),
        "{}",
        diagnostics[0].message
    );
    let text = county();
    client.change(2, &text);
    let place = position_of(&text, "决策预公开", 0, 0);
    let content = client.hover(place);
    assert!(
        content.value.contains("指标 `决策预公开`:4 分"),
        "{}",
        content.value
    );
    client.shutdown();
}

fn labels(completion: Option<CompletionResponse>) -> Vec<String> {
    match completion.expect("completions") {
        CompletionResponse::Array(items) => items.into_iter().map(|i| i.label).collect(),
        CompletionResponse::List(list) => list.items.into_iter().map(|i| i.label).collect(),
    }
}

fn complete(client: &mut Client, place: Position) -> Vec<String> {
    labels(client.request::<Completion>(CompletionParams {
        text_document_position: at(place.line, place.character),
        work_done_progress_params: Default::default(),
        partial_result_params: Default::default(),
        context: None,
    }))
}

#[test]
fn completion_inside_except_gives_the_members() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = county();
    client.open(&text);
    // `per 通报 except {` typed in the item that declares the tally 通报, the file
    // broken while it is typed.
    let anchor = "    fact 通报 tally {国办, 省府办, 市府办} \"2020年本地区政府网站与新媒体被各级通报的次数\"\n";
    let typed = text.replacen(anchor, &format!("{anchor}    per 通报 except {{"), 1);
    client.change(2, &typed);
    let place = position_of(
        &typed,
        "per 通报 except {",
        0,
        "per 通报 except {".chars().count() as u32,
    );
    assert_eq!(complete(&mut client, place), ["国办", "省府办", "市府办"]);
    // Inside `[...]`.
    let typed = text.replacen(anchor, &format!("{anchor}    if 通报[省"), 1);
    client.change(3, &typed);
    let place = position_of(&typed, "if 通报[省", 0, 6);
    assert_eq!(complete(&mut client, place), ["国办", "省府办", "市府办"]);
    client.shutdown();
}

#[test]
fn completion_in_an_item_gives_statement_keywords_facts_and_snippets() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = county();
    let typed = text.replacen(
        "    if 未做意见征集 -2\n",
        "    if 未做意见征集 -2\n    \n",
        1,
    );
    client.open(&typed);
    let place = position_of(&typed, "    if 未做意见征集 -2\n", 0, 0);
    let labels = complete(&mut client, Position::new(place.line + 1, 4));
    for word in ["fact", "if", "per", "missing", "deadline", "text", "note"] {
        assert!(labels.contains(&word.to_string()), "{word} in {labels:?}");
    }
    // After the effect of the line before, its modifiers too.
    assert!(labels.contains(&"floor".to_string()), "{labels:?}");
    assert!(!labels.contains(&"rubric".to_string()), "{labels:?}");
    // `if ` is followed by a fact of the item.
    let typed = typed.replacen(
        "    if 未做意见征集 -2\n    \n",
        "    if 未做意见征集 -2\n    if \n",
        1,
    );
    client.change(2, &typed);
    let labels = complete(&mut client, Position::new(place.line + 1, 7));
    assert!(
        labels.contains(&"未提供征集有效期".to_string()),
        "{labels:?}"
    );
    assert!(labels.contains(&"not".to_string()), "{labels:?}");
    // Between two sections: the item and section keywords, and the item snippet.
    client.change(3, &text);
    let place = position_of(&text, "section 依申请公开", 0, 0);
    let labels = complete(&mut client, place);
    assert!(labels.contains(&"section".to_string()), "{labels:?}");
    assert!(
        labels.iter().filter(|l| *l == "item").count() == 2,
        "{labels:?}"
    );
    client.shutdown();
}

#[test]
fn rename_a_fact_renames_it_in_its_item_only() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = county();
    client.open(&text);
    let place = position_of(&text, "fact 未做意见征集", 0, 5);
    let edit = client
        .request::<Rename>(RenameParams {
            text_document_position: at(place.line, place.character),
            new_name: "未征集意见".into(),
            work_done_progress_params: Default::default(),
        })
        .expect("an edit");
    let edits = edit.changes.unwrap().remove(&uri()).unwrap();
    // The declaration and the `if` that reads it (the comments are not touched).
    assert_eq!(edits.len(), 2, "{edits:#?}");
    let renamed = apply(&text, edits);
    assert!(renamed.contains("fact 未征集意见 bool"));
    assert!(renamed.contains("if 未征集意见 -2"));
    assert_eq!(client.change(2, &renamed), Vec::new());

    // Not a name: refused, with the reason.
    let refused = client.try_request::<Rename>(RenameParams {
        text_document_position: at(place.line, place.character),
        new_name: "if".into(),
        work_done_progress_params: Default::default(),
    });
    assert!(refused.unwrap_err().contains("cannot be a name"));

    // Definition and references of a fact: none for the same word in a text.
    let in_text = position_of(&renamed, "标题、文号", 0, 0);
    let definition = client.request::<GotoDefinition>(GotoDefinitionParams {
        text_document_position_params: at(in_text.line, in_text.character),
        work_done_progress_params: Default::default(),
        partial_result_params: Default::default(),
    });
    assert!(definition.is_none(), "the text's 标题 is no name");
    let fact = position_of(&renamed, "missing 答复书要素", 0, 9);
    let definition = client
        .request::<GotoDefinition>(GotoDefinitionParams {
            text_document_position_params: at(fact.line, fact.character),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("a definition");
    let GotoDefinitionResponse::Scalar(location) = definition else {
        panic!("one place")
    };
    assert_eq!(
        location.range.start,
        position_of(&renamed, "答复书要素 set", 0, 0)
    );
    let references = client
        .request::<References>(ReferenceParams {
            text_document_position: at(fact.line, fact.character),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
            context: ReferenceContext {
                include_declaration: true,
            },
        })
        .expect("references");
    assert_eq!(references.len(), 2);
    client.shutdown();
}

/// The references of a fact at a place, the declaration included.
fn references_at(client: &mut Client, place: Position) -> Vec<Location> {
    client
        .request::<References>(ReferenceParams {
            text_document_position: at(place.line, place.character),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
            context: ReferenceContext {
                include_declaration: true,
            },
        })
        .expect("references")
}

#[test]
fn references_reach_into_give_and_a_deadline_over_several_dates() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = std::fs::read_to_string("rules/examples/discretion-2023.rule").unwrap();
    assert_eq!(client.open(&text), Vec::new());

    // The discretion fact of `if … give`: its declaration and the clause; the
    // condition's fact likewise.
    let given = position_of(&text, "give 执行酌情分", 0, 6);
    let starts: Vec<Position> = references_at(&mut client, given)
        .iter()
        .map(|l| l.range.start)
        .collect();
    assert_eq!(
        starts,
        vec![
            position_of(&text, "执行酌情分 discretion", 0, 0),
            position_of(&text, "执行酌情分", 1, 0),
        ]
    );
    let condition = position_of(&text, "if 未按制度实施 give", 0, 4);
    assert_eq!(references_at(&mut client, condition).len(), 2);

    // The second date of `deadline {A, B}` is a reference as the first is.
    let second = position_of(&text, "统计表日期} by", 0, 1);
    let found = references_at(&mut client, second);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found
        .iter()
        .any(|l| l.range.start == position_of(&text, "统计表日期} by", 0, 0)));
    client.shutdown();
}

/// A text with edits applied, by the positions the server gave.
fn apply(text: &str, mut edits: Vec<TextEdit>) -> String {
    let index = kaohe::lsp::positions::LineIndex::new(text);
    edits.sort_by_key(|e| std::cmp::Reverse((e.range.start.line, e.range.start.character)));
    let mut out = text.to_string();
    for e in edits {
        let span = index.span(text, e.range);
        out.replace_range(span.start..span.end, &e.new_text);
    }
    out
}

#[test]
fn formatting_gives_the_formatters_layout() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = "rubric 表\ntotal 4\nitem 甲 4 {\nfact 乙 bool   \"说明\"\n      if 乙 -1\n}\n";
    client.open(text);
    let edits = client
        .request::<Formatting>(DocumentFormattingParams {
            text_document: TextDocumentIdentifier::new(uri()),
            options: Default::default(),
            work_done_progress_params: Default::default(),
        })
        .expect("edits");
    let formatted = apply(text, edits);
    let expected =
        kaohe::formatter::format(&kaohe::source::SourceFile::new("a.rule", text)).unwrap();
    assert_eq!(formatted, expected);
    assert!(
        formatted.contains("\n  fact 乙 bool \"说明\"\n  if 乙 -1\n"),
        "{formatted}"
    );
    // Formatted, nothing more to do.
    client.change(2, &formatted);
    let edits = client.request::<Formatting>(DocumentFormattingParams {
        text_document: TextDocumentIdentifier::new(uri()),
        options: Default::default(),
        work_done_progress_params: Default::default(),
    });
    assert_eq!(edits, Some(Vec::new()));
    client.shutdown();
}

#[test]
fn quick_fixes_for_a_full_width_digit_and_a_misspelt_fact() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = "rubric 表\ntotal 4\nitem 甲 4 {\n  fact 未标记条数 count\n  per 未标记条数 -1 floor ０\n}\n";
    let diagnostics = client.open(text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let range = diagnostics[0].range;
    let actions = client
        .request::<CodeActionRequest>(CodeActionParams {
            text_document: TextDocumentIdentifier::new(uri()),
            range,
            context: CodeActionContext {
                diagnostics,
                ..Default::default()
            },
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("actions");
    assert_eq!(actions.len(), 1);
    let CodeActionOrCommand::CodeAction(action) = &actions[0] else {
        panic!("an action")
    };
    assert_eq!(action.title, "replace `０` with `0`");
    let edits = action
        .edit
        .clone()
        .unwrap()
        .changes
        .unwrap()
        .remove(&uri())
        .unwrap();
    let fixed = apply(text, edits);
    assert!(fixed.contains("floor 0\n"));

    let misspelt = fixed.replace("per 未标记条数", "per 未标记条");
    let diagnostics = client.change(2, &misspelt);
    // The name read is not declared, and the one declared is not read.
    assert_eq!(diagnostics.len(), 2, "{diagnostics:#?}");
    let undeclared = diagnostics
        .iter()
        .find(|d| d.message.contains("did you mean `未标记条数`?"))
        .expect("a did-you-mean");
    let actions = client
        .request::<CodeActionRequest>(CodeActionParams {
            text_document: TextDocumentIdentifier::new(uri()),
            range: undeclared.range,
            context: Default::default(),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("actions");
    let CodeActionOrCommand::CodeAction(action) = &actions[0] else {
        panic!("an action")
    };
    let edits = action
        .edit
        .clone()
        .unwrap()
        .changes
        .unwrap()
        .remove(&uri())
        .unwrap();
    assert_eq!(apply(&misspelt, edits), fixed);
    assert_eq!(client.change(3, &fixed), Vec::new());
    client.shutdown();
}

#[test]
fn the_outline_lists_sections_and_items_with_their_points() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    client.open(&county());
    let Some(DocumentSymbolResponse::Nested(symbols)) =
        client.request::<DocumentSymbolRequest>(DocumentSymbolParams {
            text_document: TextDocumentIdentifier::new(uri()),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
    else {
        panic!("nested symbols")
    };
    let sections: Vec<(String, Option<String>)> = symbols
        .iter()
        .map(|s| (s.name.clone(), s.detail.clone()))
        .collect();
    assert_eq!(
        sections[0],
        ("主动公开".to_string(), Some("30".to_string()))
    );
    assert_eq!(sections.len(), 6);
    let first = &symbols[0].children.as_ref().unwrap()[0];
    assert_eq!(
        (first.name.as_str(), first.detail.as_deref()),
        ("决策预公开", Some("4"))
    );
    client.shutdown();
}

/// Every keyword of the grammar (`kw_` rules of grammar/rule.pest) has its line of
/// documentation in both catalogues, under the name `keyword_of` gives its rule: a
/// keyword added to the grammar without one fails here.
#[test]
fn every_keyword_of_the_grammar_has_a_hover_in_both_languages() {
    let grammar = std::fs::read_to_string("grammar/rule.pest").unwrap();
    let mut count = 0;
    for line in grammar.lines() {
        let Some(rest) = line.strip_prefix("kw_") else {
            continue;
        };
        let rule = rest.split_whitespace().next().unwrap();
        let word = line.split('"').nth(1).expect("a keyword's text");
        assert_eq!(
            rule.replace('_', "-"),
            word,
            "the rule kw_{rule} reads `{word}`"
        );
        assert!(kaohe::lsp::keywords::is_keyword(word), "{word}");
        for lang in Lang::ALL {
            assert!(
                kaohe::locale::has_message(lang, &kaohe::lsp::keywords::doc_id(word)),
                "`{word}` has no hover text in locales/{}/lsp.ftl",
                lang.tag()
            );
        }
        count += 1;
    }
    assert!(count >= 50, "{count} keywords read from the grammar");
}

/// The editors' highlighting lists the keywords itself (a TextMate grammar and a
/// Notepad++ language cannot ask the server): each keyword of the grammar is in
/// editors/vscode's grammar and in editors/notepad++'s lists, so a keyword added
/// later is caught here.
#[test]
fn the_editors_highlight_every_keyword_of_the_grammar() {
    let textmate =
        std::fs::read_to_string("editors/vscode/syntaxes/kaohe-rule.tmLanguage.json").unwrap();
    let textmate: serde_json::Value = serde_json::from_str(&textmate).unwrap();
    let patterns = textmate["repository"]["keywords"]["patterns"]
        .as_array()
        .expect("the keywords' patterns");
    let alternatives: Vec<String> = patterns
        .iter()
        .flat_map(|p| {
            let m = p["match"].as_str().unwrap();
            let inner = &m[m.find("(?:").unwrap() + 3..m.rfind(')').unwrap()];
            let inner = inner[..inner.rfind(')').unwrap_or(inner.len())].to_string();
            inner
                .split('|')
                .map(|w| w.replace("\\-", "-"))
                .collect::<Vec<_>>()
        })
        .collect();
    let notepad = std::fs::read_to_string("editors/notepad++/kaohe-rule.xml").unwrap();
    let notepad_words: Vec<&str> = notepad
        .lines()
        .filter(|l| l.contains("<Keywords name=\"Keywords"))
        .flat_map(|l| {
            let start = l.find('>').unwrap() + 1;
            let end = l.rfind("</").unwrap();
            l[start..end].split_whitespace()
        })
        .collect();
    let keywords = kaohe::lsp::keywords::all();
    assert!(keywords.len() >= 50, "{keywords:?}");
    for word in &keywords {
        assert!(
            alternatives.contains(word),
            "`{word}` is not highlighted by editors/vscode/syntaxes/kaohe-rule.tmLanguage.json"
        );
        assert!(
            notepad_words.contains(&word.as_str()),
            "`{word}` is not highlighted by editors/notepad++/kaohe-rule.xml"
        );
    }
}

#[test]
fn folding_ranges_and_prepare_rename() {
    use lsp_types::request::{FoldingRangeRequest, PrepareRenameRequest};
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = county();
    client.open(&text);
    let ranges = client
        .request::<FoldingRangeRequest>(FoldingRangeParams {
            text_document: TextDocumentIdentifier::new(uri()),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("ranges");
    // The first section folds from its heading to its closing brace.
    let heading = position_of(&text, "section 主动公开 30 {", 0, 0).line;
    let close = position_of(&text, "\n}\n", 0, 0).line + 1;
    assert!(
        ranges
            .iter()
            .any(|r| r.start_line == heading && r.end_line == close),
        "{heading}..{close} in {ranges:?}"
    );
    // The header's comments fold as one.
    assert!(ranges
        .iter()
        .any(|r| r.start_line == 0 && r.kind == Some(FoldingRangeKind::Comment)));

    // A fact's name can be renamed, a keyword cannot.
    let fact = position_of(&text, "fact 未做意见征集", 0, 6);
    let range = client.request::<PrepareRenameRequest>(at(fact.line, fact.character));
    let start = position_of(&text, "fact 未做意见征集", 0, 5);
    assert_eq!(
        range,
        Some(PrepareRenameResponse::Range(Range::new(
            start,
            Position::new(start.line, start.character + 6)
        )))
    );
    let keyword = position_of(&text, "fact 未做意见征集", 0, 1);
    assert_eq!(
        client.request::<PrepareRenameRequest>(at(keyword.line, keyword.character)),
        None
    );
    client.shutdown();
}

#[test]
fn a_quick_fix_for_a_misspelt_keyword() {
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = "rubric 表\ntotal 4\nitem 甲 4 {\n  fcat 乙 bool\n  if 乙 -4\n}\n";
    let diagnostics = client.open(text);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(
        diagnostics[0].range,
        Range::new(Position::new(3, 2), Position::new(3, 6))
    );
    let actions = client
        .request::<CodeActionRequest>(CodeActionParams {
            text_document: TextDocumentIdentifier::new(uri()),
            range: diagnostics[0].range,
            context: Default::default(),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        })
        .expect("actions");
    let CodeActionOrCommand::CodeAction(action) = &actions[0] else {
        panic!("an action")
    };
    assert_eq!(action.title, "replace `fcat` with `fact`");
    let edits = action
        .edit
        .clone()
        .unwrap()
        .changes
        .unwrap()
        .remove(&uri())
        .unwrap();
    let fixed = apply(text, edits);
    assert_eq!(client.change(2, &fixed), Vec::new());
    client.shutdown();
}

#[test]
fn formatting_changes_only_the_lines_that_change_and_a_range_only_its_lines() {
    use lsp_types::request::RangeFormatting;
    let (mut client, _) = Client::start(Some(Lang::En), None);
    let text = "rubric 表\ntotal 4\nitem 甲 4 {\n    fact 乙 bool\n  fact 丙 bool\n      if 乙 -1\n  if 丙 -1\n}\n";
    client.open(text);
    let edits = client
        .request::<Formatting>(DocumentFormattingParams {
            text_document: TextDocumentIdentifier::new(uri()),
            options: Default::default(),
            work_done_progress_params: Default::default(),
        })
        .expect("edits");
    // Lines 3 and 5 change; the lines between are left alone.
    let lines: Vec<u32> = edits.iter().map(|e| e.range.start.line).collect();
    assert_eq!(lines, [3, 5], "{edits:#?}");
    // The range of line 5 alone: only its edit.
    let edits = client
        .request::<RangeFormatting>(DocumentRangeFormattingParams {
            text_document: TextDocumentIdentifier::new(uri()),
            range: Range::new(Position::new(5, 0), Position::new(5, 3)),
            options: Default::default(),
            work_done_progress_params: Default::default(),
        })
        .expect("edits");
    assert_eq!(edits.len(), 1, "{edits:#?}");
    assert_eq!(
        apply(text, edits),
        text.replace("      if 乙 -1", "  if 乙 -1")
    );
    client.shutdown();
}
