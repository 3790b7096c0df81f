import DudaoCore
import Plot

/// A school's page: facts, responsible inspector and 挂牌 history, visits and open problems, the
/// office's actions and the audit trail.
struct SchoolDetailView {
    let ctx: PageContext
    let model: SchoolDetail

    func render() -> Page { Page(document(), status: model.grantErrors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let s = model.school
        return Layout.document(
            s.name, ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text(s.name), s.status == .closed ? .badge("停办", "muted") : .empty),
                    .div(.class("actions"), actions)),
                .section(.class("card"), .h2(.text("基本信息")), .facts(facts)),
                responsibleCard,
                visitsCard,
                grantCard,
                .auditTrail(model.audit),
            ])
    }

    var actions: Node<HTML.BodyContext> {
        let s = model.school
        guard model.mayEdit else { return .button(SiteURL.publicSign(s.id).path, "挂牌公示牌", style: "secondary") }
        return .group(
            .button(SiteURL.schoolEdit(s.id).path, "编辑"),
            .button(SiteURL.schoolAssign(s.id).path, "调整责任督学", style: "secondary"),
            .button(SiteURL.publicSign(s.id).path, "挂牌公示牌", style: "secondary"),
            s.status == .open
                ? .postButton(
                    SiteURL.schoolDeactivate(s.id).path, "标记停办", csrf: ctx.csrf, confirm: "确定将该校标记为停办？其挂牌督学将同时解除。",
                    style: "danger")
                : .postButton(SiteURL.schoolReactivate(s.id).path, "恢复在办", csrf: ctx.csrf))
    }

    var facts: [(String, String)] {
        let s = model.school
        let words = s.type.visitProfile
        return [
            ("学校标识码", s.code), ("学校类型", s.type.label), ("办学性质", s.ownership.label), ("所属镇街", s.township),
            ("责任区", s.area ?? ""), ("地址", s.address), (words.headTitle, s.principal), ("联系电话", s.phone),
            ("\(words.pupilsWord)数", "\(s.students) 人"),
        ]
            + s.sections.map { ("其中\($0.section.label)", "\($0.students) 人") }
            + [("班级数", "\(s.classes) 个"), ("教职工数", "\(s.staff) 人"), ("状态", s.status.label)]
    }

    var responsibleCard: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("责任督学")),
            model.responsible.map { i in
                .div(
                    .class("person"),
                    .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }),
                    .div(
                        .p(
                            .class("person-name"),
                            i.opensProfile ? .link(SiteURL.inspector(i.id).path, i.name) : .text(i.name),
                            .text("（\(i.kind.label)）")),
                        .p(.text("电话：" + i.phone)),
                        .p(.class("muted"), .text(i.employer + " " + i.post))))
            } ?? .warning("该校目前没有责任督学，未实现挂牌督导全覆盖。"),
            .h3(.text("挂牌记录")),
            .dataTable(
                ["督学", "开始", "结束", "说明"],
                model.history.map { a in
                    [
                        .text(a.inspector ?? "—"), .text(Format.day(a.start)),
                        a.end == nil ? .badge("至今", "ok") : .text(Format.day(a.end)), .text(a.note),
                    ]
                }, empty: "暂无挂牌记录"))
    }

    var visitsCard: Node<HTML.BodyContext> {
        let id = model.school.id
        return .section(
            .class("card"),
            .div(
                .class("page-head"),
                .h2(.text("督导记录")),
                model.mayVisit ? .button(SiteURL.visitNew.with([("school", String(id))]), "＋ 新建督导记录") : .empty),
            model.openProblems.isEmpty
                ? .empty
                : .div(
                    .class("alert warn"),
                    .p(.text("待处理问题（\(model.openProblems.count)）：")),
                    .ul(
                        .forEach(model.openProblems) { p in
                            .li(
                                .badge(p.category), .text(" " + p.description + " "),
                                p.noticeID.map { .link(SiteURL.notice($0).path, "整改通知书") }
                                    ?? .text("（\(p.disposition.label)）"))
                        })),
            .dataTable(
                ["日期", "类型", "主题"],
                model.visits.map { v in
                    [.link(SiteURL.visit(v.id).path, Format.day(v.date)), .text(v.kind.label), .text(v.theme)]
                },
                empty: "暂无已提交的督导记录"),
            .p(.link(SiteURL.visits.with([("school", String(id))]), "全部督导记录")))
    }

    var grantCard: Node<HTML.BodyContext> {
        guard model.mayEdit, !model.grantable.isEmpty else { return .empty }
        let e = model.grantErrors
        return .details(
            .class("card"), .open(!e.isEmpty),
            .summary(.text("授权其他督学临时督导本校")),
            .form(
                .method(.post), .action(SiteURL.schoolGrant(model.school.id).path),
                .csrf(ctx.csrf),
                .selectField(
                    "督学", name: "inspector", options: model.grantable.map { (String($0.id), $0.name) },
                    selected: model.typedGrant["inspector"] ?? "", error: e.message(for: "inspector"), required: true),
                .field(
                    "授权截止日期", name: "until",
                    value: model.typedGrant["until"] ?? ctx.today.adding(days: 30).description,
                    error: e.message(for: "until"), type: "date", required: true),
                .button(.type(.submit), .class("btn secondary"), .text("授权"))))
    }
}
