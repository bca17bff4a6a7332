import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files so a reader never sees half a document (CONVENTIONS rule 23).
///
/// The text goes to a temporary file in the target's directory (same file system, so `rename(2)` is
/// atomic), is flushed with `fsync(2)`, and is renamed over the target; the directory is then synced
/// so the rename itself survives a crash. On any failure the temporary file is removed.
public enum ReportFile {
    public static func writeAtomically(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportFileError(path: directory, operation: "create directory", detail: "\(error)")
        }
        let (descriptor, temporaryPath) = try makeTemporaryFile(beside: target)
        do {
            try writeAll(Array(text.utf8), to: descriptor, path: temporaryPath)
            // mkstemp creates 0600; reports are meant to be read by CI artifact uploaders.
            guard fchmod(descriptor, 0o644) == 0 else { throw ReportFileError.posix("chmod", temporaryPath) }
            guard fsync(descriptor) == 0 else { throw ReportFileError.posix("fsync", temporaryPath) }
        } catch {
            close(descriptor)
            unlink(temporaryPath)
            throw error
        }
        // Closed exactly once: after a failed close(2) the descriptor is gone and may already be reused.
        guard close(descriptor) == 0 else {
            let error = ReportFileError.posix("close", temporaryPath)
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, path) == 0 else {
            let error = ReportFileError.posix("rename to \(path)", temporaryPath)
            unlink(temporaryPath)
            throw error
        }
        syncDirectory(directory)
    }

    /// `.<name>.tmp.XXXXXX` beside the target: hidden, and matched by the repository's `*.tmp`-style ignores.
    private static func makeTemporaryFile(beside target: URL) throws -> (Int32, String) {
        let directory = target.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(target.lastPathComponent).tmp.XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard descriptor >= 0 else { throw ReportFileError.posix("create temporary file", temporaryPath) }
        return (descriptor, temporaryPath)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ReportFileError.posix("write", path)
            }
            offset += written
        }
    }

    /// Best effort: some file systems refuse to fsync a directory, and the data is already safe.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
