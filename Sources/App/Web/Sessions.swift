import DudaoCore
import Fluent
import Foundation
import Vapor

/// Signed-in sessions (with their CSRF token and flash message) and the CSRF cookie of an anonymous
/// visitor. No row is written for an anonymous visit.
enum Sessions {
    static let cookieName = "dudao_session"
    static let csrfCookieName = "dudao_csrf"
    /// However active, a session ends after this long (the cookie's lifetime).
    static let absoluteLifetime: TimeInterval = 12 * 3600
    /// `last_seen_at` is written at most this often, so a busy page costs no write per request.
    static let touchInterval: TimeInterval = 60

    static func hash(_ token: String) -> String {
        DigitText.hex(SHA256.hash(data: Data(token.utf8)))
    }

    static func randomToken() -> String {
        [UInt8].random(count: 32).base64.replacingOccurrences(of: "/", with: "_").replacingOccurrences(
            of: "+", with: "-"
        )
        .replacingOccurrences(of: "=", with: "")
    }

    /// Starts a session for `user` (ending the one the request came with) and sets its cookie.
    static func start(_ user: User, req: Request) async throws {
        if let old = req.session { try await SessionWithAccount.delete(old.id, on: req.db) }
        let token = randomToken()
        let session = UserSession(
            id: hash(token), userID: user.id!, csrf: randomToken(), now: req.now, address: req.clientAddress)
        try await session.create(on: req.db)
        req.session = SignedIn(id: session.id!, userID: user.id!, csrf: session.csrf)
        req.principal = Principal(user)
        req.pendingCookies[cookieName] = cookie(token, req, lifetime: absoluteLifetime)
    }

    /// Ends the request's session (logout).
    static func end(req: Request) async throws {
        if let s = req.session { try await SessionWithAccount.delete(s.id, on: req.db) }
        req.session = nil
        req.principal = nil
        req.pendingCookies[cookieName] = expired(req)
    }

    /// Ends every session of a user but `keeping` and revokes every API token: after a password
    /// change, a reset or deactivation nothing signed in with the old password stays valid.
    static func revokeAll(userID: Int, keeping: String? = nil, on db: any Database) async throws {
        var q = UserSession.query(on: db).filter(\.$userID == userID)
        if let keeping { q = q.filter(\.$id != keeping) }
        try await q.delete()
        try await ApiToken.query(on: db).filter(\.$userID == userID).delete()
    }

    /// Deletes sessions past their idle or absolute limit, login counters quiet for a day, and one-time form keys
    /// older than a week.
    static func sweep(now: Date, idleMinutes: Int, on db: any Database) async throws {
        try await FormSubmission.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-FormSubmission.kept))
            .delete()
        try await UserSession.query(on: db).group(.or) {
            $0.filter(\.$lastSeenAt < now.addingTimeInterval(-Double(idleMinutes * 60)))
                .filter(\.$createdAt < now.addingTimeInterval(-absoluteLifetime))
        }.delete()
        try await LoginThrottleRow.query(on: db).group(.or) {
            $0.filter(\.$lastFailureAt < now.addingTimeInterval(-LoginThrottle.forgetAfter)).filter(
                \.$lastFailureAt == nil)
        }.delete()
    }

    static func cookie(_ value: String, _ req: Request, lifetime: TimeInterval?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: lifetime.map { req.now.addingTimeInterval($0) }, maxAge: lifetime.map { Int($0) },
            domain: nil, path: "/", isSecure: req.application.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(_ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
            isSecure: req.application.config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Loads the session and account of the request's cookie (if any and still valid), the flash message,
/// and writes the cookies the handlers asked for. Pages decide access with `RequireRole`.
struct SessionMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = req.cookies[Sessions.cookieName]?.string, !token.isEmpty {
            try await load(token, req)
        }
        if let message = req.session?.flash { req.storage[FlashKey.self] = FlashState(incoming: message) }
        let response = try await next.respond(to: req)
        for (name, value) in req.pendingCookies { response.cookies[name] = value }
        if let session = req.session, let flash = req.storage[FlashKey.self], flash.outgoing != nil || flash.shown {
            try await SessionWithAccount.setFlash(session.id, flash.outgoing, on: req.db)
        }
        return response
    }

    private func load(_ token: String, _ req: Request) async throws {
        guard token.count <= 64, let row = try await SessionWithAccount.find(Sessions.hash(token), on: req.db) else {
            req.pendingCookies[Sessions.cookieName] = Sessions.expired(req)
            return
        }
        let now = req.now
        let idle = TimeInterval(req.application.config.sessionIdleMinutes * 60)
        guard now.timeIntervalSince(row.session.lastSeenAt) < idle,
            now.timeIntervalSince(row.session.createdAt) < Sessions.absoluteLifetime, row.account.active
        else {
            try await SessionWithAccount.delete(row.session.id, on: req.db)
            req.pendingCookies[Sessions.cookieName] = Sessions.expired(req)
            return
        }
        if now.timeIntervalSince(row.session.lastSeenAt) >= Sessions.touchInterval {
            try await SessionWithAccount.touch(row.session.id, now: now, on: req.db)
        }
        req.session = row.signedIn
        req.principal = row.account.principal
        // Every page shows the unread badge, a refused form (POST) and an error page included; the API and the
        // assets need no count.
        if !req.url.path.hasPrefix("/api/"), !req.url.path.hasPrefix("/assets/") {
            req.storage[UnreadKey.self] = row.session.unread
        }
    }
}

struct UnreadKey: StorageKey { typealias Value = Int }
struct SessionKey: StorageKey { typealias Value = SignedIn }
struct PendingCookiesKey: StorageKey { typealias Value = [String: HTTPCookies.Value] }

/// The one-time message shown on the next page ("已保存"), kept in the session row.
struct FlashState {
    var incoming: String?
    var outgoing: String?
    var shown = false
}

struct FlashKey: StorageKey { typealias Value = FlashState }

extension Request {
    var session: SignedIn? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    var pendingCookies: [String: HTTPCookies.Value] {
        get { storage[PendingCookiesKey.self] ?? [:] }
        set { storage[PendingCookiesKey.self] = newValue }
    }

    /// Leaves a message for the next page the user sees (signed-in users only).
    func flash(_ message: String) {
        var state = storage[FlashKey.self] ?? FlashState()
        state.outgoing = String(message.prefix(300))
        storage[FlashKey.self] = state
    }

    /// The message left by the previous request, if any; reading it marks it shown (the cookie is then cleared).
    func takeFlash() -> String? {
        guard var state = storage[FlashKey.self], let message = state.incoming, state.outgoing == nil else {
            return nil
        }
        state.shown = true
        state.incoming = nil
        storage[FlashKey.self] = state
        return message
    }

    /// The client's address for rate limits: the socket's peer, or the configured proxy header.
    var clientAddress: String {
        if let header = application.config.clientAddressHeader {
            // The proxy appends the address it saw last: take the last entry, which the client cannot forge.
            if let value = headers[header].last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
                !value.isEmpty, value.count <= 64
            {
                return value
            }
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}
