import DudaoCore
import Plot

/// 作出问责决定 as a page.
struct AccountabilityFormView {
    let ctx: PageContext
    let model: AccountabilityForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let f = model.input
        let e = model.errors
        let s = model.source
        return Layout.document(
            "作出问责决定", ctx,
            [
                .h1(.text("作出问责决定")),
                s.path.map { .p(.text("事项："), .link($0, s.label)) } ?? .empty,
                .p(
                    .class("hint"),
                    .text("决定送达后，问责对象可在\(Accountability.appealDays)日内申辩；督导室在申辩后或申辩期满后作出维持、变更或撤销的处理。")),
                .errorSummary(e),
                .form(
                    .method(.post), .action(SiteURL.accountability.path), .class("card"),
                    .csrf(ctx.csrf),
                    .hidden("source", s.kind.rawValue), .hidden("sourceID", s.id.map(String.init) ?? ""),
                    .selectField(
                        "问责对象", name: "target",
                        options: AccountabilityTarget.allCases.map { ($0.rawValue, $0.label) }, selected: f.target,
                        error: e.message(for: "target"), required: true),
                    .field(
                        "对象名称", name: "targetName", value: f.targetName, error: e.message(for: "targetName"),
                        required: true, hint: "单位写全称；个人写姓名及职务"),
                    .selectField(
                        "问责方式", name: "measure",
                        options: AccountabilityMeasure.allCases.map {
                            ($0.rawValue, "\($0.label)（\($0.target.label)）")
                        },
                        selected: f.measure, error: e.message(for: "measure"), required: true),
                    .textareaField(
                        "问责事由", name: "reason", value: f.reason, error: e.message(for: "reason"), rows: 5,
                        required: true, limit: 2000),
                    .field(
                        "文号", name: "documentNumber", value: f.documentNumber, error: e.message(for: "documentNumber"),
                        required: true, hint: "如：城督问〔2026〕1号"),
                    .field(
                        "决定日期", name: "decidedOn", value: f.decidedOn, error: e.message(for: "decidedOn"), type: "date",
                        required: true),
                    .div(
                        .class("form-actions"),
                        .button(.type(.submit), .class("btn primary"), .text("作出决定并送达")),
                        .link(SiteURL.accountability.path, "取消"))),
            ])
    }
}
