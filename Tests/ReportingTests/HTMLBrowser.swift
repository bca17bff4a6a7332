import Foundation

/// Opens a page in headless Chromium (Debian's `chromium`) and returns what a reader's browser
/// built from it: the DOM after scripts ran, the console (where CSP violations are reported),
/// and the network log (every request the browser made). Test-only.
struct HTMLBrowser {
    struct Visit {
        /// `document.documentElement.outerHTML` after load, as `--dump-dom` prints it.
        var dom: String
        /// Console lines, CSP violations among them.
        var console: [String]
        /// Every URL in the browser's network log (it also holds the browser's own traffic).
        var requestedURLs: Set<String>
    }

    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { executable != nil }

    /// Hang guard only: a visit takes a few seconds even on a loaded machine.
    static let timeout: TimeInterval = 120

    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// JavaScript off needs the DevTools protocol: `--dump-dom` itself runs script, so with
    /// `--blink-settings=scriptEnabled=false` it prints nothing.
    static var canVisitWithoutJavaScript: Bool { executable != nil && python != nil }

    /// Writes `html` to a temporary file and opens it as `file://…#fragment`.
    static func visit(_ html: String, fragment: String? = nil, javaScript: Bool = true) throws -> Visit {
        guard let executable else { throw BrowserError(message: "chromium is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("html-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        let netLog = folder.appendingPathComponent("net.json")
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-logging=stderr", "--v=0", "--log-net-log=\(netLog.path)",
        ]
        let url = page.absoluteString + (fragment.map { "#" + $0 } ?? "")
        arguments += ["--dump-dom", url]

        let process = Process()
        if javaScript {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            guard let python else { throw BrowserError(message: "python3 is not installed") }
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", Self.scriptlessVisit, executable, url, folder.appendingPathComponent("profile").path]
        }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw BrowserError(message: "chromium did not finish within \(Int(timeout)) s")
        }
        let dom = try String(contentsOf: out, encoding: .utf8)
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        guard dom.contains("<html") else {
            throw BrowserError(message: "chromium exited \(process.terminationStatus) without a DOM:\n\(stderr.suffix(2000))")
        }
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Visit(dom: dom, console: console, requestedURLs: Self.urls(inNetLog: netLog))
    }

    /// Every `url` value in the net log's events (the file is JSON, possibly unterminated if
    /// the browser was cut short, so it is scanned rather than parsed).
    static func urls(inNetLog file: URL) -> Set<String> {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        let expression = try! NSRegularExpression(pattern: #""(?:url|original_url)":"([^"]*)""#)
        return Set(expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    struct BrowserError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Python (standard library only) driving Chromium over `--remote-debugging-pipe`: scripts
    /// disabled for the page (`Emulation.setScriptExecutionDisabled`), navigate, wait for the
    /// load event, print the document's outer HTML. Arguments: chromium, URL, profile folder.
    static let scriptlessVisit = #"""
import json, os, subprocess, sys
chromium, url, profile = sys.argv[1], sys.argv[2], sys.argv[3]
# Chromium reads commands on fd 3 and answers on fd 4; the pipes are created above 4 and moved
# there in the child only.
held = [os.open(os.devnull, os.O_RDONLY) for _ in range(2)]
to_r, to_w = os.pipe()
from_r, from_w = os.pipe()
def place():
    os.dup2(to_r, 3); os.dup2(from_w, 4)
proc = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"], pass_fds=(3, 4), preexec_fn=place,
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_r); os.close(from_w)
out = os.fdopen(to_w, "wb"); inp = os.fdopen(from_r, "rb")
buffer = b""; next_id = 0
def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session: message["sessionId"] = session
    out.write(json.dumps(message).encode() + b"\0"); out.flush()
    return next_id
def read():
    global buffer
    while b"\0" not in buffer:
        chunk = inp.read1(65536)
        if not chunk: raise SystemExit("browser closed the pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)
def call(method, params=None, session=None):
    wanted = send(method, params, session)
    while True:
        message = read()
        if message.get("id") == wanted:
            if "error" in message: raise SystemExit(method + ": " + json.dumps(message["error"]))
            return message["result"]
target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
call("Emulation.setScriptExecutionDisabled", {"value": True}, session)
call("Page.enable", {}, session)
call("Page.navigate", {"url": url}, session)
while True:
    message = read()
    if message.get("method") == "Page.loadEventFired" and message.get("sessionId") == session: break
root = call("DOM.getDocument", {"depth": -1}, session)["root"]["nodeId"]
sys.stdout.write(call("DOM.getOuterHTML", {"nodeId": root}, session)["outerHTML"])
try: call("Browser.close")
except SystemExit: pass
proc.wait(timeout=30)
"""#
}
