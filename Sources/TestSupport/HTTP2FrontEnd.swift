import Foundation

/// `nghttpx` (Debian's nghttp2-proxy) terminating TLS on 127.0.0.1 with ALPN h2 in front of a
/// plain HTTP/1.1 backend, with a throwaway CA from `TLSFixture` (test-only).
public final class HTTP2FrontEnd {
    public static let executable = ToolProcess.locate("nghttpx")

    public let directory: URL
    public let port: Int
    private let tool: ToolProcess

    /// Trust this CA to reach the front end (`--cacert`).
    public var caPath: String { directory.appendingPathComponent("ca.pem").path }
    public var origin: String { "https://127.0.0.1:\(port)" }
    /// One line per request the front end forwarded (nghttpx's default access-log format).
    public var accessLog: String { ToolProcess.text(of: directory.appendingPathComponent("access.log")) }

    public init(backendPort: Int) throws {
        guard let nghttpx = Self.executable else { throw ToolProcess.SetupError(description: "nghttpx not installed (Debian: nghttp2-proxy)") }
        guard let openssl = TLSFixture.opensslPath else { throw ToolProcess.SetupError(description: "openssl not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gc-h2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try TLSFixture.makeCertificates(openssl: openssl, in: directory)
        // An empty config, so a machine-wide /etc/nghttpx/nghttpx.conf cannot change the set-up.
        try Data().write(to: directory.appendingPathComponent("nghttpx.conf"))
        // nghttpx refuses port 0, so borrow a free port; if another process takes it first, nghttpx
        // exits and the next borrowed port is tried.
        for _ in 0..<5 {
            let port = try TLSFixture.freePort()
            let errorLog = directory.appendingPathComponent("error.log")
            try? FileManager.default.removeItem(at: errorLog)
            let tool = try ToolProcess(nghttpx, [
                "--conf=nghttpx.conf", "--single-process", "--workers=1", "--no-ocsp",
                "--frontend=127.0.0.1,\(port)",            // TLS; ALPN offers h2 first, then http/1.1
                "--backend=127.0.0.1,\(backendPort)",      // plain HTTP/1.1 to the mock
                "--errorlog-file=error.log", "--accesslog-file=access.log",
                "server.key", "server.pem",
            ], in: directory)
            let listening = "Listening on 127.0.0.1:\(port)"
            if try tool.waitUntil({ ToolProcess.text(of: errorLog).contains(listening) && ToolProcess.isListening(port: port) }) {
                self.port = port
                self.tool = tool
                return
            }
        }
        throw ToolProcess.SetupError(description: "nghttpx did not start: \(ToolProcess.text(of: directory.appendingPathComponent("error.log")).suffix(600))")
    }

    deinit {
        tool.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
