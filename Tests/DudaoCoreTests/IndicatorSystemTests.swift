import Spreadsheet
import XCTest

@testable import DudaoCore

final class IndicatorSystemTests: XCTestCase {
    let sample = IndicatorSystem(
        name: "样例", kind: .school, source: "rules.md §8",
        bands: [ScoreBand(label: "优秀", min: 90), ScoreBand(label: "合格", min: 60), ScoreBand(label: "不合格", min: 0)],
        nodes: [
            IndicatorNode(code: "1", title: "办学条件", guidance: "查看校舍", weight: 40),
            IndicatorNode(code: "1.1", parent: "1", title: "校舍安全", form: .yesNo(points: 10), veto: "合格"),
            IndicatorNode(
                code: "1.2", parent: "1", title: "作业时长",
                form: .threshold(
                    points: 10, rule: ThresholdRule(op: .between, value: 30, upper: 90.5),
                    byType: [
                        "primary": ThresholdRule(op: .atMost, value: 60),
                        "junior": ThresholdRule(op: .atLeast, value: 1),
                    ]),
                evidence: EvidenceRequirement(kinds: ["pdf", "jpg"], count: 2, note: "作业公示表")),
            IndicatorNode(code: "2", title: "管理"),
            IndicatorNode(code: "2.1", parent: "2", title: "常规", weight: 33.333, form: .deduction(max: 20, per: 1.5)),
            IndicatorNode(
                code: "2.2", parent: "2", title: "课堂",
                form: .levels([ScoringLevel(label: "优", points: 10), ScoringLevel(label: "良", points: 7.5)])),
            IndicatorNode(
                code: "2.3", parent: "2", title: "家长满意度",
                form: .questionnaire(points: 5, question: "满意度", positive: ["满意", "比较满意"], minShare: 0.85)),
            IndicatorNode(
                code: "2.4", parent: "2", title: "名次", form: .rank(points: [10, 8, 6, 4], higherIsBetter: false)),
            IndicatorNode(code: "2.5", parent: "2", title: "评价", form: .points(max: 15)),
            IndicatorNode(code: "3", title: "意见", form: .text),
        ])

    func testASoundSystemHasNoProblems() {
        XCTAssertEqual(sample.problems(), [])
        XCTAssertEqual(sample.leaves.map(\.code), ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "3"])
        XCTAssertEqual(sample.depth(of: "2.3"), 2)
    }

    func testEveryTreeMistakeIsNamedInChinese() {
        var broken = sample
        broken.name = " "
        broken.nodes.append(IndicatorNode(code: "1.1", parent: "1", title: "重复", form: .yesNo(points: 1)))
        broken.nodes.append(IndicatorNode(code: "9.1", parent: "9", title: "孤儿", form: .yesNo(points: 1)))
        broken.nodes.append(IndicatorNode(code: "4", title: "无评分方式"))
        broken.nodes[0].form = .yesNo(points: 1)
        broken.nodes[1].veto = "良好"
        broken.nodes.append(
            IndicatorNode(code: "5", title: "坏等级", form: .levels([ScoringLevel(label: "A", points: 0)])))
        broken.nodes.append(IndicatorNode(code: "6", title: "坏名次", form: .rank(points: [4, 8], higherIsBetter: true)))
        broken.nodes.append(
            IndicatorNode(
                code: "7", title: "坏佐证", form: .yesNo(points: 1),
                evidence: EvidenceRequirement(kinds: ["exe"], count: 0)))
        let problems = broken.problems()
        for expected in [
            "请填写指标体系名称", "指标编码 1.1 重复", "指标 9.1 的上级编码 9 不存在", "检查项 4 缺少评分方式", "指标 1 有下级指标，不能再设评分方式",
            "指标 1.1 的否决等级「良好」不在等级设置中", "指标 5：等级应有 2–10 档", "指标 5：第一档应得分最高且大于 0",
            "指标 6：名次分应从高到低排列且第一名大于 0", "指标 7 的佐证份数应在 1–20 之间",
        ] {
            XCTAssertTrue(problems.contains(expected), "missing: \(expected) in \(problems)")
        }
        XCTAssertTrue(problems.contains { $0.hasPrefix("指标 7 的佐证类型只能是") })
    }

    func testAParentListedAfterItsChildIsRefused() {
        let system = IndicatorSystem(
            name: "顺序", kind: .school,
            nodes: [
                IndicatorNode(code: "1.1", parent: "1", title: "子", form: .yesNo(points: 1)),
                IndicatorNode(code: "1", title: "父"),
            ])
        XCTAssertEqual(system.problems(), ["指标 1.1 的上级 1 应排在它前面"])
    }

    func testJSONRoundTripKeepsTheSystem() throws {
        XCTAssertEqual(try IndicatorSystem.fromJSON(sample.jsonData()), sample)
    }

    func testAnUnknownFormInJSONIsRefused() {
        let json = #"{"name":"x","kind":"school","nodes":[{"code":"1","title":"a","form":{"type":"magic"}}]}"#
        XCTAssertThrowsError(try IndicatorSystem.fromJSON(Data(json.utf8)))
    }

    func testTheSpreadsheetRoundTripGivesTheIdenticalTree() throws {
        let xlsx = try XLSX.write(IndicatorSheet.table(sample), sheetName: "指标体系")
        let read = IndicatorSheet.read(try XLSX.read(xlsx))
        XCTAssertEqual(read.fileErrors, [])
        XCTAssertEqual(read.rowErrors, [])
        XCTAssertEqual(read.system, sample)
    }

    func testEveryBadRowOfASheetIsListedWithItsRowNumber() {
        var table = IndicatorSheet.table(sample)
        let header = table.rows.firstIndex { $0.first == "编码" }!
        table.rows[header + 2][5] = "打勾"  // 1.1: unknown form
        table.rows[header + 3][9] = "大于85"  // 1.2: bad condition
        table.rows[header + 6][8] = "优10"  // 2.2: bad levels
        let read = IndicatorSheet.read(table)
        XCTAssertNil(read.system)
        XCTAssertEqual(read.rowErrors.map(\.row), [header + 3, header + 4, header + 7])
        XCTAssertEqual(read.rowErrors[0].messages, ["评分方式应为 是否、分值、扣分、等级、达标值、问卷、排名、督导结果、文字 之一：打勾"])
        XCTAssertEqual(read.rowErrors[1].messages, ["达标条件应写成「≥85」「≤60」或「8~10」"])
    }

    func testASheetWithoutHeaderOrWithABadKindSaysSo() {
        XCTAssertEqual(
            IndicatorSheet.read(SpreadsheetTable(rows: [["名称"]])).fileErrors, ["找不到以「编码」开头的表头行，请使用导出的指标体系模板"])
        var table = IndicatorSheet.table(sample)
        table.rows[1][1] = "医院"
        XCTAssertEqual(IndicatorSheet.read(table).fileErrors, ["评价对象应为 学校、幼儿园、镇（乡、街道）、县（区）人民政府 之一"])
    }

    func testBuiltInSystemsAllReadAndAreSound() throws {
        let all = try BuiltInSystems.all()
        XCTAssertEqual(all.count, 9)
        for entry in all {
            XCTAssertFalse(entry.system.source.isEmpty, entry.key)
            XCTAssertEqual(entry.system.problems(), [], entry.key)
            // With every item met, each system gives its full score and its top grade.
            let full = Dictionary(
                uniqueKeysWithValues: entry.system.leaves.compactMap { leaf -> (String, IndicatorAnswer)? in
                    guard let form = leaf.form else { return nil }
                    return (leaf.code, Self.bestAnswer(form))
                })
            let score = ScoringEngine.score(
                entry.system, answers: full, schoolType: "primary", rankPoints: Self.rankTops(entry.system))
            XCTAssertEqual(score.total, entry.system.fullScore, accuracy: 1e-6, entry.key)
            XCTAssertEqual(score.grade, entry.system.orderedBands.first?.label, entry.key)
            // Round trip through the sheet as well.
            XCTAssertEqual(IndicatorSheet.read(IndicatorSheet.table(entry.system)).system, entry.system, entry.key)
        }
        XCTAssertEqual(all.first?.key, "01-kaixue-shige-daowei")
        XCTAssertTrue(
            all.contains {
                $0.system.kind == .township
                    && $0.system.leaves.contains { if case .rank = $0.form { true } else { false } }
            })
        XCTAssertTrue(all.contains { $0.system.leaves.contains { $0.veto != nil } })
    }

    static func bestAnswer(_ form: ScoringForm) -> IndicatorAnswer {
        switch form {
        case .yesNo: .yes
        case .points(let max): .points(max)
        case .deduction: .occurrences(0)
        case .levels(let levels): .level(levels.max { $0.points < $1.points }!.label)
        case .threshold(_, let rule, let byType):
            .value((byType["primary"] ?? rule).value)  // every operator includes its own line
        case .questionnaire, .campaign: .share(1)
        case .rank: .value(1)
        case .text: .text("")
        }
    }

    static func rankTops(_ system: IndicatorSystem) -> [String: Double] {
        Dictionary(
            uniqueKeysWithValues: system.leaves.compactMap { leaf in
                if case .rank(let points, _)? = leaf.form { (leaf.code, points[0]) } else { nil }
            })
    }
}
