import DudaoCore
import Plot

/// The A4 责任督学工作记录表, laid out like the paper form.
struct VisitPrintView {
    let ctx: PageContext
    let model: VisitPrint

    var r: VisitDetail.Record { model.record }

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        Layout.document(
            "责任督学工作记录表", ctx, printable: true,
            [
                .div(
                    .class("no-print actions"),
                    .button(.type(.button), .class("btn primary"), .data(named: "print", value: "1"), .text("打印")),
                    .link(SiteURL.visit(r.id).path, "返回记录")),
                .article(
                    .class("record-form"),
                    .p(.class("form-org"), .text(model.officeName)),
                    .h1(.text("责任督学工作记录表")),
                    table,
                    .p(
                        .class("muted form-foot"),
                        .text("记录编号 \(r.id) · \(r.isDraft ? "草稿" : "提交于 " + Format.date(r.submittedAt))"))),
            ])
    }

    var table: Node<HTML.BodyContext> {
        .table(
            .class("form-table"),
            .tr(
                .th(.text("学校")), .td(.text(r.schoolName)),
                .th(.text("日期")),
                .td(.text(Format.day(r.date) + " " + [r.start, r.end].filter { !$0.isEmpty }.joined(separator: "—")))),
            .tr(
                .th(.text("督学")), .td(.text(r.team.joined(separator: "、"))),
                .th(.text("类型")), .td(.text(r.kind.label))),
            row("督导主题", r.theme),
            row("督导方案", r.plan.map { "任务：\($0.tasks)\n方式：\($0.methods)\n重点：\($0.focus)" } ?? ""),
            row(r.profile.isKindergarten ? "保教活动观察" : "听课与教研", lessons),
            row("访谈情况", talks),
            row("查阅与检查", checks),
            r.checklist?.record == nil ? .empty : row("主题检查表", checklist),
            row("督导情况", r.summary),
            row("亮点", r.highlights),
            row("存在问题", problems),
            row("照片", photos),
            row("意见建议", ""),
            .tr(
                .th(.text("督学签名")), .td(.text("")),
                .th(.text("学校签名")), .td(.text(""))))
    }

    func row(_ label: String, _ value: String) -> Node<HTML.TableContext> {
        .tr(.th(.text(label)), .td(.attribute(named: "colspan", value: "3"), .div(.class("prewrap"), .text(value))))
    }

    var lessons: String {
        r.observations.map { o -> String in
            let g = r.rubric.grade(o.scores, bands: r.bands).map { "，评定" + $0 } ?? ""
            let who = [o.className, o.subject, o.teacher].filter { !$0.isEmpty }.joined(separator: " ")
            return "\(o.kind.label)：\(who)《\(o.topic)》\(g)\(o.comment.isEmpty ? "" : "。" + o.comment)"
        }.joined(separator: "\n")
    }

    var talks: String {
        r.interviews.map { "\($0.group.label)\($0.people)人：\($0.notes)" }.joined(separator: "\n")
    }

    var checks: String {
        let c = r.checks
        return (c.documents.isEmpty ? "" : "查阅：" + c.documents.joined(separator: "、") + "。" + c.documentNotes + "\n")
            + c.findings.map { ($0.ok ? "✓ " : "✗ ") + $0.item + "：" + $0.message }.joined(separator: "\n")
    }

    /// The filled-in items of the month's checklist: its name and tally, then each item with its verdict and note.
    var checklist: String {
        guard let list = r.checklist, let record = list.record else { return "" }
        let t = record.tally(list.items)
        let head = "\(list.name)：符合 \(t.met)，不符合 \(t.notMet)，不适用 \(t.notApplicable)，未检查 \(t.unanswered)"
        let lines = list.items.compactMap { item -> String? in
            guard let e = record.entries[item.code], let verdict = e.verdict else { return nil }
            return "\(item.code) \(item.title)：\(verdict.label)" + (e.note.isEmpty ? "" : "（\(e.note)）")
        }
        return ([head] + lines).joined(separator: "\n")
    }

    /// Each photo with what it shows, when it was received and the start of its hash (the file kept unchanged).
    var photos: String {
        r.photos.enumerated().map { i, p in
            let what = [p.caption, r.label(of: p.subject)].filter { !$0.isEmpty }.joined(separator: "，")
            return "\(i + 1). \(what)（\(Format.date(p.takenAt))，校验码 \(p.hash.prefix(12))）"
        }
        .joined(separator: "\n")
    }

    var problems: String {
        r.problems.enumerated().map {
            "\($0.offset + 1). 【\($0.element.category)·\($0.element.severity.label)·\($0.element.disposition.label)】\($0.element.description)"
        }
        .joined(separator: "\n")
    }
}
