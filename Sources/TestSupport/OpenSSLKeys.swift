import Foundation

/// Private keys made by `openssl`, an implementation independent of the code under test, in the
/// PEM forms teams actually have (test-only).
public enum OpenSSLKeys {
    public enum Kind: String, CaseIterable, Sendable {
        /// `openssl genpkey -algorithm RSA`: PKCS#8 `BEGIN PRIVATE KEY`.
        case rsaPKCS8
        /// `openssl genrsa -traditional`: PKCS#1 `BEGIN RSA PRIVATE KEY`.
        case rsaPKCS1
        /// `openssl genpkey -algorithm EC`: PKCS#8.
        case ecPKCS8
        /// `openssl ecparam -genkey -noout`: SEC1 `BEGIN EC PRIVATE KEY`.
        case ecSEC1

        /// The openssl command line writing the key to `path` (genrsa wants the bit count last).
        public func arguments(writingTo path: String) -> [String] {
            switch self {
            case .rsaPKCS8: ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path]
            case .rsaPKCS1: ["genrsa", "-traditional", "-out", path, "2048"]
            case .ecPKCS8: ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", path]
            case .ecSEC1: ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", path]
            }
        }
    }

    public static var openssl: String? {
        ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A new key of `kind` written to a file in a fresh folder; returns the path.
    public static func make(_ kind: Kind) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(kind.rawValue).pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl ?? "/usr/bin/openssl")
        process.arguments = kind.arguments(writingTo: path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }
}
