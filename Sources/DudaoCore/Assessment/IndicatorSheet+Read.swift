import Foundation
import Spreadsheet

extension IndicatorSheet {
    /// What reading a sheet gives: the system, or every bad row and what is wrong with the whole.
    public struct ReadResult: Sendable {
        public var system: IndicatorSystem?
        public var rowErrors: [ImportRowError] = []
        public var fileErrors: [String] = []
    }

    public static func read(_ table: SpreadsheetTable) -> ReadResult {
        var result = ReadResult()
        guard let headerIndex = table.rows.firstIndex(where: { clean($0.first ?? "") == "编码" }) else {
            result.fileErrors = ["找不到以「编码」开头的表头行，请使用导出的指标体系模板"]
            return result
        }
        var meta: [String: String] = [:]
        for row in table.rows[..<headerIndex] where row.count >= 2 { meta[clean(row[0])] = clean(row[1]) }
        let map = HeaderMap(headers: table.rows[headerIndex])
        let missing = map.missing(["编码", "上级编码", "名称", "评分方式"])
        if !missing.isEmpty { result.fileErrors.append("缺少必需的列：\(missing.joined(separator: "、"))") }

        let kind = TargetKind(label: meta["评价对象"] ?? "")
        if kind == nil { result.fileErrors.append("评价对象应为 \(TargetKind.labelList) 之一") }
        let fullScore = Double(meta["满分"] ?? "100")
        if fullScore == nil { result.fileErrors.append("满分应为数字") }
        let bands = parseBands(meta["等级"] ?? "")
        if bands == nil { result.fileErrors.append("等级应写成「优秀≥90；良好≥80；合格≥60；不合格≥0」") }

        var nodes: [IndicatorNode] = []
        for (offset, row) in table.rows[(headerIndex + 1)...].enumerated() where !SpreadsheetTable.isBlank(row) {
            var messages: [String] = []
            let node = parseNode(map.record(row), messages: &messages)
            if messages.isEmpty, let node {
                nodes.append(node)
            } else {
                result.rowErrors.append(ImportRowError(row: headerIndex + offset + 2, messages: messages))
            }
        }
        guard result.fileErrors.isEmpty, result.rowErrors.isEmpty, let kind, let fullScore, let bands else {
            return result
        }
        let system = IndicatorSystem(
            name: meta["指标体系名称"] ?? "", kind: kind, source: meta["来源"] ?? "", fullScore: fullScore, bands: bands,
            nodes: nodes)
        result.fileErrors = system.problems()
        if result.fileErrors.isEmpty { result.system = system }
        return result
    }

    static func parseNode(_ cells: [String: String], messages: inout [String]) -> IndicatorNode? {
        let value = { (column: String) in clean(cells[column] ?? "") }
        let optional = { (column: String) in value(column).isEmpty ? nil : value(column) }
        func decimal(_ column: String, required: Bool = true) -> Double? {
            let text = value(column)
            if text.isEmpty {
                if required { messages.append("请填写「\(column)」") }
                return nil
            }
            guard let number = Double(text), number.isFinite else {
                messages.append("「\(column)」应为数字：\(text)")
                return nil
            }
            return number
        }
        var node = IndicatorNode(
            code: value("编码"), parent: optional("上级编码"), title: value("名称"), guidance: optional("评分说明"),
            veto: optional("否决等级"))
        if node.code.isEmpty { messages.append("请填写编码") }
        node.weight = decimal("权重", required: false)
        if let kinds = optional("佐证类型") {
            let count = Int(value("佐证份数")) ?? 1
            node.evidence = EvidenceRequirement(
                kinds: split(kinds, by: "/、,，").map { $0.lowercased() }, count: count, note: optional("佐证说明"))
        }
        let kind = value("评分方式")
        switch kind {
        case "": break
        case "是否": node.form = decimal("分值").map { .yesNo(points: $0) }
        case "分值": node.form = decimal("分值").map { .points(max: $0) }
        case "扣分":
            if let max = decimal("分值"), let per = decimal("每处扣分") { node.form = .deduction(max: max, per: per) }
        case "等级":
            if let levels = parseLevels(value("等级")) {
                node.form = .levels(levels)
            } else {
                messages.append("等级应写成「A=10；B=8；C=6；D=3」")
            }
        case "达标值":
            let rule = parseCondition(value("达标条件"))
            let byType = parseByType(value("分学校类型"))
            if rule == nil { messages.append("达标条件应写成「≥85」「≤60」或「8~10」") }
            if byType == nil { messages.append("分学校类型应写成「小学≤60；初中≤90」") }
            if let points = decimal("分值"), let rule, let byType {
                node.form = .threshold(points: points, rule: rule, byType: byType)
            }
        case "问卷":
            let share = parseShare(value("达标比例"))
            if share == nil { messages.append("达标比例应写成「85%」") }
            if let points = decimal("分值"), let share {
                node.form = .questionnaire(
                    points: points, question: value("问卷题目"), positive: split(value("满意选项"), by: "、,，;；"),
                    minShare: share)
            }
        case "排名":
            let points = split(value("名次分"), by: "/、,，").map { Double($0) }
            if points.isEmpty || points.contains(nil) {
                messages.append("名次分应写成「10/8/6/4」")
            } else {
                node.form = .rank(points: points.compactMap { $0 }, higherIsBetter: value("排名方向") != lowerFirst)
            }
        case "督导结果":
            let source = value("来源指标体系")
            if source.isEmpty { messages.append("请填写「来源指标体系」（取哪个指标体系的督导结果）") }
            if let points = decimal("分值"), !source.isEmpty { node.form = .campaign(points: points, source: source) }
        case "文字": node.form = .text
        default: messages.append("评分方式应为 是否、分值、扣分、等级、达标值、问卷、排名、督导结果、文字 之一：\(kind)")
        }
        return messages.isEmpty ? node : nil
    }

    static func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    static func split(_ text: String, by separators: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map { clean(String($0)) }.filter { !$0.isEmpty }
    }

    /// 「A=10；B=8」 (also ：/: and ,/，/;).
    static func parseLevels(_ text: String) -> [ScoringLevel]? {
        let parts = split(text, by: ";；,，")
        let levels = parts.compactMap { part -> ScoringLevel? in
            let pair = split(part, by: "=：:")
            guard pair.count == 2, let points = Double(pair[1]) else { return nil }
            return ScoringLevel(label: pair[0], points: points)
        }
        return levels.count == parts.count && !levels.isEmpty ? levels : nil
    }

    /// 「优秀≥90；良好≥80」.
    public static func parseBands(_ text: String) -> [ScoreBand]? {
        let parts = split(text, by: ";；,，")
        let bands = parts.compactMap { part -> ScoreBand? in
            let pair = split(part.replacingOccurrences(of: ">=", with: "≥"), by: "≥")
            guard pair.count == 2, let min = Double(pair[1]) else { return nil }
            return ScoreBand(label: pair[0], min: min)
        }
        return bands.count == parts.count && !bands.isEmpty ? bands : nil
    }

    /// 「≥85」「≤60」「8~10」.
    static func parseCondition(_ text: String) -> ThresholdRule? {
        let t = text.replacingOccurrences(of: ">=", with: "≥").replacingOccurrences(of: "<=", with: "≤")
        if t.hasPrefix("≥"), let v = Double(clean(String(t.dropFirst()))) {
            return ThresholdRule(op: .atLeast, value: v)
        }
        if t.hasPrefix("≤"), let v = Double(clean(String(t.dropFirst()))) {
            return ThresholdRule(op: .atMost, value: v)
        }
        let ends = split(t, by: "~～")
        if ends.count == 2, let lo = Double(ends[0]), let hi = Double(ends[1]) {
            return ThresholdRule(op: .between, value: lo, upper: hi)
        }
        return nil
    }

    /// 「小学≤60；初中≤90」: each school type (by its label) with its own condition.
    static func parseByType(_ text: String) -> [String: ThresholdRule]? {
        var result: [String: ThresholdRule] = [:]
        for part in split(text, by: ";；") {
            guard
                let type = SchoolType.allCases.sorted(by: { $0.label.count > $1.label.count })
                    .first(where: { part.hasPrefix($0.label) }),
                let rule = parseCondition(clean(String(part.dropFirst(type.label.count))))
            else { return nil }
            result[type.rawValue] = rule
        }
        return result
    }

    /// 「85%」 or 「0.85」.
    static func parseShare(_ text: String) -> Double? {
        if text.hasSuffix("%"), let v = Double(clean(String(text.dropLast()))) { return v / 100 }
        return Double(text)
    }
}
