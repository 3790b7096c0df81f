import DudaoCore
import Plot

/// 填报与审核: which schools have reported this year, and where each return stands.
struct BalanceReturnListView {
    let ctx: PageContext
    let model: BalanceReturnList

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let m = model
        let here = SiteURL.balancePage("returns")
        return Layout.document(
            "办学条件填报", ctx,
            [
                .p(.link(SiteURL.balance.with([("year", String(m.year))]), "‹ 均衡发展监测")),
                .div(
                    .class("page-head"),
                    .h1(.text("\(m.year) 年度办学条件填报与审核")),
                    .div(
                        .class("actions"),
                        .exportButtons(
                            { .listExport(.balanceReturns, $0) }, query: [("year", String(m.year)), ("state", m.state)])
                    )),
                .p(.class("hint"), .text("学校填写并报送本校数据，督导室核对后审核锁定；锁定后学校不能再改，需要更正时由督导室解锁。")),
                .form(
                    .method(.get), .action(here.path), .class("filters"),
                    .selectField(
                        "年度", name: "year",
                        options: Set(m.years + [m.year]).sorted(by: >).map { (String($0), "\($0) 年度") },
                        selected: String(m.year)),
                    .selectField(
                        "状态", name: "state", options: BalanceReturnState.allCases.map { ($0.rawValue, $0.label) },
                        selected: m.state, blank: "全部"),
                    .button(.type(.submit), .class("btn"), .text("筛选"))),
                .dataTable(
                    ["学校", "类型", "状态", "最后填写"],
                    m.items.map { i in
                        [
                            .a(.href(SiteURL.balanceReturn(i.schoolID, year: m.year).path), .text(i.name)),
                            .text(i.type.label),
                            i.state.map { .badge($0.label, $0 == .locked ? "ok" : ($0 == .submitted ? "warn" : "")) }
                                ?? .badge("未填报", "danger"),
                            .text(i.updatedBy),
                        ]
                    }, empty: "没有符合条件的学校"),
                .pager(m.paging, total: m.total) {
                    here.with([("year", String(m.year)), ("state", m.state), ("page", String($0))])
                },
            ])
    }
}

/// A school's yearly return: enrolment and resources (or a kindergarten's children), saved, submitted, locked.
struct BalanceReturnFormView {
    let ctx: PageContext
    let model: BalanceReturnForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        let stateText = m.state?.label ?? "未填报"
        return Layout.document(
            "办学条件填报", ctx,
            [
                m.isOffice
                    ? .p(.link(SiteURL.balancePage("returns").with([("year", String(m.year))]), "‹ 填报与审核")) : .empty,
                .h1(.text("\(m.schoolName) \(m.year) 年度办学条件")),
                .p(
                    .badge(stateText, m.state == .locked ? "ok" : ""),
                    .text(m.state == .locked ? " 已由\(m.lockedBy)审核锁定。" : ""),
                    .text(m.type == .kindergarten ? " 用于学前教育普及普惠统计。" : " 用于义务教育均衡发展差异系数统计。"),
                    .text(BalanceFigures.sections(of: m.type).count > 1 ? "资源填全校合计，系统按各学段加权在校生数分配。" : "")),
                .errorSummary(m.errors),
                m.mayEdit ? form : readOnly,
                lockForm,
            ])
    }

    var form: Node<HTML.BodyContext> {
        let m = model
        return .form(
            .method(.post), .action(SiteURL.balanceReturn(m.schoolID, year: m.year).path), .csrf(ctx.csrf),
            .div(
                .class("grid-2"),
                .forEach(m.keys) { key in
                    .field(
                        BalanceColumn.label(key) + (key == "children" ? "（在园幼儿数）" : ""), name: key,
                        value: m.fields[key] ?? "", error: m.errors.message(for: key), required: true,
                        attrs: [("inputmode", "decimal")])
                }),
            m.type == .kindergarten && m.ownership == .privateSchool
                ? .checkbox("普惠性民办幼儿园", name: "inclusive", checked: m.fields["inclusive"] == "on") : .empty,
            .div(
                .class("form-actions"),
                .button(.type(.submit), .name("action"), .value("save"), .class("btn"), .text("保存")),
                m.isOffice
                    ? .empty
                    : .button(.type(.submit), .name("action"), .value("submit"), .class("btn primary"), .text("报送督导室")))
        )
    }

    var readOnly: Node<HTML.BodyContext> {
        .facts(model.keys.map { (BalanceColumn.label($0), model.fields[$0] ?? "—") })
    }

    var lockForm: Node<HTML.BodyContext> {
        let m = model
        guard m.mayLock, let state = m.state else { return .empty }
        let lock = state != .locked
        return .postButton(
            SiteURL.balanceReturnState(m.schoolID, year: m.year).path, lock ? "审核通过并锁定" : "解锁，允许学校修改",
            csrf: ctx.csrf, style: lock ? "primary" : "secondary", fields: [("action", lock ? "lock" : "unlock")])
    }
}
