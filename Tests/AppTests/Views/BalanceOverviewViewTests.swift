import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class BalanceOverviewViewTests: XCTestCase {
    func testTheOfficeSeesEachSectionsCoefficientsTheCardsAndTheWeightsForm() {
        let view = BalanceOverviewView(ctx: .fixture(.office, path: "/balance"), model: model(mayEdit: true))

        assertSnapshot(of: view.document(), as: .html)
    }

    func testTheContentDrawnOnceIsEachAccountsPageDrawnWhole() throws {
        var hostile = PageContext.fixture(.office, path: "/balance")
        hostile.csrf = #"a"b<c>&d'e"#
        let drawn = BalanceOverviewContent.drawn(model(mayEdit: false), countedAt: fixtureTime)

        for mayEdit in [true, false] {
            var counted = model(mayEdit: mayEdit)
            counted.countedAt = fixtureTime

            let kept = try XCTUnwrap(BalanceOverviewView.kept(ctx: hostile, drawn: drawn, mayEdit: mayEdit))

            XCTAssertEqual(
                kept.html, BalanceOverviewView(ctx: hostile, model: counted).render().html, "may edit: \(mayEdit)")
            XCTAssertEqual(kept.status, 200)
            XCTAssertFalse(kept.html.contains("\u{E000}"), "no marker is left in the page")
        }
    }

    func testOnlyThoseWhoMayChangeTheDataSeeTheImportAndTheWeightsForm() throws {
        let drawn = BalanceOverviewContent.drawn(model(mayEdit: false), countedAt: fixtureTime)
        let ctx = PageContext.fixture(.leader, path: "/balance")

        let reader = try XCTUnwrap(BalanceOverviewView.kept(ctx: ctx, drawn: drawn, mayEdit: false)).html
        let editor = try XCTUnwrap(BalanceOverviewView.kept(ctx: ctx, drawn: drawn, mayEdit: true)).html

        XCTAssertFalse(reader.contains("导入数据"))
        XCTAssertFalse(reader.contains("/balance/weights"))
        XCTAssertTrue(reader.contains("导出 Excel"), "what follows the editors' link is kept")
        XCTAssertTrue(reader.contains("城关&lt;第一&gt;小学"), "the figures are there")
        XCTAssertTrue(editor.contains("导入数据"))
        XCTAssertTrue(editor.contains(#"action="/balance/weights""#))
        XCTAssertTrue(editor.contains(#"name="_csrf" value="\#(ctx.csrf)""#))
    }

    func testContentWhoseDataHoldsAMarkerIsNotCutButDrawnWhole() {
        for name in ["城关\u{E000}editors\u{E001}小学", "城关\u{E000}csrf\u{E001}小学", "城关\u{E000}/editors\u{E001}小学"] {
            let base = model(mayEdit: false)
            let renamed = base.current.rows.map {
                var row = $0
                row.schoolName = name
                return row
            }
            let named = BalanceOverview(
                year: base.year, years: base.years, standard: base.standard,
                current: BalanceComputation(rows: renamed, standard: base.standard), previous: nil,
                states: base.states, filing: base.filing, weights: base.weights)
            let drawn = BalanceOverviewContent.drawn(named, countedAt: fixtureTime)

            let kept = BalanceOverviewView.kept(ctx: .fixture(.leader, path: "/balance"), drawn: drawn, mayEdit: false)

            XCTAssertNil(kept, name)
        }
    }

    func testCuttingFindsEveryMarkerByItsBytesAndLeavesStrayOnesAsText() {
        typealias Slot = BalanceOverviewContent.Slot
        let html =
            "甲\u{E000}editors\u{E001}乙\u{E000}unknown\u{E001}丙\u{E000}\u{E000}csrf\u{E001}丁\u{E000}/editors\u{E001}\u{E000}csrf"

        let pieces = SlottedHTML.cut(html, Slot.self)

        XCTAssertEqual(
            pieces,
            [
                .init(literal: "甲", slot: .editors),
                .init(literal: "乙\u{E000}unknown\u{E001}丙\u{E000}", slot: .csrf),
                .init(literal: "丁", slot: .editorsEnd),
                .init(literal: "\u{E000}csrf", slot: nil),
            ])
        XCTAssertEqual(SlottedHTML.cut("", Slot.self), [.init(literal: "", slot: nil)])
    }

    /// Two primary schools, one of them named with markup, and a junior section of one.
    func model(mayEdit: Bool) -> BalanceOverview {
        func row(_ name: String, students: Int, perStudent: Double, section: SchoolSection = .primary) -> BalanceRow {
            var resources: [BalanceResource: Double] = [:]
            for r in BalanceResource.allCases { resources[r] = perStudent * Double(students) }
            return BalanceRow(
                schoolCode: name, schoolName: name, section: section, students: students, resources: resources)
        }
        let rows = [
            row("城关<第一>小学", students: 600, perStudent: 12), row(#"城关"第二"小学 & 分校"#, students: 300, perStudent: 8),
            row("城关中学", students: 400, perStudent: 15, section: .junior),
        ]
        return BalanceOverview(
            year: 2026, years: [2026, 2025], standard: .quality2017,
            current: BalanceComputation(rows: rows, standard: .quality2017), previous: nil,
            states: [.submitted: 1, .locked: 2], filing: 4, weights: "小学:1；初中:1.1；高中:1.32", mayEdit: mayEdit)
    }
}
