import DudaoCore
import Plot
import Vapor

/// The A4 责任督学工作记录表, laid out like the paper form.
struct VisitPrintPage {
    let ctx: PageContext
    let loaded: VisitsController.Loaded
    let settings: DistrictSettings
    let hideInternal: Bool

    func row(_ label: String, _ value: String, span: Int = 3) -> Node<HTML.BodyContext> {
        .el("tr", [], [.el("th", [], [.text(label)]), .el("td", [("colspan", String(span))], [.el("div", [("class", "prewrap")], [.text(value.isEmpty ? "" : value)])])])
    }

    func render() -> Page {
        let v = loaded.visit
        let team = ([loaded.author?.name] + loaded.members.map(\.name)).compactMap { $0 }.joined(separator: "、")
        let rubric = settings.rubricValue
        let lessons = loaded.observations.map { o -> String in
            let g = rubric.grade(o.scoreMap).map { "，评定" + $0 } ?? ""
            return "\(o.kind.label)：\([o.className, o.subject, o.teacher].filter { !$0.isEmpty }.joined(separator: " "))《\(o.topic)》\(g)\(o.comment.isEmpty ? "" : "。" + o.comment)"
        }.joined(separator: "\n")
        let talks = loaded.interviews.filter { !(hideInternal && $0.isInternal) }.map { "\($0.group.label)\($0.people)人：\($0.notes)" }.joined(separator: "\n")
        let c = v.checkRecord
        let checks = (c.documents.isEmpty ? "" : "查阅：" + c.documents.joined(separator: "、") + "。" + c.documentNotes + "\n")
            + c.findings.map { ($0.ok ? "✓ " : "✗ ") + $0.item + "：" + $0.message }.joined(separator: "\n")
        let problems = loaded.problems.enumerated().map { "\($0.offset + 1). 【\($0.element.category)·\($0.element.severity.label)·\($0.element.disposition.label)】\($0.element.description)" }.joined(separator: "\n")
        return Layout.page(
            "责任督学工作记录表", ctx, printable: true,
            .el("div", [("class", "no-print actions")], [
                .el("button", [("type", "button"), ("class", "btn primary"), ("data-print", "1")], [.text("打印")]),
                .link(SiteURL.visit(v.id!).path, "返回记录"),
            ]),
            .el("article", [("class", "record-form")], [
                .el("p", [("class", "form-org")], [.text(settings.officeName)]),
                .el("h1", [], [.text("责任督学工作记录表")]),
                .el("table", [("class", "form-table")], [
                    .el("tr", [], [
                        .el("th", [], [.text("学校")]), .el("td", [], [.text(loaded.school.name)]),
                        .el("th", [], [.text("日期")]), .el("td", [], [.text(Format.day(v.visitDate) + " " + [v.startTime, v.endTime].filter { !$0.isEmpty }.joined(separator: "—"))]),
                    ]),
                    .el("tr", [], [
                        .el("th", [], [.text("督学")]), .el("td", [], [.text(team)]),
                        .el("th", [], [.text("类型")]), .el("td", [], [.text(v.kind.label)]),
                    ]),
                    row("督导主题", v.theme),
                    row("督导方案", loaded.plan.map { "任务：\($0.tasks)\n方式：\($0.methods)\n重点：\($0.focus)" } ?? ""),
                    row("听课与教研", lessons),
                    row("访谈情况", talks),
                    row("查阅与检查", checks),
                    row("督导情况", v.summary),
                    row("亮点", v.highlights),
                    row("存在问题", problems),
                    row("意见建议", ""),
                    .el("tr", [], [
                        .el("th", [], [.text("督学签名")]), .el("td", [], [.text("")]),
                        .el("th", [], [.text("学校签名")]), .el("td", [], [.text("")]),
                    ]),
                ]),
                .el("p", [("class", "muted form-foot")], [.text("记录编号 \(v.id!) · \(v.isDraft ? "草稿" : "提交于 " + Format.date(v.submittedAt))")]),
            ])
        )
    }
}
