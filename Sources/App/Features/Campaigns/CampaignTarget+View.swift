import DudaoCore
import Plot

/// A campaign target's page: the procedure's steps, the results so far, the ratings, and the step the account
/// may take now.
struct CampaignTargetView {
    let ctx: PageContext
    let model: CampaignTargetPage

    func render() -> Page { Page(document(), status: model.error == nil ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            m.name, ctx,
            [
                .p(.link(SiteURL.campaign(m.campaignID).path, "‹ \(m.campaignTitle)")),
                .h1(.text(m.name)),
                .ol(
                    .class("procedure"),
                    .forEach(m.steps) { step in .li(.class(step.1.rawValue), .text(step.0.label)) }),
                .warning(m.error),
                .facts(facts),
                texts,
                problems,
                actions,
                indicators,
                ratings,
            ])
    }

    var facts: [(String, String)] {
        let m = model
        let score = m.total.map { Score.text($0) + (m.grade.map { "（\($0)）" } ?? "") } ?? "尚未确定"
        var facts: [(String, String)] = [
            ("督导类型", m.kind.label), ("当前阶段", m.phase?.label ?? "已全部完成"), ("组长", m.lead),
            ("督导组", m.team.joined(separator: "、")),
        ]
        if let own = m.selfTotal { facts.append(("自评得分", Score.text(own))) }
        facts.append(("得分", score))
        if m.vetoed { facts.append(("否决", "有否决项未达到，等级已按否决项封顶")) }
        if let recheck = m.recheck { facts.append(("市级抽评", Self.recheckText(recheck, county: m.total))) }
        if m.phase == .appeal { facts.append(("申辩截止", m.appealDue.map { $0.chinese } ?? "送达初步意见后计算")) }
        return facts
    }

    /// The city's score beside the county's, or where the re-check stands.
    static func recheckText(_ recheck: CampaignTargetPage.Recheck, county: Double?) -> String {
        guard let total = recheck.total else {
            return county == nil ? "已抽中，待区（县）复评确定后抽评" : "已抽中，待市级督导室抽评"
        }
        let grade = recheck.grade.map { "（\($0)）" } ?? ""
        guard let county else { return Score.text(total) + grade }
        let delta = CityRecheck.difference(county: county, city: total)
        let change =
            Score.text(abs(delta)) == "0"
            ? "与区（县）复评一致" : "较区（县）复评" + (delta > 0 ? "高" : "低") + " \(Score.text(abs(delta))) 分"
        return "\(Score.text(total))\(grade)，\(change)"
    }

    var texts: Node<HTML.BodyContext> {
        let m = model
        let parts: [(String, String)] = [
            ("初步意见", m.preliminary), ("申辩", m.appeal), ("对申辩的答复", m.appealAnswer),
            ("督导意见" + (m.opinionNumber.map { "（\($0)）" } ?? ""), m.opinion),
        ].filter { !$0.1.isEmpty }
        return .group(
            .forEach(parts) { part in .section(.class("card"), .h2(.text(part.0)), .p(.class("prewrap"), .text(part.1)))
            },
            .div(
                .class("actions"),
                m.steps.contains { $0.0 == .notice }
                    ? .button(SiteURL.campaignTargetPage(m.id, "notice").path, "打印督导通知书", style: "secondary") : .empty,
                m.opinionNumber == nil
                    ? .empty : .button(SiteURL.campaignTargetPage(m.id, "opinion").path, "打印督导意见书", style: "secondary"),
                m.published
                    ? .button(SiteURL.campaignPage(m.campaignID, "bulletin").path, "结果通报", style: "secondary") : .empty)
        )
    }

    var problems: Node<HTML.BodyContext> {
        guard !model.problems.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("问题与整改")),
            .dataTable(
                ["问题", "状态"],
                model.problems.map { p in
                    [
                        .link(SiteURL.problem(p.id).path, p.description),
                        .badge(p.state.label, p.state == .closed ? "ok" : "warn"),
                    ]
                }))
    }

    var actions: Node<HTML.BodyContext> {
        let m = model
        var links: [Node<HTML.BodyContext>] = []
        // The 自评 is written in its phase; the members rate during the site visit.
        if let tier = m.tier, m.phase == (tier == .selfAssessment ? .selfAssessment : .onSite) {
            links.append(
                .button(SiteURL.campaignTargetPage(m.id, "rate").path, tier == .selfAssessment ? "填写自评" : "我的评分"))
        }
        if m.mayChangeTeam {
            links.append(.button(SiteURL.campaignTargetPage(m.id, "members").path, "调整督导组", style: "secondary"))
        }
        if m.recheck?.mayRate == true {
            links.append(.button(SiteURL.campaignTargetPage(m.id, "recheck").path, "填写市级抽评"))
        }
        if m.fixesTeamScore, m.phase == .onSite {
            links.append(.button(SiteURL.campaignTargetPage(m.id, "team").path, "督导组评分（对照组员评分）", style: "secondary"))
        }
        guard !links.isEmpty || !m.actions.isEmpty else { return .empty }
        return .section(
            .class("card"),
            .h2(.text("办理")),
            .div(.class("actions"), .group(links)),
            .forEach(m.actions) { action in form(action) })
    }

    func form(_ action: CampaignAction) -> Node<HTML.BodyContext> {
        let textLabel: String? =
            switch action {
            case .issuePreliminary: "初步意见"
            case .submitAppeal: "申辩理由"
            case .closeAppeal: "对申辩的答复（未提出申辩可不填）"
            case .issueOpinion: "督导意见（含整改要求和期限）"
            default: nil
            }
        return .form(
            .method(.post), .action(SiteURL.campaignTargetPage(model.id, "act").path), .class("step-form"),
            .csrf(ctx.csrf), .hidden("action", action.rawValue),
            textLabel.map {
                .textareaField(
                    $0, name: "text", value: model.text, rows: 4, required: action != .closeAppeal, limit: 5000)
            } ?? .empty,
            action == .issueOpinion
                ? .textareaField("发现的问题（每行一个，登记到问题台账，由责任督学跟踪整改）", name: "problems", value: "", rows: 4, limit: 5000)
                : .empty,
            .button(.type(.submit), .class("btn primary"), .text(action.label)))
    }

    /// Each indicator's points: its share of the full score, the 自评's and the team's, the team's remark and the
    /// evidence. A table on a desktop; on a phone each line stacks.
    var indicators: Node<HTML.BodyContext> {
        let m = model
        let showTeam = m.total != nil
        let showOwn = m.indicators.contains { $0.own != nil }
        let showCity = m.indicators.contains { $0.city != nil }
        let asked = m.indicators.filter { $0.evidenceAsked != nil }
        let short = asked.filter { $0.evidenceCount == 0 }.count
        return .section(
            .class("card"),
            .h2(.text(showTeam ? "分项得分" : "指标与佐证材料")),
            .div(
                .class("actions"),
                .button(
                    SiteURL.campaignTargetPage(m.id, "evidence").path,
                    m.uploadsEvidence ? "上传佐证材料" : "查看佐证材料", style: m.uploadsEvidence ? "primary" : "secondary"),
                asked.isEmpty ? .empty : .span(.class("hint"), .text("要求材料 \(asked.count) 项，\(short) 项尚未上传"))),
            .dataTable(
                ["指标", "分值"] + (showOwn ? ["自评"] : []) + (showTeam ? ["督导组"] : []) + (showCity ? ["市级抽评"] : [])
                    + ["材料"]
                    + (showTeam ? ["说明"] : []),
                m.indicators.map { line in
                    let title = "\(line.code) \(line.title)"
                    var cells: [Node<HTML.BodyContext>] = [
                        line.isLeaf ? .text(title) : .strong(.text(title)),
                        .text(line.available.map { Score.text($0) } ?? "—"),
                    ]
                    if showOwn { cells.append(.text(line.own.map { Score.text($0) } ?? "—")) }
                    if showTeam { cells.append(.text(line.team.map { Score.text($0) } ?? "不适用")) }
                    if showCity { cells.append(.text(line.city.map { Score.text($0) } ?? "不适用")) }
                    cells.append(
                        .text(
                            !line.isLeaf
                                ? "" : "\(line.evidenceCount) 份" + (line.evidenceAsked.map { "（要求\($0)）" } ?? "")))
                    if showTeam {
                        cells.append(line.remark.isEmpty ? .text("") : .span(.class("prewrap"), .text(line.remark)))
                    }
                    return cells
                }))
    }

    var ratings: Node<HTML.BodyContext> {
        .section(
            .class("card"),
            .h2(.text("评分（共 \(model.leafCount) 项）")),
            .dataTable(
                ["评分人", "类别", "已填", "状态"],
                model.ratings.map { r in
                    [
                        .text(r.who), .text(r.tier.label), .text("\(r.answered) 项"),
                        r.submitted ? .badge("已提交", "ok") : .badge("填写中", "warn"),
                    ]
                }, empty: "尚无评分"))
    }
}
