import Foundation

extension SigningKey {
    /// Writes the private key as PKCS#8 PEM to a new file created with mode 0600 (never widened by
    /// the umask, never over an existing file) and returns its path.
    public func writePrivateKey(to path: String) throws(SigningKeyError) -> String {
        guard let pem = privateKeyPEM else { throw SigningKeyError("an HS256 secret is never written to a file") }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw SigningKeyError("cannot create \(path) (it must not exist yet)") }
        defer { close(descriptor) }
        let bytes = Array(pem.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fchmod(descriptor, 0o600) == 0 else {
            throw SigningKeyError("cannot write the private key to \(path)")
        }
        return path
    }

    /// A fresh private folder (0700) under the temporary directory for a generated key.
    public static func newKeyPath() throws(SigningKeyError) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("graph-conformance-issuer-\(UUID().uuidString.prefix(8).lowercased())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SigningKeyError("cannot create a folder for the issuer's key under \(FileManager.default.temporaryDirectory.path)")
        }
        return folder.appendingPathComponent("signing-key.pem").path
    }
}
