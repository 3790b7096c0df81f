import DudaoCore
import Fluent
import SQLKit

/// Counting records in the database, for the pages that report figures (dashboard, monthly report, bulletin):
/// one place for the counts they share, so the same figure is counted the same way everywhere.
struct RecordCounts {
    let sql: any SQLDatabase

    init(sql: any SQLDatabase) { self.sql = sql }

    init?(_ db: any Database) {
        guard let sql = db as? any SQLDatabase else { return nil }
        self.sql = sql
    }

    struct N: Decodable { let n: Int }

    func count(_ query: SQLQueryString) async throws -> Int {
        try await sql.raw(query).first(decoding: N.self)?.n ?? 0
    }

    struct VisitTally {
        var visits = 0
        var schools = 0
        var observations = 0
        var interviews = 0
        var problems = 0
    }

    /// What the visits selected by `visits` (a query of visit ids) hold: how many, at how many schools, classes
    /// observed, people interviewed, problems found.
    func tally(_ visits: SQLQueryString) async throws -> VisitTally {
        VisitTally(
            visits: try await count("SELECT COUNT(*) AS n FROM (" + visits + ") x"),
            schools: try await count(
                "SELECT COUNT(DISTINCT v.school_id) AS n FROM visits v WHERE v.id IN (" + visits + ")"),
            observations: try await count(
                "SELECT COUNT(*) AS n FROM class_observations o WHERE o.visit_id IN (" + visits + ")"),
            interviews: try await count("SELECT COUNT(*) AS n FROM interviews i WHERE i.visit_id IN (" + visits + ")"),
            problems: try await count("SELECT COUNT(*) AS n FROM problems p WHERE p.visit_id IN (" + visits + ")"))
    }

    /// The highlights of the first `limit` visits of `query` that have one, with their schools' names.
    static func highlights(_ query: QueryBuilder<Visit>, limit: Int, on db: any Database) async throws -> [(
        school: String, day: String, text: String
    )] {
        let visits = try await query.filter(\.$highlights != "").sort(\.$visitDate).limit(limit).all()
        let schools = try await School.query(on: db).filter(\.$id ~~ visits.map(\.schoolID)).all()
        return visits.map { v in (schools.first { $0.id == v.schoolID }?.name ?? "", v.visitDate, v.highlights) }
    }
}
