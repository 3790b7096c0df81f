import DudaoCore
import Plot

/// 操作记录 as a page: the trail and the pager.
struct AuditLogView {
    let ctx: PageContext
    let model: AuditLog

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "操作记录", ctx, wide: true,
            [
                .div(
                    .class("page-head"), .h1(.text("操作记录")),
                    .div(
                        .class("actions"),
                        .exportButtons(
                            { .listExport(.audit, $0) },
                            query: [
                                ("entity", model.filter.entity ?? ""), ("id", model.filter.id.map(String.init) ?? ""),
                            ]))),
                .p(.class("hint"), .text("记录每一次新建、修改、停用、挂牌调整与导入：谁、何时、改了什么。")),
                .auditTrail(model.page.items),
                .pager(
                    model.page.paging, total: model.page.total,
                    link: {
                        SiteURL.audit.with([("entity", model.filter.entity ?? ""), ("page", String($0))])
                    }),
            ])
    }
}
