import DudaoCore
import Plot
import Vapor

struct VisitListPage {
    let ctx: PageContext
    let query: VisitsController.ListQuery
    let paging: Paging
    let total: Int
    let visits: [Visit]
    let schools: [Int: String]
    let inspectors: [Int: String]

    func render() -> Page {
        let isInspector = ctx.principal?.role == .inspector
        return Layout.page(
            "督导记录", ctx, wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("督导记录")]),
                .el("div", [("class", "actions")], isInspector ? [.button(SiteURL.visitNew.path, "新建督导记录")] : []),
            ]),
            .dataTable(["日期", "学校", "记录人", "类型", "主题", "状态"], visits.map { v in
                [
                    .link(SiteURL.visit(v.id!).path, Format.day(v.visitDate)), .text(schools[v.schoolID] ?? ""),
                    .text(inspectors[v.inspectorID] ?? ""), .text(v.kind.label), .text(v.theme),
                    v.isDraft ? .badge("草稿", "warn") : .badge("已提交", "ok"),
                ]
            }, empty: "暂无督导记录"),
            .pager(paging, total: total, link: {
                SiteURL.visits.with([("school", query.school.map(String.init) ?? ""), ("inspector", query.inspector.map(String.init) ?? ""),
                    ("month", query.month ?? ""),
                    ("status", query.status ?? ""), ("page", String($0))])
            })
        )
    }
}

struct PickSchoolPage {
    let ctx: PageContext
    let schools: [School]

    func render() -> Page {
        Layout.page(
            "新建督导记录", ctx,
            .el("h1", [], [.text("到哪所学校督导？")]),
            .el("div", [("class", "school-cards")], schools.map { s in
                .el("a", [("class", "card school-card"), ("href", SiteURL.visitNew.with([("school", String(s.id!))]))], [
                    .el("h2", [], [.text(s.name)]), .el("p", [], [.text(s.type.label + " · 校长 " + s.principal)]),
                ])
            }),
            schools.isEmpty ? .el("p", [("class", "empty")], [.text("您目前没有挂牌学校。")]) : .empty
        )
    }
}

extension Node where Context: HTML.BodyContext {
    /// The school's open problems and the last visit, so the next visit follows up the last.
    static func followUp(_ f: FollowUp?) -> Node {
        guard let f else { return .empty }
        return .el("section", [("class", "card followup")], [
            .el("h2", [], [.text("上次督导与待跟进问题")]),
            f.lastVisit.map { v in
                .el("div", [], [
                    .el("p", [("class", "muted")], [.text("\(Format.day(v.visitDate)) · \(f.lastAuthor ?? "") · \(v.kind.label)")]),
                    .el("p", [], [.text(v.summary.isEmpty ? "（无督导情况记录）" : String(v.summary.prefix(300)))]),
                    .link(SiteURL.visit(v.id!).path, "查看上次记录"),
                ])
            } ?? .el("p", [("class", "empty")], [.text("该校还没有已提交的督导记录。")]),
            .el("h3", [], [.text("待处理问题（\(f.openProblems.count)）")]),
            f.openProblems.isEmpty ? .el("p", [("class", "empty")], [.text("没有待处理问题。")])
                : .el("ul", [("class", "problem-list")], f.openProblems.map { p in
                    .el("li", [], [.badge(p.category), .badge(p.severity.label, p.severity == .minor ? "" : "warn"), .text(" " + p.description)])
                }),
        ])
    }
}

struct NewVisitPage {
    let ctx: PageContext
    let school: School
    let plans: [VisitPlan]
    let colleagues: [Inspector]
    let form: VisitsController.BasicForm
    let theme: String?
    let followUp: FollowUp?
    let errors: [FieldError]

    func render() -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let selected = Set(form.members ?? [])
        return Layout.page(
            "新建督导记录", ctx,
            .el("h1", [], [.text("督导记录：" + school.name)]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.visits.path), ("class", "card")], [
                .csrf(ctx.csrf),
                .hidden("school", String(school.id!)),
                .field("督导日期", name: "date", value: form.date ?? "", error: err("date"), type: "date", required: true),
                .field("到校时间", name: "start", value: form.start ?? "", error: err("start"), type: "time"),
                .selectField("督导类型", name: "kind", options: VisitKind.allCases.map { ($0.rawValue, $0.label) },
                    selected: form.kind ?? "", error: err("kind"), required: true, blank: nil),
                .field("本月主题", name: "theme", value: form.theme ?? "", error: err("theme"),
                    hint: theme.map { "区督导室本月主题：" + $0 + "（留空即采用）" }),
                .selectField("督导方案", name: "plan", options: plans.map { (String($0.id!), "\(Format.day($0.plannedDate))：\(String($0.focus.prefix(20)))") },
                    selected: form.plan ?? "", error: err("plan"), blank: plans.isEmpty ? "（尚无方案，可先到“督导方案”中制定）" : "（不关联）"),
                colleagues.isEmpty ? .empty : .el("details", [("class", "field")], [
                    .el("summary", [], [.text("同行督学（多人同去时勾选）")]),
                    .errorText("f-members", err("members")),
                    .group(colleagues.map { c in
                        .el("label", [("class", "check")], [
                            .void("input", [("type", "checkbox"), ("name", "members[]"), ("value", String(c.id!))]
                                + (selected.contains(c.id!) ? [("checked", "checked")] : [])),
                            .text(" \(c.name)（\(c.kind.label)）"),
                        ])
                    }),
                ]),
                .el("button", [("type", "submit"), ("class", "btn primary block")], [.text("开始记录")]),
            ]),
            .followUp(followUp)
        )
    }
}

struct VisitPage {
    let ctx: PageContext
    let loaded: VisitsController.Loaded
    let settings: DistrictSettings
    let editable: Bool
    let mayAmend: Bool
    let hideInternal: Bool
    let followUp: FollowUp?
    let errors: [FieldError]
    /// The section whose form the errors belong to.
    let section: String?

    func err(_ f: String, in s: String) -> String? { section == s ? errors.first { $0.field == f }?.message : nil }
    var v: Visit { loaded.visit }

    func render() -> Page {
        let title = "\(loaded.school.name) · \(Format.day(v.visitDate))"
        return Layout.page(
            title, ctx,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text(title), v.isDraft ? .badge("草稿", "warn") : .badge("已提交", "ok")]),
                .el("div", [("class", "actions")], [
                    v.isDraft ? .empty : .button(SiteURL.visitPrint(v.id!).path, "打印记录表", style: "secondary"),
                ]),
            ]),
            .errorSummary(errors),
            editable ? .el("p", [("class", "hint")], [.text("每一部分单独保存；“督导情况”边写边自动保存。离开页面不会丢失已保存的内容。")]) : .empty,
            editable ? reminders : .empty,
            basic,
            observations,
            interviews,
            checks,
            problems,
            photos,
            editable ? submitCard : .empty,
            amendments,
            editable ? .followUp(followUp) : .empty
        )
    }

    var reminders: Node<HTML.BodyContext> {
        let items = VisitSections.reminders(loaded, settings: settings.complianceSettings)
        guard !items.isEmpty else { return .el("div", [("class", "alert success")], [.text("本次督导已满足“六个一”中每次督导的各项要求。")]) }
        return .el("div", [("class", "alert warn")], [
            .el("p", [], [.text("对照“六个一”，本次督导还有：")]),
            .el("ul", [], items.map { .el("li", [], [.text($0)]) }),
        ])
    }

    var basic: Node<HTML.BodyContext> {
        let s = "basic"
        let team = ([loaded.author?.name] + loaded.members.map(\.name)).compactMap { $0 }.joined(separator: "、")
        if !editable {
            return .el("section", [("class", "card"), ("id", "basic")], [
                .el("h2", [], [.text("基本情况")]),
                .facts([
                    ("学校", loaded.school.name), ("日期", Format.day(v.visitDate)), ("时间", [v.startTime, v.endTime].filter { !$0.isEmpty }.joined(separator: "—")),
                    ("督导类型", v.kind.label), ("主题", v.theme), ("督学", team),
                    ("督导方案", loaded.plan.map { "\(Format.day($0.plannedDate))：\($0.focus)" } ?? "未关联"),
                ]),
                .el("h3", [], [.text("督导情况")]), .el("p", [("class", "prewrap")], [.text(v.summary.isEmpty ? "—" : v.summary)]),
                .el("h3", [], [.text("亮点")]), .el("p", [("class", "prewrap")], [.text(v.highlights.isEmpty ? "—" : v.highlights)]),
            ])
        }
        return .el("section", [("class", "card"), ("id", "basic")], [
            .el("h2", [], [.text("基本情况")]),
            .el("p", [("class", "muted")], [.text("督学：" + team + (loaded.plan.map { " · 方案：" + $0.focus } ?? ""))]),
            .el("form", [("method", "post"), ("action", SiteURL.visit(v.id!).path), ("data-autosave", "1"), ("class", "form-grid")], [
                .csrf(ctx.csrf),
                .field("督导日期", name: "date", value: v.visitDate, error: err("date", in: s), type: "date", required: true),
                .selectField("督导类型", name: "kind", options: VisitKind.allCases.map { ($0.rawValue, $0.label) }, selected: v.kind.rawValue, blank: nil),
                .field("到校时间", name: "start", value: v.startTime, error: err("start", in: s) ?? err("start", in: "submit"), type: "time"),
                .field("离校时间", name: "end", value: v.endTime, error: err("end", in: s), type: "time"),
                .el("div", [("class", "span-all")], [
                    .field("主题", name: "theme", value: v.theme, error: err("theme", in: s)),
                    .textareaField("督导情况（看到的、听到的、查到的）", name: "summary", value: v.summary, error: err("summary", in: s) ?? err("summary", in: "submit"), rows: 6),
                    .textareaField("亮点", name: "highlights", value: v.highlights, error: err("highlights", in: s), rows: 3),
                ]),
                .el("div", [("class", "form-actions span-all")], [
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存")]),
                    .el("span", [("class", "autosave-status muted"), ("aria-live", "polite")], []),
                ]),
            ]),
        ])
    }

    func removeButton(_ kind: String, _ id: Int) -> Node<HTML.BodyContext> {
        guard editable else { return .empty }
        return .el("form", [("method", "post"), ("action", SiteURL.visitRemove(v.id!).path), ("class", "inline"), ("data-confirm", "确定删除这一项？")], [
            .csrf(ctx.csrf), .hidden("kind", kind), .hidden("item", String(id)),
            .el("button", [("type", "submit"), ("class", "btn link")], [.text("删除")]),
        ])
    }

    var observations: Node<HTML.BodyContext> {
        let s = "observations"
        let rubric = settings.rubricValue
        return .el("section", [("class", "card"), ("id", s)], [
            .el("h2", [], [.text("听课与教研（\(loaded.observations.count)）")]),
            .group(loaded.observations.map { o in
                let scores = o.scoreMap
                let scoreParts: [String] = rubric.dimensions.compactMap { d in scores[d.name].map { "\(d.name) \($0)/\(d.max)" } }
                let gradeText: String = rubric.grade(scores).map { " · 评定：" + $0 } ?? ""
                let scoreLine: String = scoreParts.joined(separator: "，") + gradeText
                let title: String = " " + [o.className, o.subject, o.teacher].filter { !$0.isEmpty }.joined(separator: " · ") + " 《\(o.topic)》"
                return .el("div", [("class", "item")], [
                    .el("p", [("class", "item-title")], [
                        .badge(o.kind.label), .text(title),
                    ]),
                    scores.isEmpty ? .empty : .el("p", [("class", "muted")], [.text(scoreLine)]),
                    o.comment.isEmpty ? .empty : .el("p", [("class", "prewrap")], [.text(o.comment)]),
                    removeButton("observation", o.id!),
                ])
            }),
            editable ? .el("details", [("class", "add")] + (section == s ? [("open", "open")] : []), [
                .el("summary", [("class", "btn secondary")], [.text("＋ 添加听课或教研活动")]),
                .el("form", [("method", "post"), ("action", SiteURL.visitSection(v.id!, s).path)], [
                    .csrf(ctx.csrf),
                    .selectField("类型", name: "kind", options: ObservationKind.allCases.map { ($0.rawValue, $0.label) }, selected: "lesson", blank: nil),
                    .field("班级", name: "className", value: "", error: err("className", in: s), hint: "如：四（2）班"),
                    .field("学科", name: "subject", value: "", error: err("subject", in: s)),
                    .field("授课教师", name: "teacher", value: "", error: err("teacher", in: s)),
                    .field("课题 / 活动主题", name: "topic", value: "", error: err("topic", in: s), required: true),
                    .el("fieldset", [("class", "rubric")], [
                        .el("legend", [], [.text("课堂教学质量评估（满分\(rubric.total)分，可只填部分）")]),
                        .group(rubric.dimensions.map { d in
                            .field("\(d.name)（0–\(d.max)）", name: "scores[\(d.name)]", value: "", error: err("score_" + d.name, in: s),
                                type: "number", attrs: [("min", "0"), ("max", String(d.max)), ("inputmode", "numeric")])
                        }),
                    ]),
                    .textareaField("评价意见", name: "comment", value: "", error: err("comment", in: s)),
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存听课记录")]),
                ]),
            ]) : .empty,
        ])
    }

    var interviews: Node<HTML.BodyContext> {
        let s = "interviews"
        let shown = loaded.interviews.filter { !(hideInternal && $0.isInternal) }
        let sum = { (g: InterviewGroup) in loaded.interviews.filter { $0.group == g }.reduce(0) { $0 + $1.people } }
        return .el("section", [("class", "card"), ("id", s)], [
            .el("h2", [], [.text("访谈（教师\(sum(.teachers))人 · 学生\(sum(.students))人 · 家长\(sum(.parents))人）")]),
            .group(shown.map { i in
                .el("div", [("class", "item")], [
                    .el("p", [("class", "item-title")], [.badge(i.group.label), .text(" \(i.people)人"), i.isInternal ? .badge("内部", "muted") : .empty]),
                    i.notes.isEmpty ? .empty : .el("p", [("class", "prewrap")], [.text(i.notes)]),
                    removeButton("interview", i.id!),
                ])
            }),
            editable ? .el("details", [("class", "add")] + (section == s ? [("open", "open")] : []), [
                .el("summary", [("class", "btn secondary")], [.text("＋ 添加访谈")]),
                .el("form", [("method", "post"), ("action", SiteURL.visitSection(v.id!, s).path)], [
                    .csrf(ctx.csrf),
                    .selectField("访谈对象", name: "group", options: InterviewGroup.allCases.map { ($0.rawValue, $0.label) }, selected: "", error: err("group", in: s), required: true),
                    .field("人数", name: "people", value: "", error: err("people", in: s), type: "number", required: true, attrs: [("min", "1"), ("inputmode", "numeric")]),
                    .textareaField("访谈内容（可不写姓名，学生一律匿名）", name: "notes", value: "", error: err("notes", in: s)),
                    .el("label", [("class", "check")], [.void("input", [("type", "checkbox"), ("name", "internalOnly"), ("value", "on")]), .text(" 仅内部可见（学校看不到这条记录）")]),
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存访谈")]),
                ]),
            ]) : .empty,
        ])
    }

    var checks: Node<HTML.BodyContext> {
        let s = "checks"
        let c = v.checkRecord
        let findings = c.findings
        let summary: Node<HTML.BodyContext> = .group([
            .el("p", [], [.text("已查阅：" + (c.documents.isEmpty ? "—" : c.documents.joined(separator: "、")))]),
            c.documentNotes.isEmpty ? .empty : .el("p", [("class", "prewrap")], [.text(c.documentNotes)]),
            findings.isEmpty ? .empty : .el("ul", [("class", "findings")], findings.map { f in
                .el("li", [("class", f.ok ? "ok" : "bad")], [.text((f.ok ? "✓ " : "✗ ") + f.item + "：" + f.message)])
            }),
        ])
        guard editable else {
            return .el("section", [("class", "card"), ("id", s)], [.el("h2", [], [.text("查阅资料与“五项管理”“双减”检查")]), summary])
        }
        return .el("section", [("class", "card"), ("id", s)], [
            .el("h2", [], [.text("查阅资料与“五项管理”“双减”检查")]),
            summary,
            .el("details", [("class", "add")] + (section == s ? [("open", "open")] : []), [
                .el("summary", [("class", "btn secondary")], [.text("填写检查情况")]),
                .el("form", [("method", "post"), ("action", SiteURL.visitSection(v.id!, s).path)], [
                    .csrf(ctx.csrf),
                    .el("fieldset", [], [
                        .el("legend", [], [.text("查阅资料（必查教师作业批改）")]),
                        .group(DocumentChecklist.items.map { item in
                            .el("label", [("class", "check")], [
                                .void("input", [("type", "checkbox"), ("name", "documents[]"), ("value", item)] + (c.documents.contains(item) ? [("checked", "checked")] : [])),
                                .text(" " + item),
                            ])
                        }),
                        .textareaField("查阅情况", name: "documentNotes", value: c.documentNotes, error: err("documentNotes", in: s)),
                    ]),
                    workloadFields(c.workload),
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存检查情况")]),
                ]),
            ]),
        ])
    }

    func yesNo(_ name: String, _ label: String, _ value: Bool?) -> Node<HTML.BodyContext> {
        let selected: String = value.map { $0 ? "yes" : "no" } ?? ""
        return .selectField(label, name: name, options: [("yes", "符合"), ("no", "不符合")], selected: selected, blank: "未检查")
    }

    func workloadFields(_ w: WorkloadObservation) -> Node<HTML.BodyContext> {
        let s = "checks"
        let bands: [(String, String)] = GradeBand.allCases.map { ($0.rawValue, $0.label) }
        let homework: String = w.homeworkMinutes.map { String($0) } ?? ""
        let sleep: String = w.sleepHours.map { String($0) } ?? ""
        let pe: String = w.peLessonsPerWeek.map { String($0) } ?? ""
        var nodes: [Node<HTML.BodyContext>] = [.el("legend", [], [.text("五项管理与双减（只填检查了的项目）")])]
        nodes.append(.selectField("年级段", name: "band", options: bands, selected: w.band?.rawValue ?? "", error: err("band", in: s), blank: "未选择"))
        nodes.append(.field("书面作业平均时长（分钟/天）", name: "homeworkMinutes", value: homework, error: err("homeworkMinutes", in: s), type: "number", attrs: [("inputmode", "numeric")]))
        nodes.append(.field("学生睡眠时间（小时）", name: "sleepHours", value: sleep, error: err("sleepHours", in: s), type: "number", attrs: [("step", "0.5"), ("inputmode", "decimal")]))
        nodes.append(.field("第一节课开始时间", name: "firstLesson", value: w.firstLesson ?? "", error: err("firstLesson", in: s), type: "time"))
        nodes.append(.field("每周体育课节数", name: "peLessons", value: pe, error: err("peLessons", in: s), type: "number", attrs: [("inputmode", "numeric")]))
        nodes.append(yesNo("phones", "手机管理", w.phonesManaged))
        nodes.append(yesNo("reading", "读物管理（审核备案）", w.readingFiled))
        nodes.append(yesNo("exercise", "每天1小时体育锻炼", w.exerciseHour))
        nodes.append(yesNo("afterSchool", "课后服务时间", w.afterSchoolService))
        return .el("fieldset", [("class", "form-grid")], nodes)
    }

    var problems: Node<HTML.BodyContext> {
        let s = "problems"
        return .el("section", [("class", "card"), ("id", s)], [
            .el("h2", [], [.text("存在问题（\(loaded.problems.count)）")]),
            .group(loaded.problems.map { p in
                .el("div", [("class", "item")], [
                    .el("p", [("class", "item-title")], [.badge(p.category), .badge(p.severity.label, p.severity == .minor ? "" : "warn"), .badge(p.disposition.label, "muted"), .badge(p.state.label, p.state == .open ? "warn" : "ok")]),
                    .el("p", [("class", "prewrap")], [.text(p.description)]),
                    p.noticeID.map { .link(SiteURL.notice($0).path, "查看整改通知书") }
                        ?? (!v.isDraft && ctx.principal?.role == .inspector && p.disposition == .rectify && p.state == .open
                            ? .link(SiteURL.noticeNew.with([("school", String(p.schoolID)), ("problem", String(p.id!))]), "下达整改通知") : .empty),
                    removeButton("problem", p.id!),
                ])
            }),
            editable ? .el("details", [("class", "add")] + (section == s ? [("open", "open")] : []), [
                .el("summary", [("class", "btn secondary")], [.text("＋ 记录问题")]),
                .el("form", [("method", "post"), ("action", SiteURL.visitSection(v.id!, s).path)], [
                    .csrf(ctx.csrf),
                    .selectField("问题类别", name: "category", options: settings.categories.map { ($0, $0) }, selected: "", error: err("category", in: s), required: true),
                    .selectField("严重程度", name: "severity", options: ProblemSeverity.allCases.map { ($0.rawValue, $0.label) }, selected: "minor", error: err("severity", in: s), required: true, blank: nil),
                    .selectField("处理方式", name: "disposition", options: ProblemDisposition.allCases.map { ($0.rawValue, $0.label + ($0 == .rectify ? "（发整改通知）" : $0 == .refer ? "（移交局相关科室）" : "（仅提建议）")) }, selected: "rectify", error: err("disposition", in: s), required: true, blank: nil),
                    .textareaField("问题描述", name: "description", value: "", error: err("description", in: s), rows: 3),
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存问题")]),
                ]),
            ]) : .empty,
        ])
    }

    var photos: Node<HTML.BodyContext> {
        let s = "photos"
        return .el("section", [("class", "card"), ("id", s)], [
            .el("h2", [], [.text("照片（\(loaded.photos.count)）")]),
            .el("div", [("class", "thumbs")], loaded.photos.map { p in
                .el("figure", [], [
                    .el("a", [("href", SiteURL.visitPhoto(v.id!, p.id!).path)], [
                        .el("img", [("src", SiteURL.visitPhoto(v.id!, p.id!).path), ("alt", p.caption.isEmpty ? "督导照片" : p.caption), ("loading", "lazy")], []),
                    ]),
                    p.caption.isEmpty ? .empty : .el("figcaption", [], [.text(p.caption)]),
                    removeButton("photo", p.id!),
                ])
            }),
            editable ? .el("form", [("method", "post"), ("action", SiteURL.visitSection(v.id!, s).path), ("enctype", "multipart/form-data"), ("class", "inline-upload")], [
                .csrf(ctx.csrf),
                .el("label", [("for", "photo")], [.text("拍照或选择照片（JPG/PNG，不超过8MB）")]),
                .void("input", [("type", "file"), ("id", "photo"), ("name", "photo"), ("accept", "image/*"), ("capture", "environment")]),
                .field("照片说明", name: "caption", value: "", error: err("caption", in: s)),
                .errorText("f-photo", err("photo", in: s)),
                .el("button", [("type", "submit"), ("class", "btn secondary")], [.text("上传")]),
            ]) : .empty,
        ])
    }

    var submitCard: Node<HTML.BodyContext> {
        .el("section", [("class", "card"), ("id", "submit")], [
            .el("h2", [], [.text("提交")]),
            .el("p", [], [.text("提交后记录锁定，学校可以看到（标记为内部的访谈除外）；之后如需修改只能“更正”并说明原因。")]),
            .postButton(SiteURL.visitSubmit(v.id!).path, "提交督导记录", csrf: ctx.csrf, confirm: "提交后不能直接修改，确定提交？", style: "primary"),
        ])
    }

    var amendments: Node<HTML.BodyContext> {
        guard !v.isDraft else { return .empty }
        let s = "amend"
        return .el("section", [("class", "card"), ("id", "amendments")], [
            .el("h2", [], [.text("更正记录")]),
            .dataTable(["时间", "更正人", "原因", "内容"], loaded.amendments.map { a in
                [.text(Format.date(a.createdAt)), .text(a.userName), .text(a.reason),
                 .el("ul", [("class", "changes")], a.fieldChanges.map { .el("li", [], [.text("\($0.field)：\($0.before ?? "") → \($0.after ?? "")")]) })]
            }, empty: "没有更正"),
            mayAmend ? .el("details", [("class", "add")] + (section == s ? [("open", "open")] : []), [
                .el("summary", [("class", "btn secondary")], [.text("更正本记录")]),
                .el("form", [("method", "post"), ("action", SiteURL.visitAmend(v.id!).path)], [
                    .csrf(ctx.csrf),
                    .field("主题", name: "theme", value: v.theme),
                    .textareaField("督导情况", name: "summary", value: v.summary, error: err("summary", in: s), rows: 5),
                    .textareaField("亮点", name: "highlights", value: v.highlights, rows: 3),
                    .field("更正原因", name: "reason", value: "", error: err("reason", in: s), required: true),
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("保存更正")]),
                ]),
            ]) : .empty,
        ])
    }
}
