import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 数据看板: the state of the district (or one township, one school type) in one page, every figure counted by
/// the database and linked to the records behind it.
struct Dashboard: KeptFigures {
    struct Count: Sendable {
        let key: String
        let label: String
        let open: Int
        let closed: Int
        var total: Int { open + closed }
    }
    struct CampaignProgress: Sendable {
        let id: Int
        let title: String
        let targets: Int
        let finished: Int
        /// Targets in each phase, in the procedure's order.
        let phases: [(CampaignPhase, Int)]
    }
    struct Option: Sendable {
        let value: String
        let label: String
    }

    let today: Day
    /// When the figures were counted, when they are kept for a while (see `FiguresCache`); nil: just now.
    var countedAt: Date? = nil
    /// A city account's dashboard: the filter chooses a district.
    var isCity = false
    let townships: [Option]
    let township: String
    let type: String
    /// The filter in words ("全区", "临江镇 · 小学").
    let scopeLabel: String

    let schools: Int
    let visitedThisMonth: Int
    let semester: Semester
    let visitedThisSemester: Int
    let inspectorsThisMonth: Share

    /// Problems found in the last twelve months, by category and severity (open / closed).
    let categories: [Count]
    let severities: [Count]
    let months: [YearMonth]
    let found: [Int]
    let closed: [Int]

    let noticesIssued: Int
    let noticesClosed: Int
    let noticesOverdue: Int
    let medianDaysToClose: Double?
    let closingsCounted: Int

    let complaintCategories: [Count]
    let complaintsOverdue: Int

    let campaigns: [CampaignProgress]
    let measures: [Count]

    /// 镇街一览 (a city: 区县一览): each township's semester at a glance, whatever township the filter chose.
    struct Tile: Sendable {
        let id: Int
        let name: String
        let schools: Int
        let visited: Int
        let openProblems: Int
        var coverage: Share { Share(visited, of: schools) }
    }
    let tiles: [Tile]
    /// 六个一: responsible inspectors who visited every school of theirs last month (a settled figure) and so far
    /// this month, and last month's furthest behind.
    let inspectorsDoneLastMonth: Share
    let inspectorsDone: Share
    let inspectorsBehind: [DashboardCounts.InspectorMonth]

    static let inspectorsShown = 10
    static let campaignsShown = 8
}

extension Dashboard {
    struct Input: Sendable {
        var township: Int?
        var type: SchoolType?
    }

    static func load(
        root district: OrgUnit, input: Input, today: Day, terms: TermDates, categories order: [String],
        on db: any Database
    ) async throws -> Dashboard {
        guard let sql = db as? any SQLDatabase else { throw DashboardError.noSQL }
        let townships = try await OrgUnit.query(on: db).filter(\.$parentID == district.id!).sort(\.$id).all()
        let chosen = townships.first { $0.id == input.township }
        let filter = DashboardFilter(path: chosen?.path ?? district.path, type: input.type)
        let counts = DashboardCounts(sql: sql, filter: filter)

        let month = YearMonth(today)
        let semester = terms.semester(containing: today)
        let span = DashboardFigures.span(of: semester, terms: terms)
        let months = DashboardFigures.months(endingAt: today, count: 12)
        let yearAgo = months[0].firstDay.date()
        // Each month's first moment, and the next month's after the last.
        let bounds = months.map { $0.firstDay.date() } + [months[months.count - 1].next.firstDay.date()]
        let schools = try await counts.schools()
        let problems = try await counts.problems(months: bounds, schools: schools)
        let (found, closed) = (problems.found, try await counts.noticesClosed(months: bounds))
        let sixOnes = try await counts.sixOnes(month.previous, month, behind: inspectorsShown)
        let notices = try await counts.notices(since: yearAgo)
        let issued = notices.filter { !["draft", "pendingApproval", "withdrawn"].contains($0.key) }
        let closings = try await counts.closingDays(since: yearAgo)
        // A city account's dashboard covers its districts, each a choice of the filter.
        let districtIDs = district.level == .city ? townships.compactMap(\.id) : [district.id!]
        let campaigns = try await Campaign.query(on: db).filter(\.$districtID ~~ districtIDs)
            .sort(\.$startsOn, .descending).sort(\.$id, .descending).limit(campaignsShown).all()
        let targets = try await counts.campaignTargets(campaigns.compactMap(\.id))
        let tiles = try await tiles(
            of: townships, city: district.level == .city, span: span,
            counts: DashboardCounts(sql: sql, filter: DashboardFilter(path: district.path, type: input.type)), on: db)

        return Dashboard(
            today: today, isCity: district.level == .city,
            townships: townships.map { Option(value: String($0.id!), label: $0.name) },
            township: chosen.map { String($0.id!) } ?? "", type: input.type?.rawValue ?? "",
            scopeLabel: [chosen?.name ?? district.name, input.type?.label].compactMap { $0 }.joined(separator: " · "),
            schools: schools,
            visitedThisMonth: try await counts.visitedSchools(month.firstDay, month.lastDay),
            semester: semester, visitedThisSemester: try await counts.visitedSchools(span.lowerBound, span.upperBound),
            inspectorsThisMonth: try await counts.inspectorsVisiting(month.firstDay, month.lastDay),
            categories: tally(problems.byCategory, order: order) { $0 },
            severities: tally(
                problems.bySeverity,
                order: ProblemSeverity.allCases.map(\.rawValue)
            ) { ProblemSeverity(rawValue: $0)?.label ?? $0 },
            months: months, found: found, closed: closed,
            noticesIssued: issued.reduce(0) { $0 + $1.n },
            noticesClosed: issued.filter { $0.key == "closed" }.reduce(0) { $0 + $1.n },
            noticesOverdue: try await counts.overdueNotices(today: today),
            medianDaysToClose: DashboardFigures.median(ofCounts: closings),
            closingsCounted: closings.reduce(0) { $0 + $1.count },
            complaintCategories: tally(
                try await counts.complaints(since: months[0].firstDay), order: [],
                closedStates: ["replied", "closed", "rejected"]
            ) { $0 },
            complaintsOverdue: try await counts.overdueComplaints(today: today),
            campaigns: campaigns.map { c in
                let rows = targets.filter { $0.key == String(c.id!) }
                let phases = CampaignPhase.allCases.compactMap { p -> (CampaignPhase, Int)? in
                    let n = rows.filter { $0.state == p.rawValue }.reduce(0) { $0 + $1.n }
                    return n > 0 ? (p, n) : nil
                }
                return CampaignProgress(
                    id: c.id!, title: c.title, targets: rows.reduce(0) { $0 + $1.n },
                    finished: rows.filter { $0.state.isEmpty }.reduce(0) { $0 + $1.n }, phases: phases)
            },
            measures: tally(
                try await counts.accountability(since: YearMonth(year: today.year, month: 1).firstDay),
                order: AccountabilityMeasure.allCases.map(\.rawValue), closedStates: []
            ) { AccountabilityMeasure(rawValue: $0)?.label ?? $0 },
            tiles: tiles,
            inspectorsDoneLastMonth: sixOnes.doneFirst,
            inspectorsDone: sixOnes.doneSecond,
            inspectorsBehind: sixOnes.behind)
    }

    /// One tile per township of the district (per district of a city, adding up its townships).
    static func tiles(
        of units: [OrgUnit], city: Bool, span: ClosedRange<Day>, counts: DashboardCounts, on db: any Database
    ) async throws -> [Tile] {
        let townships =
            city ? try await OrgUnit.query(on: db).filter(\.$parentID ~~ units.compactMap(\.id)).all() : units
        // A township's tile is itself, or in a city its district's.
        let tileOf = Dictionary(
            uniqueKeysWithValues: townships.compactMap { t in
                t.id.flatMap { id in (city ? t.parentID : id).map { (id, $0) } }
            })
        let figures = try await counts.byTownship(span.lowerBound, span.upperBound)
        // Records carry their township's path; a city's tiles add up the townships of each district.
        let townshipOfPath = Dictionary(
            townships.compactMap { t in t.id.map { (t.path, $0) } }, uniquingKeysWith: { first, _ in first })
        func sum(_ byTownship: [Int: Int], _ tile: Int) -> Int {
            byTownship.filter { tileOf[$0.key] == tile }.reduce(0) { $0 + $1.value }
        }
        func sum(_ byPath: [String: Int], _ tile: Int) -> Int {
            byPath.filter { townshipOfPath[$0.key].flatMap { tileOf[$0] } == tile }.reduce(0) { $0 + $1.value }
        }
        return units.compactMap { u in
            guard let id = u.id else { return nil }
            return Tile(
                id: id, name: u.name, schools: sum(figures.schools, id), visited: sum(figures.visited, id),
                openProblems: sum(figures.open, id))
        }
    }

    /// Groups by key, open and closed apart, in `order` first and then by size.
    static func tally(
        _ groups: [DashboardCounts.Group], order: [String], closedStates: Set<String> = ["closed"],
        label: (String) -> String
    ) -> [Count] {
        var open: [String: Int] = [:]
        var closed: [String: Int] = [:]
        for g in groups {
            if closedStates.contains(g.state) {
                closed[g.key, default: 0] += g.n
            } else {
                open[g.key, default: 0] += g.n
            }
        }
        let keys = Set(open.keys).union(closed.keys)
        let ordered =
            order.filter(keys.contains)
            + keys.subtracting(order).sorted {
                (open[$0, default: 0] + closed[$0, default: 0], $1) > (
                    open[$1, default: 0] + closed[$1, default: 0], $0
                )
            }
        return ordered.map { Count(key: $0, label: label($0), open: open[$0] ?? 0, closed: closed[$0] ?? 0) }
    }
}

enum DashboardError: Error { case noSQL }
