import DudaoCore
import Plot
import Vapor

struct SchoolListPage {
    let ctx: PageContext
    let query: SchoolsController.ListQuery
    let paging: Paging
    let total: Int
    let schools: [School]
    let responsible: [Int: Inspector]
    let townships: [(Int, String)]
    let areas: [ResponsibilityArea]

    var role: Role? { ctx.principal?.role }

    func link(page: Int) -> String {
        SiteURL.schools.with([
            ("q", query.q ?? ""), ("township", query.township.map(String.init) ?? ""), ("type", query.type ?? ""),
            ("area", query.area.map(String.init) ?? ""), ("status", query.status ?? ""), ("page", String(page)),
        ])
    }

    func exportLink(_ format: String) -> String {
        SiteURL.schoolsExport(format: format).with([
            ("q", query.q ?? ""), ("township", query.township.map(String.init) ?? ""), ("type", query.type ?? ""),
            ("area", query.area.map(String.init) ?? ""), ("status", query.status ?? ""),
        ])
    }

    func render() -> Page {
        let mayEdit = ctx.principal?.mayEditDirectory == true
        let narrowRole = role == .inspector || role == .school
        return Layout.page(
            role == .inspector ? "我的学校" : "学校", ctx, wide: true,
            .el(
                "div", [("class", "page-head")],
                [
                    .el("h1", [], [.text(role == .inspector ? "我负责的学校" : "学校名录")]),
                    .el(
                        "div", [("class", "actions")],
                        [
                            mayEdit ? .button(SiteURL.schoolNew.path, "新建学校") : .empty,
                            narrowRole ? .empty : .button(exportLink("xlsx"), "导出 Excel", style: "secondary"),
                            narrowRole ? .empty : .button(exportLink("csv"), "导出 CSV", style: "secondary"),
                        ]),
                ]),
            narrowRole ? .empty : filters,
            .dataTable(
                ["学校名称", "学校标识码", "类型", "镇街", "在校生", "责任督学", "状态"],
                schools.map { s in
                    let insp = responsible[s.id!]
                    return [
                        .link(SiteURL.school(s.id!).path, s.name),
                        .text(s.code),
                        .text(s.type.label + (s.ownership == .privateSchool ? "（民办）" : "")),
                        .text(townships.first { $0.0 == s.townshipID }?.1 ?? ""),
                        .text(String(s.students)),
                        insp.map { .text($0.name) } ?? .badge("未挂牌", "warn"),
                        s.status == .open ? .text("在办") : .badge("停办", "muted"),
                    ]
                }, empty: "没有符合条件的学校"),
            .pager(paging, total: total, link: link(page:))
        )
    }

    var filters: Node<HTML.BodyContext> {
        .el(
            "form", [("method", "get"), ("action", SiteURL.schools.path), ("class", "filters"), ("role", "search")],
            [
                .field("搜索", name: "q", value: query.q ?? "", attrs: [("placeholder", "学校名称或标识码"), ("type", "search")]),
                .selectField(
                    "镇街", name: "township", options: townships.map { (String($0.0), $0.1) },
                    selected: query.township.map(String.init) ?? "", blank: "全部镇街"),
                .selectField(
                    "类型", name: "type", options: SchoolType.allCases.map { ($0.rawValue, $0.label) },
                    selected: query.type ?? "", blank: "全部类型"),
                .selectField(
                    "责任区", name: "area", options: areas.map { (String($0.id!), $0.name) },
                    selected: query.area.map(String.init) ?? "", blank: "全部责任区"),
                .selectField(
                    "状态", name: "status", options: [("open", "在办"), ("closed", "停办"), ("all", "全部")],
                    selected: query.status ?? "open", blank: nil),
                .el("div", [("class", "field submit")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("筛选")])]),
            ])
    }
}

struct SchoolPage {
    let ctx: PageContext
    let school: School
    let township: String
    let area: ResponsibilityArea?
    let history: [Assignment]
    let visits: [Visit]
    let openProblems: [Problem]
    let mayVisit: Bool
    let grantable: [Inspector]
    let inspectors: [Int: Inspector]
    let mayEdit: Bool
    let audit: [AuditEvent]

    var visitsCard: Node<HTML.BodyContext> {
        .el("section", [("class", "card")], [
            .el("div", [("class", "page-head")], [
                .el("h2", [], [.text("督导记录")]),
                mayVisit ? .button(SiteURL.visitNew.with([("school", String(school.id!))]), "＋ 新建督导记录") : .empty,
            ]),
            openProblems.isEmpty ? .empty : .el("div", [("class", "alert warn")], [
                .el("p", [], [.text("待处理问题（\(openProblems.count)）：")]),
                .el("ul", [], openProblems.map { p in
                    .el("li", [], [
                        .badge(p.category), .text(" " + p.description + " "),
                        p.noticeID.map { .link(SiteURL.notice($0).path, "整改通知书") } ?? .text("（\(p.disposition.label)）"),
                    ])
                }),
            ]),
            .dataTable(["日期", "类型", "主题"], visits.map { v in
                [.link(SiteURL.visit(v.id!).path, Format.day(v.visitDate)), .text(v.kind.label), .text(v.theme)]
            }, empty: "暂无已提交的督导记录"),
            .el("p", [], [.link(SiteURL.visits.with([("school", String(school.id!))]), "全部督导记录")]),
        ])
    }

    var grantCard: Node<HTML.BodyContext> {
        guard mayEdit, !grantable.isEmpty else { return .empty }
        return .el("details", [("class", "card")], [
            .el("summary", [], [.text("授权其他督学临时督导本校")]),
            .el("form", [("method", "post"), ("action", SiteURL.schoolGrant(school.id!).path)], [
                .csrf(ctx.csrf),
                .selectField("督学", name: "inspector", options: grantable.map { (String($0.id!), $0.name) }, selected: ""),
                .field("授权截止日期", name: "until", value: ctx.today.adding(days: 30).description, type: "date"),
                .el("button", [("type", "submit"), ("class", "btn secondary")], [.text("授权")]),
            ]),
        ])
    }

    func render() -> Page {
        let s = school
        let current = history.first { $0.endDate == nil }.flatMap { inspectors[$0.inspectorID] }
        var facts: [(String, String)] = [
            ("学校标识码", s.code), ("学校类型", s.type.label), ("办学性质", s.ownership.label), ("所属镇街", township),
            ("责任区", area?.name ?? ""), ("地址", s.address), ("校长", s.principal), ("联系电话", s.phone),
            ("在校生数", "\(s.students) 人"),
        ]
        for (section, n) in s.sections.sorted(by: { $0.key.rawValue > $1.key.rawValue }) {
            facts.append(("其中\(section.label)", "\(n) 人"))
        }
        facts += [("班级数", "\(s.classes) 个"), ("教职工数", "\(s.staff) 人"), ("状态", s.status.label)]
        return Layout.page(
            s.name, ctx,
            .el(
                "div", [("class", "page-head")],
                [
                    .el("h1", [], [.text(s.name), s.status == .closed ? .badge("停办", "muted") : .empty]),
                    .el(
                        "div", [("class", "actions")],
                        mayEdit
                            ? [
                                .button(SiteURL.schoolEdit(s.id!).path, "编辑"),
                                .button(SiteURL.schoolAssign(s.id!).path, "调整责任督学", style: "secondary"),
                                .button(SiteURL.publicSign(s.id!).path, "挂牌公示牌", style: "secondary"),
                                s.status == .open
                                    ? .postButton(SiteURL.schoolDeactivate(s.id!).path, "标记停办", csrf: ctx.csrf,
                                        confirm: "确定将该校标记为停办？其挂牌督学将同时解除。", style: "danger")
                                    : .postButton(SiteURL.schoolReactivate(s.id!).path, "恢复在办", csrf: ctx.csrf),
                            ] : [.button(SiteURL.publicSign(s.id!).path, "挂牌公示牌", style: "secondary")]),
                ]),
            .el("section", [("class", "card")], [.el("h2", [], [.text("基本信息")]), .facts(facts)]),
            .el(
                "section", [("class", "card")],
                [
                    .el("h2", [], [.text("责任督学")]),
                    current.map { i in
                        .el(
                            "div", [("class", "person")],
                            [
                                .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }),
                                .el(
                                    "div", [],
                                    [
                                        .el("p", [("class", "person-name")], [.link(SiteURL.inspector(i.id!).path, i.name), .text("（\(i.kind.label)）")]),
                                        .el("p", [], [.text("电话：" + i.phone)]),
                                        .el("p", [("class", "muted")], [.text(i.employer + " " + i.post)]),
                                    ]),
                            ])
                    } ?? .warning("该校目前没有责任督学，未实现挂牌督导全覆盖。"),
                    .el("h3", [], [.text("挂牌记录")]),
                    .dataTable(
                        ["督学", "开始", "结束", "说明"],
                        history.map { a in
                            [
                                .text(inspectors[a.inspectorID]?.name ?? "—"), .text(Format.day(a.startDate)),
                                a.endDate == nil ? .badge("至今", "ok") : .text(Format.day(a.endDate)), .text(a.note),
                            ]
                        }, empty: "暂无挂牌记录"),
                ]),
            visitsCard,
            grantCard,
            .auditTrail(audit, visible: ctx.principal?.role.mayReadAudit == true)
        )
    }
}

struct SchoolFormPage {
    let ctx: PageContext
    let form: SchoolsController.Form
    let school: School?
    let townships: [String]
    let areas: [ResponsibilityArea]
    let errors: [FieldError]

    func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }

    func render() -> Page {
        let title = school == nil ? "新建学校" : "编辑学校"
        let action = school.map { SiteURL.school($0.id!).path } ?? SiteURL.schools.path
        return Layout.page(
            title, ctx,
            .el("h1", [], [.text(title)]),
            .errorSummary(errors),
            .el(
                "form", [("method", "post"), ("action", action), ("class", "card form-grid"), ("novalidate", "novalidate")],
                [
                    .csrf(ctx.csrf),
                    .field("学校标识码", name: "code", value: form.code ?? "", error: err("code"), required: true,
                        hint: "教育部统一编制的10位数字", attrs: [("inputmode", "numeric"), ("maxlength", "10")]),
                    .field("学校名称", name: "name", value: form.name ?? "", error: err("name"), required: true),
                    .selectField("学校类型", name: "type", options: SchoolType.allCases.map { ($0.rawValue, $0.label) },
                        selected: form.type ?? "", error: err("type"), required: true),
                    .selectField("办学性质", name: "ownership", options: Ownership.allCases.map { ($0.rawValue, $0.label) },
                        selected: form.ownership ?? "", error: err("ownership"), required: true),
                    .selectField("所属镇街", name: "township", options: townships.map { ($0, $0) },
                        selected: form.township ?? "", error: err("township"), required: true),
                    .selectField("责任区", name: "area", options: areas.map { (String($0.id!), $0.name) },
                        selected: form.area ?? "", error: err("area"), blank: "（不属于责任区）"),
                    .field("地址", name: "address", value: form.address ?? "", error: err("address")),
                    .field("校长（园长）", name: "principal", value: form.principal ?? "", error: err("principal")),
                    .field("联系电话", name: "phone", value: form.phone ?? "", error: err("phone"), type: "tel"),
                    .field("在校生数", name: "students", value: form.students ?? "", error: err("students"),
                        attrs: [("inputmode", "numeric")]),
                    .field("班级数", name: "classes", value: form.classes ?? "", error: err("classes"), attrs: [("inputmode", "numeric")]),
                    .field("教职工数", name: "staff", value: form.staff ?? "", error: err("staff"), attrs: [("inputmode", "numeric")]),
                    .el(
                        "fieldset", [("class", "span-all")],
                        [
                            .el("legend", [], [.text("分学段在校生数（九年一贯制、十二年一贯制、完全中学填写）")]),
                            .field("小学", name: "students_primary", value: form.students_primary ?? "", error: err("students_primary"),
                                attrs: [("inputmode", "numeric")]),
                            .field("初中", name: "students_junior", value: form.students_junior ?? "", error: err("students_junior"),
                                attrs: [("inputmode", "numeric")]),
                            .field("高中", name: "students_senior", value: form.students_senior ?? "", error: err("students_senior"),
                                attrs: [("inputmode", "numeric")]),
                        ]),
                    .el(
                        "div", [("class", "form-actions span-all")],
                        [
                            .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存")]),
                            .link(school.map { SiteURL.school($0.id!).path } ?? SiteURL.schools.path, "取消"),
                        ]),
                ])
        )
    }
}

extension Node where Context: HTML.BodyContext {
    /// The audit trail of one record, for office users.
    static func auditTrail(_ events: [AuditEvent], visible: Bool) -> Node {
        guard visible else { return .empty }
        return .el(
            "section", [("class", "card audit")],
            [
                .el("h2", [], [.text("操作记录")]),
                .dataTable(
                    ["时间", "操作人", "操作", "变更内容"],
                    events.map { e in
                        [
                            .text(Format.date(e.createdAt)), .text(e.actorName),
                            .text(Audit.actionLabels[e.action] ?? e.action),
                            .el(
                                "div", [],
                                [.el("p", [], [.text(e.summary)])]
                                    + (e.fieldChanges.isEmpty ? [] : [
                                        .el(
                                            "ul", [("class", "changes")],
                                            e.fieldChanges.map { c in
                                                .el("li", [], [.text("\(c.field)：\(c.before ?? "（空）") → \(c.after ?? "（空）")")])
                                            })
                                    ])),
                        ]
                    }, empty: "暂无操作记录"),
            ])
    }
}
