import DudaoCore
import Fluent

/// 督导设置: the district's settings form as typed, with its messages. Plain values.
struct SettingsForm: Sendable {
    let districtName: String
    let input: DistrictSettingsInput
    let errors: [FieldError]
}

extension DistrictSettings {
    /// The saved settings as values (the defaults where a setting is empty or unreadable).
    var values: DistrictSettingsValues {
        DistrictSettingsValues(
            officeName: officeName, maxSchoolsPerInspector: maxSchoolsPerInspector, complaintPhone: complaintPhone,
            complaintChannel: complaintChannel, responsiblePerson: responsiblePerson,
            responsiblePhone: responsiblePhone,
            supervisionItems: supervisionItems, compliance: complianceSettings, rubric: rubricValue,
            problemCategories: categories,
            noticePrefix: noticePrefix, noticeDays: noticeDays, noticeRequiresApproval: noticeRequiresApproval,
            escalation: escalationPolicy, holidays: holidays, complaintLimits: complaintTimeLimits,
            webhookURL: webhookURL, termDates: termDates, urgentCategories: urgentCategoryList,
            kindergartenRubric: kindergartenRubricValue, rubricBands: bands,
            documentChecklist: documents(for: .primary), kindergartenDocuments: documents(for: .kindergarten),
            complaintCategories: complaintCategoryList, specialMayBeResponsible: specialMayBeResponsible)
    }

    /// Takes checked values.
    func apply(_ v: DistrictSettingsValues) throws {
        officeName = v.officeName
        maxSchoolsPerInspector = v.maxSchoolsPerInspector
        complaintPhone = v.complaintPhone
        complaintChannel = v.complaintChannel
        responsiblePerson = v.responsiblePerson
        responsiblePhone = v.responsiblePhone
        supervisionItems = v.supervisionItems
        compliance = try JSONColumn.encode(v.compliance)
        rubric = v.rubric.setting
        problemCategories = SettingsList.stored(v.problemCategories)
        noticePrefix = v.noticePrefix
        noticeDays = v.noticeDays
        noticeRequiresApproval = v.noticeRequiresApproval
        escalation = try JSONColumn.encode(v.escalation)
        holidays = v.holidays
        termDates = v.termDates
        urgentCategories =
            v.urgentCategories.isEmpty ? DistrictSettings.noneTicked : SettingsList.stored(v.urgentCategories)
        kindergartenRubric = v.kindergartenRubric.setting
        rubricBands = v.rubricBands.setting
        documentChecklist = SettingsList.stored(v.documentChecklist)
        kindergartenDocuments = SettingsList.stored(v.kindergartenDocuments)
        complaintCategories = SettingsList.stored(v.complaintCategories)
        specialMayBeResponsible = v.specialMayBeResponsible
        complaintLimits = try JSONColumn.encode(v.complaintLimits)
        webhookURL = v.webhookURL
    }

    /// The settings as the audit trail records them.
    var auditSnapshot: [String: String] {
        [
            "督导室名称": officeName, "负责学校数上限": String(maxSchoolsPerInspector), "投诉电话": complaintPhone,
            "投诉渠道": complaintChannel, "区级负责人": responsiblePerson, "负责人电话": responsiblePhone, "督导事项": supervisionItems,
            "六个一标准": compliance, "评估表": rubric, "问题类别": problemCategories, "文号前缀": noticePrefix,
            "整改期限": String(noticeDays), "通知书审批": noticeRequiresApproval ? "是" : "否", "督办步骤": escalation,
            "节假日": holidays, "投诉时限": complaintLimits, "推送地址": webhookURL, "学期起止日期": termDates,
            "紧急投诉类别": urgentCategories, "幼儿园保教活动评估表": kindergartenRubric, "评估等级线": rubricBands,
            "查阅资料清单": documentChecklist, "幼儿园查阅资料清单": kindergartenDocuments, "投诉类别": complaintCategories,
            "特约督学可任责任督学": specialMayBeResponsible ? "是" : "否",
        ]
    }
}
