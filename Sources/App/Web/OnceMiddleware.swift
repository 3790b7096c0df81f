import Fluent
import Vapor

/// A form sent again with the same one-time key (`X-Once`, set by the page's outbox) is not applied twice: the
/// second answer sends the browser where the first one did. Keys belong to their account.
struct OnceMiddleware: AsyncMiddleware {
    static let header = "X-Once"

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, let key = req.headers.first(name: Self.header), let user = req.principal?.userID,
            (16...64).contains(key.count), key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return try await next.respond(to: req) }
        if let done = try await FormSubmission.find(key, on: req.db), done.userID == user {
            return req.redirect(to: done.location)
        }
        let response = try await next.respond(to: req)
        // Only a change that went through (answered with a redirect) is remembered; a refusal may be sent again.
        if response.status == .seeOther, let location = response.headers.first(name: .location) {
            try? await FormSubmission(key: key, userID: user, location: location).create(on: req.db)
        }
        return response
    }
}
