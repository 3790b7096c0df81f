import DudaoCore
import Fluent
import Vapor

/// /api/v1: bearer tokens from /auth/token; lists paginated with `page`/`per` and scoped like the pages.
func apiRoutes(_ app: Application) throws {
    let v1 = app.grouped("api", "v1")
    v1.post("auth", "token", use: APIController.token)
    let authed = v1.grouped(BearerPrincipalMiddleware())
    authed.get("schools", use: APIController.schools)
    authed.get("schools", ":id", use: APIController.school)
    authed.get("inspectors", use: APIController.inspectors)
    authed.get("assignments", use: APIController.assignments)
    VisitsAPI.register(authed)
    app.get("api", "openapi.json", use: APIController.openAPI)
}

/// Resolves `Authorization: Bearer …` to the account; anything else is a JSON 401.
struct BearerPrincipalMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = req.headers.bearerAuthorization?.token, !token.isEmpty else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "缺少访问令牌，请先调用 /api/v1/auth/token")
        }
        let now = req.now
        guard token.count <= 100, let t = try await ApiToken.query(on: req.db).filter(\.$tokenHash == Sessions.hash(token)).first(),
            t.expiresAt > now, let user = try await User.find(t.userID, on: req.db), user.active
        else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "访问令牌无效或已过期")
        }
        // Shown on the account page; written at most once an hour.
        if t.lastUsedAt.map({ now.timeIntervalSince($0) >= 3600 }) ?? true {
            t.lastUsedAt = now
            try await t.update(on: req.db)
        }
        req.principal = Principal(user)
        return try await next.respond(to: req)
    }
}

enum APIController {

    struct Credentials: Content {
        let username: String
        let password: String
    }

    struct TokenResponse: Content {
        let token: String
        let expiresAt: Date
        let role: String
    }

    static func token(req: Request) async throws -> TokenResponse {
        guard let c = try? req.content.decode(Credentials.self, as: .json) else {
            throw APIError(status: .badRequest, code: "bad_request", message: "请求体应为 JSON：{\"username\":\"…\",\"password\":\"…\"}")
        }
        let outcome = try await Authenticator.check(
            username: String(c.username.prefix(64)), password: c.password, address: req.clientAddress, on: req.db, now: req.now)
        switch outcome {
        case .failure(let message):
            throw APIError(status: .unauthorized, code: "invalid_credentials", message: message)
        case .success(let user):
            if user.mustChangePassword {
                throw APIError(status: .forbidden, code: "password_change_required", message: "请先在网页上修改初始密码")
            }
            let raw = Sessions.randomToken()
            let t = ApiToken()
            t.userID = user.id!
            t.tokenHash = Sessions.hash(raw)
            t.expiresAt = req.now.addingTimeInterval(Double(req.application.config.apiTokenDays) * 86_400)
            try await t.save(on: req.db)
            return TokenResponse(token: raw, expiresAt: t.expiresAt, role: user.role.rawValue)
        }
    }

    struct PageOf<T: Content>: Content {
        let items: [T]
        let page: Int
        let per: Int
        let total: Int
    }

    struct SchoolDTO: Content {
        let id: Int
        let code: String
        let name: String
        let type: String
        let typeLabel: String
        let ownership: String
        let townshipId: Int
        let address: String
        let principal: String
        let phone: String
        let students: Int
        let sections: [String: Int]
        let classes: Int
        let staff: Int
        let status: String
        let inspectorId: Int?

        init(_ s: School, inspectorID: Int?) {
            id = s.id!
            code = s.code
            name = s.name
            type = s.type.rawValue
            typeLabel = s.type.label
            ownership = s.ownership.rawValue
            townshipId = s.townshipID
            address = s.address
            principal = s.principal
            phone = s.phone
            students = s.students
            sections = Dictionary(uniqueKeysWithValues: s.sections.map { ($0.key.rawValue, $0.value) })
            classes = s.classes
            staff = s.staff
            status = s.status.rawValue
            self.inspectorId = inspectorID
        }
    }

    static func paging(_ req: Request) throws -> Paging {
        Paging(page: try req.query.page(), per: try req.query.bounded("per", InputBounds.PerPage.self))
    }

    static func schools(req: Request) async throws -> PageOf<SchoolDTO> {
        let scope = try await Scope.of(req)
        let paging = try paging(req)
        let query = try req.query.decode(SchoolsController.ListQuery.self)
        let base = SchoolsController.filtered(query, scope: scope, db: req.db)
        let total = try await base.copy().count()
        let rows = try await base.sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        let insp = try await DirectoryQueries.currentInspectors(of: rows.compactMap(\.id), on: req.db)
        return PageOf(items: rows.map { SchoolDTO($0, inspectorID: insp[$0.id!]?.id) }, page: paging.page, per: paging.per, total: total)
    }

    static func school(req: Request) async throws -> SchoolDTO {
        let scope = try await Scope.of(req)
        let s = try await scope.schoolAccess.load(try req.parameters.id(), on: req.db)
        let id = s.id!
        let insp = try await DirectoryQueries.currentInspectors(of: [id], on: req.db)
        return SchoolDTO(s, inspectorID: insp[id]?.id)
    }

    struct InspectorDTO: Content {
        let id: Int
        let name: String
        let kind: String
        let gender: String
        let phone: String
        let employer: String
        let post: String
        let termStart: String?
        let termEnd: String?
        let status: String
    }

    static func inspectors(req: Request) async throws -> PageOf<InspectorDTO> {
        let scope = try await Scope.of(req)
        let paging = try paging(req)
        let query = try req.query.decode(InspectorsController.ListQuery.self)
        let base = InspectorsController.filtered(query, scope: scope, db: req.db)
        let total = try await base.copy().count()
        let rows = try await base.sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        return PageOf(items: rows.map {
            InspectorDTO(id: $0.id!, name: $0.name, kind: $0.kind.rawValue, gender: $0.gender.rawValue, phone: $0.phone,
                employer: $0.employer, post: $0.post, termStart: $0.termStart, termEnd: $0.termEnd, status: $0.status.rawValue)
        }, page: paging.page, per: paging.per, total: total)
    }

    struct AssignmentDTO: Content {
        let id: Int
        let inspectorId: Int
        let schoolId: Int
        let startDate: String
        let endDate: String?
    }

    /// Assignments of the schools in scope; `current=true` for the open ones only.
    static func assignments(req: Request) async throws -> PageOf<AssignmentDTO> {
        let scope = try await Scope.of(req)
        let paging = try paging(req)
        var q = scope.assignmentAccess.readable(Assignment.query(on: req.db))
        if req.query[String.self, at: "current"] == "true" { q = q.filter(\.$endDate == nil) }
        let total = try await q.copy().count()
        let rows = try await q.sort(\.$id).range(paging.offset..<(paging.offset + paging.per)).all()
        return PageOf(items: rows.map {
            AssignmentDTO(id: $0.id!, inspectorId: $0.inspectorID, schoolId: $0.schoolID, startDate: $0.startDate, endDate: $0.endDate)
        }, page: paging.page, per: paging.per, total: total)
    }

    static func openAPI(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
