import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App

// Helpers for the visit, plan, report and 六个一 tests.

/// The bytes of a PNG as far as the server cares: the signature, then anything.
let tinyPNG = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("not really an image".utf8)

/// The id in a redirect to `/visits/N` (or `/plans/N`, `/reports/N` …), anchors ignored.
func redirectID(_ res: XCTHTTPResponse, under prefix: String) -> Int? {
    guard let location = res.headers.first(name: .location), location.hasPrefix(prefix + "/") else { return nil }
    let rest = location.dropFirst(prefix.count + 1)
    return Int(rest.prefix { $0.isNumber })
}

/// Every `/visits/N` linked from a page.
func visitLinks(in html: String) -> Set<Int> {
    guard let re = try? NSRegularExpression(pattern: #"href="/visits/(\d+)""#) else { return [] }
    let range = NSRange(html.startIndex..., in: html)
    return Set(
        re.matches(in: html, range: range).compactMap { m in
            Range(m.range(at: 1), in: html).flatMap { Int(html[$0]) }
        })
}

extension TestSession {
    /// POSTs form fields with extra headers (e.g. the page script's `X-Autosave: 1`), with the session's token.
    @discardableResult
    func post(
        _ path: String, form: [(String, String)], extraHeaders: [(String, String)],
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        guard let csrf else { throw TestSetupError("no CSRF token yet: GET a page first") }
        var h = headers
        h.replaceOrAdd(name: .contentType, value: "application/x-www-form-urlencoded")
        for (name, value) in extraHeaders { h.replaceOrAdd(name: name, value: value) }
        let body = ByteBuffer(string: FormEncoding.encode(form + [(CSRFMiddleware.field, csrf)]))
        return try await app.sendRequest(.POST, path, headers: h, body: body, file: file, line: line)
    }

    /// The visit page's photo form: `photo` file part, `caption`, and the token, as multipart/form-data.
    @discardableResult
    func uploadPhoto(
        _ path: String, data: Data, fileName: String = "photo.png", contentType: String = "image/png", caption: String,
        about: String = "", file: StaticString = #filePath, line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        guard let csrf else { throw TestSetupError("no CSRF token yet: GET a page first") }
        let multipart = Multipart(parts: [
            .field(name: CSRFMiddleware.field, value: csrf),
            .file(name: "photo", fileName: fileName, contentType: contentType, data: data),
            .field(name: "caption", value: caption),
            .field(name: "about", value: about),
        ])
        var h = headers
        h.replaceOrAdd(name: .contentType, value: multipart.contentType)
        return try await app.sendRequest(
            .POST, path, headers: h, body: ByteBuffer(data: multipart.body),
            file: file, line: line)
    }

    /// Creates a draft through the new-visit form and returns its id (the redirect's target).
    @discardableResult
    func createVisit(
        school: Int, date: Day = TestClock.today, start: String = "08:30", kind: String = "routine", theme: String = "",
        plan: String = "", members: [Int] = [], file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Int {
        try await get("/visits/new?school=\(school)", file: file, line: line)
        var form: [(String, String)] = [
            ("school", String(school)), ("date", date.description), ("start", start), ("kind", kind), ("theme", theme),
            ("plan", plan),
        ]
        form += members.map { ("members[]", String($0)) }
        let res = try await post("/visits", form: form, file: file, line: line)
        guard res.status == .seeOther, let id = redirectID(res, under: "/visits") else {
            throw TestSetupError(
                "creating a visit to school \(school) failed: \(res.status.code) \(res.headers.first(name: .location) ?? "")"
            )
        }
        return id
    }

    /// A draft with a summary, submitted through the pages; returns its id.
    @discardableResult
    func recordSubmittedVisit(
        school: Int, summary: String = "推门听课一节，查阅作业批改记录。", file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Int {
        let id = try await createVisit(school: school, file: file, line: line)
        let saved = try await post("/visits/\(id)", form: [("summary", summary)], file: file, line: line)
        guard saved.status == .seeOther else { throw TestSetupError("saving visit \(id) failed: \(saved.status.code)") }
        let submitted = try await post("/visits/\(id)/submit", file: file, line: line)
        guard submitted.status == .seeOther else {
            throw TestSetupError("submitting visit \(id) failed: \(submitted.status.code)")
        }
        return id
    }
}

extension Factory {
    /// A sign-in account for a seeded inspector (the demo has one only, `inspector` for 王建华).
    @discardableResult
    static func inspectorAccount(_ username: String, for inspector: Inspector, on db: any Database) async throws -> User
    {
        guard let district = try await OrgUnit.find(inspector.districtID, on: db) else {
            throw TestSetupError("no district for \(inspector.name)")
        }
        let user = User(
            username: username, passwordHash: try Bcrypt.hash(DemoSeed.password, cost: 4),
            displayName: inspector.name, role: .inspector, org: district, mustChangePassword: false)
        user.inspectorID = inspector.id
        try await user.save(on: db)
        return user
    }
}

extension Application {
    func visit(_ id: Int) async throws -> Visit {
        guard let v = try await Visit.find(id, on: db) else { throw TestSetupError("no visit \(id)") }
        return v
    }

    /// The 六个一 as the service computes them for the pages, for one inspector.
    func compliance(
        inspector: Int, semester: Semester = Semester.containing(TestClock.today), today: Day = TestClock.today
    ) async throws -> ComplianceResult {
        let district = try await demoDistrict()
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db).complianceSettings
        return try await ComplianceService.evaluate(
            inspectorIDs: [inspector], semester: semester, today: today,
            settings: settings, on: db)
    }

    func complianceSettings() async throws -> ComplianceSettings {
        try await DistrictSettings.forDistrict(try await demoDistrict().id!, on: db).complianceSettings
    }
}

// MARK: - JSON API

struct APIInvalidReply: Decodable {
    struct Inner: Decodable {
        let code: String
        let message: String
        let fields: [FieldError]?
    }
    let error: Inner
}

struct APIVisitPlan: Decodable {
    let id: Int
    let schoolId: Int
    let plannedDate: String
    let focus: String
}

struct APIVisit: Decodable {
    struct Observation: Decodable {
        let id: Int
        let kind: String
        let topic: String
        let scores: [String: Int]
    }
    struct InterviewItem: Decodable {
        let id: Int
        let group: String
        let people: Int
        let notes: String
        let internalOnly: Bool
    }
    struct ProblemItem: Decodable {
        let id: Int
        let category: String
        let description: String
        let state: String
    }
    let id: Int
    let schoolId: Int
    let inspectorId: Int
    let date: String
    let start: String
    let kind: String
    let planId: Int?
    let summary: String
    let status: String
    let observations: [Observation]?
    let interviews: [InterviewItem]?
    let problems: [ProblemItem]?
    let photoIds: [Int]?
}

struct APICompliance: Decodable {
    struct Row: Decodable {
        let inspectorId: Int
        let rules: [String: String]
        let shortfalls: [Shortfall]
    }
    let semester: String
    let items: [Row]
    let total: Int
}

/// Sends a request to the API with a bearer token; `json` is serialised as the body.
@discardableResult
func apiSend(
    _ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: Any? = nil
) async throws -> XCTHTTPResponse {
    var headers = HTTPHeaders()
    headers.bearerAuthorization = BearerAuthorization(token: token)
    var body: ByteBuffer?
    if let json {
        headers.contentType = .json
        body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
    }
    return try await app.sendRequest(method, path, headers: headers, body: body)
}

/// POSTs raw bytes (a photo) to the API.
func apiPostRaw(
    _ app: Application, _ path: String, token: String, contentType: String, data: Data
) async throws -> XCTHTTPResponse {
    var headers = HTTPHeaders()
    headers.bearerAuthorization = BearerAuthorization(token: token)
    headers.replaceOrAdd(name: .contentType, value: contentType)
    return try await app.sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: data))
}
