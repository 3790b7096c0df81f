import Foundation
import Spreadsheet

/// The spreadsheet form of an indicator system: a few rows naming the system, then one row per node with
/// its parent's code. What `table(_:)` writes, `read(_:)` reads back to the same system.
public enum IndicatorSheet {
    static let columns = [
        "编码", "上级编码", "名称", "评分说明", "权重", "评分方式", "分值", "每处扣分", "等级", "达标条件", "分学校类型",
        "问卷题目", "满意选项", "达标比例", "名次分", "排名方向", "否决等级", "佐证类型", "佐证份数", "佐证说明",
        "来源指标体系",
    ]
    static let higherFirst = "高者优先"
    static let lowerFirst = "低者优先"

    public static func table(_ system: IndicatorSystem) -> SpreadsheetTable {
        var rows: [[String]] = [
            ["指标体系名称", system.name], ["评价对象", system.kind.label], ["满分", number(system.fullScore)],
            ["等级", system.bands.map { "\($0.label)≥\(number($0.min))" }.joined(separator: "；")],
            ["来源", system.source], [], columns,
        ]
        rows += system.nodes.map(row)
        return SpreadsheetTable(rows: rows)
    }

    static func row(_ node: IndicatorNode) -> [String] {
        var cells = Dictionary(uniqueKeysWithValues: columns.map { ($0, "") })
        cells["编码"] = node.code
        cells["上级编码"] = node.parent ?? ""
        cells["名称"] = node.title
        cells["评分说明"] = node.guidance ?? ""
        cells["权重"] = node.weight.map(number) ?? ""
        cells["否决等级"] = node.veto ?? ""
        if let evidence = node.evidence {
            cells["佐证类型"] = evidence.kinds.joined(separator: "/")
            cells["佐证份数"] = String(evidence.count)
            cells["佐证说明"] = evidence.note ?? ""
        }
        if let form = node.form {
            cells["评分方式"] = form.label
            switch form {
            case .yesNo(let points), .points(let points): cells["分值"] = number(points)
            case .deduction(let max, let per):
                cells["分值"] = number(max)
                cells["每处扣分"] = number(per)
            case .levels(let levels):
                cells["等级"] = levels.map { "\($0.label)=\(number($0.points))" }.joined(separator: "；")
            case .threshold(let points, let rule, let byType):
                cells["分值"] = number(points)
                cells["达标条件"] = condition(rule)
                cells["分学校类型"] = byType.sorted { $0.key < $1.key }
                    .map { (SchoolType(rawValue: $0.key)?.label ?? $0.key) + condition($0.value) }
                    .joined(separator: "；")
            case .questionnaire(let points, let question, let positive, let minShare):
                cells["分值"] = number(points)
                cells["问卷题目"] = question
                cells["满意选项"] = positive.joined(separator: "、")
                cells["达标比例"] = number((minShare * 100 * 1e9).rounded() / 1e9) + "%"
            case .rank(let points, let higher):
                cells["名次分"] = points.map(number).joined(separator: "/")
                cells["排名方向"] = higher ? higherFirst : lowerFirst
            case .campaign(let points, let source):
                cells["分值"] = number(points)
                cells["来源指标体系"] = source
            case .text: break
            }
        }
        return columns.map { cells[$0] ?? "" }
    }

    /// A number as written in the sheet: whole numbers without decimals, others in full.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func condition(_ rule: ThresholdRule) -> String {
        switch rule.op {
        case .atLeast: "≥" + number(rule.value)
        case .atMost: "≤" + number(rule.value)
        case .between: number(rule.value) + "~" + number(rule.upper ?? rule.value)
        }
    }
}

/// The node form on the page uses the sheet's columns under ASCII field names, so one parser serves both.
extension IndicatorSheet {
    public static let fields: [(column: String, name: String)] = zip(
        columns,
        [
            "code", "parent", "title", "guidance", "weight", "form", "points", "per", "levels", "condition", "byType",
            "question", "positive", "share", "rankPoints", "rankOrder", "veto", "evidenceKinds", "evidenceCount",
            "evidenceNote", "campaignSource",
        ]
    ).map { ($0, $1) }

    /// A node as the form's values, by field name.
    public static func formValues(_ node: IndicatorNode) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(fields.map(\.name), row(node)))
    }

    /// The node a form describes, or what is wrong with it.
    public static func node(formValues: [String: String]) -> (node: IndicatorNode?, messages: [String]) {
        var cells: [String: String] = [:]
        for (column, name) in fields { cells[column] = formValues[name] ?? "" }
        var messages: [String] = []
        let node = parseNode(cells, messages: &messages)
        if let node, messages.isEmpty {
            if node.title.isEmpty { messages.append("请填写名称") }
            if let form = node.form { messages += form.problems() }
            if let evidence = node.evidence, !(1...20).contains(evidence.count) { messages.append("佐证份数应在 1–20 之间") }
        }
        return (messages.isEmpty ? node : nil, messages)
    }
}
