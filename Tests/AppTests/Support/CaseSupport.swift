import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App

// Helpers for the 整改闭环, complaint, escalation and notification tests.

/// A file part of a multipart form: the part name (e.g. "files[]"), the file name, its type and bytes.
struct UploadPart {
    let field: String
    let fileName: String
    let contentType: String
    let data: Data

    static func png(_ fileName: String = "evidence.png", field: String = "files[]") -> UploadPart {
        UploadPart(field: field, fileName: fileName, contentType: "image/png", data: tinyPNG)
    }

    static func text(_ fileName: String = "notes.txt", field: String = "files[]") -> UploadPart {
        UploadPart(field: field, fileName: fileName, contentType: "text/plain", data: Data("hello".utf8))
    }
}

extension TestSession {
    /// POSTs `multipart/form-data` as a browser does for a form with `enctype="multipart/form-data"`:
    /// the fields, the files, and the session's token in `_csrf`.
    @discardableResult
    func postMultipart(
        _ path: String, fields: [(String, String)], files: [UploadPart] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        guard let csrf else { throw TestSetupError("no CSRF token yet: GET a page first") }
        var parts: [Multipart.Part] = [.field(name: CSRFMiddleware.field, value: csrf)]
        parts += fields.map { .field(name: $0.0, value: $0.1) }
        parts += files.map { .file(name: $0.field, fileName: $0.fileName, contentType: $0.contentType, data: $0.data) }
        let multipart = Multipart(parts: parts)
        var h = headers
        h.replaceOrAdd(name: .contentType, value: multipart.contentType)
        return try await app.sendRequest(
            .POST, path, headers: h, body: ByteBuffer(data: multipart.body),
            file: file, line: line)
    }

    /// A visit to `school` with one problem to rectify, submitted through the pages; returns the visit and the problem.
    func recordVisitWithProblem(
        school: Int, description: String = "教学楼消防通道堆放杂物，灭火器过期未更换。", severity: ProblemSeverity = .serious,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> (visit: Int, problem: Int) {
        let visit = try await recordDraftWithProblem(
            school: school, description: description, severity: severity, file: file, line: line)
        let submitted = try await post("/visits/\(visit)/submit", file: file, line: line)
        guard submitted.status == .seeOther else {
            throw TestSetupError("submitting visit \(visit) failed: \(submitted.status.code)")
        }
        guard let problem = try await Problem.query(on: app.db).filter(\.$visitID == visit).first()?.id else {
            throw TestSetupError("no problem saved on visit \(visit)")
        }
        return (visit, problem)
    }

    /// A draft visit to `school` with a summary and one problem to rectify, through the pages; returns the visit.
    func recordDraftWithProblem(
        school: Int, description: String = "教学楼消防通道堆放杂物，灭火器过期未更换。", severity: ProblemSeverity = .serious,
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Int {
        let visit = try await createVisit(school: school, file: file, line: line)
        let saved = try await post("/visits/\(visit)", form: [("summary", "查看校园安全，查阅安全台账。")], file: file, line: line)
        guard saved.status == .seeOther else {
            throw TestSetupError("saving visit \(visit) failed: \(saved.status.code)")
        }
        let added = try await post(
            "/visits/\(visit)/problems",
            form: [
                ("category", "安全"), ("severity", severity.rawValue), ("disposition", "rectify"),
                ("description", description),
            ], file: file, line: line)
        guard added.status == .seeOther else {
            throw TestSetupError("adding a problem to visit \(visit) failed: \(added.status.code)")
        }
        return visit
    }

    /// A draft notice for `problems` of `school` through the new-notice form; returns its id.
    func createNotice(
        school: Int, problems: [Int], deadline: Day = TestClock.today.adding(days: 20),
        requirements: String = "1. 立即清理消防通道；\n2. 更换过期灭火器并建立检查台账。",
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> Int {
        try await get("/notices/new?school=\(school)", file: file, line: line)
        let form =
            [("school", String(school)), ("requirements", requirements), ("deadline", deadline.description)]
            + problems.map { ("problems[]", String($0)) }
        let res = try await post("/notices", form: form, file: file, line: line)
        guard res.status == .seeOther, let id = redirectID(res, under: "/notices") else {
            throw TestSetupError(
                "creating a notice for school \(school) failed: \(res.status.code) \(res.body.string.prefix(300))")
        }
        return id
    }

    /// Takes a `RectificationMachine` action on a notice through its page's form.
    @discardableResult
    func act(
        onNotice id: Int, _ action: NoticeAction, comment: String = "", file: StaticString = #filePath,
        line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        try await post(
            "/notices/\(id)/act", form: [("action", action.rawValue), ("comment", comment)], file: file, line: line)
    }

    /// Takes a `ComplaintMachine` action on a complaint through its page's form.
    @discardableResult
    func act(
        onComplaint id: Int, _ action: ComplaintAction, reply: String? = nil, comment: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        var form = [("action", action.rawValue), ("comment", comment)]
        if let reply { form.append(("reply", reply)) }
        return try await post("/complaints/\(id)/act", form: form, file: file, line: line)
    }

    /// The school's 整改报告 through the notice page's multipart form.
    @discardableResult
    func report(
        onNotice id: Int, body: String, files: [UploadPart] = [.png()], file: StaticString = #filePath,
        line: UInt = #line
    ) async throws -> XCTHTTPResponse {
        try await postMultipart("/notices/\(id)/report", fields: [("body", body)], files: files, file: file, line: line)
    }

    /// The flash message the next page shows (read by GETting `path`), if any.
    func flash(at path: String, file: StaticString = #filePath, line: UInt = #line) async throws -> String? {
        let page = try await get(path, file: file, line: line)
        return HTML.first(#"<div class="alert success" role="status">([^<]*)</div>"#, in: page.body.string)
    }
}

/// The fields of the public complaint form.
struct PublicComplaint {
    var district: Int
    var school: String = "1"
    var category: String = "违规补课"
    var content: String = "六年级每个周六上午在学校教室组织补课，按月收取补课费。"
    var name: String = "赵晓梅"
    var phone: String = "13912345678"
    var anonymous = false
    var files: [UploadPart] = []

    var fields: [(String, String)] {
        var f = [
            ("district", String(district)), ("school", school), ("category", category), ("content", content),
            ("name", name), ("phone", phone),
        ]
        if anonymous { f.append(("anonymous", "on")) }
        return f
    }
}

/// Submits the public complaint form as an anonymous visitor would: GET the form (cookie and token), then POST it.
func submitPublicComplaint(
    _ app: Application, _ complaint: PublicComplaint, session: TestSession? = nil,
    file: StaticString = #filePath, line: UInt = #line
) async throws -> XCTHTTPResponse {
    let visitor = session ?? TestSession(app: app)
    let form = try await visitor.get("/public/complaints/new", file: file, line: line)
    let token = HTML.first(#"name="submission" value="([^"]*)""#, in: form.body.string) ?? ""
    let res = try await visitor.postMultipart(
        "/public/complaints/new", fields: complaint.fields + [("submission", token)], files: complaint.files,
        file: file, line: line)
    // Post/redirect/get: a filed complaint answers with its receipt page's address.
    guard res.status == .seeOther, let receipt = res.headers.first(name: .location) else { return res }
    return try await visitor.get(receipt, file: file, line: line)
}

/// The tracking code shown on the page after a public complaint is accepted.
func trackingCode(in html: String) -> String? {
    HTML.first(#"<p class="tracking-code"[^>]*>([^<]*)</p>"#, in: html)
}

extension Factory {
    /// A sign-in account for one more school of the demo district (the demo has one, `school` for school 1).
    @discardableResult
    static func schoolAccount(_ username: String, for school: School, on db: any Database) async throws -> User {
        guard let township = try await OrgUnit.find(school.townshipID, on: db) else {
            throw TestSetupError("no township for \(school.name)")
        }
        let user = User(
            username: username, passwordHash: try Bcrypt.hash(DemoSeed.password, cost: 4),
            displayName: school.name, role: .school, org: township, mustChangePassword: false)
        user.schoolID = school.id
        user.orgPath = school.orgPath
        try await user.save(on: db)
        return user
    }
}

extension Application {
    func notice(_ id: Int) async throws -> RectificationNotice {
        guard let n = try await RectificationNotice.find(id, on: db) else { throw TestSetupError("no notice \(id)") }
        return n
    }

    func notice(number: String) async throws -> RectificationNotice {
        guard let n = try await RectificationNotice.query(on: db).filter(\.$number == number).first() else {
            throw TestSetupError("no notice \(number)")
        }
        return n
    }

    func problem(_ id: Int) async throws -> Problem {
        guard let p = try await Problem.find(id, on: db) else { throw TestSetupError("no problem \(id)") }
        return p
    }

    /// The ids of the problems recorded in a visit, oldest first.
    func problems(ofVisit visit: Int) async throws -> [Int] {
        try await Problem.query(on: db).filter(\.$visitID == visit).sort(\.$id).all().compactMap(\.id)
    }

    func complaint(code: String) async throws -> Complaint {
        guard let c = try await Complaint.query(on: db).filter(\.$trackingCode == code).first() else {
            throw TestSetupError("no complaint \(code)")
        }
        return c
    }

    func complaint(_ id: Int) async throws -> Complaint {
        guard let c = try await Complaint.find(id, on: db) else { throw TestSetupError("no complaint \(id)") }
        return c
    }

    /// The demo district's settings, changed by `change` and saved.
    @discardableResult
    func changeDistrictSettings(_ change: (DistrictSettings) -> Void) async throws -> DistrictSettings {
        let settings = try await DistrictSettings.forDistrict(try await demoDistrict().id!, on: db)
        change(settings)
        try await settings.save(on: db)
        return settings
    }

    /// The events of a notice or complaint ("notice" / "complaint"), oldest first.
    func events(_ target: String, _ id: Int) async throws -> [CaseEvent] {
        try await CaseEvent.query(on: db).filter(\.$target == target).filter(\.$targetID == id).sort(\.$id).all()
    }

    /// The escalation steps taken on a notice or complaint, in the order taken: reminders sent (`escalate:`) and
    /// measures proposed to the office (`propose:`).
    func escalations(_ target: String, _ id: Int) async throws -> [String] {
        try await events(target, id).map(\.action).filter { $0.hasPrefix("escalate:") || $0.hasPrefix("propose:") }
    }
}

/// The notice's state as stored now.
func assertState(
    _ app: Application, notice id: Int, _ expected: NoticeState, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) async throws {
    let actual = try await app.notice(id).state
    XCTAssertEqual(actual, expected, message, file: file, line: line)
}

/// The problem's state as stored now.
func assertState(
    _ app: Application, problem id: Int, _ expected: ProblemState, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) async throws {
    let actual = try await app.problem(id).state
    XCTAssertEqual(actual, expected, message, file: file, line: line)
}

/// The complaint's state as stored now.
func assertState(
    _ app: Application, complaint id: Int, _ expected: ComplaintState, _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) async throws {
    let actual = try await app.complaint(id).state
    XCTAssertEqual(actual, expected, message, file: file, line: line)
}
