//! `jobfam lsp`: a language server over stdio that checks open pages as they are edited.
//!
//! It is another front end over [`crate::check_source`], like `jobfam check`: each open document
//! is checked as the editor holds it, under its file path (so relative links and
//! `.jobfam-words.txt` resolve as on disk), and the findings are published as LSP diagnostics
//! with their fixes as code actions. `settings` decides what a workspace is checked with,
//! `convert` turns findings into LSP types (UTF-16 ranges), `uri` turns URIs into paths.
//! `transport` frames messages on the byte streams and `jsonrpc` reads and writes them: ours, not
//! lsp-server's, so that no input can stop the server (see [`serve`]).

mod convert;
mod jsonrpc;
mod settings;
mod transport;
mod uri;

pub use convert::fix_all_kind;
pub use settings::{WATCHED, settings_for};

use crate::line_index::LineIndex;
use crate::rules::Context;
use convert::Placed;
use jsonrpc::{ErrorCode, Message, MessageError, Notification, Request, RequestId, Response};
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
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender};
use transport::{FrameError, FrameReader};

/// Why the server stopped without a clean shutdown.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    /// Writing to the client failed (it closed its end), or the reader could not start.
    #[error("cannot talk to the client: {0}")]
    Io(#[from] io::Error),
    /// The client sent `exit` before `shutdown`, which LSP says ends the server with code 1.
    #[error("the client sent `exit` without `shutdown` first")]
    ExitWithoutShutdown,
    /// The client closed the connection without `shutdown` and `exit`.
    #[error("the client closed the connection without `shutdown` and `exit`")]
    Disconnected,
}

/// Serves one client on standard input and output until it shuts the server down.
pub fn run() -> Result<(), LspError> {
    serve(io::stdin(), io::stdout().lock(), io::stderr())
}

/// How many messages read ahead may wait for the server: bounded, so a client that writes
/// faster than pages are checked cannot grow memory without limit, but more than one, so that a
/// burst of edits is waiting when the server looks and is checked once.
const QUEUE: usize = 16;

/// Serves one client: framed messages from `input` (read on a thread of their own), answers to
/// `output`, and a line on `log` for each stretch of input skipped, until `exit` or the end of
/// the input. Nothing in the input stops it: a body that is not JSON or not JSON-RPC is
/// answered with JSON-RPC's error for it, headers it cannot use are skipped up to the next
/// `Content-Length`, and a request after `shutdown` is refused while it waits for `exit`.
pub fn serve(
    input: impl Read + Send + 'static,
    output: impl Write,
    log: impl Write,
) -> Result<(), LspError> {
    let (sender, receiver) = std::sync::mpsc::sync_channel(QUEUE);
    // Not joined: after `exit` it may be blocked reading, and the process ends anyway.
    std::thread::Builder::new()
        .name("jobfam-lsp-reader".into())
        .spawn(move || read(input, &sender))?;
    Server::new(output, log).main_loop(&receiver)
}

/// What the reader hands the server.
enum Incoming {
    Message(Message),
    /// A frame whose body is not a message.
    BadMessage(MessageError),
    /// Input that is not a frame.
    BadFrame(FrameError),
}

/// Reads frames and their messages until the input ends or the server stops listening.
fn read(input: impl Read, sender: &SyncSender<Incoming>) {
    for frame in FrameReader::new(BufReader::new(input)) {
        let incoming = match frame {
            Ok(body) => match jsonrpc::parse(&body) {
                Ok(message) => Incoming::Message(message),
                Err(e) => Incoming::BadMessage(e),
            },
            Err(e) => Incoming::BadFrame(e),
        };
        if sender.send(incoming).is_err() {
            return;
        }
    }
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

/// Where the session is, as LSP orders it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before `initialize`: requests are refused, notifications dropped.
    Uninitialized,
    Running,
    /// After `shutdown`: waiting for `exit`; requests are refused, notifications dropped.
    ShuttingDown,
}

/// What pages under one folder are checked with.
struct Workspace {
    ctx: Context,
    /// The config's `exclude`: pages it covers get no diagnostics.
    exclude: crate::globs::Globs,
}

/// The server's state between messages.
struct Server<O, L> {
    output: O,
    /// Where skipped input is reported (standard error, which clients keep in their log).
    log: L,
    /// Why writing to the client failed; the server stops at the next message.
    broken: Option<io::Error>,
    phase: Phase,
    /// Whether to ask the client to watch files once it says `initialized`.
    watch_files: bool,
    /// Contexts built so far, by the config file they come from (`None`: no config); a context
    /// is `None` when neither the settings nor the defaults could be used. Emptied when a
    /// watched file changes.
    contexts: HashMap<Option<PathBuf>, Option<Workspace>>,
    documents: HashMap<Uri, Document>,
    /// Documents to check again once no message is waiting, so a burst of edits is one check.
    stale: BTreeSet<Uri>,
    next_request: i32,
}

impl<O: Write, L: Write> Server<O, L> {
    fn new(output: O, log: L) -> Server<O, L> {
        Server {
            output,
            log,
            broken: None,
            phase: Phase::Uninitialized,
            watch_files: false,
            contexts: HashMap::new(),
            documents: HashMap::new(),
            stale: BTreeSet::new(),
            next_request: 0,
        }
    }

    fn main_loop(&mut self, receiver: &Receiver<Incoming>) -> Result<(), LspError> {
        loop {
            let Ok(incoming) = receiver.recv() else {
                return self.disconnected();
            };
            if let Flow::Exit = self.handle(incoming)? {
                return Ok(());
            }
            while let Ok(incoming) = receiver.try_recv() {
                if let Flow::Exit = self.handle(incoming)? {
                    return Ok(());
                }
            }
            self.check_stale();
        }
    }

    /// The input ended: as `exit` would after `shutdown` (as vscode-languageserver does), as
    /// `exit` without `shutdown` otherwise.
    fn disconnected(&self) -> Result<(), LspError> {
        match self.phase {
            Phase::ShuttingDown => Ok(()),
            Phase::Uninitialized | Phase::Running => Err(LspError::Disconnected),
        }
    }

    fn handle(&mut self, incoming: Incoming) -> Result<Flow, LspError> {
        if let Some(e) = self.broken.take() {
            return Err(e.into());
        }
        match incoming {
            Incoming::Message(Message::Request(request)) => self.requested(request),
            Incoming::Message(Message::Notification(n)) => return self.notified(n),
            Incoming::Message(Message::Response(r)) => {
                if let Err(e) = r.result {
                    let id = r.id.map_or_else(|| "null".to_string(), |id| id.to_string());
                    self.log(
                        MessageType::WARNING,
                        format!("the client refused request {id}: {}", e.message),
                    );
                }
            }
            Incoming::BadMessage(e) => {
                self.skipped(&format!("skipped a message: {e}"));
                self.send(e.to_response().into());
            }
            Incoming::BadFrame(e) => {
                let then = if e.resyncs() {
                    "; reading on from the next `Content-Length` header"
                } else {
                    ""
                };
                self.skipped(&format!("skipped input: {e}{then}"));
                // The one frame error with a message behind it, which the client may be
                // waiting on: say so, with no id since its id was never read.
                if let FrameError::TooLarge(_) = e {
                    let response = Response::error(None, ErrorCode::InvalidRequest, e.to_string());
                    self.send(response.into());
                }
            }
        }
        Ok(Flow::Continue)
    }

    /// Answers a request as the session's phase allows.
    fn requested(&mut self, request: Request) {
        let refuse =
            |code, message: String| Response::error(Some(request.id.clone()), code, message);
        let response = match (self.phase, request.method.as_str()) {
            (Phase::Uninitialized, "initialize") => return self.initialize(request),
            (Phase::Uninitialized, _) => refuse(
                ErrorCode::ServerNotInitialized,
                "the client must send `initialize` first".to_string(),
            ),
            (Phase::Running, "initialize") => refuse(
                ErrorCode::InvalidRequest,
                "`initialize` was sent already".to_string(),
            ),
            (Phase::Running, "shutdown") => {
                self.phase = Phase::ShuttingDown;
                Response::ok(request.id, ())
            }
            (Phase::Running, _) => {
                self.check_stale();
                self.respond(request)
            }
            // LSP: "If a server receives requests after a shutdown request those requests
            // should error with InvalidRequest."
            (Phase::ShuttingDown, method) => refuse(
                ErrorCode::InvalidRequest,
                format!("`{method}` after `shutdown`: only `exit` is accepted now"),
            ),
        };
        self.send(response.into());
    }

    fn initialize(&mut self, request: Request) {
        let params: InitializeParams = serde_json::from_value(request.params).unwrap_or_default();
        self.watch_files = watches_files(&params);
        let result = serde_json::json!({
            "capabilities": capabilities(),
            "serverInfo": {"name": "jobfam", "version": env!("CARGO_PKG_VERSION")},
        });
        self.send(Response::ok(request.id, result).into());
        self.phase = Phase::Running;
        crate::spelling::prewarm();
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
                    Response::ok(id, actions)
                }
                Err(e) => invalid_params(id, &method, &e),
            },
            _ => Response::error(
                Some(id),
                ErrorCode::MethodNotFound,
                format!("jobfam does not handle `{method}`"),
            ),
        }
    }

    /// Acts on a notification: `exit` ends the server (with an error without `shutdown`
    /// first); outside [`Phase::Running`] the others are dropped, as LSP says.
    fn notified(&mut self, n: Notification) -> Result<Flow, LspError> {
        match (self.phase, n.method.as_str()) {
            (Phase::ShuttingDown, "exit") => return Ok(Flow::Exit),
            (_, "exit") => return Err(LspError::ExitWithoutShutdown),
            (Phase::Running, "initialized") => {
                // The client is ready for the server's requests.
                if std::mem::take(&mut self.watch_files) {
                    self.register_watchers();
                }
            }
            (Phase::Running, _) => self.dispatch(n),
            (Phase::Uninitialized | Phase::ShuttingDown, _) => {}
        }
        Ok(Flow::Continue)
    }

    fn dispatch(&mut self, n: Notification) {
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
            // Pages and folders may appear on disk between two checks of an open page: each
            // check looks them up afresh, as every run of `jobfam check` does.
            ctx.site.forget_lookups();
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
    fn build(&mut self, config: Option<&Path>) -> Option<Workspace> {
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
        let request = Request::new(id, "client/registerCapability", params);
        self.send(request.into());
    }

    fn publish(&mut self, uri: Uri, placed: Vec<Placed>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics: placed.into_iter().map(|p| p.diagnostic).collect(),
            version,
        };
        self.notify("textDocument/publishDiagnostics", params);
    }

    /// A line in the client's log of this server.
    fn log(&mut self, typ: MessageType, message: String) {
        self.notify("window/logMessage", LogMessageParams { typ, message });
    }

    /// A message the user sees.
    fn show(&mut self, typ: MessageType, message: String) {
        self.notify("window/showMessage", ShowMessageParams { typ, message });
    }

    fn notify(&mut self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method, params).into());
    }

    /// Sends a message; a failure is kept for the main loop, which stops at it.
    fn send(&mut self, message: Message) {
        if self.broken.is_some() {
            return;
        }
        let body = message.to_json().to_string();
        if let Err(e) = transport::write_frame(&mut self.output, body.as_bytes()) {
            self.broken = Some(e);
        }
    }

    /// A line on standard error about input that was skipped. If even that fails there is
    /// nowhere left to say it.
    fn skipped(&mut self, what: &str) {
        let _ = writeln!(self.log, "jobfam lsp: {what}");
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
    Response::error(
        Some(id),
        ErrorCode::InvalidParams,
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

    /// A message framed as a client sends it.
    fn frame(message: serde_json::Value) -> Vec<u8> {
        let mut out = Vec::new();
        transport::write_frame(&mut out, message.to_string().as_bytes()).unwrap();
        out
    }

    /// Serves `input` to its end: the outcome, the messages sent and the log.
    fn session(input: Vec<u8>) -> (Result<(), LspError>, Vec<serde_json::Value>, String) {
        let (mut output, mut log) = (Vec::new(), Vec::new());
        let outcome = serve(io::Cursor::new(input), &mut output, &mut log);
        let sent = FrameReader::new(&output[..])
            .map(|f| serde_json::from_slice(&f.unwrap()).unwrap())
            .collect();
        (outcome, sent, String::from_utf8(log).unwrap())
    }

    fn request(id: i64, method: &str, params: serde_json::Value) -> Vec<u8> {
        frame(serde_json::json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
    }

    fn notification(method: &str, params: serde_json::Value) -> Vec<u8> {
        frame(serde_json::json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    fn initialize() -> Vec<u8> {
        [
            request(1, "initialize", serde_json::json!({"capabilities": {}})),
            notification("initialized", serde_json::json!({})),
        ]
        .concat()
    }

    #[test]
    fn the_server_answers_in_memory() {
        let input = [
            request(0, "textDocument/hover", serde_json::json!({})),
            initialize(),
            // Before the page opens: pages are checked when no message is waiting, so this
            // answer could otherwise come before or after the page's diagnostics.
            b"Content-Length: 3\r\n\r\n{]}".to_vec(),
            notification(
                "textDocument/didOpen",
                serde_json::json!({"textDocument": {"uri": "untitled:x", "languageId": "markdown",
                    "version": 1, "text": "not: [front matter\n"}}),
            ),
            request(2, "textDocument/hover", serde_json::json!({})),
            request(3, "shutdown", serde_json::Value::Null),
            notification("exit", serde_json::Value::Null),
        ]
        .concat();
        let (outcome, sent, log) = session(input);
        assert!(outcome.is_ok(), "{outcome:?}");
        assert_eq!(sent[0]["id"], 0);
        assert_eq!(sent[0]["error"]["code"], -32002);
        assert_eq!(sent[1]["id"], 1);
        assert_eq!(
            sent[1]["result"]["capabilities"]["positionEncoding"],
            "utf-16"
        );
        assert_eq!(sent[2]["id"], serde_json::Value::Null);
        assert_eq!(sent[2]["error"]["code"], -32700);
        assert_eq!(sent[3]["method"], "textDocument/publishDiagnostics");
        assert_eq!(sent[3]["params"]["uri"], "untitled:x");
        assert_eq!(sent[4]["id"], 2);
        assert_eq!(sent[4]["error"]["code"], -32601);
        assert_eq!(
            sent[5],
            serde_json::json!({"jsonrpc": "2.0", "id": 3, "result": null})
        );
        assert_eq!(sent.len(), 6, "{sent:#?}");
        assert_eq!(
            log,
            "jobfam lsp: skipped a message: the message is not JSON: key must be a string at \
             line 1 column 2\n"
        );
    }

    #[test]
    fn the_session_ends_as_lsp_says() {
        let exit = || notification("exit", serde_json::Value::Null);
        let shutdown = || request(9, "shutdown", serde_json::Value::Null);
        // `exit` after `shutdown`, or the input ending there: a clean end.
        for input in [
            [initialize(), shutdown(), exit()].concat(),
            [initialize(), shutdown()].concat(),
        ] {
            assert!(session(input).0.is_ok());
        }
        // `exit` or the end without `shutdown`, even before `initialize`: an error.
        let ends = |input: Vec<u8>| session(input).0.unwrap_err().to_string();
        let without = "the client sent `exit` without `shutdown` first";
        assert_eq!(ends(exit()), without);
        assert_eq!(ends([initialize(), exit()].concat()), without);
        let closed = "the client closed the connection without `shutdown` and `exit`";
        assert_eq!(ends(Vec::new()), closed);
        assert_eq!(ends(initialize()), closed);
        assert_eq!(
            ends([initialize(), b"Content-Length: 9\r\n\r\n{}".to_vec()].concat()),
            closed
        );
    }

    #[test]
    fn a_client_that_stops_reading_ends_the_server() {
        /// Output whose reader has gone.
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let input = [
            initialize(),
            request(2, "shutdown", serde_json::Value::Null),
        ]
        .concat();
        let outcome = serve(io::Cursor::new(input), Closed, Vec::new());
        assert!(matches!(outcome, Err(LspError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe));
    }
}
