import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ComplianceMatrixViewTests: XCTestCase {
    func testEachInspectorHasACellPerMonthAndPerRuleAndTheUnvisitedSchoolsFollow() {
        let view = ComplianceMatrixView(ctx: .fixture(.office, path: "/compliance"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testThePageDrawnOnceWithItsKeptFiguresIsThePageDrawnWhole() {
        var counted = model
        counted.countedAt = fixtureTime
        let ctx = PageContext.fixture(.office, path: "/compliance")

        let kept = ComplianceMatrixView(ctx: ctx, content: ComplianceMatrixContent.drawn(model, countedAt: fixtureTime))

        XCTAssertEqual(kept.document().render(), ComplianceMatrixView(ctx: ctx, model: counted).document().render())
        XCTAssertEqual(
            kept.render().html, ComplianceMatrixView(ctx: ctx, model: counted).render().html,
            "the frame rendered around the kept part is the page rendered whole")
        XCTAssertTrue(kept.document().render().contains("数据统计于"), "the drawn part says when it was counted")
    }

    let model = ComplianceMatrix(
        semester: VisitFixtures.semester, month: YearMonth(year: 2026, month: 11), paging: Paging(page: 1, per: 30),
        total: 2,
        inspectors: [.init(id: 2, name: "李敏"), .init(id: 1, name: "王建华")], result: VisitFixtures.compliance(),
        unvisited: [
            .init(id: 1, name: "城关街道中心小学", inspector: "王建华"), .init(id: 2, name: "城关第二小学", inspector: "王建华"),
        ],
        unvisitedTotal: 102)

    func testTheCellsReadAsVisitedOverRequired() {
        let result = VisitFixtures.compliance()
        let october = YearMonth(year: 2026, month: 10)

        XCTAssertEqual(ComplianceText.cell(result, inspectorID: 1, month: october), "1/2")
        XCTAssertEqual(ComplianceText.tone(result, inspectorID: 1, month: october), "bad")
        XCTAssertEqual(ComplianceText.cell(result, inspectorID: 2, month: YearMonth(year: 2026, month: 12)), "")
    }
}
