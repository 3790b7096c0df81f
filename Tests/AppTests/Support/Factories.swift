import DudaoCore
import Fluent
import Foundation
import Vapor

@testable import App

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A second district beside the demo one (青川区), with one township, one school and two accounts
/// (`office2`, `school2`, password as in the demo). Built straight through the models.
struct SecondDistrict {
    let district: OrgUnit
    let township: OrgUnit
    let school: School
    let office: User
    let schoolAccount: User
}

enum Factory {
    static let secondSchoolCode = "3299000001"

    static func secondDistrict(on db: any Database) async throws -> SecondDistrict {
        guard let city = try await OrgUnit.query(on: db).filter(\.$level == .city).first() else {
            throw TestSetupError("no city in the demo seed")
        }
        let district = OrgUnit(name: "松岭区", level: .district, parent: city)
        try await district.create(on: db, parentPath: city.path)
        let township = OrgUnit(name: "松岭镇", level: .township, parent: district)
        try await township.create(on: db, parentPath: district.path)
        let school = try await makeSchool(code: secondSchoolCode, name: "松岭镇中心小学", township: township, on: db)
        let hash = try Bcrypt.hash(DemoSeed.password, cost: 4)
        let office = User(
            username: "office2", passwordHash: hash, displayName: "松岭区督导室", role: .office,
            org: district, mustChangePassword: false)
        try await office.save(on: db)
        let schoolAccount = User(
            username: "school2", passwordHash: hash, displayName: "松岭镇中心小学", role: .school,
            org: township, mustChangePassword: false)
        schoolAccount.schoolID = school.id
        try await schoolAccount.save(on: db)
        return SecondDistrict(
            district: district, township: township, school: school, office: office,
            schoolAccount: schoolAccount)
    }

    /// An open primary school in `township`, with plausible numbers.
    static func makeSchool(code: String, name: String, township: OrgUnit, on db: any Database) async throws -> School {
        let s = School()
        s.code = code
        s.name = name
        s.type = .primary
        s.ownership = .publicSchool
        s.townshipID = township.id!
        s.districtID = township.parentID ?? township.id!
        s.orgPath = township.path
        s.address = "\(township.name)人民路1号"
        s.principal = "李校长"
        s.phone = "0571-86001234"
        s.students = 600
        s.sectionStudents = ""
        s.classes = 15
        s.staff = 45
        s.status = .open
        try await s.save(on: db)
        return s
    }
}

/// The fields of the school form for `school` as it is now, as a browser would send them back.
func schoolFormFields(_ school: School, township: String) -> [(String, String)] {
    let sections = school.sections
    return [
        ("code", school.code), ("name", school.name), ("type", school.type.rawValue),
        ("ownership", school.ownership.rawValue), ("township", township),
        ("area", school.areaID.map(String.init) ?? ""),
        ("address", school.address), ("principal", school.principal), ("phone", school.phone),
        ("students", String(school.students)), ("classes", String(school.classes)), ("staff", String(school.staff)),
        ("students_primary", sections[.primary].map(String.init) ?? ""),
        ("students_junior", sections[.junior].map(String.init) ?? ""),
        ("students_senior", sections[.senior].map(String.init) ?? ""),
    ]
}

/// Replaces (or adds) one field of a form.
func replacing(_ fields: [(String, String)], _ name: String, with value: String) -> [(String, String)] {
    var out = fields.filter { $0.0 != name }
    out.append((name, value))
    return out
}

/// A valid new school for the demo district's 城关街道, as form fields.
func newSchoolFields(code: String, name: String = "城关街道新建小学") -> [(String, String)] {
    [
        ("code", code), ("name", name), ("type", "primary"), ("ownership", "public"), ("township", "城关街道"),
        ("area", ""), ("address", "城关街道新华路8号"), ("principal", "周校长"), ("phone", "0573-82109999"),
        ("students", "480"), ("classes", "12"), ("staff", "36"),
    ]
}

/// Text as Excel on Chinese Windows saves "CSV (逗号分隔)": GB18030 (a superset of GBK).
func gb18030(_ text: String) throws -> Data {
    guard let cd = iconv_open("GB18030", "UTF-8"), Int(bitPattern: cd) != -1 else {
        throw TestSetupError("iconv cannot convert to GB18030")
    }
    defer { iconv_close(cd) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBytes { outRaw in
            var inPtr = inBuf.baseAddress
            var inLeft = inBuf.count
            var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var outLeft = outRaw.count
            guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
            return outRaw.count - outLeft
        }
    }
    guard let produced else { throw TestSetupError("iconv failed on \(text)") }
    return Data(output[..<produced])
}
