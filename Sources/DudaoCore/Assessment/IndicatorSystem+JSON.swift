import Foundation

/// The JSON form of an indicator system: the built-in templates' files, the export and the import.
extension IndicatorSystem: Codable {
    enum CodingKeys: String, CodingKey { case name, kind, source, fullScore, bands, nodes }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name),
            kind: try c.decode(TargetKind.self, forKey: .kind),
            source: try c.decodeIfPresent(String.self, forKey: .source) ?? "",
            fullScore: try c.decodeIfPresent(Double.self, forKey: .fullScore) ?? 100,
            bands: try c.decodeIfPresent([ScoreBand].self, forKey: .bands) ?? ScoreBand.standard,
            nodes: try c.decode([IndicatorNode].self, forKey: .nodes))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encode(source, forKey: .source)
        try c.encode(fullScore, forKey: .fullScore)
        try c.encode(bands, forKey: .bands)
        try c.encode(nodes, forKey: .nodes)
    }

    /// Pretty, key-sorted JSON: what the export gives and what a version stores.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func fromJSON(_ data: Data) throws -> IndicatorSystem {
        try JSONDecoder().decode(IndicatorSystem.self, from: data)
    }
}

extension ScoringForm: Codable {
    enum CodingKeys: String, CodingKey {
        case type, points, max, per, levels, rule, byType, question, positive, minShare, higherIsBetter, source
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "yesNo": self = .yesNo(points: try c.decode(Double.self, forKey: .points))
        case "points": self = .points(max: try c.decode(Double.self, forKey: .max))
        case "deduction":
            self = .deduction(
                max: try c.decode(Double.self, forKey: .max), per: try c.decode(Double.self, forKey: .per))
        case "levels": self = .levels(try c.decode([ScoringLevel].self, forKey: .levels))
        case "threshold":
            self = .threshold(
                points: try c.decode(Double.self, forKey: .points),
                rule: try c.decode(ThresholdRule.self, forKey: .rule),
                byType: try c.decodeIfPresent([String: ThresholdRule].self, forKey: .byType) ?? [:])
        case "questionnaire":
            self = .questionnaire(
                points: try c.decode(Double.self, forKey: .points),
                question: try c.decode(String.self, forKey: .question),
                positive: try c.decode([String].self, forKey: .positive),
                minShare: try c.decode(Double.self, forKey: .minShare))
        case "rank":
            self = .rank(
                points: try c.decode([Double].self, forKey: .points),
                higherIsBetter: try c.decodeIfPresent(Bool.self, forKey: .higherIsBetter) ?? true)
        case "campaign":
            self = .campaign(
                points: try c.decode(Double.self, forKey: .points), source: try c.decode(String.self, forKey: .source))
        case "text": self = .text
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "未知的评分方式 \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .yesNo(let points):
            try c.encode("yesNo", forKey: .type)
            try c.encode(points, forKey: .points)
        case .points(let max):
            try c.encode("points", forKey: .type)
            try c.encode(max, forKey: .max)
        case .deduction(let max, let per):
            try c.encode("deduction", forKey: .type)
            try c.encode(max, forKey: .max)
            try c.encode(per, forKey: .per)
        case .levels(let levels):
            try c.encode("levels", forKey: .type)
            try c.encode(levels, forKey: .levels)
        case .threshold(let points, let rule, let byType):
            try c.encode("threshold", forKey: .type)
            try c.encode(points, forKey: .points)
            try c.encode(rule, forKey: .rule)
            if !byType.isEmpty { try c.encode(byType, forKey: .byType) }
        case .questionnaire(let points, let question, let positive, let minShare):
            try c.encode("questionnaire", forKey: .type)
            try c.encode(points, forKey: .points)
            try c.encode(question, forKey: .question)
            try c.encode(positive, forKey: .positive)
            try c.encode(minShare, forKey: .minShare)
        case .rank(let points, let higherIsBetter):
            try c.encode("rank", forKey: .type)
            try c.encode(points, forKey: .points)
            try c.encode(higherIsBetter, forKey: .higherIsBetter)
        case .campaign(let points, let source):
            try c.encode("campaign", forKey: .type)
            try c.encode(points, forKey: .points)
            try c.encode(source, forKey: .source)
        case .text:
            try c.encode("text", forKey: .type)
        }
    }
}
