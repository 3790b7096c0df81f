import DudaoCore
import Fluent
import Vapor

final class Inspector: Model, @unchecked Sendable {
    static let schema = "inspectors"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "name") var name: String
    /// Appointment: 专职 or 兼职.
    @Field(key: "kind") var kind: InspectorKind
    /// Duties, "inspector,responsible,special" (see `InspectorDuty.parseStored`).
    @Field(key: "roles") var roles: String
    @Field(key: "gender") var gender: Gender
    @Field(key: "phone") var phone: String
    @OptionalField(key: "photo") var photo: String?
    @Field(key: "employer") var employer: String
    @Field(key: "post") var post: String
    @OptionalField(key: "term_start") var termStart: String?
    @OptionalField(key: "term_end") var termEnd: String?
    @Field(key: "duties") var duties: String
    @Field(key: "status") var status: InspectorStatus
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// A new inspector is a 督学 until told otherwise.
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $orgPath, $name, $kind, $roles, $gender, $phone, $photo, $employer, $post, $termStart,
            $termEnd, $duties, $status, $createdAt, $updatedAt,
        ]
    }

    init() { roles = InspectorDuty.inspector.rawValue }

    var dutyList: [InspectorDuty] { InspectorDuty.parseStored(roles) }

    static let defaultDuties = "监督学校依法规范办学；指导学校管理与教育教学；受理并核实举报投诉；发现问题督促整改；向督导室报告并提出建议。"

    func apply(_ r: InspectorRecord, district: OrgUnit) {
        districtID = district.id!
        orgPath = district.path
        name = r.name
        kind = r.kind
        if r.rolesGiven || dutyList.isEmpty { roles = InspectorDuty.stored(r.roles) }
        gender = r.gender
        phone = r.phone
        employer = r.employer
        post = r.post
        termStart = r.term?.start.description
        termEnd = r.term?.end.description
        duties = r.duties.isEmpty ? Inspector.defaultDuties : r.duties
    }

    var term: InspectorRules.Term? {
        guard let s = termStart.flatMap(Day.init(parsing:)), let e = termEnd.flatMap(Day.init(parsing:)) else {
            return nil
        }
        return .init(start: s, end: e)
    }

    var snapshot: [String: String] {
        [
            "姓名": name, "聘任方式": kind.label, "督学类别": InspectorDuty.labels(dutyList), "性别": gender.label, "手机号": phone,
            "工作单位": employer,
            "职务": post, "聘期开始": termStart ?? "", "聘期结束": termEnd ?? "", "职责": duties, "状态": status.label,
            "照片": photo ?? "",
        ]
    }
}
