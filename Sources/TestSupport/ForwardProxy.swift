import Foundation

/// `tinyproxy` as a forward proxy on 127.0.0.1: plain HTTP requests in absolute form, and CONNECT
/// tunnels to the TLS ports named, with every request written to its log (test-only).
public final class ForwardProxy {
    public static let executable = ToolProcess.locate("tinyproxy")

    public let directory: URL
    public let port: Int
    private let tool: ToolProcess
    private let logFile: URL

    public var url: String { "http://127.0.0.1:\(port)" }

    /// The request lines the proxy received, in order: "GET http://127.0.0.1:8080/beta/me HTTP/1.1",
    /// "CONNECT 127.0.0.1:8443 HTTP/1.1".
    public var requestLines: [String] {
        ToolProcess.text(of: logFile).split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "Request (file descriptor ") else { return nil }
            guard let colon = line[range.upperBound...].range(of: "): ") else { return nil }
            return String(line[colon.upperBound...])
        }
    }

    public init(connectPorts: [Int]) throws {
        guard let tinyproxy = Self.executable else { throw ToolProcess.SetupError(description: "tinyproxy not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gc-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logFile = directory.appendingPathComponent("tinyproxy.log")
        self.logFile = logFile
        // tinyproxy needs a fixed port: borrow free ones until it gets to listen on one.
        for _ in 0..<5 {
            let port = try TLSFixture.freePort()
            try? FileManager.default.removeItem(at: logFile)
            let config = ([
                "Port \(port)", "Listen 127.0.0.1", "Allow 127.0.0.1", "Timeout 60", "MaxClients 64",
                "LogFile \"\(logFile.path)\"", "LogLevel Connect",   // Connect: one line per request
            ] + connectPorts.map { "ConnectPort \($0)" }).joined(separator: "\n") + "\n"
            try config.write(to: directory.appendingPathComponent("tinyproxy.conf"), atomically: true, encoding: .utf8)
            let tool = try ToolProcess(tinyproxy, ["-d", "-c", "tinyproxy.conf"], in: directory)
            if try tool.waitUntil({ ToolProcess.isListening(port: port) && tool.isRunning }) {
                self.port = port
                self.tool = tool
                return
            }
        }
        throw ToolProcess.SetupError(description: "tinyproxy did not start: \(ToolProcess.text(of: logFile).suffix(600))")
    }

    deinit {
        tool.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
