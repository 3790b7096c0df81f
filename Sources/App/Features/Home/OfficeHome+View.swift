import DudaoCore
import Foundation
import Plot

/// The office's workbench (a leader's overview): counts, coverage by township, schools by type.
struct OfficeHomeView {
    let ctx: PageContext
    let model: OfficeHome

    func render() -> Page { Page(figuresPart, document) }

    func document() -> FramedDocument { document(figuresPart.node) }

    /// The part drawn from the directory figures: kept with them, or drawn here.
    private var figuresPart: PagePart {
        model.drawnFigures.map(PagePart.drawn) ?? .nodes(.group(Self.figures(of: model)))
    }

    /// The page with `figures` (the part drawn from the directory figures alone) in its place.
    private func document(_ figures: Node<HTML.BodyContext>) -> FramedDocument {
        let m = model
        return Layout.document(
            "首页", ctx, wide: true,
            [
                .h1(.text(m.isLeader ? "督导工作概览" : "督导室工作台")),
                .p(
                    .button(SiteURL.dashboard.path, "数据看板：督导覆盖、问题整改、投诉和督导任务一览"),
                    .text(" "), .button(SiteURL.monthlyReports.path, "督导月报", style: "secondary"),
                    .text(" "), .button(SiteURL.balance.path, "均衡发展监测", style: "secondary")),
                .todoList(m.todo, today: ctx.today, heading: m.isLeader ? "需要关注的事项" : "待办事项"),
                figures,
            ])
    }

    /// The part of the home drawn from the directory figures alone: drawn once per count when they are kept.
    static func drawnFigures(_ figures: OfficeHome.Figures, countedAt: Date?) -> String {
        let home = OfficeHome(isLeader: false, figures: figures, todo: [], countedAt: countedAt)
        return Node<HTML.BodyContext>.group(Self.figures(of: home)).render()
    }

    static func figures(of m: OfficeHome) -> [Node<HTML.BodyContext>] {
        let uncovered = m.uncovered
        return [
            .div(
                .class("stats"),
                .statCard("在办学校", "\(m.openSchools)", href: SiteURL.schools.path),
                .statCard("在岗督学", "\(m.activeInspectors)", href: SiteURL.inspectors.path),
                .statCard("责任区", "\(m.activeAreas)", href: SiteURL.areas.path),
                .statCard(
                    "未挂牌学校", "\(uncovered)", href: SiteURL.coverage.path, tone: uncovered > 0 ? "warn" : "ok"),
                .statCard("挂牌覆盖率", m.coverage, href: SiteURL.coverage.path)),
            m.countedAt == nil ? .empty : .p(.class("hint"), .text(Format.counted(m.countedAt))),
            .div(
                .class("grid-2"),
                .section(
                    .class("card"),
                    .h2(.text("各镇街挂牌情况")),
                    .dataTable(["镇街", "在办学校", "未挂牌"], m.townships.map(Self.township))),
                .section(
                    .class("card"),
                    .h2(.text("学校类型")),
                    .dataTable(
                        ["类型", "学校数"],
                        m.schoolTypes.map {
                            [
                                .link(SiteURL.schools.with([("type", $0.type.rawValue)]), $0.type.label),
                                .text("\($0.schools)"),
                            ]
                        }))),
        ]
    }

    static func township(_ r: OfficeHome.Township) -> [Node<HTML.BodyContext>] {
        [
            .link(SiteURL.schools.with([("township", String(r.id))]), r.name), .text("\(r.schools)"),
            r.uncovered > 0 ? .badge("\(r.uncovered)", "warn") : .text("0"),
        ]
    }
}
