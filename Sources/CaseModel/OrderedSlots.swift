import Foundation

/// One slot per index, each filled by whichever thread computed it and read back in index order:
/// parallel work whose results must come out as one pass would give them.
public final class OrderedSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }

    /// The filled slots, in index order.
    public func all() -> [Value] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

extension Array where Element: Sendable {
    /// `map` on every core, results in the array's order. For independent, CPU-bound pieces.
    public func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = OrderedSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(self[index]))
        }
        return results.all()
    }
}
