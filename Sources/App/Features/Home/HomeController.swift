import DudaoCore
import Fluent
import Vapor

/// Each role's home, its to-do list first: the office's (and a leader's) with directory counts and
/// coverage, an inspector's with their schools, a school's with its inspectors.
enum HomeController {
    static func home(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        switch scope.principal.role {
        case .admin, .office, .leader:
            let key = FiguresCaches.DayScopeKey(
                scope: .init(role: scope.principal.role, orgPath: scope.principal.orgPath), today: req.today.description
            )
            let (db, today) = (req.db, req.today)
            let figures = try await req.application.figuresCaches.officeHome.value(
                for: key, now: req.now, count: { try await OfficeHome.figures(scope: scope, today: today, on: db) },
                draw: OfficeHomeView.drawnFigures)
            let model = try await OfficeHome.query(
                scope: scope, figures: figures.value, countedAt: figures.countedAt, drawnFigures: figures.drawn,
                today: req.today, on: req.db)
            return try await OfficeHomeView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .inspector:
            let model = try await InspectorHome.query(scope: scope, today: req.today, on: req.db)
            return try await InspectorHomeView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .school:
            guard scope.principal.schoolID != nil else { throw Abort(.forbidden, reason: "该账号未关联学校") }
            let model = try await SchoolHome.query(scope: scope, on: req.db)
            return try await SchoolHomeView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
    }
}
