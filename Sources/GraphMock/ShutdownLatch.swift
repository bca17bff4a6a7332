/// Remembers whether shutdown has started, so `GraphMockServer.shutdown()` is idempotent.
actor ShutdownLatch {
    private var claimed = false

    /// True exactly once.
    func claim() -> Bool {
        defer { claimed = true }
        return !claimed
    }
}
