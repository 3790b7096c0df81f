import DudaoCore
import Fluent

/// 新学年挂牌调整: every current assignment of the district with the proposed action (keep, move, end) and why,
/// the choice the office made on the form, the load per inspector once applied, and the schools left uncovered.
struct Rollover: Sendable {
    struct Row: Sendable, Equatable {
        let assignmentID: Int
        let schoolID: Int
        let schoolName: String
        let inspectorID: Int
        let inspectorName: String
        let proposed: YearRollover.Action
        let reason: String
        /// What the form says now (the proposal until the office changes it).
        let chosen: YearRollover.Action
    }

    struct Option: Sendable, Equatable {
        let id: Int
        let name: String
        let load: Int
    }

    struct Load: Sendable, Equatable {
        let id: Int
        let name: String
        let before: Int
        let after: Int
    }

    /// The first day of the new school year: ended assignments end the day before, new ones start on it.
    let start: Day
    let rows: [Row]
    /// Active inspectors of the district a school may be moved to (eligible ones first in the proposal).
    let options: [Option]
    /// Every inspector whose load changes, or who holds schools.
    let loads: [Load]
    let limit: Int
    /// Open schools uncovered now, and those the choices would leave uncovered.
    let uncoveredNow: Int
    let leftUncovered: [String]
    /// Active inspectors whose term ends before `start` (renewed ones should be updated first).
    let expiring: [String]
    let errors: [FieldError]

    /// The most assignments one district's table shows (a county has a few hundred schools).
    static let maxRows = 3000
}

extension Rollover {
    /// The facts of the account's district the rule needs: current assignments and the inspectors.
    struct Facts {
        let current: [YearRollover.Current]
        let holders: [YearRollover.Holder]
        let names: [Int: String]
        let limit: Int
        let specialMayBeResponsible: Bool
        let uncoveredNow: Int
    }

    static func facts(scope: Scope, on db: any Database) async throws -> Facts {
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        let schools = try await School.query(on: db).filter(\.$districtID == district.id!)
            .field(\.$id).field(\.$name).field(\.$status).all()
        let schoolByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) })
        var assignments: [Assignment] = []
        for chunk in schools.compactMap(\.id).chunked(1000) {
            assignments += try await Assignment.current(on: db).filter(\.$schoolID ~~ chunk).all()
        }
        let inspectors = try await Inspector.query(on: db).filter(\.$districtID == district.id!).all()
        let counts = try await DirectoryQueries.schoolCounts(of: inspectors.compactMap(\.id), on: db)
        let covered = Set(assignments.map(\.schoolID))
        return Facts(
            current: assignments.prefix(maxRows).compactMap { a in
                schoolByID[a.schoolID].map {
                    YearRollover.Current(
                        assignmentID: a.id!, schoolID: a.schoolID, schoolName: $0.name, schoolOpen: $0.status == .open,
                        inspectorID: a.inspectorID)
                }
            },
            holders: inspectors.map {
                YearRollover.Holder(
                    id: $0.id!, name: $0.name, active: $0.status == .active,
                    termEnd: $0.termEnd.flatMap(Day.init(parsing:)), duties: $0.dutyList, load: counts[$0.id!] ?? 0)
            },
            names: Dictionary(uniqueKeysWithValues: inspectors.map { ($0.id!, $0.name) }),
            limit: settings.maxSchoolsPerInspector, specialMayBeResponsible: settings.specialMayBeResponsible,
            uncoveredNow: schools.filter { $0.status == .open && !covered.contains($0.id!) }.count)
    }

    /// The page for a new year starting `start`, with the office's `chosen` actions (assignment id → action) where
    /// it has changed the proposal.
    static func build(_ f: Facts, start: Day, chosen: [Int: YearRollover.Action] = [:], errors: [FieldError] = [])
        -> Rollover
    {
        let proposals = YearRollover.propose(
            f.current, holders: f.holders, yearStart: start, limit: f.limit,
            specialMayBeResponsible: f.specialMayBeResponsible)
        var actions: [Int: YearRollover.Action] = [:]
        for p in proposals { actions[p.current.assignmentID] = chosen[p.current.assignmentID] ?? p.action }
        let after = YearRollover.loads(after: actions, current: f.current, holders: f.holders)
        let options = f.holders.filter { $0.active }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { Option(id: $0.id, name: $0.name, load: $0.load) }
        let loads = f.holders.filter { $0.load > 0 || (after[$0.id] ?? 0) > 0 }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { Load(id: $0.id, name: $0.name, before: $0.load, after: after[$0.id] ?? 0) }
        return Rollover(
            start: start,
            // What changes first, then what is kept, each by school name.
            rows: proposals.sorted {
                ($0.action == .keep ? 1 : 0, $0.current.schoolName, $0.current.assignmentID)
                    < ($1.action == .keep ? 1 : 0, $1.current.schoolName, $1.current.assignmentID)
            }.map { p in
                Row(
                    assignmentID: p.current.assignmentID, schoolID: p.current.schoolID,
                    schoolName: p.current.schoolName, inspectorID: p.current.inspectorID,
                    inspectorName: f.names[p.current.inspectorID] ?? "督学#\(p.current.inspectorID)", proposed: p.action,
                    reason: p.reason, chosen: actions[p.current.assignmentID] ?? p.action)
            },
            options: options, loads: loads, limit: f.limit, uncoveredNow: f.uncoveredNow,
            leftUncovered: proposals.filter { actions[$0.current.assignmentID] == .end && $0.current.schoolOpen }
                .map(\.current.schoolName),
            expiring: f.holders.filter { h in h.active && h.termEnd.map { $0 < start } == true }.map(\.name).sorted(),
            errors: errors)
    }

    /// The first day of the next school year after `today`: 1 September.
    static func nextYearStart(after today: Day) -> Day {
        Day(year: today.month >= 9 ? today.year + 1 : today.year, month: 9, day: 1)!
    }
}
