import DudaoCore
import Fluent
import Vapor

final class School: Model, @unchecked Sendable {
    static let schema = "schools"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "type") var type: SchoolType
    @Field(key: "ownership") var ownership: Ownership
    @Field(key: "township_id") var townshipID: Int
    @Field(key: "district_id") var districtID: Int
    /// The township's path: scope queries filter on its prefix.
    @Field(key: "org_path") var orgPath: String
    @OptionalField(key: "area_id") var areaID: Int?
    @Field(key: "address") var address: String
    @Field(key: "principal") var principal: String
    @Field(key: "phone") var phone: String
    @Field(key: "students") var students: Int
    /// Enrolment by section for combined schools: "primary:820;junior:460".
    @Field(key: "section_students") var sectionStudents: String
    @Field(key: "classes") var classes: Int
    @Field(key: "staff") var staff: Int
    @Field(key: "status") var status: SchoolStatus
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $code, $name, $type, $ownership, $townshipID, $districtID, $orgPath, $areaID, $address, $principal,
            $phone, $students, $sectionStudents, $classes, $staff, $status, $createdAt, $updatedAt,
        ]
    }

    init() {}

    func apply(_ r: SchoolRecord, township: OrgUnit) {
        code = r.code
        name = r.name
        type = r.type
        ownership = r.ownership
        townshipID = township.id!
        districtID = township.parentID ?? township.id!
        orgPath = township.path
        address = r.address
        principal = r.principal
        phone = r.phone
        students = r.students
        sectionStudents = School.encodeSections(r.sectionStudents)
        classes = r.classes
        staff = r.staff
    }

    static func encodeSections(_ s: [SchoolSection: Int]) -> String {
        s.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue):\($0.value)" }.joined(separator: ";")
    }

    var sections: [SchoolSection: Int] { Self.decodeSections(sectionStudents) }

    /// Enrolment by section from its stored form, "primary:820;junior:460"; a malformed part is left out.
    static func decodeSections(_ text: String) -> [SchoolSection: Int] {
        var out: [SchoolSection: Int] = [:]
        for part in text.split(separator: ";") {
            let kv = part.split(separator: ":")
            if kv.count == 2, let s = SchoolSection(rawValue: String(kv[0])), let n = Int(kv[1]) { out[s] = n }
        }
        return out
    }

    /// The audit snapshot: field label → shown value.
    var snapshot: [String: String] {
        var s = [
            "学校标识码": code, "学校名称": name, "学校类型": type.label, "办学性质": ownership.label,
            "镇街编号": "\(townshipID)", "地址": address, "校长": principal, "联系电话": phone,
            "在校生数": "\(students)", "班级数": "\(classes)", "教职工数": "\(staff)", "状态": status.label,
            "责任区编号": areaID.map(String.init) ?? "",
        ]
        for (section, n) in sections { s["\(section.label)在校生数"] = "\(n)" }
        return s
    }
}
