import DudaoCore
import Fluent

/// 学前教育普及普惠 per township and for the county, from the kindergartens' returns and the townships' resident
/// children of age.
struct PreschoolOverview: Sendable {
    struct Township: Sendable {
        let id: Int
        let name: String
        let figures: PreschoolFigures
        /// The population as typed (refused input is shown again).
        let population: String
    }
    let year: Int
    let years: [Int]
    let townships: [Township]
    let mayEdit: Bool
    var errors: [FieldError] = []

    var county: PreschoolFigures { townships.map(\.figures).reduce(PreschoolFigures(), +) }

    static func field(_ township: Int) -> String { "t\(township)" }

    static func load(
        district: Int, year: Int, years: [Int], mayEdit: Bool, typed: [String: String] = [:],
        on db: any Database
    ) async throws -> PreschoolOverview {
        let townships = try await OrgUnit.query(on: db).filter(\.$parentID == district).sort(\.$id).all()
        let populations = try await PreschoolPopulation.query(on: db).filter(\.$districtID == district)
            .filter(\.$year == year).all()
        let children = Dictionary(populations.map { ($0.townshipID, $0.children) }, uniquingKeysWith: { a, _ in a })
        var figures: [Int: PreschoolFigures] = [:]
        for r in try await BalanceData.returns(district: district, year: year, types: [.kindergarten], on: db) {
            figures[r.townshipID, default: PreschoolFigures()].add(
                children: r.figures.children, isPublic: r.ownership == .publicSchool, isInclusive: r.figures.inclusive)
        }
        return PreschoolOverview(
            year: year, years: years,
            townships: townships.map { t in
                var f = figures[t.id!] ?? PreschoolFigures()
                f.ageChildren = children[t.id!] ?? 0
                return Township(
                    id: t.id!, name: t.name, figures: f,
                    population: typed[field(t.id!)] ?? children[t.id!].map(String.init) ?? "")
            }, mayEdit: mayEdit)
    }
}
