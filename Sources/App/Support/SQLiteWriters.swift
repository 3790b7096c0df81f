import NIOConcurrencyHelpers

/// The SQLite write transactions of this process, one at a time in arrival order. A waiting writer is suspended
/// (it holds no thread and no connection) until the one before it has committed or rolled back. A transaction
/// begun inside another (the same task) goes straight through: it is part of the outer one.
final class SQLiteWriters: Sendable {
    static let shared = SQLiteWriters()

    @TaskLocal private static var holding = false

    private struct State {
        var busy = false
        var waiting: [CheckedContinuation<Void, Never>] = []  // as many as requests writing at once: tens
    }
    private let state = NIOLockedValueBox(State())

    func oneAtATime<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if Self.holding { return try await body() }
        await acquire()
        defer { release() }
        return try await Self.$holding.withValue(true) { try await body() }
    }

    private func acquire() async {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state -> Bool in
                guard state.busy else {
                    state.busy = true
                    return true
                }
                state.waiting.append(turn)
                return false
            }
            if now { turn.resume() }
        }
    }

    private func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.busy = false
                return nil
            }
            return state.waiting.removeFirst()  // stays busy: the turn passes to the next writer
        }
        next?.resume()
    }
}
