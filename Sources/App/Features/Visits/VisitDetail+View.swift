import DudaoCore
import Plot

/// A visit record as a page. A draft shows each section with its own form (the basic one autosaves);
/// a submitted record reads as a whole, with its corrections and the form to correct it.
struct VisitDetailView {
    let ctx: PageContext
    let model: VisitDetail

    var r: VisitDetail.Record { model.record }
    var editable: Bool { model.editable }

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let title = "\(r.schoolName) · \(Format.day(r.date))"
        return Layout.document(
            title, ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text(title), r.isDraft ? .badge("草稿", "warn") : .badge("已提交", "ok")),
                    .div(
                        .class("actions"),
                        r.isDraft ? .empty : .button(SiteURL.visitPrint(r.id).path, "打印记录表", style: "secondary"))),
                .errorSummary(model.errors),
                .div(
                    // The page script saves the forms inside in place and keeps them on the phone until the server
                    // has them (`Script.js`, the outbox).
                    editable ? .data(named: "outbox", value: SiteURL.visit(r.id).path) : .empty,
                    editable ? .outboxPanel : .empty,
                    editable
                        ? .p(.class("hint"), .text("每一部分单独保存，保存时页面不刷新；没有网络时内容先存在本机，联网后自动发送。")) : .empty,
                    editable ? reminders : .empty,
                    basic,
                    observations,
                    interviews,
                    checks,
                    checklist,
                    editable ? findingOffers : .empty,
                    problems,
                    photos,
                    editable ? submitCard : .empty,
                    amendments,
                    editable ? .followUp(model.followUp) : .empty,
                    editable ? progressBar : .empty),
            ])
    }

    /// A bar kept at the foot of a phone's screen: how far the record has come, section by section, the save
    /// status, and the way to 提交.
    var progressBar: Node<HTML.BodyContext> {
        let people = r.interviews.reduce(0) { $0 + $1.people }
        let sections: [(String, String, Bool)] =
            [
                ("basic", "基本", !r.summary.isEmpty),
                ("observations", "听课\(r.observations.count)", !r.observations.isEmpty),
                ("interviews", "访谈\(people)人", people > 0),
                ("checks", "查阅", r.checks != VisitChecks()),
            ] + (r.checklist.map { [("checklist", "检查表", $0.record != nil)] } ?? []) + [
                ("problems", "问题\(r.problems.count)", !r.problems.isEmpty),
                ("photos", "照片\(r.photos.count)", !r.photos.isEmpty),
            ]
        return .nav(
            .class("visit-bar no-print"), .ariaLabel("记录进度"),
            .div(
                .class("visit-bar-sections"),
                .forEach(sections) { id, label, done in
                    .a(.href("#" + id), .class(done ? "done" : ""), .text((done ? "✓" : "") + label))
                }),
            .div(
                .class("visit-bar-foot"),
                .saveStatus,
                .a(.href("#submit"), .class("btn primary"), .text("提交"))))
    }

    func err(_ field: String, in section: String) -> String? { model.error(field, in: section) }

    /// What was typed into `field` when `section` was refused, else `saved`.
    func typed(_ field: String, in section: String, else saved: String = "") -> String {
        model.typed(field, in: section, else: saved)
    }

    /// A section's "add" form, folded away unless it is the one that failed.
    func addForm(_ section: String, _ summary: String, _ form: Node<HTML.DetailsContext>) -> Node<HTML.BodyContext> {
        .details(
            .class("add"), .open(model.failure?.section == section), .summary(.class("btn secondary"), .text(summary)),
            form)
    }

    var reminders: Node<HTML.BodyContext> {
        guard !model.reminders.isEmpty else {
            return .div(.class("alert success"), .text("本次督导已满足“六个一”中每次督导的各项要求。"))
        }
        return .div(
            .class("alert warn"),
            .p(.text("对照“六个一”，本次督导还有：")),
            .ul(.forEach(model.reminders) { .li(.text($0)) }))
    }

    // MARK: - Basic information

    var team: String { r.team.joined(separator: "、") }

    var basic: Node<HTML.BodyContext> {
        editable ? basicForm : basicFacts
    }

    var basicFacts: Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("basic"),
            .h2(.text("基本情况")),
            .facts([
                ("学校", r.schoolName), ("日期", Format.day(r.date)),
                ("时间", [r.start, r.end].filter { !$0.isEmpty }.joined(separator: "—")),
                ("督导类型", r.kind.label), ("主题", r.theme), ("督学", team),
                ("督导方案", r.plan.map { "\(Format.day($0.plannedDate))：\($0.focus)" } ?? "未关联"),
            ]),
            .h3(.text("督导情况")), .p(.class("prewrap"), .text(r.summary.isEmpty ? "—" : r.summary)),
            .h3(.text("亮点")), .p(.class("prewrap"), .text(r.highlights.isEmpty ? "—" : r.highlights)))
    }

    var basicForm: Node<HTML.BodyContext> {
        let s = "basic"
        return .section(
            .class("card"), .id("basic"),
            .h2(.text("基本情况")),
            .p(.class("muted"), .text("督学：" + team + (r.plan.map { " · 方案：" + $0.focus } ?? ""))),
            .form(
                .method(.post), .action(SiteURL.visit(r.id).path), .data(named: "autosave", value: "1"),
                .class("form-grid"),
                .csrf(ctx.csrf),
                .field(
                    "督导日期", name: "date", value: typed("date", in: s, else: r.date), error: err("date", in: s),
                    type: "date", required: true),
                .selectField(
                    "督导类型", name: "kind", options: VisitKind.choosable.map { ($0.rawValue, $0.label) },
                    selected: typed("kind", in: s, else: r.kind.rawValue), blank: nil),
                .field(
                    "到校时间", name: "start", value: typed("start", in: s, else: r.start),
                    error: err("start", in: s) ?? err("start", in: "submit"), type: "time"),
                .field(
                    "离校时间", name: "end", value: typed("end", in: s, else: r.end), error: err("end", in: s),
                    type: "time"),
                model.linksPlans ? planSelect : .empty,
                .div(
                    .class("span-all"),
                    .field(
                        "主题", name: "theme", value: typed("theme", in: s, else: r.theme), error: err("theme", in: s)),
                    .textareaField(
                        "督导情况（看到的、听到的、查到的）", name: "summary", value: typed("summary", in: s, else: r.summary),
                        error: err("summary", in: s) ?? err("summary", in: "submit"), rows: 6, limit: 5000),
                    .textareaField(
                        "亮点", name: "highlights", value: typed("highlights", in: s, else: r.highlights),
                        error: err("highlights", in: s), rows: 3, limit: 2000)),
                .div(
                    .class("form-actions span-all"),
                    .button(.type(.submit), .class("btn primary"), .text("保存")),
                    .span(.class("autosave-status muted"), .attribute(named: "aria-live", value: "polite")))))
    }

    /// Link, change or unlink the 督导方案 until the visit is submitted.
    var planSelect: Node<HTML.FormContext> {
        let s = "basic"
        return .selectField(
            "督导方案", name: "plan",
            options: model.plans.map {
                (String($0.id), "\(Format.day($0.plannedDate))：\(String($0.focus.prefix(20)))")
            },
            selected: typed("plan", in: s, else: model.planID.map(String.init) ?? ""), error: err("plan", in: s),
            blank: model.plans.isEmpty ? "（尚无方案，可先到“督导方案”中制定）" : "（不关联）")
    }

    /// The button that removes an item from a draft.
    func removeButton(_ kind: String, _ id: Int) -> Node<HTML.BodyContext> {
        guard editable else { return .empty }
        return .form(
            .method(.post), .action(SiteURL.visitRemove(r.id).path), .class("inline"),
            .data(named: "confirm", value: "确定删除这一项？"),
            .csrf(ctx.csrf), .hidden("kind", kind), .hidden("item", String(id)),
            .button(.type(.submit), .class("btn link"), .text("删除")))
    }

    // MARK: - 听课与教研

    var observations: Node<HTML.BodyContext> {
        let s = "observations"
        let kindergarten = r.profile.isKindergarten
        return .section(
            .class("card"), .id(s),
            .h2(.text((kindergarten ? "保教活动观察" : "听课与教研") + "（\(r.observations.count)）")),
            .forEach(r.observations, observation),
            editable
                ? addForm(
                    s, kindergarten ? "＋ 添加保教活动观察" : "＋ 添加听课或教研活动",
                    kindergarten ? activityForm : observationForm) : .empty)
    }

    func observation(_ o: VisitDetail.Record.Observation) -> Node<HTML.BodyContext> {
        let scoreParts: [String] = r.rubric.dimensions.compactMap { d in
            o.scores[d.name].map { "\(d.name) \($0)/\(d.max)" }
        }
        let gradeText: String = r.rubric.grade(o.scores, bands: r.bands).map { " · 评定：" + $0 } ?? ""
        let title: String =
            " " + [o.className, o.subject, o.teacher].filter { !$0.isEmpty }.joined(separator: " · ") + " 《\(o.topic)》"
        return .div(
            .class("item"),
            .p(.class("item-title"), .badge(o.kind.label), .text(title)),
            o.scores.isEmpty ? .empty : .p(.class("muted"), .text(scoreParts.joined(separator: "，") + gradeText)),
            o.comment.isEmpty ? .empty : .p(.class("prewrap"), .text(o.comment)),
            removeButton("observation", o.id))
    }

    var observationForm: Node<HTML.DetailsContext> {
        let s = "observations"
        return .form(
            .method(.post), .action(SiteURL.visitSection(r.id, s).path),
            .csrf(ctx.csrf),
            .selectField(
                "类型", name: "kind", options: r.profile.observationKinds.map { ($0.rawValue, $0.label) },
                selected: typed("kind", in: s, else: "lesson"), blank: nil),
            .field(
                "班级（听课时必填）", name: "className", value: typed("className", in: s), error: err("className", in: s),
                hint: r.profile.classExample),
            .field("学科（听课时必填）", name: "subject", value: typed("subject", in: s), error: err("subject", in: s)),
            .field("授课教师", name: "teacher", value: typed("teacher", in: s), error: err("teacher", in: s)),
            .field(
                "课题 / 活动主题", name: "topic", value: typed("topic", in: s), error: err("topic", in: s), required: true),
            scoring("课堂教学质量评估", save: "保存听课记录"))
    }

    /// The rubric's score boxes, the comment and the save button, shared by a lesson and a 保教活动.
    func scoring(_ title: String, save: String) -> Node<HTML.FormContext> {
        let s = "observations"
        let rubric = r.rubric
        return .group(
            .fieldset(
                .class("rubric"),
                .legend("\(title)（满分\(rubric.total)分，可只填部分）"),
                .forEach(rubric.dimensions) { d in
                    .field(
                        "\(d.name)（0–\(d.max)）", name: "scores[\(d.name)]", value: typed("scores[\(d.name)]", in: s),
                        error: err("score_" + d.name, in: s),
                        type: "number", attrs: [("min", "0"), ("max", String(d.max)), ("inputmode", "numeric")])
                }),
            .textareaField(
                "评价意见", name: "comment", value: typed("comment", in: s), error: err("comment", in: s), limit: 2000),
            .button(.type(.submit), .class("btn primary"), .text(save)))
    }

    /// A kindergarten's 保教活动 (一日活动): a class, the kind of activity, its name, the kindergarten rubric.
    var activityForm: Node<HTML.DetailsContext> {
        let s = "observations"
        return .form(
            .method(.post), .action(SiteURL.visitSection(r.id, s).path),
            .csrf(ctx.csrf), .hidden("kind", ObservationKind.activity.rawValue),
            .field(
                "班级", name: "className", value: typed("className", in: s), error: err("className", in: s),
                required: true, hint: r.profile.classExample),
            .selectField(
                "活动类型", name: "subject", options: KindergartenActivity.kinds.map { ($0, $0) },
                selected: typed("subject", in: s), error: err("subject", in: s), required: true),
            .field("组织教师", name: "teacher", value: typed("teacher", in: s), error: err("teacher", in: s)),
            .field(
                "活动名称", name: "topic", value: typed("topic", in: s), error: err("topic", in: s), required: true,
                hint: "如：区域游戏“小超市”、午餐与午睡、科学活动“会跳舞的纸蛇”"),
            scoring("保教活动评估", save: "保存观察记录"))
    }

    // MARK: - 访谈

    var interviews: Node<HTML.BodyContext> {
        let s = "interviews"
        let counts = r.profile.interviewGroups.map { "\($0.label)\(r.interviewed[$0] ?? 0)人" }
        return .section(
            .class("card"), .id(s),
            .h2(.text("访谈（" + counts.joined(separator: " · ") + "）")),
            .forEach(r.interviews, interview),
            editable ? addForm(s, "＋ 添加访谈", interviewForm) : .empty)
    }

    func interview(_ i: VisitDetail.Record.Interview) -> Node<HTML.BodyContext> {
        .div(
            .class("item"),
            .p(
                .class("item-title"), .badge(i.group.label), .text(" \(i.people)人"),
                i.isInternal ? .badge("内部", "muted") : .empty),
            i.notes.isEmpty ? .empty : .p(.class("prewrap"), .text(i.notes)),
            removeButton("interview", i.id))
    }

    var interviewForm: Node<HTML.DetailsContext> {
        let s = "interviews"
        return .form(
            .method(.post), .action(SiteURL.visitSection(r.id, s).path),
            .csrf(ctx.csrf),
            .selectField(
                "访谈对象", name: "group", options: r.profile.interviewGroups.map { ($0.rawValue, $0.label) },
                selected: typed("group", in: s), error: err("group", in: s), required: true),
            .field(
                "人数", name: "people", value: typed("people", in: s), error: err("people", in: s), type: "number",
                required: true,
                attrs: [("min", "1"), ("inputmode", "numeric")]),
            .textareaField(
                r.profile.isKindergarten ? "访谈内容（可不写姓名）" : "访谈内容（可不写姓名，学生一律匿名）", name: "notes",
                value: typed("notes", in: s),
                error: err("notes", in: s), limit: 3000),
            .label(
                .class("check"),
                .input(
                    .type(.checkbox), .name("internalOnly"), .value("on"),
                    .checked(typed("internalOnly", in: s) == "on")),
                .text(" 仅内部可见（学校看不到这条记录）")),
            .button(.type(.submit), .class("btn primary"), .text("保存访谈")))
    }

    // MARK: - 查阅资料与检查

    var checks: Node<HTML.BodyContext> {
        let s = "checks"
        return .section(
            .class("card"), .id(s),
            .h2(.text(r.profile.isKindergarten ? "查阅资料与保教检查" : "查阅资料与“五项管理”“双减”检查")),
            checksSummary,
            editable ? addForm(s, "填写检查情况", checksForm) : .empty)
    }

    var checksSummary: Node<HTML.BodyContext> {
        let c = r.checks
        let findings = c.findings
        return .group(
            .p(.text("已查阅：" + (c.documents.isEmpty ? "—" : c.documents.joined(separator: "、")))),
            c.documentNotes.isEmpty ? .empty : .p(.class("prewrap"), .text(c.documentNotes)),
            findings.isEmpty
                ? .empty
                : .ul(
                    .class("findings"),
                    .forEach(findings) { f in
                        .li(.class(f.ok ? "ok" : "bad"), .text((f.ok ? "✓ " : "✗ ") + f.item + "：" + f.message))
                    }))
    }

    var checksForm: Node<HTML.DetailsContext> {
        let s = "checks"
        let c = r.checks
        let ticked = model.failure?.section == s ? (model.failure?.lists["documents[]"] ?? []) : c.documents
        return .form(
            .method(.post), .action(SiteURL.visitSection(r.id, s).path),
            .csrf(ctx.csrf),
            .fieldset(
                .legend(r.profile.marksHomework ? "查阅资料（常规督导必查教师作业批改）" : "查阅资料"),
                .forEach(model.documents) { item in
                    .label(
                        .class("check"),
                        .input(
                            .type(.checkbox), .name("documents[]"), .value(item), .checked(ticked.contains(item))),
                        .text(" " + item))
                },
                .textareaField(
                    "查阅情况", name: "documentNotes", value: typed("documentNotes", in: s, else: c.documentNotes),
                    error: err("documentNotes", in: s), limit: 2000)),
            r.profile.checksWorkload ? workloadFields(c.workload) : kindergartenFields(c.kindergarten ?? .init()),
            .button(.type(.submit), .class("btn primary"), .text("保存检查情况")))
    }

    // MARK: - 主题检查表

    var checklist: Node<HTML.BodyContext> {
        guard let list = r.checklist else { return .empty }
        let s = "checklist"
        let t = list.record?.tally(list.items)
        return .section(
            .class("card"), .id(s),
            .h2(.text("主题检查表：\(list.name)")),
            t.map { t in
                .p(
                    .text("\(list.items.count) 项：符合 \(t.met)，不符合 \(t.notMet)，不适用 \(t.notApplicable)"),
                    .text(t.unanswered > 0 ? "，未检查 \(t.unanswered)" : ""))
            } ?? .p(.class("hint"), .text("本月主题指定了这份检查表，逐项填写符合、不符合或不适用；不符合的写明发现的情况。")),
            editable ? addForm(s, list.record == nil ? "填写检查表" : "修改检查表", checklistForm(list)) : checklistTable(list))
    }

    func checklistTable(_ list: VisitChecklist) -> Node<HTML.BodyContext> {
        let entries = list.record?.entries ?? [:]
        return .dataTable(
            ["项目", "结论", "说明"],
            list.items.compactMap { item in
                guard let e = entries[item.code] else { return nil }
                return [
                    .text("\(item.code) \(item.title)"),
                    e.verdict.map { .badge($0.label, $0 == .notMet ? "danger" : ($0 == .met ? "ok" : "")) }
                        ?? .text("—"),
                    .text(e.note),
                ]
            }, empty: "没有填写")
    }

    func checklistForm(_ list: VisitChecklist) -> Node<HTML.DetailsContext> {
        let s = "checklist"
        let entries = list.record?.entries ?? [:]
        let choices = ChecklistVerdict.allCases.map { (value: $0.rawValue, label: $0.label) }
        return .form(
            .method(.post), .action(SiteURL.visitSection(r.id, s).path),
            .csrf(ctx.csrf),
            .forEach(list.areas) { area in
                .fieldset(
                    .legend(area.area),
                    .forEach(area.items) { item in
                        let verdict = ThemeChecklist.verdictField(item.code)
                        let note = ThemeChecklist.noteField(item.code)
                        return .div(
                            .class("check-item"),
                            .p(.strong(.text("\(item.code) \(item.title)"))),
                            item.guidance.map { .p(.class("hint"), .text($0)) } ?? .empty,
                            .radios(
                                verdict, choices,
                                selected: typed(verdict, in: s, else: entries[item.code]?.verdict?.rawValue ?? "")),
                            .errorText(verdict, err(verdict, in: s)),
                            .field(
                                "说明", name: note, value: typed(note, in: s, else: entries[item.code]?.note ?? ""),
                                error: err(note, in: s)))
                    })
            },
            .button(.type(.submit), .class("btn primary"), .text("保存检查表")))
    }

    func yesNo(_ name: String, _ label: String, _ value: Bool?) -> Node<HTML.FormContext> {
        let selected: String = typed(name, in: "checks", else: value.map { $0 ? "yes" : "no" } ?? "")
        return .selectField(
            label, name: name, options: [("yes", "符合"), ("no", "不符合")], selected: selected, blank: "未检查")
    }

    func workloadFields(_ w: WorkloadObservation) -> Node<HTML.FormContext> {
        let s = "checks"
        let bands: [(String, String)] = r.profile.gradeBands.map { ($0.rawValue, $0.label) }
        let homework: String = w.homeworkMinutes.map { String($0) } ?? ""
        let sleep: String = w.sleepHours.map { String($0) } ?? ""
        let pe: String = w.peLessonsPerWeek.map { String($0) } ?? ""
        let fields: [Node<HTML.FormContext>] = [
            .legend("五项管理与双减（只填检查了的项目）"),
            .selectField(
                "年级段", name: "band", options: bands, selected: typed("band", in: s, else: w.band?.rawValue ?? ""),
                error: err("band", in: s),
                blank: "未选择"),
            .field(
                "书面作业平均时长（分钟/天）", name: "homeworkMinutes", value: typed("homeworkMinutes", in: s, else: homework),
                error: err("homeworkMinutes", in: s),
                type: "number",
                attrs: [("inputmode", "numeric")]),
            .field(
                "学生睡眠时间（小时）", name: "sleepHours", value: typed("sleepHours", in: s, else: sleep),
                error: err("sleepHours", in: s), type: "number",
                attrs: [("step", "0.5"), ("inputmode", "decimal")]),
            .field(
                "第一节课开始时间", name: "firstLesson", value: typed("firstLesson", in: s, else: w.firstLesson ?? ""),
                error: err("firstLesson", in: s),
                type: "time"),
            .field(
                "每周体育课节数", name: "peLessons", value: typed("peLessons", in: s, else: pe),
                error: err("peLessons", in: s), type: "number",
                attrs: [("inputmode", "numeric")]),
            yesNo("phones", "手机管理", w.phonesManaged),
            yesNo("reading", "读物管理（审核备案）", w.readingFiled),
            yesNo("exercise", "每天1小时体育锻炼", w.exerciseHour),
            r.profile.checksAfterSchoolService ? yesNo("afterSchool", "课后服务时间", w.afterSchoolService) : .empty,
        ]
        return .fieldset(.class("form-grid"), .group(fields))
    }

    /// The kindergarten checks (rules.md §5): 小学化倾向, care, food, safety, the 师幼比, qualifications, fees.
    func kindergartenFields(_ k: KindergartenObservation) -> Node<HTML.FormContext> {
        let s = "checks"
        let numeric: [(String, String?)] = [("min", "0"), ("inputmode", "numeric")]
        return .fieldset(
            .class("form-grid"),
            .legend("保教检查（只填检查了的项目）"),
            yesNo("kgHomework", "不布置书面作业、不测试排名", k.noWrittenHomework),
            yesNo("kgPrimaryContent", "不提前教授小学内容", k.noPrimaryContent),
            yesNo("kgCare", "保育与卫生保健（晨午检、消毒）", k.careAndHealth),
            yesNo("kgFood", "食品安全（采购、留样）", k.foodSafety),
            yesNo("kgSafety", "安全防护（园舍设施、接送）", k.safetyProtection),
            .field(
                "查看班级幼儿人数", name: "kgChildren",
                value: typed("kgChildren", in: s, else: k.children.map(String.init) ?? ""),
                error: err("kgChildren", in: s), type: "number", attrs: numeric),
            .field(
                "在岗保教人员人数", name: "kgStaff", value: typed("kgStaff", in: s, else: k.careStaff.map(String.init) ?? ""),
                error: err("kgStaff", in: s), type: "number", hint: "计算师幼比，标准1:7至1:9", attrs: numeric),
            yesNo("kgQualified", "保教人员持证上岗", k.staffQualified),
            yesNo("kgFees", "收费项目和标准公示", k.feesPublished))
    }

    // MARK: - 检查未达标项: each offered as a problem

    var findingOffers: Node<HTML.BodyContext> {
        guard !model.pendingFindings.isEmpty else { return .empty }
        return .section(
            .class("card"), .id("findings"),
            .h2(.text("检查未达标项（\(model.pendingFindings.count)）")),
            .p(.class("hint"), .text("每一项请“记为问题”（纳入整改），或写明不作为问题的理由；全部处理后才能提交。")),
            .errorText("f-findings", err("findings", in: "findings")),
            .forEach(model.pendingFindings) { f in
                .div(
                    .class("item"),
                    .p(.class("item-title"), .badge(f.item, "warn"), .text(" " + f.message)),
                    .form(
                        .method(.post), .action(SiteURL.visitSection(r.id, "findings").path), .class("inline"),
                        .csrf(ctx.csrf), .hidden("message", f.message), .hidden("decision", "record"),
                        .button(.type(.submit), .class("btn primary"), .text("记为问题"))),
                    .form(
                        .method(.post), .action(SiteURL.visitSection(r.id, "findings").path),
                        .csrf(ctx.csrf), .hidden("message", f.message), .hidden("decision", "dismiss"),
                        .field(
                            "不作为问题的理由", name: "reason",
                            value: typed("message", in: "findings") == f.message ? typed("reason", in: "findings") : "",
                            error: typed("message", in: "findings") == f.message ? err("reason", in: "findings") : nil),
                        .button(.type(.submit), .class("btn secondary"), .text("不作为问题"))))
            })
    }

    // MARK: - 存在问题

    var problems: Node<HTML.BodyContext> {
        let s = "problems"
        return .section(
            .class("card"), .id(s),
            .h2(.text("存在问题（\(r.problems.count)）")),
            .forEach(r.problems, problem),
            editable ? addForm(s, "＋ 记录问题", problemForm) : .empty)
    }

    func problem(_ p: VisitDetail.Record.Problem) -> Node<HTML.BodyContext> {
        let mayIssue = !r.isDraft && model.issuesNotices && p.disposition == .rectify && p.state == .open
        let notice: Node<HTML.BodyContext> =
            p.noticeID.map { id -> Node<HTML.BodyContext> in .link(SiteURL.notice(id).path, "查看整改通知书") }
            ?? (mayIssue
                ? .link(SiteURL.noticeNew.with([("school", String(p.schoolID)), ("problem", String(p.id))]), "下达整改通知")
                : .empty)
        return .div(
            .class("item"),
            .p(
                .class("item-title"), .badge(p.category), .badge(p.severity.label, p.severity == .minor ? "" : "warn"),
                .badge(p.disposition.label, "muted"), .badge(p.state.label, p.state == .open ? "warn" : "ok")),
            .p(.class("prewrap"), .text(p.description)),
            thumbs(r.photos(of: .problem(p.id))),
            notice,
            removeButton("problem", p.id))
    }

    /// Small photos under the thing they show.
    func thumbs(_ photos: [VisitDetail.Record.Photo]) -> Node<HTML.BodyContext> {
        guard !photos.isEmpty else { return .empty }
        return .div(
            .class("thumbs small"),
            .forEach(photos) { p in
                let url = SiteURL.visitPhoto(r.id, p.id).path
                return .a(
                    .href(url),
                    .img(
                        .src(url), .alt(p.caption.isEmpty ? r.label(of: p.subject) : p.caption),
                        .attribute(named: "loading", value: "lazy")))
            })
    }

    static func dispositionLabel(_ d: ProblemDisposition) -> String {
        d.label + (d == .rectify ? "（发整改通知）" : d == .refer ? "（移交局相关科室）" : "（仅提建议）")
    }

    var problemForm: Node<HTML.DetailsContext> {
        let s = "problems"
        return .form(
            .method(.post), .action(SiteURL.visitSection(r.id, s).path),
            .csrf(ctx.csrf),
            .selectField(
                "问题类别", name: "category", options: model.categories.map { ($0, $0) },
                selected: typed("category", in: s),
                error: err("category", in: s),
                required: true),
            .selectField(
                "严重程度", name: "severity", options: ProblemSeverity.allCases.map { ($0.rawValue, $0.label) },
                selected: typed("severity", in: s, else: "minor"),
                error: err("severity", in: s), required: true, blank: nil),
            .selectField(
                "处理方式", name: "disposition",
                options: ProblemDisposition.allCases.map { ($0.rawValue, Self.dispositionLabel($0)) },
                selected: typed("disposition", in: s, else: "rectify"), error: err("disposition", in: s),
                required: true, blank: nil),
            .textareaField(
                "问题描述", name: "description", value: typed("description", in: s), error: err("description", in: s),
                rows: 3, required: true, limit: 2000),
            .button(.type(.submit), .class("btn primary"), .text("保存问题")))
    }

    // MARK: - 照片

    var photos: Node<HTML.BodyContext> {
        let s = "photos"
        return .section(
            .class("card"), .id(s),
            .h2(.text("照片（\(r.photos.count)）")),
            .div(.class("thumbs"), .forEach(r.photos, photo)),
            editable ? photoForm : .empty)
    }

    func photo(_ p: VisitDetail.Record.Photo) -> Node<HTML.BodyContext> {
        let url = SiteURL.visitPhoto(r.id, p.id).path
        return .figure(
            .a(
                .href(url),
                .img(
                    .src(url), .alt(p.caption.isEmpty ? "督导照片" : p.caption), .attribute(named: "loading", value: "lazy")
                )),
            .figcaption(
                [p.caption, r.label(of: p.subject), p.takenAt.map(Format.date) ?? ""].filter { !$0.isEmpty }
                    .joined(separator: " · ")),
            removeButton("photo", p.id)
        )
    }

    /// The problems and observations a photo may show, newest problem first (the one just found).
    var photoSubjects: [(String, String)] {
        (r.problems.reversed().map { PhotoSubject.problem($0.id) }
            + r.observations.map { PhotoSubject.observation($0.id) })
            .map { ($0.formValue, r.label(of: $0)) }
    }

    var photoForm: Node<HTML.BodyContext> {
        let s = "photos"
        return .form(
            .method(.post), .action(SiteURL.visitSection(r.id, s).path), .enctype(.multipartData),
            .class("inline-upload"),
            .csrf(ctx.csrf),
            .label(.for("photo"), .text("拍照或选择照片（JPG/PNG，不超过8MB）")),
            .input(
                .type(.file), .id("photo"), .name("photo"), .attribute(named: "accept", value: "image/*"),
                .attribute(named: "capture", value: "environment"), .data(named: "downscale", value: "1600")),
            .selectField(
                "这张照片拍的是", name: "about", options: photoSubjects, selected: typed("about", in: s),
                error: err("about", in: s), blank: "督导现场（不指定）"),
            .field("照片说明", name: "caption", value: typed("caption", in: s), error: err("caption", in: s)),
            .errorText("f-photo", err("photo", in: s)),
            .button(.type(.submit), .class("btn secondary"), .text("上传")))
    }

    // MARK: - Submit and amend

    var submitCard: Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("submit"),
            .h2(.text("提交")),
            .p(.text("提交后记录锁定，学校可以看到（标记为内部的访谈除外）；之后如需修改只能“更正”并说明原因。")),
            .postButton(
                SiteURL.visitSubmit(r.id).path, "提交督导记录", csrf: ctx.csrf, confirm: "提交后不能直接修改，确定提交？", style: "primary"),
            .p(.class("hint"), .text("误建的草稿可以删除，删除后其中的听课、访谈、问题和照片一并删除。")),
            .postButton(
                SiteURL.visitDelete(r.id).path, "删除草稿", csrf: ctx.csrf, confirm: "删除后不能恢复，确定删除这份草稿？",
                style: "danger"))
    }

    var amendments: Node<HTML.BodyContext> {
        guard !r.isDraft else { return .empty }
        return .section(
            .class("card"), .id("amendments"),
            .h2(.text("更正记录")),
            .dataTable(["时间", "更正人", "原因", "内容"], r.amendments.map(amendment), empty: "没有更正"),
            model.mayAmend ? addForm("amend", "更正本记录", amendForm) : .empty)
    }

    func amendment(_ a: VisitDetail.Record.Amendment) -> [Node<HTML.BodyContext>] {
        [
            .text(Format.date(a.at)), .text(a.userName), .text(a.reason),
            .ul(
                .class("changes"),
                .forEach(a.changes) { .li(.text("\($0.field)：\($0.before ?? "") → \($0.after ?? "")")) }),
        ]
    }

    var amendForm: Node<HTML.DetailsContext> {
        let s = "amend"
        return .form(
            .method(.post), .action(SiteURL.visitAmend(r.id).path),
            .csrf(ctx.csrf),
            .field("主题", name: "theme", value: typed("theme", in: s, else: r.theme)),
            .textareaField(
                "督导情况", name: "summary", value: typed("summary", in: s, else: r.summary),
                error: err("summary", in: s), rows: 5, limit: 5000),
            .textareaField(
                "亮点", name: "highlights", value: typed("highlights", in: s, else: r.highlights), rows: 3, limit: 2000),
            .field(
                "更正原因", name: "reason", value: typed("reason", in: s), error: err("reason", in: s), required: true),
            .button(.type(.submit), .class("btn primary"), .text("保存更正")))
    }
}
