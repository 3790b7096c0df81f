import NIOConcurrencyHelpers
import NIOCore

/// SQLite write transactions of this process, one at a time, queued here in order of arrival.
///
/// SQLite lets one connection write at a time, and the driver's busy handler retries a refused lock at once and for
/// ever: a second writer spun on a thread of the pool, holding its event loop's only connection, until the first
/// committed. Under 64 clients writing visits, that spinning took over a quarter of the processor time (perf:
/// `btreeBeginTrans` 28 %, most of it retrying the lock and taking its mutexes), from the writer that held the lock
/// too. A writer waiting here holds no connection and no thread, so the reads of its event loop go on meanwhile.
final class SQLiteWriteQueue: Sendable {
    static let shared = SQLiteWriteQueue()

    private struct State {
        var writing = false
        var waiting = CircularBuffer<CheckedContinuation<Void, Never>>()
    }

    private let state = NIOLockedValueBox(State())

    /// Runs `body` when no other write of this process runs, then lets the next one in.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    /// How many writers wait for their turn (for the tests).
    var waitingCount: Int { state.withLockedValue { $0.waiting.count } }

    private func enter() async {
        await withCheckedContinuation { (turn: CheckedContinuation<Void, Never>) in
            let now = state.withLockedValue { state -> Bool in
                guard state.writing else {
                    state.writing = true
                    return true
                }
                state.waiting.append(turn)
                return false
            }
            if now { turn.resume() }
        }
    }

    private func leave() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard let next = state.waiting.popFirst() else {
                state.writing = false
                return nil
            }
            return next
        }
        next?.resume()
    }
}
