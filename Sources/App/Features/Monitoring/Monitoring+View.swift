import DudaoCore
import Plot

/// 质量监测: the district's rounds, and a new one for a year.
struct MonitoringListView {
    let ctx: PageContext
    let model: MonitoringList
    var errors: [FieldError] = []

    func render() -> Page { Page(document(), status: errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "质量监测", ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text("国家义务教育质量监测")),
                    .div(.class("actions"), .exportButtons({ .listExport(.monitoring, $0) }, query: []))),
                .p(
                    .class("hint"),
                    .text("监测三年一个周期，每年三个学科，测试四年级和八年级学生。每个区县一般抽取小学12所、初中8所，每校30名学生。这里安排本区的工作步骤、样本校和突发事件，结果反馈后记录分析和整改跟进。")
                ),
                .errorSummary(errors),
                m.mayCreate
                    ? .form(
                        .method(.post), .action(SiteURL.monitoring.path), .csrf(ctx.csrf), .class("card"),
                        .h2(.text("新建监测工作")),
                        .div(
                            .class("grid-2"),
                            .field(
                                "年度", name: "year", value: String(m.year), error: errors.message(for: "year"),
                                required: true, attrs: [("inputmode", "numeric")]),
                            .field(
                                "测试日", name: "testDay", value: "", error: errors.message(for: "testDay"), type: "date",
                                required: true)),
                        .p(.class("hint"), .text("新建后按测试日自动排出各步骤日期，学科按三年周期预填，均可修改。")),
                        .button(.type(.submit), .class("btn primary"), .text("新建")))
                    : .empty,
                .dataTable(
                    ["年度", "学科", "测试日", "进度"],
                    m.items.map { r in
                        [
                            .a(.href(SiteURL.monitoringRound(r.id).path), .text("\(r.year) 年")), .text(r.subjects),
                            .text(Format.day(r.testDay)), .text("\(r.done) / \(r.steps) 步"),
                        ]
                    }, empty: "还没有质量监测工作"),
            ])
    }
}

/// One round: the timeline with each step's status, the sample schools and their follow-up, incidents, findings.
struct MonitoringRoundView {
    let ctx: PageContext
    let model: MonitoringRoundPage

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    var act: String { SiteURL.monitoringPage(model.id, "act").path }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            "\(m.year)年质量监测", ctx,
            [
                .p(.link(SiteURL.monitoring.path, "‹ 质量监测")),
                .div(
                    .class("page-head"),
                    .h1(.text("\(m.year)年国家义务教育质量监测")),
                    .div(
                        .class("actions"),
                        .exportButtons({ .monitoringPage(m.id, "export." + $0.rawValue) }, query: []))),
                .p(.text("监测学科：\(m.subjects)；测试日：\(Format.day(m.testDay))")),
                .errorSummary(m.errors),
                timeline,
                samples,
                incidents,
                findings,
            ])
    }

    var timeline: Node<HTML.BodyContext> {
        let m = model
        return .section(
            .class("card"),
            .h2(.text("工作步骤")),
            .dataTable(
                ["步骤", "日期", "负责", "状态", "材料", ""],
                m.steps.map { s in
                    [
                        .text(s.title + (s.note.isEmpty ? "" : "（\(s.note)）")), .text(s.due.chinese), .text(s.owner),
                        .badge(
                            s.doneOn.map { "\(s.status.label) \(Format.day($0))" } ?? s.status.label,
                            s.status == .done ? "ok" : s.status == .late ? "danger" : s.status == .dueSoon ? "warn" : ""
                        ),
                        s.files.isEmpty
                            ? .text("—")
                            : .ul(
                                .forEach(s.files) { f in
                                    .li(.link(SiteURL.monitoringFile(m.id, f.hash).path, f.name))
                                }),
                        m.mayEdit && s.doneOn == nil
                            ? .postButton(
                                act, "标记完成", csrf: ctx.csrf, fields: [("action", "done"), ("step", String(s.id))])
                            : .empty,
                    ]
                }),
            m.mayEdit ? stepFilesForm : .empty)
    }

    /// 上传材料: the documents of one step (名单、方案、记录、回执).
    var stepFilesForm: Node<HTML.BodyContext> {
        let m = model
        return .form(
            .method(.post), .action(SiteURL.monitoringPage(m.id, "files").path), .enctype(.multipartData),
            .csrf(ctx.csrf),
            .h3(.text("上传步骤材料")),
            .selectField(
                "工作步骤", name: "step", options: m.steps.map { (String($0.id), $0.title) }, selected: "",
                error: m.errors.message(for: "step"), required: true),
            .evidenceField(
                "文件（照片、PDF、Word、Excel 或压缩包，一次最多10个，每个不超过20MB）", error: m.errors.message(for: "files")),
            .button(.type(.submit), .class("btn secondary"), .text("上传")))
    }

    var samples: Node<HTML.BodyContext> {
        let m = model
        let primary = m.samples.filter { $0.section == .primary }.count
        let junior = m.samples.count - primary
        return .section(
            .class("card"),
            .h2(.text("样本校（小学 \(primary) 所，初中 \(junior) 所）")),
            .dataTable(
                ["学校", "学段", "整改跟进"],
                m.samples.map { s in
                    [
                        .a(.href(SiteURL.school(s.schoolID).path), .text(s.school)),
                        .text(s.section == .primary ? "小学（四年级）" : "初中（八年级）"),
                        .group(
                            .forEach(s.followUps) { f in
                                .p(
                                    .a(.href(SiteURL.problem(f.id).path), .text(f.text)),
                                    .text(f.open ? "（待整改）" : "（已销号）"))
                            },
                            m.mayEdit
                                ? .form(
                                    .method(.post), .action(act), .csrf(ctx.csrf), .class("inline"),
                                    .hidden("action", "followUp"), .hidden("school", String(s.schoolID)),
                                    .input(
                                        .type(.text), .name("text"),
                                        .attribute(named: "aria-label", value: "\(s.school)的整改要求"),
                                        .attribute(named: "placeholder", value: "根据监测结果提出整改要求")),
                                    .button(.type(.submit), .class("btn"), .text("列入整改")))
                                : .empty),
                    ]
                }, empty: "还没有样本校"),
            m.mayEdit && m.samples.isEmpty
                ? .postButton(
                    act, "按规则抽取样本校（小学12所、初中8所）", csrf: ctx.csrf, style: "primary", fields: [("action", "draw")])
                : .empty,
            m.mayEdit
                ? .form(
                    .method(.post), .action(act), .csrf(ctx.csrf), .class("filters"),
                    .hidden("action", "addSample"),
                    .field("学校标识码", name: "code", value: "", error: m.errors.message(for: "code")),
                    .selectField(
                        "学段", name: "section", options: [("primary", "小学（四年级）"), ("junior", "初中（八年级）")],
                        selected: "primary", blank: nil),
                    .button(.type(.submit), .class("btn"), .text("加入样本校")))
                : .empty)
    }

    var incidents: Node<HTML.BodyContext> {
        let m = model
        return .section(
            .class("card"),
            .h2(.text("突发事件")),
            .dataTable(
                ["日期", "学校", "情况"], m.incidents.map { [.text(Format.day($0.day)), .text($0.school), .text($0.text)] },
                empty: "没有报告突发事件"),
            m.mayEdit
                ? .form(
                    .method(.post), .action(act), .csrf(ctx.csrf),
                    .hidden("action", "incident"),
                    .selectField(
                        "学校", name: "school", options: m.samples.map { (String($0.schoolID), $0.school) }, selected: "",
                        blank: "（不涉及具体学校）"),
                    .textareaField(
                        "情况", name: "text", value: "", error: m.errors.message(for: "text"), rows: 2, limit: 1000),
                    .button(.type(.submit), .class("btn"), .text("记录")))
                : .empty)
    }

    var findings: Node<HTML.BodyContext> {
        let m = model
        return .section(
            .class("card"),
            .h2(.text("结果解读与使用")),
            m.mayEdit
                ? .form(
                    .method(.post), .action(act), .csrf(ctx.csrf),
                    .hidden("action", "findings"),
                    .textareaField(
                        "本区监测结果分析和改进措施", name: "findings", value: m.findings,
                        error: m.errors.message(for: "findings"), rows: 6, limit: 5000),
                    .button(.type(.submit), .class("btn primary"), .text("保存")))
                : .p(.text(m.findings.isEmpty ? "监测结果尚未反馈。" : m.findings)))
    }
}
