import DudaoCore
import Plot

/// 登记电话投诉: when the call came, who called, about which school, what was said.
struct PhoneLogView {
    let ctx: PageContext
    let model: PhoneLog

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let v = model.values
        let errors = model.errors
        return Layout.document(
            "登记电话投诉", ctx,
            [
                .h1(.text("登记电话投诉")),
                .errorSummary(errors),
                .form(
                    .method(.post), .action(SiteURL.complaints.path), .class("card"),
                    .csrf(ctx.csrf),
                    .field(
                        "来电日期", name: "receivedAt", value: v.receivedAt ?? "", error: errors.message(for: "receivedAt"),
                        type: "date",
                        required: true),
                    .field(
                        "来电时间", name: "receivedTime", value: v.receivedTime ?? "",
                        error: errors.message(for: "receivedTime"), type: "time"),
                    .field("来电人", name: "name", value: v.name ?? "", error: errors.message(for: "name")),
                    .field(
                        "来电号码", name: "phone", value: v.phone ?? "", error: errors.message(for: "phone"), type: "tel"),
                    .complaintSubject(
                        v, schools: model.schools, categories: model.categories, district: "（区教育局或全区性问题）",
                        errors: errors),
                    .textareaField(
                        "来电内容", name: "content", value: v.content ?? "", error: errors.message(for: "content"), rows: 5,
                        required: true, limit: 2000),
                    .button(.type(.submit), .class("btn primary"), .text("登记"))),
            ])
    }
}
