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

extension PreschoolOverview {
    /// The page's table for its export: each township, then the county, with the three rates beside their lines.
    var table: [[String]] {
        func rate(_ value: Double?) -> String { value.map(Format.percent) ?? "" }
        func row(_ name: String, _ f: PreschoolFigures) -> [String] {
            [
                name, f.ageChildren == 0 ? "" : String(f.ageChildren), String(f.enrolled), rate(f.grossEnrolment),
                rate(f.inclusiveCoverage), rate(f.publicShare),
            ]
        }
        let headers = [
            "镇街", "适龄幼儿数", "在园幼儿数", "毛入园率（标准 \(Format.percent(PreschoolFigures.grossEnrolmentLine))）",
            "普惠覆盖率（标准 \(Format.percent(PreschoolFigures.inclusiveLine))）",
            "公办占比（标准 \(Format.percent(PreschoolFigures.publicLine))）",
        ]
        return [headers] + townships.map { row($0.name, $0.figures) } + [row("全区", county)]
    }
}
