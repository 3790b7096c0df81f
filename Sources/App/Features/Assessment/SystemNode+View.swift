import DudaoCore
import Plot

/// One node of a draft as a form: what it is, how it is scored, whether it vetoes, what evidence it needs.
struct SystemNodeView {
    let ctx: PageContext
    let model: SystemNodeForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func value(_ name: String) -> String { model.values[name] ?? "" }

    func document() -> FramedDocument {
        let m = model
        let title = m.original == nil ? "新增指标" : "修改指标 \(m.original!)"
        let forms = ["是否", "分值", "扣分", "等级", "达标值", "问卷", "排名", "督导结果", "文字"]
        return Layout.document(
            title, ctx,
            [
                .p(.link(SiteURL.system(m.id).path, "‹ \(m.systemName)（第\(m.version)版草稿）")),
                .h1(.text(title)),
                m.errors.isEmpty
                    ? .empty
                    : .div(
                        .class("error-summary"), .attribute(named: "role", value: "alert"),
                        .p(.text("请修改以下内容：")), .ul(.forEach(m.errors) { .li(.text($0)) })),
                .form(
                    .method(.post), .action(SiteURL.systemAction(m.id, "node").path), .class("card"),
                    .csrf(ctx.csrf), .hidden("original", m.original ?? ""),
                    .fieldset(
                        .legend("指标"),
                        .field("编码", name: "code", value: value("code"), required: true, hint: "如 1、1.2、1.2.3，本体系内不重复"),
                        .selectField(
                            "上级指标", name: "parent", options: m.parents.map { ($0.code, "\($0.code) \($0.title)") },
                            selected: value("parent"), blank: "（无，作为一级指标）"),
                        .field("名称", name: "title", value: value("title"), required: true),
                        .textareaField("评分说明", name: "guidance", value: value("guidance"), rows: 3, limit: 2000),
                        .field(
                            "权重", name: "weight", value: value("weight"),
                            hint: "留空时：检查项按其满分，上级指标按下级之和；不适用的项目由同级按权重分摊",
                            attrs: [("inputmode", "decimal")])),
                    .fieldset(
                        .legend("评分方式（只有最末一级的检查项评分）"),
                        .selectField(
                            "评分方式", name: "form", options: forms.map { ($0, $0) }, selected: value("form"),
                            blank: "（有下级指标，不评分）"),
                        .showFor(
                            "form", "是否|分值|扣分|达标值|问卷|督导结果",
                            .field(
                                "分值", name: "points", value: value("points"), hint: "是否、分值、扣分、达标值、问卷、督导结果：该项满分",
                                attrs: [("inputmode", "decimal")])),
                        .showFor(
                            "form", "扣分",
                            .field(
                                "每处扣分", name: "per", value: value("per"), hint: "扣分：每发现一处扣的分数，扣完为止",
                                attrs: [("inputmode", "decimal")])),
                        .showFor(
                            "form", "等级",
                            .field("等级", name: "levels", value: value("levels"), hint: "等级：如 A=10；B=8；C=6；D=3（第一档最好）")),
                        .showFor(
                            "form", "达标值",
                            .field("达标条件", name: "condition", value: value("condition"), hint: "达标值：如 ≥85、≤60 或 8~10")),
                        .showFor(
                            "form", "达标值",
                            .field("分学校类型", name: "byType", value: value("byType"), hint: "达标值：不同学段标准不同时，如 小学≤60；初中≤90")
                        ),
                        .showFor(
                            "form", "问卷",
                            .field("问卷题目", name: "question", value: value("question"), hint: "问卷：取自哪一题，如 满意度")),
                        .showFor(
                            "form", "问卷",
                            .field("满意选项", name: "positive", value: value("positive"), hint: "问卷：计为满意的选项，如 满意、比较满意")),
                        .showFor(
                            "form", "问卷", .field("达标比例", name: "share", value: value("share"), hint: "问卷：如 85%，不足按比例得分")
                        ),
                        .showFor(
                            "form", "排名",
                            .field(
                                "名次分", name: "rankPoints", value: value("rankPoints"), hint: "排名：如 10/8/6/4，并列者平分名次分")),
                        .showFor(
                            "form", "排名",
                            .selectField(
                                "排名方向", name: "rankOrder",
                                options: [("高者优先", "数值高者排前"), ("低者优先", "数值低者排前")],
                                selected: value("rankOrder"), blank: nil)),
                        .showFor(
                            "form", "督导结果",
                            .field(
                                "来源指标体系", name: "campaignSource", value: value("campaignSource"),
                                hint: "督导结果：按本年度用该指标体系（写名称）开展的督导得分率折算，如 开学工作“十个到位”综合督导检查表"))),
                    .fieldset(
                        .legend("否决与佐证"),
                        .selectField(
                            "一票否决", name: "veto", options: m.bands.map { ($0, "未达到时最高评为「\($0)」") },
                            selected: value("veto"), blank: "（不是否决项）"),
                        .field(
                            "佐证类型", name: "evidenceKinds", value: value("evidenceKinds"),
                            hint: "如 pdf/jpg，可选 pdf、jpg、png、docx、xlsx"),
                        .field(
                            "佐证份数", name: "evidenceCount", value: value("evidenceCount"),
                            attrs: [("inputmode", "numeric")]),
                        .field("佐证说明", name: "evidenceNote", value: value("evidenceNote"))),
                    .div(
                        .class("form-actions"),
                        .button(.type(.submit), .class("btn primary"), .text("保存到草稿")),
                        .link(SiteURL.system(m.id).path, "取消"))),
            ])
    }
}
