//! `jobfam lsp`: a language server over stdio that checks open pages as they are edited.
//!
//! It is another front end over [`crate::check_source`], like `jobfam check`: each open document
//! is checked as the editor holds it, under its file path (so relative links and
//! `.jobfam-words.txt` resolve as on disk), and the findings are published as LSP diagnostics
//! with their fixes as code actions. `settings` decides what a workspace is checked with,
//! `convert` turns findings into LSP types (UTF-16 ranges), `uri` turns URIs into paths.

mod convert;
mod settings;
mod uri;

pub use convert::fix_all_kind;
pub use settings::{WATCHED, settings_for};

use crate::document::line_index::LineIndex;
use crate::rules::Context;
use convert::Placed;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidChangeWorkspaceFoldersParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, InitializeParams, LogMessageParams, MessageType, OneOf,
    Position, PositionEncodingKind, PublishDiagnosticsParams, Registration, RegistrationParams,
    SaveOptions, ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
    WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Why the server stopped without a clean shutdown.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    /// The client broke the protocol (no `initialize` first, a message between `shutdown`
    /// and `exit`, …).
    #[error("language server protocol error: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// Standard input or output failed (a message that is not JSON-RPC, a closed pipe).
    #[error("cannot talk to the client: {0}")]
    Io(#[from] std::io::Error),
    /// The client sent `exit` before `shutdown`, which LSP says ends the server with code 1.
    #[error("the client sent `exit` without `shutdown` first")]
    ExitWithoutShutdown,
    /// The client closed the connection without `shutdown` and `exit`.
    #[error("the client closed the connection without `shutdown` and `exit`")]
    Disconnected,
}

/// Serves one client on standard input and output until it shuts the server down.
pub fn run() -> Result<(), LspError> {
    let (connection, io_threads) = Connection::stdio();
    let served = serve(&connection);
    // Dropping the connection ends the writer thread once it has written every message.
    drop(connection);
    // The reader thread stops after `exit` or when its input ends or breaks (and then its
    // error says why better than a closed channel does); otherwise it may wait on stdin.
    let reader_done = match &served {
        Ok(()) | Err(LspError::Disconnected | LspError::ExitWithoutShutdown) => true,
        Err(LspError::Protocol(e)) => e.channel_is_disconnected(),
        Err(LspError::Io(_)) => false,
    };
    if reader_done {
        io_threads.join()?;
    }
    served
}

/// Serves one client on `connection`: the handshake, then messages until `shutdown` and
/// `exit`. Tests may pass an in-memory connection.
pub fn serve(connection: &Connection) -> Result<(), LspError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": {"name": "jobfam", "version": env!("CARGO_PKG_VERSION")},
    });
    connection.initialize_finish(id, result)?;
    crate::spelling::prewarm();
    let mut server = Server::new(connection);
    if watches_files(&params) {
        server.register_watchers();
    }
    server.main_loop()
}

/// What the server offers: full-text sync, save notifications with the text, quick fixes and a
/// fix-all source action, positions in UTF-16 (the encoding every client supports).
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, fix_all_kind()]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

/// Whether the client can be asked to watch files (a server cannot declare watchers statically).
fn watches_files(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

/// An open document.
struct Document {
    /// The text as the editor holds it.
    text: String,
    /// The client's version of the text, echoed with its diagnostics.
    version: Option<i32>,
    /// The path the page is checked under.
    path: PathBuf,
    /// The last diagnostics published for it, with their fixes, for code actions.
    placed: Vec<Placed>,
}

/// What the main loop does after a message.
enum Flow {
    Continue,
    Exit,
}

/// What pages under one folder are checked with.
struct Workspace {
    ctx: Context,
    /// The config's `exclude`: pages it covers get no diagnostics.
    exclude: crate::globs::Globs,
}

/// The server's state between messages.
struct Server<'c> {
    connection: &'c Connection,
    /// Contexts built so far, by the config file they come from (`None`: no config); a context
    /// is `None` when neither the settings nor the defaults could be used. Emptied when a
    /// watched file changes.
    contexts: HashMap<Option<PathBuf>, Option<Workspace>>,
    documents: HashMap<Uri, Document>,
    /// Documents to check again once no message is waiting, so a burst of edits is one check.
    stale: BTreeSet<Uri>,
    next_request: i32,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection) -> Server<'c> {
        Server {
            connection,
            contexts: HashMap::new(),
            documents: HashMap::new(),
            stale: BTreeSet::new(),
            next_request: 0,
        }
    }

    fn main_loop(&mut self) -> Result<(), LspError> {
        loop {
            let Ok(message) = self.connection.receiver.recv() else {
                return Err(LspError::Disconnected);
            };
            if let Flow::Exit = self.handle(message)? {
                return Ok(());
            }
            while let Ok(message) = self.connection.receiver.try_recv() {
                if let Flow::Exit = self.handle(message)? {
                    return Ok(());
                }
            }
            self.check_stale();
        }
    }

    fn handle(&mut self, message: Message) -> Result<Flow, LspError> {
        match message {
            Message::Request(request) => {
                if self.connection.handle_shutdown(&request)? {
                    return Ok(Flow::Exit);
                }
                self.check_stale();
                let response = self.respond(request);
                self.send(response.into());
            }
            Message::Notification(n) if n.method == "exit" => {
                return Err(LspError::ExitWithoutShutdown);
            }
            Message::Notification(n) => self.notified(n),
            Message::Response(r) => {
                if let Err(e) = r.response_result {
                    self.log(
                        MessageType::WARNING,
                        format!("the client refused request {}: {}", r.id, e.message),
                    );
                }
            }
        }
        Ok(Flow::Continue)
    }

    fn respond(&mut self, request: Request) -> Response {
        let Request { id, method, params } = request;
        match method.as_str() {
            "textDocument/codeAction" => match serde_json::from_value::<CodeActionParams>(params) {
                Ok(p) => {
                    let uri = &p.text_document.uri;
                    let actions = match self.documents.get(uri) {
                        Some(doc) => {
                            convert::actions(uri, &doc.placed, p.range, p.context.only.as_deref())
                        }
                        None => Vec::new(),
                    };
                    Response::new_ok(id, actions)
                }
                Err(e) => invalid_params(id, &method, &e),
            },
            _ => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("jobfam does not handle `{method}`"),
            ),
        }
    }

    fn notified(&mut self, n: Notification) {
        let Notification { method, params } = n;
        let parsed = match method.as_str() {
            "textDocument/didOpen" => parse(params).map(|p| self.opened(p)),
            "textDocument/didChange" => parse(params).map(|p| self.changed(p)),
            "textDocument/didSave" => parse(params).map(|p| self.saved(p)),
            "textDocument/didClose" => parse(params).map(|p| self.closed(p)),
            "workspace/didChangeWatchedFiles" => parse(params).map(|p| self.files_changed(p)),
            "workspace/didChangeWorkspaceFolders" => parse(params).map(|p| self.folders_changed(p)),
            // `$/cancelRequest`, `$/setTrace`, …: nothing to do.
            _ => Ok(()),
        };
        if let Err(e) = parsed {
            self.log(
                MessageType::ERROR,
                format!("cannot read the parameters of `{method}`: {e}"),
            );
        }
    }

    fn opened(&mut self, p: DidOpenTextDocumentParams) {
        let doc = p.text_document;
        let path = uri::to_path(&doc.uri).unwrap_or_else(|| PathBuf::from(doc.uri.as_str()));
        self.documents.insert(
            doc.uri.clone(),
            Document {
                text: doc.text,
                version: Some(doc.version),
                path,
                placed: Vec::new(),
            },
        );
        self.stale.insert(doc.uri);
    }

    fn changed(&mut self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri;
        let Some(doc) = self.documents.get_mut(&uri) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                // Full sync, as the server asked for.
                None => doc.text = change.text,
                // A client that sends ranges anyway.
                Some(range) => {
                    let start = offset_at(&doc.text, range.start);
                    let end = offset_at(&doc.text, range.end).max(start);
                    doc.text.replace_range(start..end, &change.text);
                }
            }
        }
        doc.version = Some(p.text_document.version);
        self.stale.insert(uri);
    }

    /// A save may change what other open pages link to: check them all again with fresh
    /// caches, for clients that do not watch files.
    fn saved(&mut self, p: DidSaveTextDocumentParams) {
        if let (Some(text), Some(doc)) = (p.text, self.documents.get_mut(&p.text_document.uri)) {
            doc.text = text;
        }
        self.reload();
    }

    fn closed(&mut self, p: DidCloseTextDocumentParams) {
        let uri = p.text_document.uri;
        self.documents.remove(&uri);
        self.stale.remove(&uri);
        self.publish(uri, Vec::new(), None);
    }

    fn files_changed(&mut self, p: DidChangeWatchedFilesParams) {
        if !p.changes.is_empty() {
            self.reload();
        }
    }

    /// A folder added or removed may hold a config, so every page is checked again.
    fn folders_changed(&mut self, _: DidChangeWorkspaceFoldersParams) {
        self.reload();
    }

    /// Drops every context (settings, word lists, linked pages' headings) and marks every open
    /// document for checking again.
    fn reload(&mut self) {
        self.contexts.clear();
        self.stale.extend(self.documents.keys().cloned());
    }

    fn check_stale(&mut self) {
        for uri in std::mem::take(&mut self.stale) {
            self.check(uri);
        }
    }

    /// Checks one open document and publishes its diagnostics.
    fn check(&mut self, uri: Uri) {
        let Some(doc) = self.documents.get(&uri) else {
            return;
        };
        // The config nearest the page, as `jobfam check --stdin --stdin-filename PAGE` finds it.
        let config = doc.path.parent().and_then(crate::config::find);
        if !self.contexts.contains_key(&config) {
            let built = self.build(config.as_deref());
            self.contexts.insert(config.clone(), built);
        }
        let workspace = self.contexts.get(&config).and_then(Option::as_ref);
        let Some(doc) = self.documents.get_mut(&uri) else {
            return;
        };
        // A page the config excludes gets no diagnostics, as `jobfam check` would give none.
        let ctx = workspace
            .filter(|w| !w.exclude.matches(&doc.path))
            .map(|w| &w.ctx);
        let report = ctx.and_then(|ctx| {
            // A bug in a rule must cost one check, not the editor's server.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::check_text(&doc.path, &doc.text, ctx)
            }))
            .ok()
        });
        let crashed = ctx.is_some() && report.is_none();
        doc.placed = report
            .map(|r| convert::place(&r, &doc.text, &uri))
            .unwrap_or_default();
        let (placed, version, path) = (doc.placed.clone(), doc.version, doc.path.clone());
        if crashed {
            self.log(
                MessageType::ERROR,
                format!(
                    "jobfam crashed checking {}; please report it with the page",
                    path.display()
                ),
            );
        }
        self.publish(uri, placed, version);
    }

    /// The context for pages `config` applies to (`None`: pages with no config above them),
    /// from [`settings_for`]; the defaults, with a message to the user, when those settings
    /// cannot be used.
    fn build(&self, config: Option<&Path>) -> Option<Workspace> {
        let error = match settings_for(config).map(|s| (s.context(), s.files.exclude)) {
            Ok((Ok(ctx), exclude)) => return Some(Workspace { ctx, exclude }),
            Ok((Err(e), _)) => e,
            Err(e) => e,
        };
        self.show(
            MessageType::ERROR,
            format!("jobfam: {error}; checking with the default settings"),
        );
        match crate::config::Settings::default().context() {
            Ok(ctx) => Some(Workspace {
                ctx,
                exclude: crate::globs::Globs::default(),
            }),
            Err(e) => {
                self.log(
                    MessageType::ERROR,
                    format!("the default settings fail: {e}"),
                );
                None
            }
        }
    }

    fn register_watchers(&mut self) {
        let watchers = WATCHED
            .iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String((*glob).to_string()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "jobfam/watched-files".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_request += 1;
        let id = RequestId::from(format!("jobfam/{}", self.next_request));
        let request = Request::new(id, "client/registerCapability".to_string(), params);
        self.send(request.into());
    }

    fn publish(&self, uri: Uri, placed: Vec<Placed>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics: placed.into_iter().map(|p| p.diagnostic).collect(),
            version,
        };
        self.notify("textDocument/publishDiagnostics", params);
    }

    /// A line in the client's log of this server.
    fn log(&self, typ: MessageType, message: String) {
        self.notify("window/logMessage", LogMessageParams { typ, message });
    }

    /// A message the user sees.
    fn show(&self, typ: MessageType, message: String) {
        self.notify("window/showMessage", ShowMessageParams { typ, message });
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    /// Sends a message. If the writer is gone, the client is too, and the reader will say so.
    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }
}

/// The byte offset in `text` of an LSP position (clamped to its line and to the text).
fn offset_at(text: &str, position: Position) -> usize {
    let line = usize::try_from(position.line).unwrap_or(usize::MAX);
    let column = usize::try_from(position.character).unwrap_or(usize::MAX);
    LineIndex::new(text).offset_utf16(text, line, column)
}

fn parse<T: serde::de::DeserializeOwned>(params: serde_json::Value) -> serde_json::Result<T> {
    serde_json::from_value(params)
}

fn invalid_params(id: RequestId, method: &str, e: &serde_json::Error) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        format!("cannot read the parameters of `{method}`: {e}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_become_offsets() {
        let text = "ab\r\nCafé 😀 x\n";
        assert_eq!(offset_at(text, Position::new(0, 1)), 1);
        // Past the end of a line: before its line ending.
        assert_eq!(offset_at(text, Position::new(0, 9)), 2);
        let x = text.find('x').unwrap();
        assert_eq!(offset_at(text, Position::new(1, 8)), x);
        assert_eq!(offset_at(text, Position::new(7, 0)), text.len());
    }

    #[test]
    fn the_server_answers_in_memory() {
        let (server, client) = Connection::memory();
        let thread = std::thread::spawn(move || serve(&server));
        let request = |id: i32, method: &str, params: serde_json::Value| {
            Message::Request(Request::new(id.into(), method.to_string(), params))
        };
        let notification = |method: &str, params: serde_json::Value| {
            Message::Notification(Notification::new(method.to_string(), params))
        };
        let send = |m| client.sender.send(m).unwrap();
        send(request(
            1,
            "initialize",
            serde_json::json!({"capabilities": {}}),
        ));
        let Message::Response(r) = client.receiver.recv().unwrap() else {
            panic!("a response")
        };
        assert_eq!(
            r.response_result.unwrap()["capabilities"]["positionEncoding"],
            "utf-16"
        );
        send(notification("initialized", serde_json::json!({})));
        send(notification(
            "textDocument/didOpen",
            serde_json::json!({"textDocument": {"uri": "untitled:x", "languageId": "markdown",
                "version": 1, "text": "not: [front matter\n"}}),
        ));
        let Message::Notification(n) = client.receiver.recv().unwrap() else {
            panic!("diagnostics")
        };
        assert_eq!(n.method, "textDocument/publishDiagnostics");
        send(request(2, "textDocument/hover", serde_json::json!({})));
        let Message::Response(r) = client.receiver.recv().unwrap() else {
            panic!("a response")
        };
        assert_eq!(
            r.response_result.unwrap_err().code,
            ErrorCode::MethodNotFound as i32
        );
        send(request(3, "shutdown", serde_json::Value::Null));
        let _ = client.receiver.recv().unwrap();
        send(notification("exit", serde_json::Value::Null));
        assert!(thread.join().unwrap().is_ok());
    }
}
