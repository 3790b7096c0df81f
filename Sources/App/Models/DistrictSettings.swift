import DudaoCore
import Fluent
import SQLKit
import Vapor

/// District settings, one row per district, with the defaults of rules.md.
final class DistrictSettings: Model, @unchecked Sendable {
    static let schema = "district_settings"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "office_name") var officeName: String
    @Field(key: "max_schools_per_inspector") var maxSchoolsPerInspector: Int
    @Field(key: "complaint_phone") var complaintPhone: String
    @Field(key: "complaint_channel") var complaintChannel: String
    @Field(key: "responsible_person") var responsiblePerson: String
    @Field(key: "responsible_phone") var responsiblePhone: String
    @Field(key: "supervision_items") var supervisionItems: String
    /// JSON of `ComplianceSettings` (the 六个一 thresholds and vacation months); "{}" means the defaults.
    @Field(key: "compliance") var compliance: String
    /// The class-observation rubric, "教学目标:15；…"; empty means the standard one.
    @Field(key: "rubric") var rubric: String
    /// Problem categories, separated by "、"; empty means the defaults.
    @Field(key: "problem_categories") var problemCategories: String
    /// 整改通知书 numbering prefix ("青督整"), default deadline in days, whether the office approves notices first.
    @Field(key: "notice_prefix") var noticePrefix: String
    @Field(key: "notice_days") var noticeDays: Int
    @Field(key: "notice_requires_approval") var noticeRequiresApproval: Bool
    /// JSON of `EscalationPolicy`; "{}" means the default steps.
    @Field(key: "escalation") var escalation: String
    /// The office's holiday calendar (see `WorkingCalendar.parse`), complaint time limits (JSON), webhook address.
    @Field(key: "holidays") var holidays: String
    @Field(key: "complaint_limits") var complaintLimits: String
    @Field(key: "webhook_url") var webhookURL: String
    /// The term dates (see `TermDates.parse`); empty: the fixed semester months.
    @Field(key: "term_dates") var termDates: String
    /// Complaint categories flagged 【紧急】, separated by "、"; empty means the defaults.
    @Field(key: "urgent_categories") var urgentCategories: String
    /// The kindergarten 保教活动 rubric (empty: `Rubric.kindergarten`), the grade lines "85,75,60" (empty: those).
    @Field(key: "kindergarten_rubric") var kindergartenRubric: String
    @Field(key: "rubric_bands") var rubricBands: String
    /// Document checklists of schools and kindergartens, complaint categories; "、"-separated, empty: the defaults.
    @Field(key: "document_checklist") var documentChecklist: String
    @Field(key: "kindergarten_documents") var kindergartenDocuments: String
    @Field(key: "complaint_categories") var complaintCategories: String
    /// Whether a 特约督学 may be a school's responsible inspector (default no: a warning on assignment).
    @Field(key: "special_may_be_responsible") var specialMayBeResponsible: Bool
    /// JSON of `CampaignRules` (phases per kind, 申辩 days); "{}" means the defaults.
    @Field(key: "campaign_rules") var campaignRulesJSON: String
    /// How combined schools split shared resources between sections (see `SectionWeights`); empty: 1 : 1.1 : 1.32.
    @Field(key: "section_weights") var sectionWeights: String
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $officeName, $maxSchoolsPerInspector, $complaintPhone, $complaintChannel,
            $responsiblePerson, $responsiblePhone, $supervisionItems, $compliance, $rubric, $problemCategories,
            $noticePrefix, $noticeDays, $noticeRequiresApproval, $escalation, $holidays, $complaintLimits, $webhookURL,
            $termDates, $urgentCategories, $kindergartenRubric, $rubricBands, $documentChecklist,
            $kindergartenDocuments, $complaintCategories, $specialMayBeResponsible, $campaignRulesJSON, $sectionWeights,
        ]
    }

    init() {}

    var balanceWeights: SectionWeights { SectionWeights(setting: sectionWeights) ?? SectionWeights() }

    var campaignRules: CampaignRules { JSONColumn.decode(CampaignRules.self, campaignRulesJSON) ?? CampaignRules() }

    var kindergartenRubricValue: Rubric { Rubric(setting: kindergartenRubric) ?? .kindergarten }
    var bands: RubricBands { RubricBands(setting: rubricBands) ?? RubricBands() }

    /// The rubric of a visit to a school of `type`.
    func rubric(for type: SchoolType) -> Rubric {
        type.visitProfile.isKindergarten ? kindergartenRubricValue : rubricValue
    }

    /// The documents an inspector may tick at a school of `type`.
    func documents(for type: SchoolType) -> [String] {
        type.visitProfile.isKindergarten
            ? SettingsList.documents.parse(kindergartenDocuments) ?? DocumentChecklist.kindergartenItems
            : SettingsList.documents.parse(documentChecklist) ?? DocumentChecklist.items
    }

    var complaintCategoryList: [String] {
        SettingsList.categories.parse(complaintCategories) ?? ComplaintIntake.categories
    }

    var workingCalendar: WorkingCalendar {
        if case .success(let c) = WorkingCalendar.parse(holidays) { return c }
        return WorkingCalendar()
    }

    var complaintTimeLimits: ComplaintTimeLimits {
        JSONColumn.decode(ComplaintTimeLimits.self, complaintLimits) ?? ComplaintTimeLimits()
    }

    /// Stored when the office ticks no urgent category (empty would mean the defaults).
    static let noneTicked = "无"

    /// Empty means never set (the defaults); `noneTicked` means the office ticked none.
    var urgentCategoryList: [String] {
        guard !urgentCategories.isEmpty else { return ComplaintIntake.urgentCategories }
        let known = Set(complaintCategoryList)
        return (SettingsList.categories.parse(urgentCategories) ?? []).filter(known.contains)
    }

    var terms: TermDates {
        if case .success(let t) = TermDates.parse(termDates) { return t }
        return TermDates()
    }

    var escalationPolicy: EscalationPolicy {
        JSONColumn.decode(EscalationPolicy.self, escalation) ?? EscalationPolicy()
    }

    var complianceSettings: ComplianceSettings {
        JSONColumn.decode(ComplianceSettings.self, compliance) ?? ComplianceSettings()
    }

    var rubricValue: Rubric { Rubric(setting: rubric) ?? .standard }

    var categories: [String] {
        SettingsList.categories.parse(problemCategories) ?? ProblemCategories.defaults
    }

    static let defaultItems = "学校管理与制度执行；招生、收费与择校；课程开设与课堂教学；学生学习、体育锻炼与课业负担；教师师德与专业发展；校园及周边安全；食堂、食品、饮水及宿舍卫生；校风、教风、学风建设。"

    static func forDistrict(_ id: Int, on db: any Database) async throws -> DistrictSettings {
        if let s = try await DistrictSettings.query(on: db).filter(\.$districtID == id).first() { return s }
        return defaults(district: id)
    }

    /// The settings of an inspector's district, read with the inspector in one statement (every inspector's home
    /// reads them); nil when there is no such inspector.
    static func forInspector(_ id: Int, on db: any Database) async throws -> DistrictSettings? {
        let saved = try await DistrictSettings.query(on: db)
            .filter(
                .sql(
                    embed: "district_settings.district_id = (SELECT district_id FROM inspectors WHERE id = \(bind: id))"
                )
            )
            .first()
        if let saved { return saved }
        struct District: Decodable, Sendable { let districtId: Int }
        let district = try await Inspector.query(on: db).filter(\.$id == id)
            .rows(District.self, columns: ["district_id"]).first
        return district.map { defaults(district: $0.districtId) }
    }

    /// What a district works with before its office has saved its settings.
    private static func defaults(district id: Int) -> DistrictSettings {
        let s = DistrictSettings()
        s.districtID = id
        s.officeName = "区人民政府教育督导室"
        s.maxSchoolsPerInspector = 6
        s.complaintPhone = ""
        s.complaintChannel = ""
        s.responsiblePerson = ""
        s.responsiblePhone = ""
        s.supervisionItems = defaultItems
        s.compliance = "{}"
        s.rubric = ""
        s.problemCategories = ""
        s.noticePrefix = "督整"
        s.noticeDays = 30
        s.noticeRequiresApproval = false
        s.escalation = "{}"
        s.holidays = ""
        s.termDates = ""
        s.urgentCategories = ""
        s.kindergartenRubric = ""
        s.rubricBands = ""
        s.documentChecklist = ""
        s.kindergartenDocuments = ""
        s.complaintCategories = ""
        s.specialMayBeResponsible = false
        s.complaintLimits = "{}"
        s.webhookURL = ""
        s.campaignRulesJSON = "{}"
        s.sectionWeights = ""
        return s
    }
}
