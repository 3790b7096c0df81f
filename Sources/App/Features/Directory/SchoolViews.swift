import DudaoCore
import Plot
import Vapor

extension Node where Context: HTML.BodyContext {
    /// The audit trail of one record, for office users.
    static func auditTrail(_ events: [AuditEvent], visible: Bool) -> Node {
        guard visible else { return .empty }
        return .el(
            "section", [("class", "card audit")],
            [
                .el("h2", [], [.text("操作记录")]),
                .dataTable(
                    ["时间", "操作人", "操作", "变更内容"],
                    events.map { e in
                        [
                            .text(Format.date(e.createdAt)), .text(e.actorName),
                            .text(Audit.actionLabels[e.action] ?? e.action),
                            .el(
                                "div", [],
                                [.el("p", [], [.text(e.summary)])]
                                    + (e.fieldChanges.isEmpty ? [] : [
                                        .el(
                                            "ul", [("class", "changes")],
                                            e.fieldChanges.map { c in
                                                .el("li", [], [.text("\(c.field)：\(c.before ?? "（空）") → \(c.after ?? "（空）")")])
                                            })
                                    ])),
                        ]
                    }, empty: "暂无操作记录"),
            ])
    }
}
