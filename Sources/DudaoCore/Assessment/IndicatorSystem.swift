import Foundation

/// Who an indicator system scores.
public enum TargetKind: String, LabelledEnum {
    case school, kindergarten, township, county

    public var label: String {
        switch self {
        case .school: "学校"
        case .kindergarten: "幼儿园"
        case .township: "镇（乡、街道）"
        case .county: "县（区）人民政府"
        }
    }

    /// Whether a visit to a school of `type` may be checked against a system of this kind: a kindergarten's against
    /// a kindergarten system, other schools against a school one; townships and counties are not visited so.
    public func fits(_ type: SchoolType) -> Bool {
        switch self {
        case .school: type != .kindergarten
        case .kindergarten: type == .kindergarten
        case .township, .county: false
        }
    }
}

/// A grade band: the label given at `min` points or more (e.g. 优秀 ≥ 90).
public struct ScoreBand: Sendable, Equatable, Codable {
    public var label: String
    public var min: Double
    public init(label: String, min: Double) {
        self.label = label
        self.min = min
    }

    public static let standard = [
        ScoreBand(label: "优秀", min: 90), ScoreBand(label: "良好", min: 80),
        ScoreBand(label: "合格", min: 60), ScoreBand(label: "不合格", min: 0),
    ]
}

/// The files a target uploads as evidence (佐证材料) for one leaf.
public struct EvidenceRequirement: Sendable, Equatable, Codable {
    public static let allowedKinds = ["pdf", "jpg", "png", "docx", "xlsx"]
    public var kinds: [String]
    public var count: Int
    public var note: String?

    public init(kinds: [String], count: Int, note: String? = nil) {
        self.kinds = kinds
        self.count = count
        self.note = note
    }

    public var text: String {
        "至少 \(count) 份（\(kinds.joined(separator: "/"))）" + (note.map { "：\($0)" } ?? "")
    }

    /// Whether a file of `kind` (one of `allowedKinds`; photos count as jpg and png alike) is what is asked for.
    /// No kinds named: any evidence file.
    public func accepts(kind: String) -> Bool {
        if kinds.isEmpty { return true }
        if kind == "jpg" || kind == "png" { return kinds.contains("jpg") || kinds.contains("png") }
        return kinds.contains(kind)
    }
}

/// One node of an indicator tree: a 一级/二级 indicator when it has children, a scored item (leaf) when not.
public struct IndicatorNode: Sendable, Equatable, Codable {
    public var code: String
    public var parent: String?
    public var title: String
    public var guidance: String?
    /// Its share among its siblings; nil means the default (a leaf's form maximum, a branch's children's sum).
    public var weight: Double?
    public var form: ScoringForm?
    /// The highest grade a target may get when this leaf is not met (一票否决).
    public var veto: String?
    public var evidence: EvidenceRequirement?

    public init(
        code: String, parent: String? = nil, title: String, guidance: String? = nil, weight: Double? = nil,
        form: ScoringForm? = nil, veto: String? = nil, evidence: EvidenceRequirement? = nil
    ) {
        self.code = code
        self.parent = parent
        self.title = title
        self.guidance = guidance
        self.weight = weight
        self.form = form
        self.veto = veto
        self.evidence = evidence
    }
}

/// An indicator system (指标体系): the document a template version holds, unchanged once published.
public struct IndicatorSystem: Sendable, Equatable {
    public var name: String
    public var kind: TargetKind
    public var source: String
    public var fullScore: Double
    public var bands: [ScoreBand]
    /// Parents before their children, siblings in display order.
    public var nodes: [IndicatorNode]

    public init(
        name: String, kind: TargetKind, source: String = "", fullScore: Double = 100,
        bands: [ScoreBand] = ScoreBand.standard, nodes: [IndicatorNode]
    ) {
        self.name = name
        self.kind = kind
        self.source = source
        self.fullScore = fullScore
        self.bands = bands
        self.nodes = nodes
    }

    public func children(of code: String?) -> [IndicatorNode] { nodes.filter { $0.parent == code } }

    public var leaves: [IndicatorNode] {
        let parents = Set(nodes.compactMap(\.parent))
        return nodes.filter { !parents.contains($0.code) }
    }

    public func node(_ code: String) -> IndicatorNode? { nodes.first { $0.code == code } }

    /// Whether a leaf is scored by rank (its points depend on the other targets' values, so targets are scored
    /// together).
    public var hasRankItems: Bool { leaves.contains { if case .rank = $0.form { true } else { false } } }

    /// How deep a node sits (一级 = 1).
    public func depth(of code: String) -> Int {
        var depth = 0
        var current: String? = code
        let byCode = Dictionary(nodes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        while let c = current, let node = byCode[c], depth <= nodes.count {
            depth += 1
            current = node.parent
        }
        return depth
    }

    /// Bands from the highest line down.
    public var orderedBands: [ScoreBand] { bands.sorted { $0.min > $1.min } }
}
