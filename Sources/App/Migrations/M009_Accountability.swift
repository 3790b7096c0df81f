import Fluent
import SQLKit

/// 009: accountability (问责) as decisions of the office.
/// - `accountability_decisions`: a measure against a unit or a person, its 申辩 and its outcome.
/// - The timer's automatic 约谈 and 通报 on notices and complaints become proposals (`propose:` events, the
///   wording "自动" → "建议"): under the 问责办法 only the office decides a measure. `revert` turns them back.
struct M009_Accountability: AsyncMigration {
    var name: String { "M009_Accountability" }

    func prepare(on db: any Database) async throws {
        try await db.schema("accountability_decisions")
            .field("id", .int, .identifier(auto: true))
            .field("district_id", .int, .required, .references("org_units", "id"))
            .field("org_path", .string, .required)
            .field("source", .string, .required)
            .field("source_id", .int)
            .field("target", .string, .required)
            .field("target_name", .string, .required)
            .field("target_school_id", .int, .references("schools", "id"))
            .field("target_inspector_id", .int, .references("inspectors", "id"))
            .field("measure", .string, .required)
            .field("reason", .string, .required)
            .field("document_number", .string, .required)
            .field("decided_on", .string, .required)
            .field("state", .string, .required)
            .field("response", .string, .required)
            .field("response_files", .string, .required)
            .field("responded_at", .datetime)
            .field("outcome_comment", .string, .required)
            .field("decided_by", .int, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_accountability_org ON accountability_decisions (org_path, decided_on)",
            "CREATE INDEX idx_accountability_school ON accountability_decisions (target_school_id, decided_on)",
            "CREATE INDEX idx_accountability_inspector ON accountability_decisions (target_inspector_id, decided_on)",
            "CREATE INDEX idx_accountability_source ON accountability_decisions (source, source_id)",
            // A document number is issued once in a district: a second tap on 作出决定 cannot make a second decision.
            "CREATE UNIQUE INDEX idx_accountability_number ON accountability_decisions (district_id, document_number)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        for step in ["interview", "publicNotice"] {
            try await sql.raw(
                """
                UPDATE case_events SET action = \(bind: "propose:" + step), comment = REPLACE(comment, '自动', '建议')
                WHERE action = \(bind: "escalate:" + step)
                """
            ).run()
        }
        // A step is proposed once per case, as a step was taken once (M004's index on `escalate:`).
        try await sql.raw(
            """
            CREATE UNIQUE INDEX idx_case_events_proposal ON case_events (target, target_id, action)
            WHERE action LIKE 'propose:%'
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        if let sql = db as? any SQLDatabase {
            try await sql.raw("DROP INDEX idx_case_events_proposal").run()
            for step in ["interview", "publicNotice"] {
                try await sql.raw(
                    """
                    UPDATE case_events SET action = \(bind: "escalate:" + step), comment = REPLACE(comment, '建议', '自动')
                    WHERE action = \(bind: "propose:" + step)
                    """
                ).run()
            }
        }
        try await db.schema("accountability_decisions").delete()
    }
}
