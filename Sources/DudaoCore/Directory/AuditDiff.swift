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

/// The 操作记录 in the office's words: what was done to which kind of record, and by whom.
public enum AuditWords {
    /// The kinds of record the trail names.
    public static let entities = [
        "school": "学校", "inspector": "督学", "area": "责任区", "assignment": "挂牌", "user": "账号", "settings": "督导设置",
        "themes": "月度主题", "visit": "督导记录", "notice": "整改通知书", "complaint": "举报投诉", "problem": "问题",
        "accountability": "问责决定", "area_plan": "片区工作计划", "report": "总结案例",
    ]

    /// Actions shared by several kinds of record.
    static let actions = [
        "create": "新建", "update": "修改", "deactivate": "停用", "reactivate": "恢复", "assign": "挂牌调整",
        "import": "导入", "photo": "更换照片", "reset": "重置密码", "login": "登录", "unlock": "解除登录限制",
        "revoke": "撤销访问令牌", "amend": "更正", "delete": "删除草稿", "grant": "授权督导", "submit": "提交",
        "file": "备案", "return": "退回", "respond": "提出申辩",
    ]

    /// "学校", or "其他记录" for a kind the trail does not know.
    public static func entity(_ entity: String) -> String { entities[entity] ?? "其他记录" }

    /// The action as the office says it: a step of a notice's, complaint's or accountability decision's life by
    /// its own name (提交审批, 不予受理, 维持), a shared action by the table; never the stored code.
    public static func action(_ action: String, entity: String) -> String {
        let step: String? =
            switch entity {
            case "notice": NoticeAction(rawValue: action)?.label
            case "complaint": ComplaintAction(rawValue: action)?.label
            case "accountability": AccountabilityState(rawValue: action)?.label
            default: nil
            }
        return step ?? actions[action] ?? "其他操作"
    }

    /// Who acted, without the login name earlier versions wrote after it ("王建华（inspector）" → "王建华").
    public static func actor(_ stored: String) -> String {
        guard stored.hasSuffix("）"), let open = stored.lastIndex(of: "（") else { return stored }
        let inside = stored[stored.index(after: open)..<stored.index(before: stored.endIndex)]
        let isLoginName =
            !inside.isEmpty && inside.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }
        return isLoginName ? String(stored[..<open]) : stored
    }
}
