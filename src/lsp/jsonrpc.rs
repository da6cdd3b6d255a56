//! JSON-RPC 2.0 messages as LSP uses them: what a frame's body says, and what the server sends.
//!
//! Between the transport and the server: [`parse`] reads a body into a [`Message`], or into a
//! [`MessageError`] that says why it is not one and which id to answer it with (JSON-RPC's
//! Parse error and Invalid Request); [`Message::to_json`] is what goes out. Our own types rather
//! than lsp-server's: an answer to a message whose id cannot be read has `"id": null`, which
//! lsp-server's `Response` cannot say, and its untagged `Message` takes a request whose id it
//! cannot read for a notification, which would leave the request unanswered.

use serde_json::{Map, Value};
use std::fmt;

/// The error codes the server answers with (JSON-RPC's, and LSP's `ServerNotInitialized`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// The body is not JSON.
    ParseError = -32700,
    /// The body is JSON but not a request, a notification or a response; or a request that is
    /// not allowed now (after `shutdown`, a second `initialize`).
    InvalidRequest = -32600,
    /// A request the server does not handle.
    MethodNotFound = -32601,
    /// A request whose parameters cannot be read.
    InvalidParams = -32602,
    /// A request before `initialize`.
    ServerNotInitialized = -32002,
}

/// A request's id: LSP allows an integer or a string.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RequestId {
    /// An integer id (LSP's are 32-bit; any that JSON carries exactly is echoed back).
    Number(i64),
    /// A string id.
    String(String),
}

impl From<i64> for RequestId {
    fn from(id: i64) -> RequestId {
        RequestId::Number(id)
    }
}

impl From<String> for RequestId {
    fn from(id: String) -> RequestId {
        RequestId::String(id)
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestId::Number(n) => write!(f, "{n}"),
            // Quoted, so that `7` and `"7"` read differently.
            RequestId::String(s) => write!(f, "{s:?}"),
        }
    }
}

impl RequestId {
    fn to_json(&self) -> Value {
        match self {
            RequestId::Number(n) => Value::from(*n),
            RequestId::String(s) => Value::from(s.as_str()),
        }
    }
}

/// A message that expects an answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// What the answer must carry.
    pub id: RequestId,
    /// What is asked.
    pub method: String,
    /// An object, an array, or null when there are none.
    pub params: Value,
}

/// A message that expects no answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Notification {
    /// What happened.
    pub method: String,
    /// An object, an array, or null when there are none.
    pub params: Value,
}

/// The answer to a request.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// The request's id; `None` (sent as `null`) when it could not be read.
    pub id: Option<RequestId>,
    /// The result, or why there is none.
    pub result: Result<Value, ResponseError>,
}

/// Why a request has no result.
#[derive(Clone, Debug, PartialEq)]
pub struct ResponseError {
    /// A JSON-RPC or LSP error code (a client may send any).
    pub code: i64,
    /// What went wrong, for people.
    pub message: String,
}

/// One JSON-RPC message.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// Expects an answer.
    Request(Request),
    /// Expects none.
    Notification(Notification),
    /// Answers a request.
    Response(Response),
}

impl From<Request> for Message {
    fn from(request: Request) -> Message {
        Message::Request(request)
    }
}

impl From<Notification> for Message {
    fn from(notification: Notification) -> Message {
        Message::Notification(notification)
    }
}

impl From<Response> for Message {
    fn from(response: Response) -> Message {
        Message::Response(response)
    }
}

/// The value of `params` for what the server sends; LSP's types always serialize.
fn to_params(params: impl serde::Serialize) -> Value {
    serde_json::to_value(params).expect("LSP parameters serialize to JSON")
}

impl Request {
    /// A request from the server.
    pub fn new(id: RequestId, method: &str, params: impl serde::Serialize) -> Request {
        Request {
            id,
            method: method.to_string(),
            params: to_params(params),
        }
    }
}

impl Notification {
    /// A notification from the server.
    pub fn new(method: &str, params: impl serde::Serialize) -> Notification {
        Notification {
            method: method.to_string(),
            params: to_params(params),
        }
    }
}

impl Response {
    /// A result for request `id`.
    pub fn ok(id: RequestId, result: impl serde::Serialize) -> Response {
        Response {
            id: Some(id),
            result: Ok(to_params(result)),
        }
    }

    /// An error for request `id` (`None`: a message whose id could not be read).
    pub fn error(id: Option<RequestId>, code: ErrorCode, message: impl Into<String>) -> Response {
        Response {
            id,
            result: Err(ResponseError {
                code: code as i64,
                message: message.into(),
            }),
        }
    }
}

impl Message {
    /// The message as it is sent, with `"jsonrpc": "2.0"`.
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("jsonrpc".into(), "2.0".into());
        let params = match self {
            Message::Request(r) => {
                object.insert("id".into(), r.id.to_json());
                object.insert("method".into(), r.method.as_str().into());
                &r.params
            }
            Message::Notification(n) => {
                object.insert("method".into(), n.method.as_str().into());
                &n.params
            }
            Message::Response(r) => {
                let id = r.id.as_ref().map_or(Value::Null, RequestId::to_json);
                object.insert("id".into(), id);
                match &r.result {
                    Ok(result) => object.insert("result".into(), result.clone()),
                    Err(e) => object.insert(
                        "error".into(),
                        serde_json::json!({"code": e.code, "message": e.message}),
                    ),
                };
                &Value::Null
            }
        };
        if !params.is_null() {
            object.insert("params".into(), params.clone());
        }
        Value::Object(object)
    }
}

/// Why a body is not a message, and whom to tell.
#[derive(Debug, thiserror::Error)]
pub enum MessageError {
    /// The body is not JSON (nor UTF-8).
    #[error("the message is not JSON: {0}")]
    NotJson(serde_json::Error),
    /// JSON that is not a JSON-RPC message; `id` is the request's when it could be read.
    #[error("{reason}")]
    Invalid {
        /// The id to answer with.
        id: Option<RequestId>,
        /// What is wrong, for the client's log.
        reason: &'static str,
    },
}

impl MessageError {
    /// The error response JSON-RPC says the server sends for it.
    pub fn to_response(&self) -> Response {
        match self {
            MessageError::NotJson(_) => {
                Response::error(None, ErrorCode::ParseError, self.to_string())
            }
            MessageError::Invalid { id, reason } => {
                Response::error(id.clone(), ErrorCode::InvalidRequest, *reason)
            }
        }
    }
}

const BAD_ID: &str = "`id` must be an integer or a string";

/// What a message's `id` member holds.
enum IdMember {
    Absent,
    Null,
    Id(RequestId),
}

/// Reads a frame's body as one message. Lenient where lsp-server is (a missing `jsonrpc` is
/// taken for 2.0, members LSP does not define are ignored), strict on what decides what the
/// message is and what to answer: `id`, `method`, `params`, `result`, `error`.
pub fn parse(body: &[u8]) -> Result<Message, MessageError> {
    let invalid = |id: Option<RequestId>, reason| MessageError::Invalid { id, reason };
    let mut object = match serde_json::from_slice(body).map_err(MessageError::NotJson)? {
        Value::Object(object) => object,
        Value::Array(_) => {
            return Err(invalid(
                None,
                "the message is an array: LSP does not use JSON-RPC batches",
            ));
        }
        _ => return Err(invalid(None, "the message is not a JSON object")),
    };
    let id = match object.remove("id") {
        None => IdMember::Absent,
        Some(Value::Null) => IdMember::Null,
        Some(Value::String(s)) => IdMember::Id(RequestId::String(s)),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(n) => IdMember::Id(RequestId::Number(n)),
            None => return Err(invalid(None, BAD_ID)),
        },
        Some(_) => return Err(invalid(None, BAD_ID)),
    };
    let known = match &id {
        IdMember::Id(id) => Some(id.clone()),
        IdMember::Absent | IdMember::Null => None,
    };
    match object.get("jsonrpc") {
        None => {}
        Some(Value::String(v)) if v == "2.0" => {}
        Some(_) => return Err(invalid(known, "`jsonrpc` must be \"2.0\"")),
    }
    let method = match object.remove("method") {
        Some(Value::String(method)) => method,
        Some(_) => return Err(invalid(known, "`method` must be a string")),
        None => return response(id, object),
    };
    let params = match object.remove("params") {
        None | Some(Value::Null) => Value::Null,
        Some(params @ (Value::Object(_) | Value::Array(_))) => params,
        Some(_) => return Err(invalid(known, "`params` must be an object or an array")),
    };
    match id {
        IdMember::Absent => Ok(Message::Notification(Notification { method, params })),
        IdMember::Null => Err(invalid(None, BAD_ID)),
        IdMember::Id(id) => Ok(Message::Request(Request { id, method, params })),
    }
}

/// A message without `method`: a response to one of the server's requests, or nothing. Errors
/// about a response carry no id: its id is one of the server's, not a request to answer.
fn response(id: IdMember, mut object: Map<String, Value>) -> Result<Message, MessageError> {
    let invalid = |reason| MessageError::Invalid { id: None, reason };
    let (result, error) = (object.remove("result"), object.remove("error"));
    let id = match (id, result.is_some() || error.is_some()) {
        (IdMember::Id(id), false) => {
            return Err(MessageError::Invalid {
                id: Some(id),
                reason: "the message has no `method`",
            });
        }
        (_, false) => return Err(invalid("the message has no `method`")),
        (IdMember::Absent, true) => return Err(invalid("a response must have an `id`")),
        (IdMember::Null, true) => None,
        (IdMember::Id(id), true) => Some(id),
    };
    let result = match (result, error) {
        (Some(result), None) => Ok(result),
        (None, Some(Value::Object(error))) => {
            match (
                error.get("code").and_then(Value::as_i64),
                error.get("message"),
            ) {
                (Some(code), Some(Value::String(message))) => Err(ResponseError {
                    code,
                    message: message.clone(),
                }),
                _ => {
                    return Err(invalid(
                        "a response's `error` must have an integer `code` and a string `message`",
                    ));
                }
            }
        }
        (None, Some(_)) => {
            return Err(invalid(
                "a response's `error` must have an integer `code` and a string `message`",
            ));
        }
        _ => {
            return Err(invalid(
                "a response must have `result` or `error`, not both",
            ));
        }
    };
    Ok(Message::Response(Response { id, result }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(body: &str) -> Result<Message, String> {
        parse(body.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn requests_notifications_and_responses_are_read() {
        assert_eq!(
            read(r#"{"jsonrpc": "2.0", "id": "a", "method": "shutdown"}"#),
            Ok(Message::Request(Request {
                id: RequestId::String("a".into()),
                method: "shutdown".into(),
                params: Value::Null
            }))
        );
        // Ids beyond LSP's 32 bits are still ids, not notifications.
        assert_eq!(
            read(r#"{"id": 5000000000, "method": "x", "params": [1], "extra": 1}"#),
            Ok(Message::Request(Request {
                id: RequestId::Number(5_000_000_000),
                method: "x".into(),
                params: json!([1])
            }))
        );
        assert_eq!(
            read(r#"{"jsonrpc": "2.0", "method": "exit", "params": null}"#),
            Ok(Message::Notification(Notification {
                method: "exit".into(),
                params: Value::Null
            }))
        );
        assert_eq!(
            read(r#"{"jsonrpc": "2.0", "id": 3, "result": null}"#),
            Ok(Message::Response(Response {
                id: Some(RequestId::Number(3)),
                result: Ok(Value::Null)
            }))
        );
        assert_eq!(
            read(r#"{"id": null, "error": {"code": -32601, "message": "no"}}"#),
            Ok(Message::Response(Response {
                id: None,
                result: Err(ResponseError {
                    code: -32601,
                    message: "no".into()
                })
            }))
        );
    }

    #[test]
    fn what_is_not_a_message_says_why_and_whom_to_answer() {
        let answer = |body: &str| {
            let e = parse(body.as_bytes()).unwrap_err();
            e.to_response()
        };
        let invalid = |id: Option<RequestId>, reason: &str| {
            Response::error(id, ErrorCode::InvalidRequest, reason)
        };
        // Not UTF-8, then cut short.
        for (body, why) in [
            (
                &b"{\"id\": 1, \"method\": \"\xff\"}"[..],
                "invalid unicode code point at line 1 column 22",
            ),
            (
                b"{\"id\": 1, \"method\": \"x",
                "EOF while parsing a string at line 1 column 22",
            ),
        ] {
            assert_eq!(
                parse(body).unwrap_err().to_response(),
                Response::error(
                    None,
                    ErrorCode::ParseError,
                    format!("the message is not JSON: {why}")
                )
            );
        }
        assert_eq!(
            answer(r#"{"id": 1.5, "method": "x"}"#),
            invalid(None, BAD_ID)
        );
        assert_eq!(
            answer(r#"{"id": null, "method": "x"}"#),
            invalid(None, BAD_ID)
        );
        assert_eq!(
            answer(r#"{"id": 2}"#),
            invalid(Some(2.into()), "the message has no `method`")
        );
        assert_eq!(
            answer(r#"{"id": 2, "result": 1, "error": {}}"#),
            invalid(None, "a response must have `result` or `error`, not both")
        );
        assert_eq!(
            answer(r#"{"id": 2, "error": {"code": "x", "message": "y"}}"#),
            invalid(
                None,
                "a response's `error` must have an integer `code` and a string `message`"
            )
        );
        assert_eq!(
            answer(r#"{"result": 1}"#),
            invalid(None, "a response must have an `id`")
        );
        assert_eq!(
            answer(r#"{"jsonrpc": 2, "id": "q", "method": "x"}"#),
            invalid(Some("q".to_string().into()), "`jsonrpc` must be \"2.0\"")
        );
    }

    #[test]
    fn messages_are_sent_as_json_rpc() {
        let sent = |m: Message| m.to_json();
        assert_eq!(
            sent(Request::new(7.into(), "client/registerCapability", json!({"a": 1})).into()),
            json!({"jsonrpc": "2.0", "id": 7, "method": "client/registerCapability",
                   "params": {"a": 1}})
        );
        assert_eq!(
            sent(Notification::new("exit", ()).into()),
            json!({"jsonrpc": "2.0", "method": "exit"})
        );
        assert_eq!(
            sent(Response::ok("r".to_string().into(), [1]).into()),
            json!({"jsonrpc": "2.0", "id": "r", "result": [1]})
        );
        assert_eq!(
            sent(Response::error(None, ErrorCode::ParseError, "bad").into()),
            json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "bad"}})
        );
    }
}
