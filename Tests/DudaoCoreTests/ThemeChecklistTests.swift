import DudaoCore
import XCTest

/// 主题检查表: the items a month's indicator system offers a routine visit, and what the inspector may mark.
final class ThemeChecklistTests: XCTestCase {
    let system = IndicatorSystem(
        name: "校园安全检查表", kind: .school,
        nodes: [
            IndicatorNode(code: "1", title: "安全管理"),
            IndicatorNode(code: "1.1", parent: "1", title: "制度"),
            IndicatorNode(code: "1.1.1", parent: "1.1", title: "安全责任书", guidance: "查阅签订记录", form: .yesNo(points: 5)),
            IndicatorNode(code: "1.2", parent: "1", title: "消防演练", form: .yesNo(points: 5)),
            IndicatorNode(code: "2", title: "食堂留样", form: .yesNo(points: 5)),
        ])

    var items: [ChecklistItem] { ThemeChecklist.items(of: system) }

    func testTheItemsAreTheLeavesInOrderEachUnderItsFirstLevelArea() {
        XCTAssertEqual(items.map(\.code), ["1.1.1", "1.2", "2"])
        XCTAssertEqual(items.map(\.area), ["安全管理", "安全管理", "食堂留样"], "a flat item is its own area")
        XCTAssertEqual(items[0].guidance, "查阅签订记录")
    }

    func testMarkedItemsAreKeptWithTheirNotesAndBlankOnesLeftOut() {
        let form = [
            "v_1.1.1": "yes", "v_1.2": "no", "n_1.2": " 本学期未组织演练 ", "v_2": "", "v_9": "yes", "_csrf": "x",
        ]

        let result = ThemeChecklist.check(items: items, form: form, versionID: 7, name: system.name)

        guard case .success(let record) = result else { return XCTFail("refused: \(result.errors)") }
        XCTAssertEqual(record.versionID, 7)
        XCTAssertEqual(record.name, "校园安全检查表")
        XCTAssertEqual(
            record.entries,
            ["1.1.1": ChecklistEntry(verdict: .met), "1.2": ChecklistEntry(verdict: .notMet, note: "本学期未组织演练")],
            "an unknown code (9) and a blank item are not kept")
        let t = record.tally(items)
        XCTAssertEqual([t.met, t.notMet, t.notApplicable, t.unanswered], [1, 1, 0, 1])
    }

    func testANoteWithoutAVerdictIsKept() {
        let result = ThemeChecklist.check(items: items, form: ["n_2": "下次复查"], versionID: 1, name: "")
        guard case .success(let record) = result else { return XCTFail("refused: \(result.errors)") }
        XCTAssertEqual(record.entries["2"], ChecklistEntry(verdict: nil, note: "下次复查"))
        XCTAssertEqual(record.tally(items).unanswered, 3)
    }

    func testEachBadItemHasItsMessage() {
        let form = [
            "v_1.1.1": "maybe", "v_1.2": "no", "n_1.2": "  ", "v_2": "na",
            "n_2": String(repeating: "长", count: ThemeChecklist.maxNote + 1),
        ]

        let result = ThemeChecklist.check(items: items, form: form, versionID: 1, name: "")

        XCTAssertEqual(
            result.errors,
            [
                FieldError("v_1.1.1", "1.1.1 安全责任书：请选择符合、不符合或不适用"),
                FieldError("n_1.2", "1.2 消防演练：不符合时请写明发现的情况"),
                FieldError("n_2", "2 的说明不能超过500个字"),
            ])
    }

    func testAMonthNamesOneOfTheDistrictsPublishedSystemsAndOnlyWithATheme() {
        let ok = ThemeCalendarInput.checkTemplates(
            themes: [3: "校园安全", 4: "阅读"], chosen: [3: "12", 4: "", 5: " "], allowed: [12, 13])
        XCTAssertEqual(ok.errors, [])
        if case .success(let templates) = ok { XCTAssertEqual(templates, [3: 12]) }

        let bad = ThemeCalendarInput.checkTemplates(
            themes: [1: "开学", 2: ""], chosen: [1: "99", 2: "12", 6: "abc"], allowed: [12])
        XCTAssertEqual(
            bad.errors,
            [
                FieldError("template1", "1月的检查表请从本区已发布的指标体系中选择"),
                FieldError("theme2", "请填写2月的主题（已选择检查表）"),
                FieldError("template6", "6月的检查表请从本区已发布的指标体系中选择"),
            ])
    }

    func testASchoolIsCheckedAgainstASchoolSystemAndAKindergartenAgainstAKindergartenOne() {
        XCTAssertTrue(TargetKind.school.fits(.primary))
        XCTAssertTrue(TargetKind.school.fits(.junior))
        XCTAssertFalse(TargetKind.school.fits(.kindergarten))
        XCTAssertTrue(TargetKind.kindergarten.fits(.kindergarten))
        XCTAssertFalse(TargetKind.kindergarten.fits(.primary))
        XCTAssertFalse(TargetKind.township.fits(.primary))
        XCTAssertFalse(TargetKind.county.fits(.kindergarten))
    }
}
