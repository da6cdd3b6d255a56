//! Editors: `jobfam lsp` driven over stdio as a client would, and `jobfam check --stdin`.

use crate::jobfam;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one answer may take: the first check loads the dictionary, in a debug build.
const PATIENCE: Duration = Duration::from_secs(60);

/// A page with a term-case error after non-ASCII text (`é` is one UTF-16 unit and two bytes,
/// `😀` two units, one character and four bytes) and a repeated word.
const PAGE: &str = "---
title: \"Frontend Engineer\"
---

## Responsibilities

- Café 😀 and Gitlab tooling.
- Ship the the design system.

## Requirements

- Ability to use GitLab

## Levels

### Senior Product Manager

The Senior Product Manager is a grade 7.

## Performance Indicators

- Feature adoption

## Hiring Process

1. Screening call with a recruiter.
";

/// A `jobfam lsp` process, the messages it has sent and what it wrote to stderr.
struct Client {
    child: Child,
    /// `None` once the test has closed the server's input.
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    stderr: Arc<Mutex<String>>,
    /// The thread draining stderr: joined once the server exits, so its last words are read.
    drain: Option<std::thread::JoinHandle<()>>,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("jobfam"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().unwrap();
        let collected = Arc::clone(&stderr);
        // Drained as it comes, so the server never blocks on a full pipe.
        let drain = std::thread::spawn(move || {
            let mut chunk = [0; 4096];
            while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                let text = String::from_utf8_lossy(&chunk[..n]).into_owned();
                collected.lock().unwrap().push_str(&text);
            }
        });
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, messages) = channel();
        // Reads Content-Length framed messages until the server closes its output.
        std::thread::spawn(move || {
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if stdout.read_exact(&mut body).is_err() {
                    return;
                }
                if send.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            messages,
            stderr,
            drain: Some(drain),
        }
    }

    fn send(&mut self, message: Value) {
        self.send_frame(&message.to_string());
    }

    /// A well-framed message whose body is `body`, JSON or not.
    fn send_frame(&mut self, body: &str) {
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    /// Bytes as they are, framed or not.
    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("the server's input is open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    fn request(&mut self, id: i64, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message `wanted` accepts, skipping others (log messages); fails after
    /// [`PATIENCE`] instead of hanging.
    fn expect(&self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + PATIENCE;
        let mut skipped = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if wanted(&m) => return m,
                Ok(m) => skipped.push(m),
                Err(e) => panic!(
                    "no {what} from the server ({e}); it sent {skipped:#?} and wrote {:?}",
                    self.stderr.lock().unwrap()
                ),
            }
        }
    }

    fn response(&self, id: i64) -> Value {
        self.expect(&format!("response {id}"), |m| {
            m["id"] == id && m.get("method").is_none()
        })
    }

    fn diagnostics(&self, uri: &str) -> Value {
        self.expect("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    /// Starts the session: initialize (with file watching), initialized, and the answer to the
    /// server's request to watch files.
    fn initialize(&mut self, root: &str) -> Value {
        self.request(
            1,
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "root"}],
                "capabilities": {
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                    "textDocument": {"publishDiagnostics": {"versionSupport": true}}
                }
            }),
        );
        let init = self.response(1);
        self.notify("initialized", json!({}));
        let register = self.expect("registerCapability", |m| {
            m["method"] == "client/registerCapability"
        });
        let id = register["id"].clone();
        self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
        let registration = &register["params"]["registrations"][0];
        assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
        let globs: Vec<&str> = registration["registerOptions"]["watchers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["globPattern"].as_str().unwrap())
            .collect();
        for glob in ["**/jobfam.toml", "**/.jobfam.toml", "**/.jobfam-words.txt"] {
            assert!(globs.contains(&glob), "{glob} is not watched: {globs:?}");
        }
        init
    }

    /// The next message, whatever it is.
    fn next(&self) -> Value {
        self.expect("message", |_| true)
    }

    /// An error response without an id, as JSON-RPC answers a message whose id it cannot read.
    fn error_without_id(&self) -> Value {
        self.expect("error without an id", |m| {
            m["id"] == Value::Null && m.get("method").is_none()
        })["error"]
            .clone()
    }

    /// shutdown, then exit: the server must answer and end with code 0. Returns what it wrote
    /// to stderr.
    fn shut_down(mut self) -> String {
        self.request(99, "shutdown", Value::Null);
        assert_eq!(self.response(99)["result"], Value::Null);
        self.notify("exit", Value::Null);
        self.exit_code(0)
    }

    /// Waits for the server to end, asserts its exit code and returns what it wrote to stderr.
    fn exit_code(mut self, code: i32) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The pipe ends when the server does: the drain finishes reading it first.
                if let Some(drain) = self.drain.take() {
                    drain.join().unwrap();
                }
                let stderr = self.stderr.lock().unwrap().clone();
                assert_eq!(status.code(), Some(code), "stderr: {stderr}");
                return stderr;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave a server behind.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}

fn range(l0: u64, c0: u64, l1: u64, c1: u64) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

/// didOpen, didChange and a code action, as an editor sends them: ranges in UTF-16 units,
/// rule ids as codes, fixes as workspace edits, and a clean shutdown.
#[test]
fn lsp_publishes_diagnostics_and_fixes_in_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let root = file_uri(dir.path());
    let uri = file_uri(&dir.path().join("jobs/frontend.md"));
    let mut client = Client::start(dir.path());
    let init = client.initialize(&root);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync");
    assert_eq!(caps["textDocumentSync"]["save"]["includeText"], true);
    let kinds = &caps["codeActionProvider"]["codeActionKinds"];
    assert_eq!(kinds, &json!(["quickfix", "source.fixAll.jobfam"]));
    assert_eq!(init["result"]["serverInfo"]["name"], "jobfam");

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": PAGE}}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    // `Gitlab` is at character 13 of line 7 but UTF-16 unit 14 (and byte 17).
    assert_eq!(
        published["diagnostics"],
        json!([
            {
                "range": range(6, 14, 6, 20),
                "severity": 1,
                "code": "spelling/term-case",
                "source": "jobfam",
                "message": "`Gitlab` is written `GitLab`\nhelp: write `GitLab`"
            },
            {
                "range": range(7, 11, 7, 14),
                "severity": 1,
                "code": "spelling/repeated-word",
                "source": "jobfam",
                "message": "`the` is repeated\nhelp: remove the second `the`",
                "relatedInformation": [{
                    "location": {"uri": uri, "range": range(7, 7, 7, 10)},
                    "message": "first here"
                }]
            }
        ])
    );

    let fixed = PAGE.replace("Gitlab", "GitLab");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["code"], "spelling/repeated-word");

    // The cursor on the repeated word.
    client.request(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(7, 12, 7, 12),
               "context": {"diagnostics": [diagnostics[0]]}}),
    );
    let actions = client.response(2)["result"].clone();
    let actions = actions.as_array().unwrap();
    assert_eq!(actions.len(), 2, "a quick fix and fix-all: {actions:#?}");
    let quickfix = &actions[0];
    assert_eq!(quickfix["kind"], "quickfix");
    assert_eq!(
        quickfix["title"],
        "Remove the second `the` (spelling/repeated-word)"
    );
    assert_eq!(quickfix["isPreferred"], true);
    assert_eq!(quickfix["diagnostics"][0]["code"], "spelling/repeated-word");
    // The edit removes ` the`: the space before the second `the` too.
    assert_eq!(
        quickfix["edit"]["changes"][&uri],
        json!([{"range": range(7, 10, 7, 14), "newText": ""}])
    );
    assert_eq!(actions[1]["kind"], "source.fixAll.jobfam");
    assert_eq!(actions[1]["edit"], quickfix["edit"]);

    // Bad parameters are an error response, not a crash.
    client.request(3, "textDocument/codeAction", json!({"nonsense": true}));
    assert_eq!(client.response(3)["error"]["code"], -32602);

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    client.shut_down();
}

/// A word list that appears beside an open page is used once the client reports the change.
#[test]
fn lsp_reloads_word_lists_when_watched_files_change() {
    let dir = tempfile::tempdir().unwrap();
    let root = file_uri(dir.path());
    let uri = file_uri(&dir.path().join("frontend.md"));
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    let text = PAGE.replace("Gitlab", "Glorpco").replace("the the", "the");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));

    let words = dir.path().join(".jobfam-words.txt");
    std::fs::write(&words, "GlorpCo\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": file_uri(&words), "type": 1}]}),
    );
    let diagnostics = client.diagnostics(&uri)["diagnostics"].clone();
    assert_eq!(
        diagnostics[0]["code"], "spelling/term-case",
        "{diagnostics:#?}"
    );
    assert_eq!(diagnostics[0]["range"], range(6, 14, 6, 21));
    client.shut_down();
}

/// The page's nearest jobfam.toml decides what is checked, and a change to it is picked up: a
/// broken one is shown to the user (with where it is wrong) and the defaults are used meanwhile.
#[test]
fn lsp_uses_the_config_nearest_the_page_and_reloads_it() {
    let dir = tempfile::tempdir().unwrap();
    // In a folder of the workspace, not at its root: the page's nearest config applies.
    std::fs::create_dir(dir.path().join("handbook")).unwrap();
    let config = dir.path().join("handbook/jobfam.toml");
    std::fs::write(&config, "[rules]\n\"spelling\" = \"off\"\n").unwrap();
    let root = file_uri(dir.path());
    let uri = file_uri(&dir.path().join("handbook/frontend.md"));
    let mut client = Client::start(dir.path());
    client.initialize(&root);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": PAGE}}),
    );
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));

    let changed = |client: &mut Client| {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": file_uri(&config), "type": 2}]}),
        );
    };
    std::fs::write(&config, "[rules]\n\"speling\" = \"off\"\n").unwrap();
    changed(&mut client);
    let shown = client.expect("showMessage", |m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("jobfam.toml:2:1: unknown rule `speling`; did you mean `spelling`?"),
        "{message}"
    );
    let codes: Vec<Value> = client.diagnostics(&uri)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(
        codes,
        [json!("spelling/term-case"), json!("spelling/repeated-word")]
    );

    std::fs::write(&config, "exclude = [\"frontend.md\"]\n").unwrap();
    changed(&mut client);
    assert_eq!(client.diagnostics(&uri)["diagnostics"], json!([]));
    client.shut_down();
}

/// `exit` without `shutdown` ends the server with code 1, as LSP says.
#[test]
fn lsp_exit_without_shutdown_fails() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    client.notify("exit", Value::Null);
    let deadline = Instant::now() + PATIENCE;
    while client.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(client.child.try_wait().unwrap().unwrap().code(), Some(1));
}

/// A request the server answers with `[]`: code actions for a page that is not open.
fn code_actions(client: &mut Client, id: i64) {
    client.request(
        id,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "untitled:none"}, "range": range(0, 0, 0, 0),
               "context": {"diagnostics": []}}),
    );
    assert_eq!(client.response(id)["result"], json!([]));
}

/// A frame whose body is not JSON gets a parse error without an id, and the server goes on.
#[test]
fn lsp_answers_a_body_that_is_not_json_with_a_parse_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    // A `shutdown` request cut short: it must not be taken for one.
    client.send_frame(r#"{"jsonrpc": "2.0", "id": 2, "method": "shutdown""#);
    assert_eq!(
        client.error_without_id(),
        json!({"code": -32700,
               "message": "the message is not JSON: EOF while parsing an object at line 1 column 48"})
    );
    code_actions(&mut client, 3);
    assert_eq!(
        client.shut_down(),
        "jobfam lsp: skipped a message: the message is not JSON: EOF while parsing an object at \
         line 1 column 48\n"
    );
}

/// JSON that is not a JSON-RPC message gets Invalid Request, with its id when it has one.
#[test]
fn lsp_answers_an_invalid_message_with_invalid_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    let cases = [
        (
            r#"{"jsonrpc": "2.0", "id": 4, "params": {}}"#,
            json!(4),
            "the message has no `method`",
        ),
        (
            r#"{"jsonrpc": "2.0", "id": "five", "method": 5}"#,
            json!("five"),
            "`method` must be a string",
        ),
        (
            r#"{"jsonrpc": "2.0", "id": [6], "method": "shutdown"}"#,
            Value::Null,
            "`id` must be an integer or a string",
        ),
        (
            r#"{"jsonrpc": "1.0", "id": 7, "method": "shutdown"}"#,
            json!(7),
            "`jsonrpc` must be \"2.0\"",
        ),
        (
            r#"{"jsonrpc": "2.0", "id": 8, "method": "shutdown", "params": 1}"#,
            json!(8),
            "`params` must be an object or an array",
        ),
        (
            r#"[{"jsonrpc": "2.0", "id": 9, "method": "shutdown"}]"#,
            Value::Null,
            "the message is an array: LSP does not use JSON-RPC batches",
        ),
        (
            r#""shutdown""#,
            Value::Null,
            "the message is not a JSON object",
        ),
    ];
    let mut log = String::new();
    for (body, id, message) in cases {
        client.send_frame(body);
        let answer = client.next();
        assert_eq!(
            answer,
            json!({"jsonrpc": "2.0", "id": id, "error": {"code": -32600, "message": message}}),
            "{body}"
        );
        log.push_str(&format!("jobfam lsp: skipped a message: {message}\n"));
    }
    code_actions(&mut client, 10);
    assert_eq!(client.shut_down(), log);
}

/// Headers that cannot delimit a message are logged and skipped: the server reads on from the
/// next `Content-Length` header and answers what follows.
#[test]
fn lsp_skips_headers_it_cannot_use_and_answers_the_next_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    client.send_raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
    code_actions(&mut client, 2);
    client.send_raw(b"Hello there\r\n\r\n");
    client.send_raw(b"Content-Length: lots\r\n\r\n{}");
    code_actions(&mut client, 3);
    // A header line with no end must not be buffered whole.
    client.send_raw(&[b'x'; 100_000]);
    code_actions(&mut client, 4);
    let skipping = "; reading on from the next `Content-Length` header";
    assert_eq!(
        client.shut_down(),
        format!(
            "jobfam lsp: skipped input: a message header has no `Content-Length`{skipping}\n\
             jobfam lsp: skipped input: `Hello there` is not a header (`Name: value`){skipping}\n\
             jobfam lsp: skipped input: `Content-Length: lots` is not a number of bytes{skipping}\n\
             jobfam lsp: skipped input: a header line is longer than 1024 bytes{skipping}\n"
        )
    );
}

/// A `Content-Length` over the limit is refused without allocating it, and the server goes on.
#[test]
fn lsp_refuses_a_message_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    client.send_raw(b"Content-Length: 99999999999\r\n\r\n{\"jsonrpc\": \"2.0\", ");
    let message = "a message of 99999999999 bytes is over the limit of 67108864 bytes (64 MiB)";
    assert_eq!(
        client.error_without_id(),
        json!({"code": -32600, "message": message})
    );
    assert!(
        client.child.try_wait().unwrap().is_none(),
        "the server died"
    );
    code_actions(&mut client, 2);
    assert_eq!(
        client.shut_down(),
        format!(
            "jobfam lsp: skipped input: {message}; reading on from the next `Content-Length` header\n"
        )
    );
}

/// After `shutdown`, requests get Invalid Request, other notifications are ignored, and the
/// server waits for `exit` and then ends with code 0.
#[test]
fn lsp_refuses_requests_after_shutdown_and_waits_for_exit() {
    let dir = tempfile::tempdir().unwrap();
    let uri = file_uri(&dir.path().join("frontend.md"));
    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    client.request(2, "shutdown", Value::Null);
    assert_eq!(client.response(2)["result"], Value::Null);
    client.request(3, "textDocument/hover", json!({}));
    assert_eq!(
        client.response(3)["error"],
        json!({"code": -32600,
               "message": "`textDocument/hover` after `shutdown`: only `exit` is accepted now"})
    );
    // Ignored: no diagnostics come before the next answer.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": PAGE}}),
    );
    client.request(4, "shutdown", Value::Null);
    assert_eq!(
        client.next(),
        json!({"jsonrpc": "2.0", "id": 4, "error": {"code": -32600,
               "message": "`shutdown` after `shutdown`: only `exit` is accepted now"}})
    );
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(0), "");
}

/// The client closing the server's input ends it: with code 0 after `shutdown`, as `exit`
/// would, and with code 1 (and why) before it.
#[test]
fn lsp_ends_when_its_input_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    client.request(2, "shutdown", Value::Null);
    assert_eq!(client.response(2)["result"], Value::Null);
    client.stdin = None;
    assert_eq!(client.exit_code(0), "");

    let mut client = Client::start(dir.path());
    client.initialize(&file_uri(dir.path()));
    client.stdin = None;
    assert_eq!(
        client.exit_code(1),
        "error: the client closed the connection without `shutdown` and `exit`\n"
    );
}

/// A folder with `jobs/other.md` and a word list `jobs/.jobfam-words.txt` naming `GlorpCo`.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("jobs");
    std::fs::create_dir(&jobs).unwrap();
    std::fs::write(
        jobs.join("other.md"),
        "---\ntitle: Other\n---\n\n## Hiring Process\n",
    )
    .unwrap();
    std::fs::write(jobs.join(".jobfam-words.txt"), "GlorpCo\n").unwrap();
    dir
}

/// The test page with two links and a word only the site's word list knows.
fn stdin_page() -> String {
    PAGE.replace(
        "- Ship the the design system.",
        "- See [other](other.md#hiring-process) and [gone](missing.md), by Glorpco.",
    )
    .replace("Gitlab", "GitLab")
}

/// `check --stdin --stdin-filename`: links and word lists resolve beside the named path (which
/// does not exist), and diagnostics name it.
#[test]
fn stdin_checks_as_if_the_page_were_at_its_filename() {
    let dir = site();
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", "--format", "compact", "--stdin"])
        .args(["--stdin-filename", "jobs/frontend.md"])
        .write_stdin(stdin_page())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "jobs/frontend.md:8:44: error links/broken-page: link target `missing.md` matches no page\n\
         jobs/frontend.md:8:67: error spelling/term-case: `Glorpco` is written `GlorpCo`\n"
    );
    assert_eq!(out.status.code(), Some(1));

    // Elsewhere, neither the linked page nor the word list is found.
    let out = jobfam()
        .current_dir(dir.path())
        .args(["check", "--format", "compact", "--stdin"])
        .args(["--stdin-filename", "other/frontend.md"])
        .write_stdin(stdin_page())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("`other.md#hiring-process` matches no page"),
        "{text}"
    );
    assert!(!text.contains("Glorpco"), "{text}");
}

/// Without a file name the page is `<stdin>`, in every format.
#[test]
fn stdin_works_with_every_format() {
    let dir = site();
    for format in ["human", "compact", "json", "sarif", "gitlab", "github"] {
        let out = jobfam()
            .current_dir(dir.path())
            .args(["check", "--stdin", "--format", format])
            .write_stdin(PAGE)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: {text}");
        // SARIF escapes the name as a URI reference.
        assert!(
            text.contains("<stdin>") || text.contains("%3Cstdin%3E"),
            "{format}: {text}"
        );
        assert!(text.contains("spelling/repeated-word"), "{format}: {text}");
    }
    let out = jobfam()
        .args(["check", "--stdin", "--format", "json"])
        .write_stdin(PAGE.replace("Gitlab", "GitLab").replace("the the", "the"))
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["files_checked"], 1);
    assert_eq!(report["diagnostics"], json!([]));
    assert_eq!(out.status.code(), Some(0));
}

/// Bytes that are not UTF-8 are a read error (exit 2); paths and --stdin do not mix.
#[test]
fn stdin_rejects_bad_input_and_paths() {
    let out = jobfam()
        .args(["check", "--stdin", "--format", "compact"])
        .args(["--stdin-filename", "page.md"])
        .write_stdin(b"---\ntitle: x\n---\n\xff\n".to_vec())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("page.md:1:1: error read-error: file is not valid UTF-8"),
        "{text}"
    );

    let out = jobfam()
        .args(["check", "--stdin", "page.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = jobfam()
        .args(["check", "--stdin-filename", "page.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
