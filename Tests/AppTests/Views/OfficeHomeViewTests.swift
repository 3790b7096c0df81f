import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class OfficeHomeViewTests: XCTestCase {
    static let model = OfficeHome(
        isLeader: false, openSchools: 46, activeInspectors: 12, activeAreas: 5,
        townships: [
            .init(id: 9, name: "城关街道", schools: 20, uncovered: 0),
            .init(id: 10, name: "东坝镇", schools: 26, uncovered: 3),
        ],
        schoolTypes: [
            .init(type: .kindergarten, schools: 12), .init(type: .primary, schools: 28),
            .init(type: .junior, schools: 6),
        ],
        todo: [
            TodoGroup(
                title: "逾期或三天内到期的整改", total: 2,
                items: [
                    .init(
                        title: "东坝镇中心小学 · 青督整〔2026〕3号", detail: "已签收", link: "/notices/3",
                        due: Day(year: 2026, month: 11, day: 18)),
                    .init(
                        title: "城关第二小学 · 青督整〔2026〕1号", detail: "已下达", link: "/notices/1",
                        due: Day(year: 2026, month: 11, day: 12)),
                ], more: "/notices?state=overdue")
        ])

    func testTheOfficeSeesItsToDoListCountsCoverageAndSchoolTypes() {
        let view = OfficeHomeView(ctx: .fixture(.office, path: "/"), model: Self.model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testThePageWithItsFiguresDrawnOnceIsThePageDrawnWhole() {
        let counted = TestClock.now
        let figures = OfficeHome.Figures(
            openSchools: 46, activeInspectors: 12, activeAreas: 5, townships: Self.model.townships,
            schoolTypes: Self.model.schoolTypes, behind: [], behindTotal: 0)
        var whole = OfficeHome(isLeader: false, figures: figures, todo: Self.model.todo, countedAt: counted)
        var kept = whole
        kept.drawnFigures = OfficeHomeView.drawnFigures(figures, countedAt: counted)
        whole.drawnFigures = nil
        let ctx = PageContext.fixture(.office, path: "/")

        let keptPage = OfficeHomeView(ctx: ctx, model: kept).render().html

        XCTAssertEqual(keptPage, OfficeHomeView(ctx: ctx, model: whole).render().html)
        XCTAssertTrue(keptPage.contains("数据统计于"), "the drawn part says when it was counted")
        XCTAssertTrue(keptPage.contains("东坝镇"), "with the townships")
    }

    func testCoverageIsTheShareOfOpenSchoolsWithAnInspector() {
        XCTAssertEqual(Self.model.coverage, "93.5%")
        XCTAssertEqual(
            OfficeHome(
                isLeader: true, openSchools: 0, activeInspectors: 0, activeAreas: 0, townships: [], schoolTypes: [],
                todo: []
            ).coverage, "—")
    }
}
