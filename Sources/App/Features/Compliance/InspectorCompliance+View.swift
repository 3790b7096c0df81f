import DudaoCore
import Plot

/// An inspector's 六个一 detail: the six rules, the calendar, the shortfalls with links to their visits.
struct InspectorComplianceView {
    let ctx: PageContext
    let model: InspectorCompliance

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        let shortfalls = m.result.shortfalls(inspectorID: m.inspectorID)
        let nameOf = Dictionary(uniqueKeysWithValues: m.schools.map { ($0.id, $0.name) })
        return Layout.document(
            "六个一明细", ctx, wide: true,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("\(m.inspectorName) · \(m.semester.label)“六个一”明细")),
                    .div(.class("actions"), .exportButtons(exportURL, query: [("semester", m.semester.code)]))),
                .ruleStates(m.result.ruleStates(inspectorID: m.inspectorID)),
                .visitCalendar(
                    result: m.result, inspectorID: m.inspectorID, schools: m.schools, months: m.semester.months),
                .section(
                    .class("card"),
                    .h2(.text("不足项（\(shortfalls.count)）")),
                    .dataTable(
                        ["要求", "学校", "月份", "说明", ""],
                        shortfalls.map { s in
                            [
                                .text("\(s.rule.number). \(s.rule.label)"),
                                .text(s.schoolID.flatMap { nameOf[$0] } ?? ""),
                                .text(s.month?.label ?? ""), .text(s.message),
                                s.visitID.map { .link(SiteURL.visit($0).path, "查看记录") } ?? .empty,
                            ]
                        }, empty: "没有不足项。")),
                reports,
                .p(.link(SiteURL.visits.with([("inspector", String(m.inspectorID))]), "查看该督学的全部督导记录")),
            ])
    }

    /// An inspector exports their own page; the office and leaders the inspector's.
    func exportURL(_ format: ExportFormat) -> SiteURL {
        ctx.principal?.role == .inspector
            ? .listExport(.complianceMine, format) : .complianceInspectorExport(model.inspectorID, format)
    }

    var reports: Node<HTML.BodyContext> {
        guard !model.reports.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("督导月报报送")),
            .dataTable(
                ["月份", "状态", "报送日期", "逾期"],
                model.reports.map { r in
                    [
                        .link(SiteURL.monthlyReport(r.inspectorID, month: r.month.description).path, r.month.label),
                        .text(r.state.label), .text(r.submittedOn.map { Format.day($0) } ?? "未报送"),
                        r.daysLate.map { .badge("逾期 \($0) 天", "danger") }
                            ?? .text(r.submittedOn == nil ? "未到截止日" : "按时"),
                    ]
                }))
    }
}
