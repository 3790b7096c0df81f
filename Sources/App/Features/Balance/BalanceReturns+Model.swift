import DudaoCore
import Fluent

/// 填报与审核: the district's schools that file a return, a page at a time, with this year's state.
struct BalanceReturnList: Sendable {
    struct Item: Sendable {
        let schoolID: Int
        let code: String
        let name: String
        let type: SchoolType
        let state: BalanceReturnState?
        let updatedBy: String
    }
    let year: Int
    let years: [Int]
    /// "" (all) or a state's raw value.
    let state: String
    let items: [Item]
    let paging: Paging
    let total: Int

    static func load(
        district: Int, year: Int, years: [Int], state: BalanceReturnState?, paging: Paging, on db: any Database
    ) async throws -> BalanceReturnList {
        var schools = School.query(on: db).filter(\.$districtID == district).filter(\.$status == .open)
            .filter(\.$type ~~ SchoolType.allCases.filter(BalanceFigures.files))
        if let state {
            schools = schools.join(BalanceReturn.self, on: \School.$id == \BalanceReturn.$school.$id)
                .filter(BalanceReturn.self, \.$year == year).filter(BalanceReturn.self, \.$state == state)
        }
        let page = try await schools.sort(\.$code).paginate(paging)
        let ids = page.items.compactMap(\.id)
        let returns =
            ids.isEmpty
            ? [] : try await BalanceReturn.query(on: db).filter(\.$school.$id ~~ ids).filter(\.$year == year).all()
        let bySchool = Dictionary(returns.map { ($0.$school.id, $0) }, uniquingKeysWith: { a, _ in a })
        return BalanceReturnList(
            year: year, years: years, state: state?.rawValue ?? "",
            items: page.items.map { s in
                let r = bySchool[s.id!]
                return Item(
                    schoolID: s.id!, code: s.code, name: s.name, type: s.type, state: r?.state,
                    updatedBy: r?.updatedBy ?? "")
            }, paging: paging, total: page.total)
    }
}

/// One school's return of a year as a form.
struct BalanceReturnForm: Sendable {
    let schoolID: Int
    let schoolName: String
    let code: String
    let type: SchoolType
    let ownership: Ownership
    let year: Int
    let state: BalanceReturnState?
    let fields: [String: String]
    var errors: [FieldError] = []
    /// The school while its return is not locked; the office always.
    let mayEdit: Bool
    let mayLock: Bool
    let isOffice: Bool
    let lockedBy: String

    /// The fields a school of this type fills in.
    var keys: [String] {
        if type == .kindergarten { return ["children"] }
        return BalanceFigures.sections(of: type).map(BalanceFigures.studentsField)
            + BalanceResource.allCases.map(\.rawValue)
    }
}
