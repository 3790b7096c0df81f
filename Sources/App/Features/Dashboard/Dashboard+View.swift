import DudaoCore
import Plot

/// 数据看板: coverage, problems, rectification, complaints, campaigns and accountability, each with its chart,
/// its figures as a table and links to the records behind them.
typealias DashboardView = FiguresView<DashboardContent>

/// Everything on the page below the site's header, drawn only from the figures and when they were counted.
struct DashboardContent: FiguresContent {
    static let title = "数据看板"
    let model: Dashboard

    var nodes: [Node<HTML.BodyContext>] {
        let m = model
        return
            [
                .div(
                    .class("page-head"), .h1(.text("数据看板")),
                    .div(
                        .class("actions"),
                        .exportButtons(
                            { .listExport(.dashboard, $0) }, query: [("township", m.township), ("type", m.type)]))),
                .p(
                    .class("hint"),
                    .text("\(m.scopeLabel)，截至 \(m.today.chinese)。每个数字都可点开查看对应记录。\(Format.counted(m.countedAt))")),
                filters,
                coverage,
                inspectorPanel,
                townshipGrid,
                problems,
                rectification,
                complaints,
                campaigns,
                accountability,
            ]
    }

    var filters: Node<HTML.BodyContext> {
        .form(
            .method(.get), .action(SiteURL.dashboard.path), .class("filters"),
            .selectField(
                model.isCity ? "区县" : "镇街", name: "township", options: model.townships.map { ($0.value, $0.label) },
                selected: model.township, blank: model.isCity ? "全市" : "全区"),
            .selectField(
                "学校类型", name: "type", options: SchoolType.allCases.map { ($0.rawValue, $0.label) },
                selected: model.type, blank: "全部类型"),
            .button(.type(.submit), .class("btn"), .text("查看")))
    }

    var coverage: Node<HTML.BodyContext> {
        let m = model
        let month = YearMonth(m.today)
        return .section(
            .class("card"),
            .h2(.text("督导覆盖")),
            .div(
                .class("stats"),
                .statCard(
                    "\(month.label)到校督导 \(m.visitedThisMonth) / \(m.schools) 所",
                    percent(Share(m.visitedThisMonth, of: m.schools)),
                    href: SiteURL.visits.with([("month", month.description)])),
                .statCard(
                    "\(m.semester.label)到校督导 \(m.visitedThisSemester) / \(m.schools) 所",
                    percent(Share(m.visitedThisSemester, of: m.schools)), href: SiteURL.coverage.path),
                .statCard(
                    "责任督学本月有记录 \(m.inspectorsThisMonth.part) / \(m.inspectorsThisMonth.whole) 人",
                    percent(m.inspectorsThisMonth), href: SiteURL.compliance.path,
                    tone: (m.inspectorsThisMonth.ratio ?? 1) < 0.8 ? "warn" : "")),
            .p(
                .class("hint"), .text("到校督导按已提交的督导记录计，一所学校一月多次只计一次。“六个一”完成情况见"),
                .link(SiteURL.compliance.path, "六个一统计"), .text("。")))
    }

    var inspectorPanel: Node<HTML.BodyContext> {
        let m = model
        let last = m.inspectorsDoneLastMonth
        let now = m.inspectorsDone
        let lastMonth = YearMonth(m.today).previous
        return .section(
            .class("card"),
            .h2(.text("六个一：责任督学每月到校")),
            .div(
                .class("stats"),
                .statCard(
                    "\(lastMonth.label)走遍所负责学校 \(last.part) / \(last.whole) 人", percent(last),
                    href: SiteURL.compliance.path, tone: (last.ratio ?? 1) < 1 ? "warn" : "ok"),
                .statCard("本月至今走遍 \(now.part) / \(now.whole) 人", percent(now), href: SiteURL.compliance.path)),
            m.inspectorsBehind.isEmpty
                ? .empty
                : .figure(
                    BarChart(
                        title: "\(lastMonth.label)到校最少的责任督学",
                        bars: m.inspectorsBehind.map { i in
                            .init(
                                label: i.name, value: Double(i.visited) / Double(max(i.assigned, 1)) * 100,
                                text: "\(i.visited)/\(i.assigned) 所", bad: i.visited == 0)
                        }, line: 100, lineLabel: "全部到校"
                    ).node,
                    .figcaption("\(lastMonth.label)到校比例最低的 \(m.inspectorsBehind.count) 位责任督学（已到校学校 / 负责学校）")),
            folded(
                "责任督学数据表（可点开查看明细）",
                .dataTable(
                    ["责任督学", "负责学校", "\(lastMonth.label)到校", "未到校"],
                    m.inspectorsBehind.map { i in
                        [
                            .a(.href(SiteURL.complianceInspector(i.id).path), .text(i.name)), .text("\(i.assigned)"),
                            .text("\(i.visited)"), .text("\(i.assigned - i.visited)"),
                        ]
                    }, empty: "没有在岗的责任督学")))
    }

    /// 镇街一览: a tile per township, shaded by the share of its schools visited this semester (a heat map without a map).
    var townshipGrid: Node<HTML.BodyContext> {
        let m = model
        let unit = m.isCity ? "区县" : "镇街"
        return .section(
            .class("card"),
            .h2(.text("\(unit)一览（\(m.semester.label)）")),
            .p(.class("hint"), .text("颜色越深，本学期到校督导过的学校比例越高；点\(unit)看它自己的看板。")),
            .div(
                .class("tiles"),
                .forEach(m.tiles) { t in
                    .a(
                        .class("tile heat-\(heat(t.coverage))"),
                        .href(SiteURL.dashboard.with([("township", String(t.id)), ("type", m.type)])),
                        String(t.id) == m.township ? .attribute(named: "aria-current", value: "page") : .empty,
                        .span(.class("tile-name"), .text(t.name)),
                        .span(.text("到校 \(t.visited)/\(t.schools) 所")),
                        .span(.text("待整改问题 \(t.openProblems)")))
                }),
            folded(
                "\(unit)数据表",
                .dataTable(
                    [unit, "学校", "本学期到校", "到校比例", "待整改问题"],
                    m.tiles.map { t in
                        [
                            .text(t.name), .text("\(t.schools)"), .text("\(t.visited)"), .text(percent(t.coverage)),
                            .text("\(t.openProblems)"),
                        ]
                    }, empty: "没有\(unit)")))
    }

    /// Five shades: none visited, under 30 %, under 60 %, under 90 %, 90 % and more.
    func heat(_ share: Share) -> Int {
        guard let r = share.ratio, r > 0 else { return 0 }
        return r >= 0.9 ? 4 : r >= 0.6 ? 3 : r >= 0.3 ? 2 : 1
    }

    var problems: Node<HTML.BodyContext> {
        let m = model
        let register = SiteURL.problems
        return .section(
            .class("card"),
            .h2(.text("发现的问题（近12个月）")),
            .figure(
                StackedBarChart(
                    title: "问题按类别", legend: ["待处理", "已销号"],
                    bars: m.categories.map { .init(label: $0.label, parts: [$0.open, $0.closed]) }
                ).node,
                .figcaption("问题按类别（待处理 / 已销号）")),
            folded(
                "问题数据表（可点开查看问题）",
                .dataTable(
                    ["类别", "待处理", "已销号", "合计"],
                    m.categories.map { c in
                        [
                            .text(c.label),
                            .a(.href(register.with([("category", c.key), ("state", "open")])), .text("\(c.open)")),
                            .a(.href(register.with([("category", c.key), ("state", "closed")])), .text("\(c.closed)")),
                            .a(.href(register.with([("category", c.key)])), .text("\(c.total)")),
                        ]
                    }, empty: "近12个月没有发现问题"),
                .dataTable(
                    ["严重程度", "待处理", "已销号"],
                    m.severities.map { c in
                        [
                            .text(c.label),
                            .a(.href(register.with([("severity", c.key), ("state", "open")])), .text("\(c.open)")),
                            .a(.href(register.with([("severity", c.key), ("state", "closed")])), .text("\(c.closed)")),
                        ]
                    }, empty: "")),
            .h3(.text("逐月趋势")),
            .figure(
                LineChart(
                    title: "逐月发现问题与整改销号", labels: m.months.map(\.shortLabel),
                    series: [("发现问题", m.found), ("整改销号", m.closed)]
                ).node,
                .figcaption("逐月发现的问题数与销号的整改通知书数")),
            folded(
                "逐月数据表",
                .dataTable(
                    ["月份", "发现问题", "整改销号"],
                    m.months.enumerated().map { i, month in
                        [.text(month.label), .text("\(m.found[i])"), .text("\(m.closed[i])")]
                    })))
    }

    var rectification: Node<HTML.BodyContext> {
        let m = model
        return .section(
            .class("card"),
            .h2(.text("整改（近12个月下达的整改通知书）")),
            .div(
                .class("stats"),
                .statCard("已下达", "\(m.noticesIssued)", href: SiteURL.notices.with([("state", "all")])),
                .statCard(
                    "已销号 \(m.noticesClosed) 份（销号率）", percent(Share(m.noticesClosed, of: m.noticesIssued)),
                    href: SiteURL.notices.with([("state", "closed")])),
                .statCard(
                    "整改用时中位数", m.medianDaysToClose.map { "\(Format.decimal($0)) 天" } ?? "—"),
                .statCard(
                    "逾期未整改", "\(m.noticesOverdue)", href: SiteURL.notices.with([("state", "overdue")]),
                    tone: m.noticesOverdue > 0 ? "danger" : "")))
    }

    var complaints: Node<HTML.BodyContext> {
        let m = model
        return .section(
            .class("card"),
            .h2(.text("举报投诉（近12个月受理）")),
            .div(
                .class("stats"),
                .statCard(
                    "超过办理时限", "\(m.complaintsOverdue)", href: SiteURL.complaints.with([("state", "overdue")]),
                    tone: m.complaintsOverdue > 0 ? "danger" : "ok")),
            .figure(
                StackedBarChart(
                    title: "举报投诉按类别", legend: ["办理中", "已办结"],
                    bars: m.complaintCategories.map { .init(label: $0.label, parts: [$0.open, $0.closed]) }
                ).node,
                .figcaption("举报投诉按类别（办理中 / 已办结）")),
            folded(
                "举报投诉数据表",
                .dataTable(
                    ["类别", "办理中", "已办结"],
                    m.complaintCategories.map { [.text($0.label), .text("\($0.open)"), .text("\($0.closed)")] },
                    empty: "近12个月没有受理举报投诉")),
            .p(.link(SiteURL.complaints.with([("state", "all")]), "查看全部举报投诉")))
    }

    var campaigns: Node<HTML.BodyContext> {
        let m = model
        return .section(
            .class("card"),
            .h2(.text("督导任务进度")),
            .dataTable(
                ["督导任务", "对象", "已完成", "进行中的环节"],
                m.campaigns.map { c in
                    [
                        .a(.href(SiteURL.campaign(c.id).path), .text(c.title)),
                        .text("\(c.targets)"),
                        .text("\(c.finished)（\(percent(Share(c.finished, of: c.targets)))）"),
                        .text(c.phases.map { "\($0.0.label) \($0.1)" }.joined(separator: "、")),
                    ]
                }, empty: "还没有督导任务"))
    }

    var accountability: Node<HTML.BodyContext> {
        let m = model
        return .section(
            .class("card"),
            .h2(.text("问责（\(m.today.year) 年）")),
            .dataTable(
                ["问责方式", "件数"],
                m.measures.map { [.text($0.label), .text("\($0.total)")] }, empty: "今年没有问责"),
            .p(.link(SiteURL.accountability.path, "查看问责决定")))
    }

    /// Figures folded under their chart (open by a tap; printed open).
    func folded(_ summary: String, _ content: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [.element(named: "summary", nodes: [.text(summary)])] + content)
    }

    func percent(_ s: Share) -> String { s.ratio.map(Format.percent) ?? "—" }
}
