import DudaoCore
import Plot
import Vapor

struct InspectorListPage {
    let ctx: PageContext
    let query: InspectorsController.ListQuery
    let paging: Paging
    let total: Int
    let inspectors: [Inspector]
    let counts: [Int: Int]
    let limit: Int

    func link(page: Int) -> String {
        SiteURL.inspectors.with([("q", query.q ?? ""), ("kind", query.kind ?? ""), ("status", query.status ?? ""), ("page", String(page))])
    }

    func render() -> Page {
        let mayEdit = ctx.principal?.mayEditDirectory == true
        let exportQuery = [("q", query.q ?? ""), ("kind", query.kind ?? ""), ("status", query.status ?? "")]
        return Layout.page(
            "督学", ctx, wide: true,
            .el(
                "div", [("class", "page-head")],
                [
                    .el("h1", [], [.text("督学名录")]),
                    .el(
                        "div", [("class", "actions")],
                        [
                            mayEdit ? .button(SiteURL.inspectorNew.path, "新建督学") : .empty,
                            .button(SiteURL.inspectorsExport(format: "xlsx").with(exportQuery), "导出 Excel", style: "secondary"),
                            .button(SiteURL.inspectorsExport(format: "csv").with(exportQuery), "导出 CSV", style: "secondary"),
                        ]),
                ]),
            .el(
                "form", [("method", "get"), ("action", SiteURL.inspectors.path), ("class", "filters"), ("role", "search")],
                [
                    .field("搜索", name: "q", value: query.q ?? "", attrs: [("placeholder", "姓名、手机号或工作单位"), ("type", "search")]),
                    .selectField("督学类型", name: "kind", options: InspectorKind.allCases.map { ($0.rawValue, $0.label) },
                        selected: query.kind ?? "", blank: "全部类型"),
                    .selectField("状态", name: "status", options: [("active", "在岗"), ("retired", "离任"), ("all", "全部")],
                        selected: query.status ?? "active", blank: nil),
                    .el("div", [("class", "field submit")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("筛选")])]),
                ]),
            .dataTable(
                ["姓名", "类型", "手机号", "工作单位及职务", "负责学校", "聘期", "状态"],
                inspectors.map { i in
                    let n = counts[i.id!] ?? 0
                    return [
                        .link(SiteURL.inspector(i.id!).path, i.name), .text(i.kind.label), .text(i.phone),
                        .text(i.employer + " " + i.post),
                        n > limit ? .badge("\(n) 所（超过\(limit)所）", "warn") : .text("\(n) 所"),
                        .text(i.termEnd.map { "至 " + $0 } ?? ""),
                        i.status == .active ? .text("在岗") : .badge("离任", "muted"),
                    ]
                }, empty: "没有符合条件的督学"),
            .pager(paging, total: total, link: link(page:))
        )
    }
}

struct InspectorPage {
    let ctx: PageContext
    let inspector: Inspector
    let assignments: [Assignment]
    let schools: [Int: School]
    let terms: [InspectorTerm]
    let limit: Int
    let mayEdit: Bool
    let audit: [AuditEvent]
    let account: String?

    func render() -> Page {
        let i = inspector
        let current = assignments.filter { $0.endDate == nil }
        let termWarning = i.term.flatMap { t in
            InspectorRules.termWarning(kind: i.kind, previousTerms: terms.compactMap(\.term).filter { $0 != t }, proposed: t)
        }
        return Layout.page(
            i.name, ctx,
            .el(
                "div", [("class", "page-head")],
                [
                    .el("h1", [], [.text(i.name), i.status == .retired ? .badge("离任", "muted") : .empty]),
                    .el(
                        "div", [("class", "actions")],
                        mayEdit && i.status == .active
                            ? [
                                .button(SiteURL.inspectorEdit(i.id!).path, "编辑"),
                                .postButton(SiteURL.inspectorDeactivate(i.id!).path, "设为离任", csrf: ctx.csrf,
                                    confirm: "设为离任后，其负责的学校将解除挂牌。确定吗？", style: "danger"),
                            ] : []),
                ]),
            .warning(termWarning),
            .warning(current.count > limit ? "该督学负责 \(current.count) 所学校，超过本区设定的 \(limit) 所。" : nil),
            .el(
                "section", [("class", "card")],
                [
                    .el(
                        "div", [("class", "person")],
                        [
                            .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }, size: "large"),
                            .facts([
                                ("督学类型", i.kind.label), ("性别", i.gender.label), ("手机号", i.phone), ("工作单位", i.employer),
                                ("职务", i.post), ("聘期", [Format.day(i.termStart), Format.day(i.termEnd)].filter { !$0.isEmpty }.joined(separator: " 至 ")),
                                ("职责", i.duties), ("状态", i.status.label), ("登录账号", account ?? "未关联"),
                            ]),
                        ]),
                    mayEdit
                        ? .el(
                            "form", [("method", "post"), ("action", SiteURL.inspectorPhoto(i.id!).path), ("enctype", "multipart/form-data"), ("class", "inline-upload")],
                            [
                                .csrf(ctx.csrf),
                                .el("label", [("for", "photo")], [.text("更换照片（JPG/PNG，不超过3MB）")]),
                                .void("input", [("type", "file"), ("id", "photo"), ("name", "photo"), ("accept", "image/jpeg,image/png,image/webp")]),
                                .el("button", [("type", "submit"), ("class", "btn secondary")], [.text("上传")]),
                            ]) : .empty,
                ]),
            .el(
                "section", [("class", "card")],
                [
                    .el("h2", [], [.text("负责学校（\(current.count) 所）")]),
                    .dataTable(
                        ["学校", "类型", "挂牌开始", "挂牌结束"],
                        assignments.map { a in
                            let s = schools[a.schoolID]
                            return [
                                s.map { .link(SiteURL.school($0.id!).path, $0.name) } ?? .text("—"),
                                .text(s?.type.label ?? ""), .text(Format.day(a.startDate)),
                                a.endDate == nil ? .badge("至今", "ok") : .text(Format.day(a.endDate)),
                            ]
                        }, empty: "暂无挂牌学校"),
                ]),
            .el(
                "section", [("class", "card")],
                [
                    .el("h2", [], [.text("聘任记录")]),
                    .dataTable(["开始", "结束"], terms.map { [.text(Format.day($0.startDate)), .text(Format.day($0.endDate))] },
                        empty: "暂无聘期记录"),
                ]),
            .auditTrail(audit, visible: ctx.principal?.role.mayReadAudit == true)
        )
    }
}

struct InspectorFormPage {
    let ctx: PageContext
    let form: InspectorsController.Form
    let inspector: Inspector?
    let errors: [FieldError]
    let warning: String?

    func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }

    func render() -> Page {
        let title = inspector == nil ? "新建督学" : "编辑督学"
        let action = inspector.map { SiteURL.inspector($0.id!).path } ?? SiteURL.inspectors.path
        return Layout.page(
            title, ctx,
            .el("h1", [], [.text(title)]),
            .errorSummary(errors),
            .el(
                "form", [("method", "post"), ("action", action), ("class", "card form-grid"), ("novalidate", "novalidate")],
                [
                    .csrf(ctx.csrf),
                    .field("姓名", name: "name", value: form.name ?? "", error: err("name"), required: true),
                    .selectField("督学类型", name: "kind", options: InspectorKind.allCases.map { ($0.rawValue, $0.label) },
                        selected: form.kind ?? "", error: err("kind"), required: true),
                    .selectField("性别", name: "gender", options: Gender.allCases.map { ($0.rawValue, $0.label) },
                        selected: form.gender ?? "", error: err("gender"), required: true),
                    .field("手机号", name: "phone", value: form.phone ?? "", error: err("phone"), type: "tel", required: true,
                        attrs: [("inputmode", "numeric"), ("maxlength", "11")]),
                    .field("工作单位", name: "employer", value: form.employer ?? "", error: err("employer")),
                    .field("职务", name: "post", value: form.post ?? "", error: err("post")),
                    .field("聘期开始", name: "termStart", value: form.termStart ?? "", error: err("termStart"), type: "date"),
                    .field("聘期结束", name: "termEnd", value: form.termEnd ?? "", error: err("termEnd"), type: "date",
                        hint: "每个聘期不超过3年；兼职督学连续聘任不超过3个聘期"),
                    .el("div", [("class", "span-all")], [
                        .textareaField("职责（公示牌上显示，留空用默认职责）", name: "duties", value: form.duties ?? "", error: err("duties")),
                    ]),
                    .el(
                        "div", [("class", "form-actions span-all")],
                        [
                            .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存")]),
                            .link(inspector.map { SiteURL.inspector($0.id!).path } ?? SiteURL.inspectors.path, "取消"),
                        ]),
                ])
        )
    }
}
