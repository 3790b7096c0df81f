import DudaoCore
import Fluent
import Vapor

/// /api/v1: bearer tokens from /auth/token; lists paginated with `page`/`per` and scoped like the pages. The routes
/// are the operations of `OpenAPIDocument`, each bound here to its handler by `operationId` (`APIRouteTable`).
func apiRoutes(_ app: Application) throws {
    let authed = app.grouped(BearerPrincipalMiddleware(), APIQueryMiddleware())
    try APIRouteTable.document.register(open: app, authed: authed, handlers: APIController.handlers)
    app.middleware.use(APIMethodMiddleware())
}

extension APIController {
    typealias Handler = APIRouteTable.Handler

    /// Every operation of the document, by `operationId`.
    static let handlers: [String: Handler] = [
        "createToken": Handler(token),
        "getOpenAPIDocument": Handler(openAPI),
        "listSchools": Handler(schools),
        "getSchool": Handler(school),
        "listInspectors": Handler(inspectors),
        "listAssignments": Handler(assignments),
    ].merging(VisitsAPI.handlers) { _, _ in fatalError("an operationId bound twice") }
        .merging(SyncAPI.handlers) { _, _ in fatalError("an operationId bound twice") }
        .merging(CampaignsAPI.handlers) { _, _ in fatalError("an operationId bound twice") }
}

/// An /api path asked with a method it does not serve answers 405 with `Allow` (OPTIONS: 204 with
/// `Allow`) instead of the router's 404. Added by the API, innermost, so only unrouted requests reach it.
struct APIMethodMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let error as any AbortError
            where error.status == .notFound && req.route == nil && req.url.path.hasPrefix("/api/")
        {
            let allowed = Self.methods(serving: req.url.path, in: req.application.routes.all)
            guard !allowed.isEmpty else { throw error }
            if req.method == .OPTIONS {
                return Response(status: .noContent, headers: ["Allow": allowed.joined(separator: ", ")])
            }
            let message = "该地址不支持 \(req.method.rawValue) 请求，可用的请求方法：\(allowed.joined(separator: "、"))"
            let res = try await APIError(status: .methodNotAllowed, code: "method_not_allowed", message: message)
                .encodeResponse(for: req)
            res.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
            return res
        }
    }

    /// The methods the routes serve at `path` (HEAD where Vapor adds it, and OPTIONS); empty when none does.
    static func methods(serving path: String, in routes: [Route]) -> [String] {
        let parts = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        var methods: Set<String> = []
        for route in routes where route.path.count == parts.count {
            let matches = zip(route.path, parts).allSatisfy { component, part in
                if case .constant(let c) = component { return c == part }
                return true
            }
            guard matches else { continue }
            methods.insert(route.method.rawValue)
            // Vapor answers HEAD for a GET route whose path has no parameters.
            if route.method == .GET, route.path.allSatisfy({ if case .constant = $0 { true } else { false } }) {
                methods.insert("HEAD")
            }
        }
        guard !methods.isEmpty else { return [] }
        let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
        let rank = { (m: String) in (order.firstIndex(of: m) ?? order.count, m) }
        return methods.sorted { rank($0) < rank($1) } + ["OPTIONS"]
    }
}

/// Every query parameter the API reads takes one value, and a number is not empty: `page=1&page=2`
/// and `page=` are a 400, not a silent default (the decoder reads a repeated key as a list, and the
/// shared bounded-number parsing reads empty as absent, as HTML forms need). Unknown parameters are
/// ignored, repeated or not.
struct APIQueryMiddleware: AsyncMiddleware {
    /// The query parameters the API reads, and which of them are numbers: as the document declares them.
    static let numbers = APIRouteTable.document.integerQueryNames
    static let names = APIRouteTable.document.queryNames

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = req.url.query {
            var seen: Set<String> = []
            for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(parts[0]).replacingOccurrences(of: "+", with: " ")
                let name = key.removingPercentEncoding ?? key
                guard Self.names.contains(name) else { continue }
                guard seen.insert(name).inserted else {
                    throw APIError(status: .badRequest, code: "bad_request", message: "查询参数“\(name)”只能出现一次")
                }
                if Self.numbers.contains(name), parts.count < 2 || parts[1].isEmpty {
                    throw APIError(status: .badRequest, code: "bad_request", message: "查询参数“\(name)”应为整数，不能为空")
                }
                if parts.count == 2, parts[1].contains("%00") {
                    throw APIError(status: .badRequest, code: "bad_request", message: APIBody.nulMessage)
                }
            }
        }
        return try await next.respond(to: req)
    }
}

/// JSON request bodies: a body that does not decode is a 400 with `message`, and so is a value the
/// API reads holding U+0000, which PostgreSQL cannot store (it would fail as a 500 at the first query
/// using it). Properties the API does not read are ignored, whatever they hold.
enum APIBody {
    static let nulMessage = "文本中不能含有空字符（U+0000）"

    static func decode<T: Codable>(_ type: T.Type, _ req: Request, message: String) throws -> T {
        let value: T
        do {
            value = try req.content.decode(T.self, as: .json)
            // What was read, written out again: only the fields of T.
            _ = try JSONDecoder().decode(NoNulText.self, from: JSONEncoder().encode(value))
        } catch let nul as NulFound {
            throw APIError(status: .badRequest, code: "bad_request", message: nul.message)
        } catch {
            throw APIError(status: .badRequest, code: "bad_request", message: message)
        }
        return value
    }

    struct NulFound: Error { let message = nulMessage }

    /// Any JSON value; decoding throws `NulFound` when a string or a key holds U+0000.
    struct NoNulText: Decodable {
        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            if let object = try? decoder.container(keyedBy: Key.self) {
                for key in object.allKeys {
                    if key.stringValue.contains("\0") { throw NulFound() }
                    _ = try object.decode(NoNulText.self, forKey: key)
                }
            } else if var array = try? decoder.unkeyedContainer() {
                while !array.isAtEnd { _ = try array.decode(NoNulText.self) }
            } else if let text = try? decoder.singleValueContainer().decode(String.self), text.contains("\0") {
                throw NulFound()
            }
        }
    }
}

/// The API's query strings are checked strictly: a filter that is given must be one of its values,
/// and free text has a length limit, so that a mistyped filter is a 400 rather than a silent "all".
enum APIQuery {
    static func oneOf(_ req: Request, _ name: String, _ values: [String], label: String) throws {
        guard let v = req.query[String.self, at: name] else { return }
        guard values.contains(v) else {
            let message = "\(label)应为 \(values.joined(separator: "、")) 之一"
            throw APIError(status: .badRequest, code: "bad_request", message: message)
        }
    }

    /// A query parameter naming one value of `Choice` (`state=closed`): nil when absent, a JSON 400 listing the
    /// values when it names none of them.
    static func choice<Choice: CaseIterable & RawRepresentable<String>>(
        _ req: Request, _ name: String, as _: Choice.Type, label: String
    ) throws -> Choice? {
        try oneOf(req, name, Choice.allCases.map(\.rawValue), label: label)
        return req.query[String.self, at: name].flatMap(Choice.init(rawValue:))
    }

    static func text(_ req: Request, _ name: String, maxLength: Int, label: String) throws {
        guard let v = req.query[String.self, at: name], v.count > maxLength else { return }
        throw APIError(status: .badRequest, code: "bad_request", message: "\(label)不能超过\(maxLength)个字")
    }
}

extension Scope {
    /// An API call only some roles may make: any other account gets a JSON 403 with `message`.
    func requireAPIRole(_ roles: Set<Role>, _ message: String) throws {
        guard roles.contains(principal.role) else {
            throw APIError(status: .forbidden, code: "forbidden", message: message)
        }
    }
}

/// Resolves `Authorization: Bearer …` to the account; anything else is a JSON 401.
struct BearerPrincipalMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let token = req.headers.bearerAuthorization?.token, !token.isEmpty else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "缺少访问令牌，请先调用 /api/v1/auth/token")
        }
        let now = req.now
        guard token.count <= 100,
            let t = try await ApiTokenWithAccount.find(hash: Sessions.hash(token), on: req.db),
            t.token.expiresAt > now, t.account.active
        else {
            throw APIError(status: .unauthorized, code: "unauthorized", message: "访问令牌无效或已过期")
        }
        // Shown on the account page; written at most once an hour.
        if t.token.lastUsedAt.map({ now.timeIntervalSince($0) >= 3600 }) ?? true {
            try await ApiTokenWithAccount.touch(t.token.id, now: now, on: req.db)
        }
        req.principal = t.account.principal
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
        let c = try APIBody.decode(Credentials.self, req, message: "请求体应为 JSON：{\"username\":\"…\",\"password\":\"…\"}")
        let outcome = try await Authenticator.check(
            username: String(c.username.prefix(64)), password: c.password, address: req.clientAddress, on: req.db,
            now: req.now)
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
            self.init(
                Row(
                    id: s.id!, code: s.code, name: s.name, type: s.type, ownership: s.ownership,
                    townshipId: s.townshipID, address: s.address, principal: s.principal, phone: s.phone,
                    students: s.students, sectionStudents: s.sectionStudents, classes: s.classes, staff: s.staff,
                    status: s.status), inspectorID: inspectorID)
        }

        init(_ r: Row, inspectorID: Int?) {
            id = r.id
            code = r.code
            name = r.name
            type = r.type.rawValue
            typeLabel = r.type.label
            ownership = r.ownership.rawValue
            townshipId = r.townshipId
            address = r.address
            principal = r.principal
            phone = r.phone
            students = r.students
            sections = Dictionary(
                uniqueKeysWithValues: School.decodeSections(r.sectionStudents).map { ($0.key.rawValue, $0.value) })
            classes = r.classes
            staff = r.staff
            status = r.status.rawValue
            self.inspectorId = inspectorID
        }

        /// What the API reads of a school: a page of the list reads these columns, not whole models.
        struct Row: Decodable, Sendable {
            static let columns = [
                "id", "code", "name", "type", "ownership", "township_id", "address", "principal", "phone", "students",
                "section_students", "classes", "staff", "status",
            ]
            let id: Int
            let code: String
            let name: String
            let type: SchoolType
            let ownership: Ownership
            let townshipId: Int
            let address: String
            let principal: String
            let phone: String
            let students: Int
            let sectionStudents: String
            let classes: Int
            let staff: Int
            let status: SchoolStatus
        }
    }

    static func paging(_ req: Request) throws -> Paging {
        Paging(page: try req.query.page(), per: try req.query.bounded("per", InputBounds.PerPage.self))
    }

    /// One page of `q` in `order` (id order unless given), with the total; `items` turns the page's rows into what
    /// the API sends.
    static func page<M: Model, T: Content>(
        _ q: QueryBuilder<M>, _ paging: Paging, order: (QueryBuilder<M>) -> QueryBuilder<M> = { $0.sort(\._$id) },
        items: ([M]) async throws -> [T]
    ) async throws -> PageOf<T> {
        let rows = try await order(q).paginate(paging)
        return PageOf(items: try await items(rows.items), page: paging.page, per: paging.per, total: rows.total)
    }

    static func schools(req: Request) async throws -> PageOf<SchoolDTO> {
        let scope = try await Scope.of(req)
        let paging = try paging(req)
        try APIQuery.text(req, "q", maxLength: 100, label: "查询内容")
        try APIQuery.oneOf(req, "type", SchoolType.allCases.map(\.rawValue), label: "学校类型")
        try APIQuery.oneOf(req, "status", ["open", "closed", "all"], label: "办学状态")
        let filter = try req.query.decode(SchoolList.Filter.self)
        // An integration pages through by the total: counted now, never kept.
        let (rows, _) = try await SchoolList.page(
            filter, scope: scope, paging: paging, order: { $0.sort(\.$id) }, as: SchoolDTO.Row.self,
            columns: SchoolDTO.Row.columns, on: req.db)
        let responsible = try await DirectoryQueries.responsible(of: rows.items.map(\.id), on: req.db)
        return PageOf(
            items: rows.items.map { SchoolDTO($0, inspectorID: responsible[$0.id]?.id) }, page: paging.page,
            per: paging.per, total: rows.total)
    }

    static func school(req: Request) async throws -> SchoolDTO {
        let scope = try await Scope.of(req)
        let s = try await scope.schoolAccess.load(try req.parameters.id(), on: req.db)
        let id = s.id!
        let insp = try await DirectoryQueries.responsible(of: [id], on: req.db)
        return SchoolDTO(s, inspectorID: insp[id]?.id)
    }

    struct InspectorDTO: Content {
        let id: Int
        let name: String
        let kind: String
        /// 督学类别: inspector, responsible, special (may combine).
        let duties: [String]
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
        try APIQuery.text(req, "q", maxLength: 100, label: "查询内容")
        try APIQuery.oneOf(req, "kind", InspectorKind.allCases.map(\.rawValue), label: "聘任方式")
        try APIQuery.oneOf(req, "duty", InspectorDuty.allCases.map(\.rawValue), label: "督学类别")
        try APIQuery.oneOf(req, "status", ["active", "retired", "all"], label: "在岗状态")
        let filter = try req.query.decode(InspectorList.Filter.self)
        return try await page(InspectorList.filtered(filter, scope: scope, on: req.db), paging) { rows in
            rows.map {
                InspectorDTO(
                    id: $0.id!, name: $0.name, kind: $0.kind.rawValue, duties: $0.dutyList.map(\.rawValue),
                    gender: $0.gender.rawValue, phone: $0.phone,
                    employer: $0.employer, post: $0.post, termStart: $0.termStart, termEnd: $0.termEnd,
                    status: $0.status.rawValue)
            }
        }
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
        try APIQuery.oneOf(req, "current", ["true", "false"], label: "current 参数")
        var q = scope.assignmentAccess.readable(Assignment.query(on: req.db))
        if req.query[String.self, at: "current"] == "true" { q = q.filter(\.$endDate == nil) }
        return try await page(q, paging) { rows in
            rows.map {
                AssignmentDTO(
                    id: $0.id!, inspectorId: $0.inspectorID, schoolId: $0.schoolID, startDate: $0.startDate,
                    endDate: $0.endDate)
            }
        }
    }

    static func openAPI(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
