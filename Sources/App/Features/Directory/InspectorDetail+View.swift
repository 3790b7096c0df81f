import DudaoCore
import Plot

/// An inspector's page: facts and photo, warnings, the schools they hold, their terms, the audit trail.
struct InspectorDetailView {
    let ctx: PageContext
    let model: InspectorDetail

    func render() -> Page { Page(document()) }

    func document() -> FramedDocument {
        let i = model.inspector
        let n = model.currentSchools
        return Layout.document(
            i.name, ctx,
            [
                .div(
                    .class("page-head"),
                    .h1(.text(i.name), i.status == .retired ? .badge("离任", "muted") : .empty),
                    .div(
                        .class("actions"),
                        model.mayEdit && i.status == .active
                            ? .group(
                                .button(SiteURL.inspectorEdit(i.id).path, "编辑"),
                                .postButton(
                                    SiteURL.inspectorDeactivate(i.id).path, "设为离任", csrf: ctx.csrf,
                                    confirm: "设为离任后，其负责的学校将解除挂牌。确定吗？", style: "danger"))
                            : .empty)),
                .warning(model.termWarning),
                .warning(model.dutyWarning),
                .warning(n > model.limit ? "该督学负责 \(n) 所学校，超过本区设定的 \(model.limit) 所。" : nil),
                .section(
                    .class("card"),
                    .div(
                        .class("person"),
                        .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }, size: "large"),
                        .facts([
                            ("聘任方式", i.kind.label), ("督学类别", InspectorDuty.labels(i.roles)), ("性别", i.gender.label),
                            ("手机号", i.phone), ("工作单位", i.employer),
                            ("职务", i.post),
                            (
                                "聘期",
                                [Format.day(i.termStart), Format.day(i.termEnd)].filter { !$0.isEmpty }.joined(
                                    separator: " 至 ")
                            ),
                            ("职责", i.duties), ("状态", i.status.label), ("登录账号", i.account ?? "未关联"),
                        ])),
                    model.mayEdit ? photoForm : .empty),
                .section(
                    .class("card"),
                    .h2(.text("负责学校（\(n) 所）")),
                    .dataTable(
                        ["学校", "类型", "挂牌开始", "挂牌结束"],
                        model.assignments.map { a in
                            [
                                a.school.map { .link(SiteURL.school($0.id).path, $0.name) } ?? .text("—"),
                                .text(a.schoolType?.label ?? ""), .text(Format.day(a.start)),
                                a.end == nil ? .badge("至今", "ok") : .text(Format.day(a.end)),
                            ]
                        }, empty: "暂无挂牌学校")),
                .section(
                    .class("card"),
                    .h2(.text("聘任记录")),
                    .dataTable(
                        ["开始", "结束"], model.terms.map { [.text(Format.day($0.start)), .text(Format.day($0.end))] },
                        empty: "暂无聘期记录")),
                .auditTrail(model.audit),
            ])
    }

    var photoForm: Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.inspectorPhoto(model.inspector.id).path), .enctype(.multipartData),
            .class("inline-upload"),
            .csrf(ctx.csrf),
            .label(.for("photo"), .text("更换照片（JPG/PNG，不超过3MB）")),
            .input(
                .type(.file), .id("photo"), .name("photo"),
                .attribute(named: "accept", value: "image/jpeg,image/png,image/webp")),
            .button(.type(.submit), .class("btn secondary"), .text("上传")))
    }
}
