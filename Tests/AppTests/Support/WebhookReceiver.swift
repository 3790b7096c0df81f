import Foundation
import XCTVapor

@testable import App

/// A tiny HTTP server on 127.0.0.1 (a port the system picks) that records every request it gets, so webhook
/// tests can count deliveries exactly. It is a second Vapor application; `answer` decides each response.
final class WebhookReceiver: Sendable {
    struct Received: Sendable, Equatable {
        let path: String
        let body: String
        let contentType: String
    }

    actor Log {
        var items: [Received] = []
        func add(_ r: Received) { items.append(r) }
    }

    let port: Int
    private let log: Log

    private init(port: Int, log: Log) {
        self.port = port
        self.log = log
    }

    /// `http://127.0.0.1:<port><path>`
    func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Everything received so far, in order.
    var received: [Received] { get async { await log.items } }

    /// Starts a receiver, runs `body`, and stops the receiver whether `body` throws or not.
    static func with(
        answer: @escaping @Sendable (Request) -> Response = { _ in
            Response(status: .ok, body: .init(string: #"{"errcode":0}"#))
        },
        _ body: (WebhookReceiver) async throws -> Void
    ) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let log = Log()
        app.on(.POST, "**") { req async -> Response in
            await log.add(
                Received(
                    path: req.url.path, body: req.body.string ?? "",
                    contentType: req.headers.first(name: .contentType) ?? ""))
            return answer(req)
        }
        var failure: (any Error)?
        do {
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = app.http.server.shared.localAddress?.port else {
                throw TestSetupError("receiver has no port")
            }
            let receiver = WebhookReceiver(port: port, log: log)
            try await body(receiver)
        } catch {
            failure = error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
        if let failure { throw failure }
    }
}
