import DudaoCore
import Fluent
import Vapor
import XCTest

@testable import App

/// No form loses what was typed: each refused submission comes back (422) with the typed text in place and the
/// error next to its field. One row per form; the text is a sentinel nobody else writes.
final class FormsKeepInputTests: XCTestCase {
    static let typed = "输入不丢失测试文字"

    struct Case {
        let user: String
        /// The form's page, read first (the session's form token).
        let page: String
        let post: String
        let fields: [(String, String)]
    }

    func cases(_ app: Application) async throws -> [Case] {
        let reported = try await app.notice(number: "青督整〔2026〕2号").id!
        let handling = try await Complaint.query(on: app.db).filter(\.$trackingCode == "TS-QC26-5678").first()!.id!
        let decision = try await AccountabilityDecision.query(on: app.db).sort(\.$id).first()!.id!
        let referred = try await Problem.query(on: app.db).filter(\.$disposition == .refer).filter(\.$state == .open)
            .sort(\.$id).first()!.id!
        let t = Self.typed
        let tooLong = t + String(repeating: "长", count: 1000)
        return [
            Case(user: "office", page: "/schools/new", post: "/schools", fields: [("name", t)]),
            Case(user: "office", page: "/inspectors/new", post: "/inspectors", fields: [("name", t), ("phone", "12")]),
            Case(
                user: "office", page: "/areas/new", post: "/areas",
                fields: [("name", t), ("note", String(repeating: "注", count: 201))]),
            Case(user: "office", page: "/complaints/new", post: "/complaints", fields: [("name", t), ("content", "")]),
            Case(
                user: "inspector", page: "/visit-plans/new", post: "/visit-plans",
                fields: [("tasks", t), ("school", "1")]),
            Case(
                user: "inspector", page: "/reports/new", post: "/reports", fields: [("title", t), ("kind", "summary")]),
            Case(
                user: "inspector", page: "/notices/\(reported)", post: "/notices/\(reported)/act",
                fields: [("action", "returnReport"), ("comment", tooLong)]),
            Case(
                user: "office", page: "/complaints/\(handling)", post: "/complaints/\(handling)/act",
                fields: [("action", "reply"), ("reply", ""), ("comment", t)]),
            Case(
                user: "office", page: "/problems/\(referred)", post: "/problems/\(referred)/referral",
                fields: [("department", t), ("reply", ""), ("close", "on")]),
            Case(
                user: "office", page: "/accountability/\(decision)", post: "/accountability/\(decision)/outcome",
                fields: [("outcome", ""), ("comment", t)]),
        ]
    }

    func testEveryRefusedFormComesBackWithWhatWasTyped() async throws {
        try await withApp { app in
            var sessions: [String: TestSession] = [:]
            for c in try await cases(app) {
                let session: TestSession
                if let s = sessions[c.user] {
                    session = s
                } else {
                    session = try await login(app, c.user)
                    sessions[c.user] = session
                }
                _ = try await session.get(c.page)

                let res = try await session.post(c.post, form: c.fields)

                XCTAssertEqual(res.status, .unprocessableEntity, c.post)
                XCTAssertTrue(res.body.string.contains(Self.typed), "\(c.post) lost what was typed")
                XCTAssertTrue(res.body.string.contains("has-error"), "\(c.post) shows no error next to a field")
            }
        }
    }

    func testTheGrantAndThePlanReviewComeBackWithTheirChoices() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            _ = try await office.get("/schools/1")
            let plan = try await AreaPlan.query(on: app.db).filter(\.$status == .submitted).first()!.id!

            let grant = try await office.post("/schools/1/grant", form: [("inspector", "2"), ("until", "2020-01-01")])
            _ = try await office.get("/plans/\(plan)")
            let review = try await office.post(
                "/plans/\(plan)/review",
                form: [("decision", "return"), ("comment", Self.typed + String(repeating: "长", count: 500))])

            XCTAssertEqual(grant.status, .unprocessableEntity)
            XCTAssertTrue(grant.body.string.contains(#"value="2020-01-01""#))
            XCTAssertTrue(grant.body.string.contains("请填写不早于今天的截止日期"))
            XCTAssertEqual(review.status, .unprocessableEntity)
            XCTAssertTrue(review.body.string.contains(Self.typed))
            let unchanged = try await AreaPlan.find(plan, on: app.db)
            XCTAssertEqual(unchanged?.status, .submitted)
        }
    }
}
