import DudaoCore
import Plot

/// 发布督导任务: kind, title, system, window, targets and the team.
struct CampaignNewView {
    let ctx: PageContext
    let model: CampaignNewForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func value(_ name: String) -> String { model.values[name] ?? "" }
    func chosen(_ name: String) -> Set<String> { Set(model.lists[name] ?? []) }

    func document() -> FramedDocument {
        let m = model
        let e = m.errors
        return Layout.document(
            "发布督导任务", ctx,
            [
                .p(.link(SiteURL.campaigns.path, "‹ 督导任务")),
                .h1(.text("发布督导任务")),
                .errorSummary(e),
                .form(
                    .method(.post), .action(SiteURL.campaigns.path), .class("card"), .csrf(ctx.csrf),
                    .field(
                        "任务名称", name: "title", value: value("title"), error: e.message(for: "title"), required: true),
                    .selectField(
                        "督导类型", name: "kind", options: CampaignKind.allCases.map { ($0.rawValue, $0.label) },
                        selected: value("kind"), error: e.message(for: "kind"), required: true),
                    .p(.class("hint"), .text("综合督导按《教育督导条例》全部程序进行，督导组不少于 3 人；专项、开学和随机督导直接实地督导。随机督导不提前通知。")),
                    .selectField(
                        "指标体系", name: "version", options: m.systems.map { ($0.value, $0.label) },
                        selected: value("version"), error: e.message(for: "version"), required: true),
                    .field(
                        "开始日期", name: "startsOn", value: value("startsOn"), error: e.message(for: "startsOn"),
                        type: "date", required: true),
                    .field(
                        "结束日期", name: "endsOn", value: value("endsOn"), error: e.message(for: "endsOn"), type: "date",
                        required: true),
                    .checkbox("提前书面通知督导对象（随机督导不勾选）", name: "announced", checked: !value("announced").isEmpty),
                    .field(
                        "市级抽评比例（%）", name: "recheckPercent", value: value("recheckPercent"),
                        error: e.message(for: "recheckPercent"), type: "number",
                        hint: "仅评估考核：区（县）复评全部确定后，由市级督导室按此比例随机抽取对象抽评；自评、区（县）复评和市级抽评的分数都保留。不抽评留空。",
                        attrs: [("min", "0"), ("max", "100"), ("step", "1"), ("inputmode", "numeric")]),
                    .fieldset(
                        .legend("督导对象"),
                        .selectField(
                            "对象类别", name: "targetKind", options: TargetKind.allCases.map { ($0.rawValue, $0.label) },
                            selected: value("targetKind"), error: e.message(for: "targetKind"), required: true),
                        .p(.class("hint"), .text("学校：不勾选学段时为全部中小学；幼儿园：全部幼儿园；镇（乡、街道）：不勾选时为全部；县（区）人民政府：本区。")),
                        .div(
                            .class("checks"),
                            .forEach(SchoolType.allCases.filter { $0 != .kindergarten }) {
                                .checkbox(
                                    $0.label, name: "schoolTypes[]", value: $0.rawValue,
                                    checked: chosen("schoolTypes").contains($0.rawValue))
                            }),
                        .h3(.text("镇（乡、街道）")),
                        .div(
                            .class("checks"),
                            .forEach(m.townships) {
                                .checkbox(
                                    $0.label, name: "townships[]", value: $0.value,
                                    checked: chosen("townships").contains($0.value))
                            })),
                    .fieldset(
                        .legend("督导组"),
                        .selectField(
                            "组长", name: "lead", options: m.people.map { ($0.value, $0.label) }, selected: value("lead"),
                            error: e.message(for: "lead"), required: true),
                        e.message(for: "members").map { .p(.class("error"), .text($0)) } ?? .empty,
                        .div(
                            .class("checks"),
                            .forEach(m.people) {
                                .checkbox(
                                    $0.label, name: "members[]", value: $0.value,
                                    checked: chosen("members").contains($0.value))
                            })),
                    .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("发布任务")))),
            ])
    }
}
