import NIOConcurrencyHelpers
import XCTest

@testable import App

/// SQLite's writers of one process take turns: never two inside at once, a nested transaction goes through, and a
/// failing writer passes the turn on.
final class SQLiteWritersTests: XCTestCase {
    func testWritersTakeTurnsAndANestedOneGoesThrough() async throws {
        let writers = SQLiteWriters()
        let inside = NIOLockedValueBox((now: 0, most: 0, done: 0))

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await writers.oneAtATime {
                        inside.withLockedValue {
                            $0.now += 1
                            $0.most = max($0.most, $0.now)
                        }
                        await Task.yield()
                        try await writers.oneAtATime { await Task.yield() }  // nested: part of the outer turn
                        inside.withLockedValue {
                            $0.now -= 1
                            $0.done += 1
                        }
                    }
                }
            }
            try await group.waitForAll()
        }

        let result = inside.withLockedValue { $0 }
        XCTAssertEqual(result.done, 32)
        XCTAssertEqual(result.most, 1, "one writer at a time")
        XCTAssertEqual(result.now, 0)
    }

    func testAFailingWriterPassesTheTurnOn() async throws {
        struct Refused: Error {}
        let writers = SQLiteWriters()

        do {
            try await writers.oneAtATime { throw Refused() }
            XCTFail("the error reaches the caller")
        } catch is Refused {}
        let next = try await writers.oneAtATime { "saved" }

        XCTAssertEqual(next, "saved")
    }
}
