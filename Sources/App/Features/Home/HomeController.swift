import DudaoCore
import Fluent
import Vapor

/// Each role's home: the office sees directory counts and coverage, an inspector their schools,
/// a school itself.
enum HomeController {
    static func home(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        switch scope.principal.role {
        case .admin, .office, .leader:
            let model = try await OfficeHome.query(scope: scope, on: req.db)
            return try await OfficeHomeView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .inspector:
            let model = try await InspectorHome.query(scope: scope, today: req.today, on: req.db)
            return try await InspectorHomeView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .school:
            guard let id = scope.principal.schoolID else { throw Abort(.forbidden, reason: "该账号未关联学校") }
            return req.redirect(to: SiteURL.school(id).path)
        }
    }
}
