import Foundation

/// What makes an indicator system unusable, in the office's words; empty when it can be published.
extension IndicatorSystem {
    public static let maxNodes = 2_000
    public static let maxDepth = 8

    public func problems() -> [String] {
        var found: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { found.append("请填写指标体系名称") }
        if name.count > 100 { found.append("指标体系名称不能超过 100 字") }
        if source.count > 1000 { found.append("来源说明不能超过 1000 字") }
        if !(fullScore > 0 && fullScore <= 1000) { found.append("满分应在 1–1000 之间") }
        found += bandProblems()
        if nodes.isEmpty { found.append("指标体系至少要有一个指标") }
        if nodes.count > Self.maxNodes { found.append("指标不能超过 \(Self.maxNodes) 个") }
        found += treeProblems()
        let parents = Set(nodes.compactMap(\.parent))
        for node in nodes { found += nodeProblems(node, isLeaf: !parents.contains(node.code)) }
        return found
    }

    private func bandProblems() -> [String] {
        var found: [String] = []
        if bands.isEmpty { found.append("请至少设一个等级") }
        let labels = bands.map(\.label)
        if Set(labels).count != labels.count { found.append("等级名称重复") }
        for band in bands {
            if band.label.trimmingCharacters(in: .whitespaces).isEmpty || band.label.count > 10 {
                found.append("等级名称应为 1–10 字")
            }
            if !(band.min >= 0 && band.min <= fullScore) {
                found.append("等级「\(band.label)」的分数线应在 0–\(Score.text(fullScore)) 之间")
            }
        }
        return found
    }

    private func treeProblems() -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        for node in nodes {
            if seen.contains(node.code) { found.append("指标编码 \(node.code) 重复") }
            if let parent = node.parent, !seen.contains(parent) {
                // Parents come first; a parent that comes later or not at all is refused either way.
                found.append(
                    nodes.contains { $0.code == parent }
                        ? "指标 \(node.code) 的上级 \(parent) 应排在它前面" : "指标 \(node.code) 的上级编码 \(parent) 不存在")
            }
            seen.insert(node.code)
            if depth(of: node.code) > Self.maxDepth { found.append("指标 \(node.code) 超过 \(Self.maxDepth) 级") }
        }
        return found
    }

    private func nodeProblems(_ node: IndicatorNode, isLeaf: Bool) -> [String] {
        var found: [String] = []
        let code = node.code
        if code.trimmingCharacters(in: .whitespaces).isEmpty || code.count > 30 {
            found.append("指标编码应为 1–30 个字符（\(node.title)）")
        }
        if node.title.trimmingCharacters(in: .whitespaces).isEmpty { found.append("指标 \(code) 缺少名称") }
        if node.title.count > 200 { found.append("指标 \(code) 的名称不能超过 200 字") }
        if (node.guidance ?? "").count > 2000 { found.append("指标 \(code) 的评分说明不能超过 2000 字") }
        if let weight = node.weight, !(weight >= 0 && weight <= 1000) {
            found.append("指标 \(code) 的权重应在 0–1000 之间")
        }
        if isLeaf {
            if let form = node.form {
                found += form.problems().map { "指标 \(code)：\($0)" }
            } else {
                found.append("检查项 \(code) 缺少评分方式")
            }
        } else {
            if node.form != nil { found.append("指标 \(code) 有下级指标，不能再设评分方式") }
            if node.veto != nil || node.evidence != nil { found.append("指标 \(code) 有下级指标，否决和佐证要求应设在检查项上") }
        }
        if let veto = node.veto, !bands.contains(where: { $0.label == veto }) {
            found.append("指标 \(code) 的否决等级「\(veto)」不在等级设置中")
        }
        if node.veto != nil, node.form == .text { found.append("指标 \(code) 只填写文字，不能设为否决项") }
        if let evidence = node.evidence {
            if !(1...20).contains(evidence.count) { found.append("指标 \(code) 的佐证份数应在 1–20 之间") }
            let unknown = evidence.kinds.filter { !EvidenceRequirement.allowedKinds.contains($0) }
            if evidence.kinds.isEmpty || !unknown.isEmpty {
                found.append("指标 \(code) 的佐证类型只能是 \(EvidenceRequirement.allowedKinds.joined(separator: "、"))")
            }
        }
        return found
    }
}

extension ScoringForm {
    static let maxPoints = 1000.0

    /// What is wrong with the form's own settings.
    public func problems() -> [String] {
        let inRange = { (x: Double) in x > 0 && x <= Self.maxPoints }
        switch self {
        case .yesNo(let points), .threshold(let points, _, _), .questionnaire(let points, _, _, _):
            var found = inRange(points) ? [] : ["分值应在 0–1000 之间且大于 0"]
            if case .threshold(_, let rule, let byType) = self {
                found += ([rule] + byType.values).flatMap { $0.problems() }
                let unknown = byType.keys.filter { SchoolType(rawValue: $0) == nil }.sorted()
                if !unknown.isEmpty { found.append("未知的学校类型 \(unknown.joined(separator: "、"))") }
            }
            if case .questionnaire(_, let question, let positive, let minShare) = self {
                if question.trimmingCharacters(in: .whitespaces).isEmpty { found.append("请写明取自问卷的哪一题") }
                if positive.isEmpty { found.append("请写明计为满意的选项") }
                if !(minShare > 0 && minShare <= 1) { found.append("达标比例应在 0–100% 之间") }
            }
            return found
        case .points(let max): return inRange(max) ? [] : ["满分应在 0–1000 之间且大于 0"]
        case .deduction(let max, let per):
            return (inRange(max) ? [] : ["满分应在 0–1000 之间且大于 0"]) + (inRange(per) ? [] : ["每处扣分应大于 0"])
        case .levels(let levels):
            var found: [String] = []
            if levels.count < 2 || levels.count > 10 { found.append("等级应有 2–10 档") }
            if Set(levels.map(\.label)).count != levels.count { found.append("等级名称重复") }
            if levels.contains(where: { !($0.points >= 0 && $0.points <= Self.maxPoints) }) {
                found.append("各档分值应在 0–1000 之间")
            }
            if levels.first.map({ $0.points <= 0 }) ?? false { found.append("第一档应得分最高且大于 0") }
            return found
        case .campaign(let points, let source):
            var found = inRange(points) ? [] : ["分值应在 0–1000 之间且大于 0"]
            if source.trimmingCharacters(in: .whitespaces).isEmpty { found.append("请写明取自哪个指标体系的督导结果") }
            return found
        case .rank(let points, _):
            if points.isEmpty || points.count > 100 { return ["名次分应有 1–100 个"] }
            if points.contains(where: { !($0 >= 0 && $0 <= Self.maxPoints) }) { return ["名次分应在 0–1000 之间"] }
            return points == points.sorted(by: >) && points[0] > 0 ? [] : ["名次分应从高到低排列且第一名大于 0"]
        case .text: return []
        }
    }
}

extension ThresholdRule {
    func problems() -> [String] {
        guard value.isFinite, abs(value) <= 1e12 else { return ["达标值不是有效数字"] }
        if op == .between {
            guard let upper, upper.isFinite, upper >= value else { return ["区间的上限应不小于下限"] }
        }
        return []
    }
}
