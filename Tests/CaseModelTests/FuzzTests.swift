import CaseModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JSONShape
import Testing

/// Seeded mutation fuzzing of the catalogue's own case files through `CaseFileDecoder.load`: it
/// must never crash, never hang (each input is time-boxed), and every diagnostic must name the file
/// it is about. Reproduce a failure with GC_FUZZ_SEED=<seed> (printed in every failure message);
/// GC_FUZZ_ITERATIONS raises the count for a longer local session.
@Suite(.timeLimit(.minutes(10))) struct FuzzTests {
    static let repoRoot = TestContract.repoRoot
    static let seed = ProcessInfo.processInfo.environment["GC_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_129
    static let iterations = ProcessInfo.processInfo.environment["GC_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 500
    /// Per input, in CPU seconds of the decoding thread: a loaded machine stretches wall time but
    /// not CPU time, so this bound measures the decoder, not its neighbours. Generous for a debug build.
    static let timeBox = 5.0
    /// Wall-clock wait before an input counts as hung. A hang is forever; this only has to be far
    /// beyond what `timeBox` CPU seconds can take on a busy 2-core machine.
    static let hangWait = 120.0

    /// Every case file of the catalogue (not the contract or targets), as bytes.
    static let corpus: [(name: String, bytes: [UInt8])] = {
        let cases = repoRoot.appendingPathComponent("cases")
        let enumerator = FileManager.default.enumerator(at: cases, includingPropertiesForKeys: nil)
        var files: [(String, [UInt8])] = []
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.path.dropFirst(cases.path.count + 1))
            guard url.pathExtension == "yaml", !relative.hasPrefix("contract/"), !relative.hasPrefix("targets/"),
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files.append((relative, Array(data)))
        }
        return files.sorted { $0.0 < $1.0 }
    }()

    static var context: LintContext { TestContract.loaded.context }

    struct Loaded: @unchecked Sendable {
        var file: CaseFile?
        var diagnostics: [Diagnostic]
        /// CPU time the decoding thread used (CLOCK_THREAD_CPUTIME_ID).
        var seconds: Double
    }

    /// CPU seconds the calling thread has used so far.
    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Decodes on a thread of its own (8 MiB stack, like a main thread) and gives up waiting after
    /// `hangWait`; nil means it did not finish.
    static func load(_ text: String, path: String) -> Loaded? {
        final class Box: @unchecked Sendable { var value: Loaded? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let context = Self.context
        let thread = Thread {
            let started = threadCPUSeconds()
            let sink = DiagnosticSink()
            let file = CaseFileDecoder.load(text: text, path: path, context: context, sink: sink)
            box.value = Loaded(file: file, diagnostics: sink.diagnostics, seconds: threadCPUSeconds() - started)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + hangWait) == .success else { return nil }
        return box.value
    }

    /// The properties every input must have, whatever it is.
    static func check(_ text: String, path: String, what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Loaded? {
        guard let loaded = load(text, path: path) else {
            Issue.record("\(what): CaseFileDecoder.load did not finish within \(hangWait) s (seed \(seed))", sourceLocation: sourceLocation)
            return nil
        }
        for diagnostic in loaded.diagnostics {
            #expect(diagnostic.location.file == path, "\(what): diagnostic does not name the file: \(diagnostic) (seed \(seed))", sourceLocation: sourceLocation)
            #expect(diagnostic.description.hasPrefix(path + ":"), "\(what): \(diagnostic)", sourceLocation: sourceLocation)
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(what): \(diagnostic)", sourceLocation: sourceLocation)
            #expect(!diagnostic.message.isEmpty, "\(what): empty message at \(diagnostic.location)", sourceLocation: sourceLocation)
        }
        if loaded.file == nil {
            #expect(loaded.diagnostics.contains { $0.severity == .error }, "\(what): rejected without saying why (seed \(seed))", sourceLocation: sourceLocation)
        }
        return loaded
    }

    @Test func corpusIsTheCatalogueAndLoadsCleanly() throws {
        #expect(Self.corpus.count >= 10, "found \(Self.corpus.map(\.name))")
        for (name, bytes) in Self.corpus {
            let loaded = try #require(Self.check(String(decoding: bytes, as: UTF8.self), path: "cases/" + name, what: name))
            #expect(loaded.file != nil && loaded.diagnostics.isEmpty, "\(name): \(loaded.diagnostics)")
        }
    }

    /// Random mutations of random catalogue files, reproducible from the seed.
    @Test func mutatedCatalogueFilesNeverCrashHangOrLoseTheFileName() throws {
        var generator = Xoshiro(seed: Self.seed)
        var rejected = 0, slowest = 0.0
        var seen: [String: Int] = [:]
        for iteration in 0..<Self.iterations {
            let (name, original) = Self.corpus[Int.random(in: 0..<Self.corpus.count, using: &generator)]
            let mutation = Mutation.allCases.randomElement(using: &generator)!
            var bytes = original
            let rounds = mutation == .hugeString ? 1 : Int.random(in: 1...3, using: &generator)
            for _ in 0..<rounds { mutation.apply(to: &bytes, using: &generator) }
            seen[mutation.rawValue, default: 0] += 1
            let path = "fuzz/\(iteration)-\(mutation.rawValue)/\(name)"
            if let dump = ProcessInfo.processInfo.environment["GC_FUZZ_DUMP_DIR"] {
                // Keep every input on disk so a failure can be replayed with `graph-conformance lint`.
                let file = URL(fileURLWithPath: dump).appendingPathComponent("\(iteration)-\(mutation.rawValue)-\(name.replacingOccurrences(of: "/", with: "_"))")
                try Data(bytes).write(to: file)
            }
            guard let loaded = Self.check(String(decoding: bytes, as: UTF8.self), path: path, what: "iteration \(iteration) \(mutation) of \(name)") else {
                return  // a hung decoder thread is still running: stop here rather than pile up more
            }
            if loaded.file == nil || loaded.diagnostics.contains(where: { $0.severity == .error }) { rejected += 1 }
            slowest = max(slowest, loaded.seconds)
        }
        // The fuzzer must actually produce broken files, and every mutation must have been tried.
        #expect(rejected > Self.iterations / 4, "only \(rejected) of \(Self.iterations) mutated files were rejected")
        #expect(Set(seen.keys) == Set(Mutation.allCases.map(\.rawValue)), "\(seen)")
        #expect(slowest < Self.timeBox, "slowest input took \(slowest) CPU seconds")
    }

    // MARK: Hostile shapes, one each

    static func caseFile(stepJSON: String) -> String {
        "suite: hostile\ncases:\n  - name: x\n    steps:\n      - {method: GET, path: /me/profile/positions, json: \(stepJSON)}\n"
    }

    static let hostile: [(String, String)] = [
        ("5000 nested flow sequences", caseFile(stepJSON: String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000))),
        ("5000 unclosed [", caseFile(stepJSON: String(repeating: "[", count: 5000))),
        ("5000 nested flow mappings", caseFile(stepJSON: String(repeating: "{a: ", count: 5000) + "1" + String(repeating: "}", count: 5000))),
        ("5000 nested block sequences", "suite: hostile\ncases:\n" + (0..<5000).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n") + " x\n"),
        ("1 MB plain scalar", caseFile(stepJSON: String(repeating: "a", count: 1 << 20))),
        ("1 MB quoted scalar with escapes", caseFile(stepJSON: "\"" + String(repeating: "\\u00e9\\n", count: (1 << 20) / 8) + "\"")),
        ("1 MB case name", "suite: hostile\ncases:\n  - name: \(String(repeating: "n", count: 1 << 20))\n    steps: [{method: GET, path: /x}]\n"),
        ("1 MB key", "suite: hostile\n\(String(repeating: "k", count: 1 << 20)): 1\ncases: []\n"),
        ("100k cases of nothing", "suite: hostile\ncases:\n" + String(repeating: "  - {}\n", count: 100_000)),
        ("NUL and invalid UTF-8", "suite: hos\u{0}tile\ncases:\n  - name: \u{FFFD}\u{1B}[2J\n    steps: [{method: GET, path: \"/\\0\"}]\n"),
        ("BOM, CRLF and tabs", "\u{FEFF}suite: hostile\r\ncases:\r\n\t- name: x\r\n"),
        ("many documents", String(repeating: "---\nsuite: a\ncases: []\n", count: 1000)),
        ("tags and anchors", "suite: !!binary AAAA\ncases: &c [*c]\n"),
        ("undefined alias", "suite: *nope\ncases: []\n"),
        ("anchor expansion bomb (10^7 nodes)", billionLaughs(levels: 7)),
        ("anchor expansion bomb (10^9 nodes)", billionLaughs(levels: 9)),
    ]

    /// "Billion laughs": each level is ten aliases of the one before, so a reader that expands
    /// aliases builds 10^levels nodes from a file of a few hundred bytes.
    static func billionLaughs(levels: Int) -> String {
        var lines = ["suite: laughs", "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<levels {
            lines.append("x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines += ["cases:", "  - name: x", "    steps:", "      - {method: GET, path: /a, json: *a\(levels - 1)}"]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: hostile.map(\.0))
    func hostileInputIsDiagnosedQuickly(name: String) throws {
        let text = try #require(Self.hostile.first { $0.0 == name }?.1)
        let loaded = try #require(Self.check(text, path: "hostile/\(name).yaml", what: name))
        #expect(loaded.seconds < 4, "\(name) took \(loaded.seconds) CPU seconds")
        if name.hasPrefix("5000") || name.hasPrefix("anchor") || name.contains("NUL") || name == "undefined alias" || name == "1 MB key" {
            #expect(loaded.diagnostics.contains { $0.severity == .error }, "\(name) must be rejected")
        }
    }
}

/// The ways a file is broken; each keeps the rest of the file intact so decoding gets far.
enum Mutation: String, CaseIterable {
    case truncate, byteFlip, yamlPunctuation, deepNesting, hugeString, wrongType, keyRename, lineSwap, duplicateLine, indentShift, encodingNoise

    static let punctuation = Array(":-[]{}\"'\n\t #&*!|>%@`,?\\".utf8)
    static let replacements = ["[]", "{}", "42", "-1", "1e999", "null", "~", "true", "\"\"", "[1, [2, {a: b}]]", "{status: {status: 200}}", "*undefined",
                               "!!binary AAAA", "!!int x", "0x1F", ".nan", "\"${\"", "\"${unclosed\"", "\"${policy.nope | bogus}\"", "|\n  block", "'", "\"\\u0000\""]
    static let keys = ["suite", "classname", "doc", "tags", "principal", "setup", "teardown", "cases", "name", "when", "matrix", "steps", "note",
                       "as", "method", "path", "query", "headers", "json", "raw", "auth", "expect", "capture", "snapshot", "wait", "status",
                       "shape", "errorShape", "at", "present", "absent", "null", "unchanged", "later", "notEarlier", "contains", "notContains", "body",
                       "groups", "use", "with", "listEntry", "equals", "except", "tenant"]

    func apply(to bytes: inout [UInt8], using generator: inout Xoshiro) {
        guard !bytes.isEmpty else { return }
        func offset() -> Int { Int.random(in: 0..<bytes.count, using: &generator) }
        func lineRanges() -> [Range<Int>] {
            var ranges: [Range<Int>] = [], start = 0
            for (index, byte) in bytes.enumerated() where byte == 10 {
                ranges.append(start..<index)
                start = index + 1
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            return ranges
        }
        /// Position just after "key: " on a random line that has one.
        func valueRange() -> Range<Int>? {
            let candidates = lineRanges().compactMap { line -> Range<Int>? in
                let slice = Array(bytes[line])
                guard let colon = (0..<max(0, slice.count - 1)).first(where: { slice[$0] == 58 && slice[$0 + 1] == 32 }) else { return nil }
                return (line.lowerBound + colon + 2)..<line.upperBound
            }
            return candidates.randomElement(using: &generator)
        }
        switch self {
        case .truncate:
            bytes = Array(bytes.prefix(offset()))
        case .byteFlip:
            for _ in 0..<Int.random(in: 1...8, using: &generator) { bytes[offset()] = UInt8.random(in: 0...255, using: &generator) }
        case .yamlPunctuation:
            for _ in 0..<Int.random(in: 1...4, using: &generator) { bytes.insert(Self.punctuation.randomElement(using: &generator)!, at: offset()) }
        case .deepNesting:
            let depth = Int.random(in: 1...5000, using: &generator)
            let open = Bool.random(using: &generator) ? "[" : "{a: "
            let close = open == "[" ? "]" : "}"
            let balanced = Bool.random(using: &generator)
            let text = String(repeating: open, count: depth) + (balanced ? String(repeating: close, count: depth) : "")
            let at = valueRange()?.lowerBound ?? offset()
            bytes.insert(contentsOf: Array(text.utf8), at: at)
        case .hugeString:
            let size = 1 << 20
            let styles: [[UInt8]] = [
                Array(repeating: UInt8(ascii: "x"), count: size),
                Array("\"".utf8) + Array(repeating: UInt8(ascii: "y"), count: size) + Array("\"".utf8),
                Array("\"".utf8) + Array(String(repeating: "${uuid}", count: size / 7).utf8) + Array("\"".utf8),
            ]
            let huge = styles.randomElement(using: &generator)!
            if let range = valueRange() { bytes.replaceSubrange(range, with: huge) } else { bytes.insert(contentsOf: huge, at: offset()) }
        case .wrongType:
            guard let range = valueRange() else { return }
            bytes.replaceSubrange(range, with: Array(Self.replacements.randomElement(using: &generator)!.utf8))
        case .keyRename:
            guard let range = valueRange() else { return }
            let lineStart = bytes[..<range.lowerBound].lastIndex(of: 10).map { $0 + 1 } ?? 0
            var keyStart = lineStart
            while keyStart < range.lowerBound, [32, 45, 123, 44].contains(bytes[keyStart]) { keyStart += 1 }
            let keyEnd = range.lowerBound - 2
            guard keyStart < keyEnd else { return }
            let newKey: String
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: newKey = Self.keys.randomElement(using: &generator)!
            case 1: newKey = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in "abcdefghijklmnopqrstuvwxyz_$.".randomElement(using: &generator)! })
            default: newKey = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self).uppercased()
            }
            bytes.replaceSubrange(keyStart..<keyEnd, with: Array(newKey.utf8))
        case .lineSwap:
            let lines = lineRanges()
            guard lines.count > 2 else { return }
            var texts = lines.map { Array(bytes[$0]) }
            let a = Int.random(in: 0..<texts.count, using: &generator), b = Int.random(in: 0..<texts.count, using: &generator)
            texts.swapAt(a, b)
            bytes = Array(texts.joined(separator: [10]))
        case .duplicateLine:
            let lines = lineRanges()
            guard let line = lines.randomElement(using: &generator) else { return }
            bytes.insert(contentsOf: Array(bytes[line]) + [10], at: line.lowerBound)
        case .indentShift:
            let lines = lineRanges()
            guard let line = lines.randomElement(using: &generator) else { return }
            if Bool.random(using: &generator) {
                bytes.insert(contentsOf: Array(repeating: 32, count: Int.random(in: 1...3, using: &generator)), at: line.lowerBound)
            } else if bytes[line].first == 32 {
                bytes.remove(at: line.lowerBound)
            }
        case .encodingNoise:
            let noise: [[UInt8]] = [[0xFF, 0xFE], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0], [0xEF, 0xBB, 0xBF], [13], [9], [0x1B, 0x5B, 0x32, 0x4A], [0xE2, 0x80, 0xAE]]
            for _ in 0..<Int.random(in: 1...4, using: &generator) { bytes.insert(contentsOf: noise.randomElement(using: &generator)!, at: offset()) }
        }
    }
}

/// xoshiro256** seeded through SplitMix64: the same seed gives the same inputs on every platform.
struct Xoshiro: RandomNumberGenerator {
    var s: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var x = seed
        func split() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (split(), split(), split(), split())
    }

    mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }
}
