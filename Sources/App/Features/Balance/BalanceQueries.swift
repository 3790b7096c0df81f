import DudaoCore
import Fluent
import Vapor

/// One school's return of a year, with what the statistics need of the school.
struct SchoolReturn: Sendable {
    let schoolID: Int
    let code: String
    let name: String
    let type: SchoolType
    let ownership: Ownership
    let townshipID: Int
    var figures: BalanceFigures
    let state: BalanceReturnState
}

/// Loading the returns the balance and preschool statistics are computed from.
enum BalanceData {
    /// Every return of the district's open schools in `year` (of those types only, when given).
    static func returns(district: Int, year: Int, types: [SchoolType]? = nil, on db: any Database) async throws
        -> [SchoolReturn]
    {
        var query = BalanceReturn.query(on: db)
            .filter(\.$districtID == district).filter(\.$year == year)
            .join(School.self, on: \BalanceReturn.$school.$id == \School.$id)
            .filter(School.self, \.$status == .open)
        if let types { query = query.filter(School.self, \.$type ~~ types) }
        return
            try await query
            .sort(School.self, \.$code)
            .all()
            .map { r in
                let s = try r.joined(School.self)
                return SchoolReturn(
                    schoolID: s.id!, code: s.code, name: s.name, type: s.type, ownership: s.ownership,
                    townshipID: s.townshipID, figures: r.figures, state: r.state)
            }
    }

    /// The years the district has returns for, newest first.
    static func years(district: Int, on db: any Database) async throws -> [Int] {
        let rows = try await BalanceReturn.query(on: db).filter(\.$districtID == district)
            .unique().all(\.$year)
        return Array(Set(rows)).sorted(by: >)
    }

    /// The balance rows of the compulsory schools among `returns`.
    static func rows(_ returns: [SchoolReturn], weights: SectionWeights) -> [BalanceRow] {
        returns.flatMap { r in
            r.type == .kindergarten ? [] : r.figures.rows(code: r.code, name: r.name, weights: weights)
        }
    }

    /// The year a page opens on: the one asked for, else the newest with returns, else this year.
    static func year(_ req: Request, district: Int) async throws -> (year: Int, years: [Int]) {
        let years = try await years(district: district, on: req.db)
        if let asked = try req.query.bounded("year", InputBounds.Year.self) { return (asked, years) }
        return (years.first ?? req.today.year, years)
    }

    /// The standard a page shows ("2012" or "2017", default 2017).
    static func standard(_ req: Request) throws -> BalanceStandard {
        guard let text = try req.query.boundedText("standard", max: 10) else { return .quality2017 }
        guard let standard = BalanceStandard(rawValue: text) else { throw BadInput(message: "标准应为 2012 或 2017") }
        return standard
    }
}
