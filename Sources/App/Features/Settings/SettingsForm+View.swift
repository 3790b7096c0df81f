import DudaoCore
import Plot

/// 督导设置: the office, the public disclosure, the 六个一 standard, rubric and categories, rectification and
/// escalation, complaint time limits, holidays and the webhook.
struct SettingsFormView {
    let ctx: PageContext
    let model: SettingsForm

    func render() -> Page { Page(document(), status: model.errors.isEmpty ? 200 : 422) }

    func document() -> FramedDocument {
        let f = model.input
        let c = f.compliance
        let errors = model.errors
        func err(_ field: String) -> String? { errors.message(for: field) }
        let numeric: [(String, String?)] = [("inputmode", "numeric")]
        return Layout.document(
            "设置", ctx,
            [
                .h1(.text("\(model.districtName)督导设置")),
                .p(.link(SiteURL.themes.path, "一月一主题（行事历）：每月督导主题与工作重点 ›")),
                .errorSummary(errors),
                .form(
                    .method(.post), .action(SiteURL.settings.path), .class("card"),
                    .csrf(ctx.csrf),
                    .field("督导室名称", name: "officeName", value: f.officeName, error: err("officeName"), required: true),
                    .checkbox(
                        "特约督学可以担任学校责任督学（不勾选时，安排特约督学挂牌会给出提醒）", name: "specialMayBeResponsible",
                        checked: f.specialMayBeResponsible),
                    .field(
                        "每名督学负责学校数上限", name: "maxSchools", value: f.maxSchools, error: err("maxSchools"),
                        required: true,
                        hint: "超过时在挂牌调整和督学名录中提示；国家要求一般每人约5所", attrs: numeric),
                    .field(
                        "举报投诉电话", name: "complaintPhone", value: f.complaintPhone, error: err("complaintPhone"),
                        type: "tel"),
                    .field(
                        "其他投诉渠道", name: "complaintChannel", value: f.complaintChannel, error: err("complaintChannel"),
                        hint: "如邮箱、信箱地址、公众号"),
                    .field(
                        "区级负责人", name: "responsiblePerson", value: f.responsiblePerson, error: err("responsiblePerson")),
                    .field(
                        "区级负责人电话", name: "responsiblePhone", value: f.responsiblePhone, error: err("responsiblePhone"),
                        type: "tel"),
                    .textareaField(
                        "督导事项（公开）", name: "supervisionItems", value: f.supervisionItems, error: err("supervisionItems"),
                        rows: 5),
                    .fieldset(
                        .class("form-grid"),
                        .legend("责任督学“六个一”考核标准"),
                        .field(
                            "每校每月至少督导（次）", name: "visitsPerSchoolPerMonth", value: c.visitsPerSchoolPerMonth,
                            error: err("visitsPerSchoolPerMonth"), attrs: numeric),
                        .field(
                            "每次至少听课或教研（次）", name: "observationsPerVisit", value: c.observationsPerVisit,
                            error: err("observationsPerVisit"), attrs: numeric),
                        .field(
                            "每次至少访谈教师（人）", name: "teachersPerVisit", value: c.teachersPerVisit,
                            error: err("teachersPerVisit"),
                            attrs: numeric),
                        .field(
                            "每次至少访谈学生（人）", name: "studentsPerVisit", value: c.studentsPerVisit,
                            error: err("studentsPerVisit"),
                            attrs: numeric),
                        .field(
                            "幼儿园每次至少访谈教师或保育员（人）", name: "kindergartenStaffPerVisit",
                            value: c.kindergartenStaffPerVisit, error: err("kindergartenStaffPerVisit"), attrs: numeric),
                        .field(
                            "幼儿园每次至少访谈家长（人）", name: "kindergartenParentsPerVisit",
                            value: c.kindergartenParentsPerVisit, error: err("kindergartenParentsPerVisit"),
                            hint: "幼儿园不访谈幼儿，以家长代替学生", attrs: numeric),
                        .field(
                            "每学期工作总结（篇）", name: "summariesPerSemester", value: c.summariesPerSemester,
                            error: err("summariesPerSemester"), attrs: numeric),
                        .field(
                            "每学期督导案例（篇）", name: "casesPerSemester", value: c.casesPerSemester,
                            error: err("casesPerSemester"),
                            attrs: numeric),
                        .field(
                            "假期月份（不要求到校）", name: "vacationMonths", value: c.vacationMonths,
                            error: err("vacationMonths"),
                            hint: "用逗号分隔，如 7,8 或 1,2,7,8"),
                        .field(
                            "挂牌满多少天的月份须督导", name: "minAssignedDaysInMonth", value: c.minAssignedDaysInMonth,
                            error: err("minAssignedDaysInMonth"), hint: "月中调整挂牌时，不足此天数的月份不计", attrs: numeric)),
                    .textareaField(
                        "课堂教学质量评估表（维度:满分，用分号分隔）", name: "rubric", value: f.rubric, error: err("rubric"), rows: 2),
                    .textareaField(
                        "幼儿园保教活动评估表（维度:满分，用分号分隔）", name: "kindergartenRubric", value: f.kindergartenRubric,
                        error: err("kindergartenRubric"), rows: 2),
                    .fieldset(
                        .class("form-grid"),
                        .legend("评估等级线（占满分的百分比，两张评估表通用）"),
                        .field(
                            "优秀不低于", name: "bandExcellent", value: f.bandExcellent, error: err("bandExcellent"),
                            attrs: numeric),
                        .field("良好不低于", name: "bandGood", value: f.bandGood, attrs: numeric),
                        .field("合格不低于", name: "bandPass", value: f.bandPass, hint: "低于合格线为“待改进”", attrs: numeric)),
                    .textareaField(
                        "查阅资料清单（中小学，用顿号分隔；“作业布置与批改”为常规督导必查项）", name: "documentChecklist",
                        value: f.documentChecklist, error: err("documentChecklist"), rows: 3),
                    .textareaField(
                        "查阅资料清单（幼儿园，用顿号分隔）", name: "kindergartenDocuments", value: f.kindergartenDocuments,
                        error: err("kindergartenDocuments"), rows: 3),
                    .textareaField(
                        "问题类别（用顿号分隔）", name: "problemCategories", value: f.problemCategories,
                        error: err("problemCategories"), rows: 2),
                    .fieldset(
                        .class("form-grid"),
                        .legend("整改与督办"),
                        .field(
                            "整改通知书文号前缀", name: "noticePrefix", value: f.noticePrefix, error: err("noticePrefix"),
                            hint: "如“督整”，文号为“青督整〔2026〕3号”"),
                        .field(
                            "默认整改期限（天）", name: "noticeDays", value: f.noticeDays, error: err("noticeDays"),
                            attrs: numeric),
                        .label(
                            .class("check span-all"),
                            .input(
                                .type(.checkbox), .name("noticeRequiresApproval"), .value("on"),
                                f.noticeRequiresApproval ? .attribute(named: "checked", value: "checked") : .empty),
                            .text(" 整改通知书须经督导室审批后下达")),
                        .field(
                            "逾期多少天后提醒", name: "reminderAfter", value: f.reminderAfter, error: err("reminderAfter"),
                            hint: "0 表示到期次日即提醒；留空表示不用此步", attrs: numeric),
                        .field(
                            "逾期多少天后约谈", name: "interviewAfter", value: f.interviewAfter, error: err("interviewAfter"),
                            attrs: numeric),
                        .field(
                            "逾期多少天后通报", name: "publicNoticeAfter", value: f.publicNoticeAfter,
                            error: err("publicNoticeAfter"),
                            attrs: numeric)),
                    .fieldset(
                        .class("form-grid"),
                        .legend("举报投诉办理时限（工作日）"),
                        .field(
                            "受理", name: "limitAccept", value: f.limitAccept, error: err("limitAccept"), attrs: numeric),
                        .field(
                            "核实", name: "limitVerify", value: f.limitVerify, error: err("limitVerify"), attrs: numeric),
                        .field(
                            "处理", name: "limitHandle", value: f.limitHandle, error: err("limitHandle"), attrs: numeric),
                        .field("回复", name: "limitReply", value: f.limitReply, error: err("limitReply"), attrs: numeric)),
                    .textareaField(
                        "节假日安排（每行一项：2026-10-01~2026-10-07 为放假；+2026-10-10 为调休上班）", name: "holidays", value: f.holidays,
                        error: err("holidays"), rows: 5),
                    .textareaField(
                        "举报投诉类别（用顿号分隔，公开投诉页和来电登记使用）", name: "complaintCategories",
                        value: f.complaintCategories, error: err("complaintCategories"), rows: 2),
                    .fieldset(
                        .legend("紧急投诉（收到即以【紧急】通知督导室和推送）"),
                        .forEach(SettingsList.categories.parse(f.complaintCategories) ?? ComplaintIntake.categories) {
                            c in
                            .checkbox(c, name: "urgentCategories[]", value: c, checked: f.urgentCategories.contains(c))
                        }),
                    .textareaField(
                        "学期起止日期（每行一个学期：2026-09-01~2027-01-22；留空按9月—次年1月、2月—7月计）", name: "termDates",
                        value: f.termDates, error: err("terms"), rows: 4),
                    .field(
                        "消息推送地址（企业微信或钉钉群机器人，可不填）", name: "webhookURL", value: f.webhookURL, error: err("webhookURL"),
                        type: "url"),
                    .div(.class("form-actions"), .button(.type(.submit), .class("btn primary"), .text("保存设置")))),
            ])
    }
}
