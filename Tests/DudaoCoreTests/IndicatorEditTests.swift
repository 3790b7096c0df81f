import XCTest

@testable import DudaoCore

final class IndicatorEditTests: XCTestCase {
    let system = IndicatorSystem(
        name: "编辑", kind: .school,
        nodes: [
            IndicatorNode(code: "1", title: "甲"),
            IndicatorNode(code: "1.1", parent: "1", title: "甲一", form: .yesNo(points: 5)),
            IndicatorNode(code: "2", title: "乙"),
            IndicatorNode(code: "2.1", parent: "2", title: "乙一", form: .yesNo(points: 5)),
        ])

    func codes(_ s: IndicatorSystem) -> [String] { s.nodes.map { "\($0.parent ?? "-")>\($0.code)" } }

    func testANewChildGoesAfterItsParentsLastDescendant() throws {
        let added = try system.saving(
            IndicatorNode(code: "1.2", parent: "1", title: "甲二", form: .points(max: 3)), replacing: nil)
        XCTAssertEqual(codes(added), ["->1", "1>1.1", "1>1.2", "->2", "2>2.1"])
        let top = try system.saving(IndicatorNode(code: "3", title: "丙", form: .text), replacing: nil)
        XCTAssertEqual(top.nodes.last?.code, "3")
    }

    func testRenamingACodeCarriesItsChildrenAndMovingTakesTheSubtree() throws {
        let renamed = try system.saving(IndicatorNode(code: "A", title: "甲"), replacing: "1")
        XCTAssertEqual(codes(renamed), ["->A", "A>1.1", "->2", "2>2.1"])
        let moved = try system.saving(IndicatorNode(code: "2", parent: "1", title: "乙"), replacing: "2")
        XCTAssertEqual(codes(moved), ["->1", "1>1.1", "1>2", "2>2.1"])
        XCTAssertEqual(moved.problems(), [])
    }

    func testEditsThatWouldBreakTheTreeAreRefused() {
        XCTAssertThrowsError(try system.saving(IndicatorNode(code: "2", title: "重"), replacing: nil)) {
            XCTAssertEqual(($0 as? IndicatorSystem.EditError)?.description, "编码 2 已被其他指标使用")
        }
        XCTAssertThrowsError(try system.saving(IndicatorNode(code: "1", parent: "1.1", title: "甲"), replacing: "1")) {
            XCTAssertEqual($0 as? IndicatorSystem.EditError, .parentInsideItself)
        }
        XCTAssertThrowsError(try system.saving(IndicatorNode(code: "9", parent: "8", title: "孤"), replacing: nil)) {
            XCTAssertEqual($0 as? IndicatorSystem.EditError, .missingParent("8"))
        }
        XCTAssertThrowsError(try system.removing("7")) {
            XCTAssertEqual($0 as? IndicatorSystem.EditError, .unknownNode("7"))
        }
    }

    func testRemovingANodeRemovesItsSubtree() throws {
        XCTAssertEqual(codes(try system.removing("1")), ["->2", "2>2.1"])
    }

    func testTheNodeFormReadsLikeASheetRow() {
        let (node, errors) = IndicatorSheet.node(formValues: [
            "code": "1.3", "parent": "1", "title": "作业公示", "form": "扣分", "points": "10", "per": "2", "veto": "",
            "evidenceKinds": "pdf/jpg", "evidenceCount": "2",
        ])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(node?.form, .deduction(max: 10, per: 2))
        XCTAssertEqual(node?.evidence, EvidenceRequirement(kinds: ["pdf", "jpg"], count: 2))
        let (_, refused) = IndicatorSheet.node(formValues: ["code": "1.4", "title": "", "form": "是否", "points": "-1"])
        XCTAssertEqual(refused, ["请填写名称", "分值应在 0–1000 之间且大于 0"])
        XCTAssertEqual(IndicatorSheet.formValues(system.nodes[1])["form"], "是否")
    }

    func testSettingsAreCheckedFieldByField() {
        let bad = SystemSettingsInput.apply(["name": "", "kind": "hospital", "fullScore": "0", "bands": "好"], to: nil)
        XCTAssertEqual(bad.errors.map(\.field), ["name", "kind", "fullScore", "bands"])
        let tooHigh = SystemSettingsInput.apply(
            ["name": "甲", "kind": "school", "fullScore": "50", "bands": "优秀≥90；合格≥0"], to: nil)
        XCTAssertEqual(tooHigh.errors.map(\.message), ["等级「优秀」的分数线应在 0–50 之间"])
        guard case .success(let ok) = SystemSettingsInput.apply(SystemSettingsInput.values(of: system), to: system)
        else {
            return XCTFail("the system's own values are accepted")
        }
        XCTAssertEqual(ok, system)
    }
}
