import DudaoCore
import Plot

/// 操作记录 as a page: the trail and the pager.
struct AuditLogView {
    let ctx: PageContext
    let model: AuditLog

    func render() -> Page { Page(document()) }

    func document() -> HTML {
        Layout.document(
            "操作记录", ctx, wide: true,
            [
                .h1(.text("操作记录")),
                .p(.class("hint"), .text("记录每一次新建、修改、停用、挂牌调整与导入：谁、何时、改了什么。")),
                .auditEntries(model.page.items),
                .pager(
                    model.page.paging, total: model.page.total,
                    link: {
                        SiteURL.audit.with([("entity", model.filter.entity ?? ""), ("page", String($0))])
                    }),
            ])
    }
}

extension Node where Context: HTML.BodyContext {
    /// An audit trail: each change with its fields before and after.
    static func auditEntries(_ entries: [AuditLog.Entry]) -> Node {
        .section(
            .class("card audit"),
            .h2(.text("操作记录")),
            .dataTable(
                ["时间", "操作人", "操作", "变更内容"],
                entries.map { e in
                    [
                        .text(Format.date(e.createdAt)), .text(e.actorName), .text(e.action),
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
