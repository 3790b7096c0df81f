import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// A province's list totals are kept for the figures' lifetime and the pager says when they were counted; a
/// district's, a search's and every row of the lists are read now.
final class ListTotalsTests: XCTestCase {
    func testARootAccountsTotalsAreKeptWhileADistrictsAreCountedNow() async throws {
        try await withApp { app in
            let (clock, province) = try await app.provinceReaderWithKeptTotals()
            let district = try await login(app, "office")
            let open = try await School.query(on: app.db).filter(\.$status == .open).count()

            let before = try await province.pagerTotal("/schools")
            let pageBefore = try await province.get("/schools").body.string
            try await School.query(on: app.db).filter(\.$id == 1).set(\.$status, to: .closed).update()
            let kept = try await province.pagerTotal("/schools")
            let searched = try await province.pagerTotal("/schools?q=%E5%AD%A6")
            let districtNow = try await district.pagerTotal("/schools")
            let keptPage = try await province.get("/schools").body.string
            clock.advance(by: 60)
            _ = try await province.get("/schools")
            await app.figuresCaches.settled()
            let recounted = try await province.pagerTotal("/schools")

            XCTAssertEqual(before, "共 \(open) 条（2026-11-30 10:00 统计）")
            XCTAssertEqual(kept, before, "the province's total is kept within the lifetime")
            XCTAssertTrue(pageBefore.contains("/schools/1\""), "school 1 is listed while open")
            XCTAssertFalse(keptPage.contains("/schools/1\""), "but the rows are read now: school 1 is closed")
            XCTAssertFalse(searched.contains("统计"), "a search is counted now: \(searched)")
            XCTAssertFalse(districtNow.contains("统计"), "a district's total is counted now: \(districtNow)")
            XCTAssertEqual(recounted, "共 \(open - 1) 条（2026-11-30 10:01 统计）")
        }
    }

    func testTheRootsProblemRegisterKeepsItsTotalButNotItsRows() async throws {
        try await withApp { app in
            let (_, province) = try await app.provinceReaderWithKeptTotals()
            let inspector = try await login(app, "inspector")
            let open = try await Problem.query(on: app.db).filter(\.$draft == false).filter(\.$state == .open).count()

            let before = try await province.pagerTotal("/problems")
            _ = try await inspector.recordVisitWithProblem(school: 1, description: "消防通道堵塞", severity: .urgent)
            let kept = try await province.get("/problems").body.string

            XCTAssertEqual(before, "共 \(open) 条（2026-11-30 10:00 统计）")
            XCTAssertTrue(kept.contains("共 \(open) 条（2026-11-30 10:00 统计）"), "the total is kept")
            XCTAssertTrue(kept.contains("消防通道堵塞"), "the new problem is on the first page at once")
        }
    }

    func testTheVisitNoticeInspectorAndComplaintListsKeepARootsTotal() async throws {
        try await withApp { app in
            let (_, province) = try await app.provinceReaderWithKeptTotals()
            let district = try await login(app, "office")
            let visits = try await Visit.query(on: app.db).filter(\.$status == .submitted).count()
            let notices = try await RectificationNotice.query(on: app.db)
                .filter(\.$state !~ [.draft, .pendingApproval]).count()
            let inspectors = try await Inspector.query(on: app.db).filter(\.$status == .active).count()
            let complaints = try await Complaint.query(on: app.db).count()
            let lists = [
                ("/visits", visits), ("/notices?state=all", notices), ("/inspectors", inspectors),
                ("/complaints?state=all", complaints),
            ]

            for (path, count) in lists {
                let kept = try await province.pagerTotal(path)
                let counted = try await district.pagerTotal(path)

                XCTAssertEqual(kept, "共 \(count) 条（2026-11-30 10:00 统计）", path)
                XCTAssertFalse(counted.contains("统计"), "\(path): a district's total is counted now: \(counted)")
            }
        }
    }

    func testWithoutALifetimeEveryTotalIsCountedNowAndSaysNothing() async throws {
        try await withApp { app in
            try await app.moveToTheRoot("leader")
            let province = try await login(app, "leader")
            let open = try await School.query(on: app.db).filter(\.$status == .open).count()

            let total = try await province.pagerTotal("/schools")

            XCTAssertEqual(total, "共 \(open) 条")
        }
    }
}

extension Application {
    /// A manual clock, figures kept for a minute, and `leader` filed under the root and signed in.
    fileprivate func provinceReaderWithKeptTotals() async throws -> (ManualClock, TestSession) {
        let clock = ManualClock(TestClock.now)
        self.clock = clock.clock
        figuresCaches = FiguresCaches(lifetime: 60)
        try await moveToTheRoot("leader")
        return (clock, try await login(self, "leader"))
    }

    /// Files `username` under the tree's root: a province's reader of every list.
    fileprivate func moveToTheRoot(_ username: String) async throws {
        guard let root = try await OrgUnit.query(on: db).filter(\.$parentID == nil).first() else {
            throw TestSetupError("no root")
        }
        try await User.query(on: db).filter(\.$username == username).set(\.$orgUnitID, to: root.id!)
            .set(\.$orgPath, to: root.path).update()
    }
}

extension TestSession {
    /// The pager's "共 N 条…" of `path`, up to its page numbers.
    fileprivate func pagerTotal(_ path: String) async throws -> String {
        let html = try await get(path).body.string
        guard let start = html.range(of: "共 "), let end = html[start.lowerBound...].range(of: " · 第") else {
            return html
        }
        return String(html[start.lowerBound..<end.lowerBound])
    }
}
