import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 督办清单: every escalation step the timer took (提醒/约谈/通报), on notices and complaints of the account's
/// subtree, newest first. Plain values; `query` builds it.
struct EscalationList: Sendable {
    struct Row: Sendable, Equatable {
        enum Target: String, Sendable { case notice, complaint }
        let target: Target
        let targetID: Int
        let step: EscalationStep?
        /// A measure proposed to the office (约谈/通报), not a reminder sent.
        let proposed: Bool
        /// The stored action, for a step this build does not know.
        let action: String
        let comment: String
        let createdAt: Date?
        /// The notice's number or the complaint's tracking code.
        let ref: String
        let school: String?
    }

    let page: PageOf<Row>

    static let perPage = 50
}

extension EscalationList {
    static func query(page: Int?, per: Int = perPage, scope: Scope, on db: any Database) async throws -> EscalationList
    {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        let paging = Paging(page: page, per: per)
        let body: SQLQueryString = """
            FROM case_events e
            LEFT JOIN rectification_notices n ON e.target = 'notice' AND n.id = e.target_id
            LEFT JOIN complaints c ON e.target = 'complaint' AND c.id = e.target_id
            LEFT JOIN schools s ON s.id = COALESCE(n.school_id, c.school_id)
            WHERE (e.action LIKE 'escalate:%' OR e.action LIKE 'propose:%') AND \(Subtree.sql("COALESCE(n.org_path, c.org_path)", scope.principal.orgPath))
            """
        struct Count: Decodable { let n: Int }
        struct Raw: Decodable {
            let target: String
            let target_id: Int
            let action: String
            let comment: String
            let created_at: Date?
            let ref: String?
            let school: String?
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n " + body).first(decoding: Count.self)?.n ?? 0
        let rows = try await sql.raw(
            "SELECT e.target, e.target_id, e.action, e.comment, e.created_at, COALESCE(n.number, c.tracking_code) AS ref, s.name AS school "
                + body + " ORDER BY e.id DESC LIMIT \(bind: paging.per) OFFSET \(bind: paging.offset)"
        ).all(decoding: Raw.self)
        return EscalationList(
            page: PageOf(
                items: rows.map {
                    Row(
                        target: $0.target == "notice" ? .notice : .complaint, targetID: $0.target_id,
                        step: EscalationStep(rawValue: String($0.action.split(separator: ":").last ?? "")),
                        proposed: $0.action.hasPrefix("propose:"), action: $0.action,
                        comment: $0.comment,
                        createdAt: $0.created_at, ref: $0.ref ?? "", school: $0.school)
                }, paging: paging, total: total))
    }
}
