import DudaoCore
import Plot

/// 督导月报: the office's list of a month (who has reported, who is late), or an inspector's own months.
struct MonthlyReportListView {
    let ctx: PageContext
    let model: MonthlyReportList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "督导月报", ctx,
            [
                .div(
                    .class("page-head"), .h1(.text(m.isInspector ? "我的督导月报" : "\(m.month.label)督导月报")),
                    .div(
                        .class("actions"),
                        .exportButtons(
                            { .listExport(.monthlyReports, $0) },
                            query: m.isInspector ? [] : [("month", m.month.description)]))),
                .p(
                    .class("hint"),
                    .text("每月督导情况由系统按督导记录自动汇总，督学补充说明后报送督导室；月报应在次月第 \(MonthlyReportRules.dueWorkingDay) 个工作日前报送。")),
                m.isInspector ? .empty : filters,
                m.isInspector
                    ? .empty
                    : .div(
                        .class("stats"),
                        .statCard("已报送", "\(m.submitted) / \(m.total)"),
                        .statCard("逾期", "\(m.late)", tone: m.late > 0 ? "danger" : "ok")),
                .dataTable(
                    [m.isInspector ? "月份" : "督学", "状态", "报送日期", "截止日期", "逾期"],
                    m.rows.map { r in
                        [
                            .a(
                                .href(SiteURL.monthlyReport(r.inspectorID, month: r.month.description).path),
                                .text(m.isInspector ? r.month.label : r.inspectorName)),
                            .badge(r.state.label, r.state == .received ? "ok" : r.state == .returned ? "danger" : ""),
                            .text(r.submittedOn.map { Format.day($0) } ?? "—"),
                            .text(r.due.chinese),
                            r.daysLate.map { .badge("逾期 \($0) 天", "danger") } ?? .text("—"),
                        ]
                    }, empty: "没有在岗督学"),
                m.paging.map { paging in
                    .pager(paging, total: m.total) {
                        SiteURL.monthlyReports.with([("month", m.month.description), ("page", String($0))])
                    }
                } ?? .empty,
            ])
    }

    var filters: Node<HTML.BodyContext> {
        let months = DashboardFigures.months(endingAt: ctx.today, count: 12).reversed()
        return .form(
            .method(.get), .action(SiteURL.monthlyReports.path), .class("filters"),
            .selectField(
                "月份", name: "month", options: months.map { ($0.description, $0.label) },
                selected: model.month.description, blank: nil),
            .button(.type(.submit), .class("btn"), .text("查看")))
    }
}

/// One inspector's 督导月报: the month's figures and highlights, their remarks, and the office's review.
struct MonthlyReportView {
    let ctx: PageContext
    let model: MonthlyReportPage

    func render() -> Page { Page(document(), status: model.error == nil ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let path = SiteURL.monthlyReport(m.inspectorID, month: m.month.description).path
        return Layout.document(
            "督导月报", ctx, printable: true,
            [
                .p(.class("no-print"), .link(SiteURL.monthlyReports.with([("month", m.month.description)]), "‹ 督导月报")),
                .h1(.text("\(m.inspectorName) \(m.month.label)督导月报")),
                .p(
                    .badge(m.state.label, m.state == .received ? "ok" : m.state == .returned ? "danger" : ""),
                    .text(" 截止 \(m.due.chinese)"),
                    .text(m.submittedOn.map { "，\(Format.day($0))报送" } ?? ""),
                    m.daysLate.map { .badge("逾期 \($0) 天", "danger") } ?? .empty),
                m.error.map { .div(.class("alert error"), .attribute(named: "role", value: "alert"), .text($0)) }
                    ?? .empty,
                m.officeComment.isEmpty
                    ? .empty
                    : .div(.class("alert warn"), .text("督导室意见（\(m.handledBy)）：\(m.officeComment)")),
                .section(
                    .class("card"),
                    .h2(.text("本月督导情况")),
                    .p(.text(m.figures.summary(month: m.month))),
                    .dataTable(
                        ["项目", "数量"], m.figures.lines.map { [.text($0.0), .text("\($0.1)")] }),
                    .p(.class("hint"), .text(m.live ? "以上数字按当前督导记录统计，报送时定稿。" : "以上数字为报送时的统计。"))),
                .section(
                    .class("card"),
                    .h2(.text("工作亮点")),
                    m.figures.highlights.isEmpty
                        ? .p(.class("empty"), .text("本月督导记录中没有填写亮点。"))
                        : .ul(
                            .forEach(m.figures.highlights) { h in
                                .li(.strong(.text("\(h.school)（\(Format.day(h.day))）：")), .text(h.text))
                            })),
                m.mayWrite ? form(path) : remarks,
                m.mayReview ? review(path) : .empty,
            ])
    }

    var remarks: Node<HTML.BodyContext> {
        .section(
            .class("card"), .h2(.text("督学补充说明")),
            .p(.text(model.remarks.isEmpty ? "（无）" : model.remarks)))
    }

    func form(_ path: String) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(path), .csrf(ctx.csrf), .class("card"),
            .textareaField(
                "补充说明（存在的困难、意见建议等）", name: "remarks", value: model.remarks, rows: 5,
                limit: MonthlyReportRules.maxRemarks),
            .div(
                .class("form-actions"),
                .button(.type(.submit), .name("action"), .value("save"), .class("btn"), .text("保存")),
                .button(.type(.submit), .name("action"), .value("submit"), .class("btn primary"), .text("报送督导室"))))
    }

    func review(_ path: String) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(path + "/review"), .csrf(ctx.csrf), .class("card no-print"),
            .h2(.text("督导室审阅")),
            .textareaField("意见（退回时必填）", name: "comment", value: "", rows: 3, limit: MonthlyReportRules.maxComment),
            .div(
                .class("form-actions"),
                .button(.type(.submit), .name("action"), .value("receive"), .class("btn primary"), .text("接收")),
                .button(.type(.submit), .name("action"), .value("return"), .class("btn"), .text("退回修改"))))
    }
}
