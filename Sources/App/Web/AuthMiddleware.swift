import DudaoCore
import Fluent
import Vapor

/// Lets only the listed roles through: anonymous visitors go to the login page, others get 403.
/// An account that must change its password is sent to do so first.
struct RequireRole: AsyncMiddleware {
    let roles: Set<Role>

    init(_ roles: Role...) { self.roles = Set(roles) }
    init(_ roles: Set<Role>) { self.roles = roles }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let p = req.principal else {
            let back = req.url.string
            return req.redirect(to: SiteURL.login.with([("next", back)]))
        }
        if p.mustChangePassword, req.url.path != SiteURL.password.path, req.url.path != SiteURL.logout.path {
            return req.redirect(to: SiteURL.password.path)
        }
        guard roles.contains(p.role) else { throw Abort(.forbidden, reason: "您的账号无权访问此页面") }
        return try await next.respond(to: req)
    }
}

extension Set where Element == Role {
    static let everyone: Set<Role> = Set(Role.allCases)
    /// Read the directory: everyone but schools and inspectors see lists; those see their own scope.
    static let directoryReaders: Set<Role> = [.admin, .office, .leader]
    static let directoryWriters: Set<Role> = [.admin, .office]
    /// Everyone but schools: the inspectors and those who supervise them.
    static let supervisors: Set<Role> = [.admin, .office, .leader, .inspector]
}
