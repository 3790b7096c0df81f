import DudaoCore
import Plot

extension Node where Context == HTML.BodyContext {
    /// The school's open problems and the last visit, so the next visit follows up the last.
    static func followUp(_ f: FollowUp?) -> Node {
        guard let f else { return .empty }
        return .section(
            .class("card followup"),
            .h2(.text("上次督导与待跟进问题")),
            f.lastVisit.map { v -> Node in
                .div(
                    .p(.class("muted"), .text("\(Format.day(v.date)) · \(v.author ?? "") · \(v.kind.label)")),
                    .p(.text(v.summary.isEmpty ? "（无督导情况记录）" : String(v.summary.prefix(300)))),
                    .link(SiteURL.visit(v.id).path, "查看上次记录"))
            } ?? .p(.class("empty"), .text("该校还没有已提交的督导记录。")),
            .h3(.text("待处理问题（\(f.openProblems.count)）")),
            f.openProblems.isEmpty
                ? .p(.class("empty"), .text("没有待处理问题。"))
                : .ul(
                    .class("problem-list"),
                    .forEach(f.openProblems) { p in
                        .li(
                            .badge(p.category), .badge(p.severity.label, p.severity == .minor ? "" : "warn"),
                            .text(" " + p.description))
                    }))
    }
}
