import DudaoCore
import Fluent
import Foundation

/// The balance statistics of one district, year and standard, beside the year before. They are kept for a while
/// (`FiguresCaches.balance`) with the page's content drawn from them (`BalanceOverviewContent`).
struct BalanceOverview: KeptFigures {
    let year: Int
    /// The years with returns, for the filter (the district's kept years when the figures were counted).
    var years: [Int] = []
    let standard: BalanceStandard
    let current: BalanceComputation
    /// The same standard the year before, when there are returns for it.
    let previous: BalanceComputation?
    let states: [BalanceReturnState: Int]
    /// How many open schools of the district file a return.
    let filing: Int
    var weights: String
    /// The weights form is shown, when the page is drawn for one account (kept content marks it instead).
    var mayEdit = false
    var weightsError: String?
    /// When the figures were counted, when they are kept; nil: just now.
    var countedAt: Date? = nil

    /// At most this many schools short of the 2017 standards are listed (the rest are counted).
    static let attainmentListed = 200

    /// The statistics alone: the caller adds the `years` and, for one account's page, `mayEdit`.
    static func load(district: Int, year: Int, standard: BalanceStandard, on db: any Database) async throws
        -> BalanceOverview
    {
        let settings = try await DistrictSettings.forDistrict(district, on: db)
        let weights = settings.balanceWeights
        let returns = try await BalanceData.returns(district: district, year: year, on: db)
        let before = try await BalanceData.returns(district: district, year: year - 1, on: db)
        var states: [BalanceReturnState: Int] = [:]
        for r in returns { states[r.state, default: 0] += 1 }
        let filing = try await School.query(on: db).filter(\.$districtID == district).filter(\.$status == .open)
            .filter(\.$type ~~ SchoolType.allCases.filter(BalanceFigures.files)).rowCount()
        return BalanceOverview(
            year: year, standard: standard,
            current: BalanceComputation(rows: BalanceData.rows(returns, weights: weights), standard: standard),
            previous: before.isEmpty
                ? nil : BalanceComputation(rows: BalanceData.rows(before, weights: weights), standard: standard),
            states: states, filing: filing,
            weights: settings.sectionWeights.isEmpty
                ? weights.setting
                : settings.sectionWeights)
    }

    /// The schools that pull a coefficient up most, with their values.
    func pullers(_ section: BalanceSectionResult, _ c: BalanceCoefficient, top: Int = 3) -> [(String, Double)] {
        zip(section.rows, c.pull).filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.prefix(top).map { index, _ in
            let row = current.rows[index]
            return (row.schoolName, row.value(c.indicator) ?? 0)
        }
    }
}
