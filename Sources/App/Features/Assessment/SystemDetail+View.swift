import DudaoCore
import Plot

/// An indicator system as a page: its facts, the tree with each item's rule and points, its versions; for the
/// office the draft's editing actions and what keeps it from being published.
struct SystemDetailView {
    let ctx: PageContext
    let model: SystemDetail

    func render() -> Page { Page(document(), status: model.error == nil ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let s = m.system
        return Layout.document(
            s.name, ctx, wide: true, printable: true,
            [
                .p(.class("no-print"), .link(SiteURL.systems.path, "‹ 指标体系")),
                .div(
                    .class("page-head"),
                    .h1(.text(s.name)),
                    .div(
                        .class("actions no-print"),
                        .badge("第\(m.version.number)版 \(m.version.state.label)", m.isDraft ? "warn" : "ok"),
                        m.builtIn ? .badge("内置") : .empty)),
                .warning(m.error),
                .facts([
                    ("评价对象", s.kind.label), ("满分", Score.text(s.fullScore)),
                    ("等级", s.orderedBands.map { "\($0.label) ≥ \(Score.text($0.min))" }.joined(separator: "，")),
                    ("检查项", "\(m.rows.filter(\.isLeaf).count) 项"), ("来源", s.source.isEmpty ? "—" : s.source),
                ]),
                actions,
                problems,
                .section(.class("card"), .h2(.text("指标")), tree),
                versions,
            ])
    }

    var actions: Node<HTML.BodyContext> {
        let m = model
        let n = String(m.version.number)
        let export = { (format: String) in SiteURL.systemAction(m.id, "export." + format).with([("version", n)]) }
        var buttons: [Node<HTML.BodyContext>] = [
            .button(export("xlsx"), "导出 Excel", style: "secondary"),
            .button(export("json"), "导出 JSON", style: "secondary"),
        ]
        if m.mayEdit {
            if m.isDraft {
                buttons += [
                    .button(SiteURL.systemAction(m.id, "node").path, "＋ 一级指标", style: "secondary"),
                    .button(SiteURL.systemAction(m.id, "settings").path, "名称、满分与等级", style: "secondary"),
                    .postButton(
                        SiteURL.systemAction(m.id, "publish").path, "发布第\(m.version.number)版", csrf: ctx.csrf,
                        confirm: "发布后本版本不能再修改，确定发布？", style: "primary"),
                ]
            } else if m.versions.first?.number == m.version.number {
                buttons.append(
                    .postButton(SiteURL.systemAction(m.id, "draft").path, "修改（生成新版本）", csrf: ctx.csrf))
            }
            buttons.append(.postButton(SiteURL.systemAction(m.id, "copy").path, "复制为新体系", csrf: ctx.csrf))
        }
        return .group(
            .div(.class("actions no-print"), .group(buttons)),
            m.mayEdit && m.isDraft ? importForm : .empty)
    }

    var importForm: Node<HTML.BodyContext> {
        .details(
            .class("card no-print"),
            .summary(.text("用表格替换草稿内容")),
            .p(.class("hint"), .text("先导出 Excel，在 WPS 或 Excel 中修改后导入；每一行是一个指标，用「上级编码」表示层级。有错误的行会逐行列出，草稿不会改动。")),
            .form(
                .method(.post), .action(SiteURL.systemAction(model.id, "import").path),
                .enctype(.multipartData), .csrf(ctx.csrf),
                .fileField("指标体系文件（.xlsx 或 .json）", name: "file", accept: ".xlsx,.json", id: "f-file"),
                .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("导入到草稿")))))
    }

    var problems: Node<HTML.BodyContext> {
        guard !model.problems.isEmpty else { return .empty }
        return .section(
            .class("card alert no-print"),
            .h2(.text("发布前还需处理（\(model.problems.count)项）")),
            .ul(.forEach(model.problems.prefix(50)) { .li(.text($0)) }))
    }

    var tree: Node<HTML.BodyContext> {
        let editing = model.mayEdit && model.isDraft
        let headers = ["编码", "指标", "评分方式", "分值", "否决", "佐证材料"] + (editing ? ["操作"] : [])
        return .div(
            .class("table-wrap"),
            .table(
                .class("tree"),
                .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                .tbody(
                    .forEach(model.rows) { row in
                        .tr(
                            .class(row.isLeaf ? "leaf" : "branch depth-\(min(row.depth, 4))"),
                            .td(.attribute(named: "data-label", value: "编码"), .text(row.node.code)),
                            .td(
                                .attribute(named: "data-label", value: "指标"),
                                .class("indent-\(min(row.depth, 4))"),
                                .div(
                                    .text(row.node.title),
                                    row.node.guidance.map { .p(.class("hint"), .text($0)) } ?? .empty)),
                            .td(
                                .attribute(named: "data-label", value: "评分方式"),
                                .text(row.node.form.map { "\($0.label)：\($0.explanation)" } ?? "")),
                            .td(
                                .attribute(named: "data-label", value: "分值"),
                                .text(row.points > 0 ? Score.text(row.points) : "")),
                            .td(
                                .attribute(named: "data-label", value: "否决"),
                                row.node.veto.map { .badge("否决：最高\($0)", "danger") } ?? .empty),
                            .td(.attribute(named: "data-label", value: "佐证材料"), .text(row.node.evidence?.text ?? "")),
                            editing
                                ? .td(.attribute(named: "data-label", value: "操作"), .class("no-print"), edit(row))
                                : .empty)
                    })))
    }

    func edit(_ row: SystemDetail.Row) -> Node<HTML.BodyContext> {
        let node = SiteURL.systemAction(model.id, "node")
        return .div(
            .class("actions"),
            .link(node.with([("code", row.node.code)]), "修改"),
            .link(node.with([("parent", row.node.code)]), "＋下级"),
            .form(
                .method(.post), .action(SiteURL.systemAction(model.id, "remove").path), .class("inline"),
                .data(named: "confirm", value: "删除「\(row.node.title)」及其全部下级指标？"),
                .csrf(ctx.csrf), .hidden("code", row.node.code),
                .button(.type(.submit), .class("btn link"), .text("删除"))))
    }

    var versions: Node<HTML.BodyContext> {
        .section(
            .class("card no-print"),
            .h2(.text("版本")),
            .dataTable(
                ["版本", "状态", "建立", "发布"],
                model.versions.map { v in
                    [
                        v.number == model.version.number
                            ? .strong(.text("第\(v.number)版"))
                            : .link(SiteURL.system(model.id).with([("version", String(v.number))]), "第\(v.number)版"),
                        .badge(v.state.label, v.state == .published ? "ok" : "warn"),
                        .text(Format.date(v.createdAt)), .text(Format.date(v.publishedAt)),
                    ]
                }))
    }
}
