import DudaoCore
import Plot

/// The office's 六个一 matrix: a row per inspector, a cell per month and per rule, then this month's unvisited schools.
typealias ComplianceMatrixView = FiguresView<ComplianceMatrixContent>

/// Everything on the page below the site's header, drawn only from the figures and when they were counted.
struct ComplianceMatrixContent: FiguresContent {
    static let title = "六个一落实情况"
    let model: ComplianceMatrix

    var nodes: [Node<HTML.BodyContext>] {
        let m = model
        let semester = m.semester
        return
            [
                .div(
                    .class("page-head"),
                    .h1(.text("责任督学“六个一”落实情况 · \(semester.label)")),
                    .div(
                        .class("actions"),
                        .button(
                            SiteURL.compliance.with([("semester", semester.previous.code)]), "上一学期", style: "secondary"),
                        .button(
                            SiteURL.compliance.with([("semester", semester.next.code)]), "下一学期", style: "secondary"),
                        .exportButtons({ .listExport(.compliance, $0) }, query: [("semester", semester.code)]))),
                .p(
                    .class("hint"), .text("每格为“已督导学校/应督导学校”；红色为逾期未督导，黄色为本月尚待督导。点击督学查看明细。\(Format.counted(m.countedAt))")
                ),
                .div(
                    .class("table-wrap"),
                    .table(
                        .class("matrix"),
                        .thead(
                            .tr(
                                .th(.text("督学")), .forEach(semester.months) { .th(.text($0.shortLabel)) },
                                .forEach(ComplianceRule.allCases) {
                                    .th(.title($0.requirement), .text("\($0.number). \($0.label)"))
                                })),
                        .tbody(.forEach(m.inspectors, row)))),
                .pager(
                    m.paging, total: m.total,
                    link: { SiteURL.compliance.with([("semester", semester.code), ("page", String($0))]) }),
                .section(
                    .class("card"),
                    .h2(.text("本月（\(m.month.label)）尚未督导的学校：\(m.unvisitedTotal) 所")),
                    .dataTable(
                        ["学校", "责任督学"],
                        m.unvisited.map { [.link(SiteURL.school($0.id).path, $0.name), .text($0.inspector ?? "")] },
                        empty: "本月所有挂牌学校均已督导。"),
                    m.unvisitedTotal > m.unvisited.count
                        ? .p(.class("hint"), .text("仅列出前 \(m.unvisited.count) 所。")) : .empty),
            ]
    }

    func row(_ i: ComplianceMatrix.Row) -> Node<HTML.TableContext> {
        let result = model.result
        let states = result.ruleStates(inspectorID: i.id)
        return .tr(
            .th(
                .attribute(named: "scope", value: "row"),
                .link(SiteURL.complianceInspector(i.id).with([("semester", model.semester.code)]), i.name)),
            .forEach(model.semester.months) { m in
                .td(
                    .class("cell " + ComplianceText.tone(result, inspectorID: i.id, month: m)),
                    .text(ComplianceText.cell(result, inspectorID: i.id, month: m)))
            },
            .forEach(ComplianceRule.allCases) { rule in
                let s = states[rule] ?? .met
                return .td(.class("cell " + ComplianceText.tone(s)), .text(ComplianceText.state(s)))
            })
    }
}
