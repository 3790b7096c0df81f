import DudaoCore
import Plot

extension Node where Context: HTML.BodyContext {
    /// The audit trail of a record, or of the office's subtree; nothing when `entries` is nil (the
    /// account does not read audit trails).
    static func auditTrail(_ entries: [AuditTrailEntry]?) -> Node {
        guard let entries else { return .empty }
        return .section(
            .class("card audit"),
            .h2(.text("操作记录")),
            .dataTable(
                ["时间", "操作人", "操作", "变更内容"],
                entries.map { e in
                    [
                        .text(Format.date(e.time)), .text(e.actor), .text(e.action),
                        .div(
                            .p(.text(e.summary)),
                            e.changes.isEmpty
                                ? .empty
                                : .ul(
                                    .class("changes"),
                                    .forEach(e.changes) { c in
                                        .li(.text("\(c.field)：\(c.before ?? "（空）") → \(c.after ?? "（空）")"))
                                    })),
                    ]
                }, empty: "暂无操作记录"))
    }
}
