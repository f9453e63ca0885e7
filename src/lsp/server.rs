//! The server's loop: the handshake, then one message at a time — a document opened,
//! changed or closed is checked again and its diagnostics published; a request is
//! answered from what is known of its document — until `shutdown` and `exit`.
//!
//! The language of the diagnostics and hovers is chosen at the handshake: the one the
//! command line names (`--lang` or `KAOHE_LANG`), else the editor's (`locale` of
//! `initialize`), else the system's, as for every kaohe command.

use std::panic::{self, AssertUnwindSafe};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, FoldingRangeRequest, Formatting,
    GotoDefinition, HoverRequest, PrepareRenameRequest, RangeFormatting, References, Rename,
    Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, DocumentSymbolResponse,
    FoldingRangeProviderCapability, GotoDefinitionResponse, Hover, HoverContents,
    HoverProviderCapability, InitializeParams, InitializeResult, MarkupContent, MarkupKind, OneOf,
    PrepareRenameResponse, PublishDiagnosticsParams, RenameOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::locale::{self, Lang};

use super::documents::{Document, Documents};
use super::{actions, completion, diagnostics, formatting, hover, navigation, symbols};

/// What the command line gives the server.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The language the command line names (`--lang`, `KAOHE_LANG`), which the
    /// editor's does not override.
    pub lang: Option<Lang>,
}

/// Why the server stopped other than by `exit`.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// Serves over standard input and output until the editor says `exit`.
pub fn serve_stdio(options: Options) -> Result<(), Error> {
    let (connection, threads) = Connection::stdio();
    serve(&connection, options)?;
    drop(connection);
    threads.join()?;
    Ok(())
}

/// Serves one editor over a connection until `shutdown` and `exit`.
pub fn serve(connection: &Connection, options: Options) -> Result<(), Error> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let lang = options
        .lang
        .or_else(|| params.locale.as_deref().and_then(Lang::from_tag))
        .unwrap_or_else(locale::current);
    locale::set_current(lang);
    let result = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "kaohe".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let mut documents = Documents::default();
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let id = request.id.clone();
                // A fault of kaohe's on one request is answered as such, and the
                // server goes on serving the editor.
                let response =
                    panic::catch_unwind(AssertUnwindSafe(|| answer(&documents, request)))
                        .unwrap_or_else(|_| {
                            Response::new_err(
                                id,
                                ErrorCode::InternalError as i32,
                                "kaohe failed on this request: please report it with the rule file"
                                    .to_string(),
                            )
                        });
                connection.sender.send(response.into())?;
            }
            Message::Notification(notification) => {
                if notification.method == "exit" {
                    return Ok(());
                }
                let changed =
                    panic::catch_unwind(AssertUnwindSafe(|| notify(&mut documents, notification)))
                        .unwrap_or_default();
                if let Some((uri, published)) = changed {
                    let params = PublishDiagnosticsParams::new(uri, published, None);
                    connection.sender.send(
                        Notification::new(PublishDiagnostics::METHOD.to_string(), params).into(),
                    )?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// What the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["[".to_string(), "{".to_string(), " ".to_string()]),
            ..Default::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_range_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

/// A document opened, changed or closed: its address and its new diagnostics.
fn notify(
    documents: &mut Documents,
    notification: Notification,
) -> Option<(Uri, Vec<lsp_types::Diagnostic>)> {
    let method = notification.method.as_str();
    if method == DidOpenTextDocument::METHOD {
        let params: lsp_types::DidOpenTextDocumentParams =
            serde_json::from_value(notification.params).ok()?;
        let uri = params.text_document.uri;
        documents.set(uri.clone(), params.text_document.text);
        Some((uri.clone(), published(&uri, documents.get(&uri)?)))
    } else if method == DidChangeTextDocument::METHOD {
        let params: lsp_types::DidChangeTextDocumentParams =
            serde_json::from_value(notification.params).ok()?;
        let uri = params.text_document.uri;
        // The sync is full: the last change is the whole text.
        let text = params.content_changes.into_iter().last()?.text;
        documents.set(uri.clone(), text);
        Some((uri.clone(), published(&uri, documents.get(&uri)?)))
    } else if method == DidCloseTextDocument::METHOD {
        let params: lsp_types::DidCloseTextDocumentParams =
            serde_json::from_value(notification.params).ok()?;
        documents.close(&params.text_document.uri);
        Some((params.text_document.uri, Vec::new()))
    } else {
        None
    }
}

fn published(uri: &Uri, document: &Document) -> Vec<lsp_types::Diagnostic> {
    diagnostics::of_document(uri, document)
}

/// The answer to a request.
fn answer(documents: &Documents, request: Request) -> Response {
    let id = request.id.clone();
    match request.method.as_str() {
        HoverRequest::METHOD => on(id, request, |p: lsp_types::HoverParams| {
            let at = p.text_document_position_params;
            let document = open(documents, &at.text_document.uri)?;
            Ok(
                hover::at(document, document.offset(at.position)).map(|(value, span)| Hover {
                    contents: HoverContents::Markup(MarkupContent {
                        kind: MarkupKind::Markdown,
                        value,
                    }),
                    range: Some(document.range(span)),
                }),
            )
        }),
        Completion::METHOD => on(id, request, |p: lsp_types::CompletionParams| {
            let at = p.text_document_position;
            let document = open(documents, &at.text_document.uri)?;
            Ok(completion::at(document, document.offset(at.position)))
        }),
        GotoDefinition::METHOD => on(id, request, |p: lsp_types::GotoDefinitionParams| {
            let at = p.text_document_position_params;
            let uri = at.text_document.uri;
            let document = open(documents, &uri)?;
            Ok(
                navigation::definition(&uri, document, document.offset(at.position))
                    .map(GotoDefinitionResponse::Scalar),
            )
        }),
        References::METHOD => on(id, request, |p: lsp_types::ReferenceParams| {
            let at = p.text_document_position;
            let uri = at.text_document.uri;
            let document = open(documents, &uri)?;
            Ok(navigation::references(
                &uri,
                document,
                document.offset(at.position),
                p.context.include_declaration,
            ))
        }),
        PrepareRenameRequest::METHOD => {
            on(id, request, |p: lsp_types::TextDocumentPositionParams| {
                let document = open(documents, &p.text_document.uri)?;
                Ok(
                    navigation::prepare_rename(document, document.offset(p.position))
                        .map(|span| PrepareRenameResponse::Range(document.range(span))),
                )
            })
        }
        Rename::METHOD => on(id, request, |p: lsp_types::RenameParams| {
            let at = p.text_document_position;
            let uri = at.text_document.uri;
            let document = open(documents, &uri)?;
            navigation::rename(&uri, document, document.offset(at.position), &p.new_name)
                .map_err(|message| (ErrorCode::InvalidParams, message))
        }),
        Formatting::METHOD => on(id, request, |p: lsp_types::DocumentFormattingParams| {
            let document = open(documents, &p.text_document.uri)?;
            Ok(formatting::format(document))
        }),
        RangeFormatting::METHOD => on(
            id,
            request,
            |p: lsp_types::DocumentRangeFormattingParams| {
                let document = open(documents, &p.text_document.uri)?;
                Ok(formatting::format_range(document, p.range))
            },
        ),
        DocumentSymbolRequest::METHOD => on(id, request, |p: lsp_types::DocumentSymbolParams| {
            let document = open(documents, &p.text_document.uri)?;
            Ok(DocumentSymbolResponse::Nested(symbols::outline(document)))
        }),
        FoldingRangeRequest::METHOD => on(id, request, |p: lsp_types::FoldingRangeParams| {
            let document = open(documents, &p.text_document.uri)?;
            Ok(symbols::folding(document))
        }),
        CodeActionRequest::METHOD => on(id, request, |p: lsp_types::CodeActionParams| {
            let uri = p.text_document.uri;
            let document = open(documents, &uri)?;
            Ok(actions::at(&uri, document, document.span(p.range)))
        }),
        method => Response::new_err(
            id,
            ErrorCode::MethodNotFound as i32,
            format!("unknown request `{method}`"),
        ),
    }
}

/// The response to a request whose parameters are `P`, from a handler that gives the
/// result or an error with its code.
fn on<P: DeserializeOwned, R: Serialize>(
    id: RequestId,
    request: Request,
    handler: impl FnOnce(P) -> Result<R, (ErrorCode, String)>,
) -> Response {
    let params: P = match serde_json::from_value(request.params) {
        Ok(p) => p,
        Err(e) => {
            return Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string());
        }
    };
    match handler(params) {
        Ok(result) => Response::new_ok(id, result),
        Err((code, message)) => Response::new_err(id, code as i32, message),
    }
}

/// The open document at an address, or the error that it is not open.
fn open<'a>(documents: &'a Documents, uri: &Uri) -> Result<&'a Document, (ErrorCode, String)> {
    documents.get(uri).ok_or_else(|| {
        (
            ErrorCode::InvalidParams,
            format!("`{}` is not open", uri.as_str()),
        )
    })
}
