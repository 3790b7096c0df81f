import DudaoCore
import Fluent
import SQLKit
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
    /// Every return of the district's open schools in `year` (of those types only, when given), in code order.
    /// Read as rows through SQLKit: building a province district's 180 returns and their schools as Fluent models
    /// was 70 % of the balance page's time (perf, 63 ms a request).
    static func returns(district: Int, year: Int, types: [SchoolType]? = nil, on db: any Database) async throws
        -> [SchoolReturn]
    {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        let resources = SQLKit.SQLList(BalanceResource.allCases.map { SQLColumn($0.rawValue, table: "r") })
        let students = SQLKit.SQLList(studentColumns.map { SQLColumn($0.column, table: "r") })
        let ofTypes: SQLQueryString =
            types.map { " AND s.type IN (\(SQLKit.SQLList($0.map { SQLBind($0.rawValue) })))" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT s.id, s.code, s.name, s.type, s.ownership, s.township_id, \(students), r.children, r.inclusive, \
            \(resources), r.state FROM balance_returns r JOIN schools s ON s.id = r.school_id \
            WHERE r.district_id = \(bind: district) AND r.year = \(bind: year) \
            AND s.status = \(bind: SchoolStatus.open.rawValue)
            """ + ofTypes + " ORDER BY s.code, s.id"
        ).all()
        return try rows.map(schoolReturn)
    }

    /// The return columns of each section's students.
    private static let studentColumns: [(section: SchoolSection, column: String)] = [
        (.primary, "students_primary"), (.junior, "students_junior"), (.senior, "students_senior"),
    ]

    private static func schoolReturn(_ row: any SQLRow) throws -> SchoolReturn {
        let figures = BalanceFigures(
            students: Dictionary(
                uniqueKeysWithValues: try studentColumns.map {
                    ($0.section, try row.decode(column: $0.column, as: Int.self))
                }),
            children: try row.decode(column: "children", as: Int.self),
            inclusive: try row.decode(column: "inclusive", as: Bool.self),
            resources: Dictionary(
                uniqueKeysWithValues: try BalanceResource.allCases.map {
                    ($0, try row.decode(column: $0.rawValue, as: Double.self))
                }))
        return SchoolReturn(
            schoolID: try row.decode(column: "id", as: Int.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            type: try row.decode(column: "type", as: SchoolType.self),
            ownership: try row.decode(column: "ownership", as: Ownership.self),
            townshipID: try row.decode(column: "township_id", as: Int.self), figures: figures,
            state: try row.decode(column: "state", as: BalanceReturnState.self))
    }

    /// The years the district has returns for, newest first.
    /// Read through SQLKit from the (district, year) index: Fluent's query built and reflected over the model on
    /// every balance page, a fifth of its time once the statistics were kept.
    static func years(district: Int, on db: any Database) async throws -> [Int] {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        let rows = try await sql.raw(
            "SELECT DISTINCT year FROM balance_returns WHERE district_id = \(bind: district) ORDER BY year DESC"
        ).all()
        return try rows.map { try $0.decode(column: "year", as: Int.self) }
    }

    /// The balance rows of the compulsory schools among `returns`.
    static func rows(_ returns: [SchoolReturn], weights: SectionWeights) -> [BalanceRow] {
        returns.flatMap { r in
            r.type == .kindergarten ? [] : r.figures.rows(code: r.code, name: r.name, weights: weights)
        }
    }

    /// The year a page opens on: the one asked for, else the newest with returns, else this year.
    static func year(_ req: Request, district: Int) async throws -> (year: Int, years: [Int]) {
        try opening(req, years: try await years(district: district, on: req.db))
    }

    /// The same, from the district's years kept with its statistics (`FiguresCaches.balanceYears`).
    static func keptYear(_ req: Request, district: Int) async throws -> (year: Int, years: [Int]) {
        let db = req.db
        let kept = try await req.application.figuresCaches.balanceYears.value(
            for: district, now: req.now, count: { try await years(district: district, on: db) })
        return try opening(req, years: kept.value)
    }

    private static func opening(_ req: Request, years: [Int]) throws -> (year: Int, years: [Int]) {
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
