import Fluent
import NIOConcurrencyHelpers
import SQLKit
import XCTest

@testable import App

/// SQLite's writers of one process take turns in Swift (`SQLiteWriteQueue`) instead of spinning on the database's
/// lock; a write inside a transaction does not queue, so it cannot wait for a writer that waits for its connection.
final class WriteQueueTests: XCTestCase {
    func testWritersTakeTheirTurnsInTheOrderTheyCameAndAFailedOneLetsTheNextIn() async throws {
        let queue = SQLiteWriteQueue()
        let (release, open) = AsyncStream<Void>.makeStream()
        let order = NIOLockedValueBox<[Int]>([])
        let inside = NIOLockedValueBox(false)

        let first = Task {
            try await queue.run {
                inside.withLockedValue { $0 = true }
                for await _ in release { break }
                order.withLockedValue { $0.append(0) }
            }
        }
        try await waitUntil { inside.withLockedValue { $0 } }
        var next: [Task<Void, any Error>] = []
        for writer in 1...3 {
            next.append(
                Task {
                    try await queue.run {
                        order.withLockedValue { $0.append(writer) }
                        if writer == 2 { throw WriteFailed() }
                    }
                })
            try await waitUntil { queue.waitingCount == writer }
        }
        open.yield()
        try await first.value
        var failed = 0
        for task in next {
            do { try await task.value } catch is WriteFailed { failed += 1 }
        }

        XCTAssertEqual(order.withLockedValue { $0 }, [0, 1, 2, 3], "one at a time, first come first served")
        XCTAssertEqual(failed, 1)
        XCTAssertEqual(queue.waitingCount, 0)
    }

    func testSimultaneousWritesAllLandAndAWriteInsideATransactionDoesNotWaitForItsOwnConnection() async throws {
        try await withApp(history: false, fileDatabase: true) { app in
            let db = app.db
            try await (db as! any SQLDatabase).raw("CREATE TABLE queue_test (writer INTEGER NOT NULL)").run()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await db.writeTransaction { try await Self.count(on: $0) } }
                }
                try await group.waitForAll()
            }
            let nested = expectation(description: "a write inside a write ends")
            let inPlain = expectation(description: "a write inside a plain transaction ends")
            let beside = expectation(description: "the writer beside them ends")
            Task {
                try await db.writeTransaction { db in
                    try await db.writeTransaction { try await Self.count(on: $0) }
                }
                nested.fulfill()
            }
            Task {
                try await db.transaction { db in try await db.writeTransaction { try await Self.count(on: $0) } }
                inPlain.fulfill()
            }
            Task {
                try await db.writeTransaction { try await Self.count(on: $0) }
                beside.fulfill()
            }

            await fulfillment(of: [nested, inPlain, beside], timeout: 20)
            let n = try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM queue_test").first()?
                .decode(column: "n", as: Int.self)
            XCTAssertEqual(
                n, 43, "forty at once, then one inside a write, one inside a transaction and one beside them")
        }
    }

    struct WriteFailed: Error {}

    static func count(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("INSERT INTO queue_test (writer) VALUES (1)").run()
    }

    /// Yields until `condition` holds, failing after about five seconds.
    func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<5000 where !condition() { try await Task.sleep(nanoseconds: 1_000_000) }
        XCTAssertTrue(condition(), "waited five seconds")
    }
}
