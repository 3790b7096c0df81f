/// The fields that changed between two snapshots of a record, for the audit trail.
public struct FieldChange: Sendable, Equatable, Codable {
    public let field: String
    public let before: String?
    public let after: String?
    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

public enum AuditDiff {
    /// Changed fields, in the order of `after`'s keys sorted, so the trail reads the same every time.
    public static func changes(before: [String: String], after: [String: String]) -> [FieldChange] {
        Set(before.keys).union(after.keys).sorted().compactMap { key in
            let b = before[key]
            let a = after[key]
            return b == a ? nil : FieldChange(field: key, before: b, after: a)
        }
    }
}
