import DudaoCore
import Fluent
import Foundation
import SQLKit

/// 问责: the decisions the account may read, newest first, and for the office the timer's proposals
/// (建议约谈 / 建议通报) on which it has not yet decided. Plain values.
struct AccountabilityList: Sendable {
    struct Row: Sendable, Equatable {
        let id: Int
        let decidedOn: Day?
        let documentNumber: String
        let targetName: String
        let measure: AccountabilityMeasure
        let state: AccountabilityState
        let appealUntil: Day?
    }

    /// A proposal of the timer on an overdue notice or complaint without a decision yet.
    struct Proposal: Sendable, Equatable {
        let isNotice: Bool
        let sourceID: Int
        let ref: String
        let school: String?
        let comment: String
        let createdAt: Date?
    }

    let page: PageOf<Row>
    let proposals: [Proposal]
    let mayDecide: Bool

    static let perPage = 50
    static let proposalsShown = 20
}

extension AccountabilityList {
    static func query(page: Int?, scope: Scope, on db: any Database) async throws -> AccountabilityList {
        let access = scope.accountabilityAccess
        let decisions = try await access.readable(AccountabilityDecision.query(on: db))
            .sort(\.$decidedOn, .descending).sort(\.$id, .descending).paginate(Paging(page: page, per: perPage))
        let proposals = access.mayDecide ? try await openProposals(scope: scope, on: db) : []
        return AccountabilityList(
            page: decisions.map {
                Row(
                    id: $0.id!, decidedOn: $0.decidedDay, documentNumber: $0.documentNumber, targetName: $0.targetName,
                    measure: $0.measure, state: $0.state, appealUntil: $0.decidedDay.map(Accountability.appealDeadline))
            },
            proposals: proposals, mayDecide: access.mayDecide)
    }

    /// The latest proposal of each notice or complaint of the subtree that has no decision yet.
    static func openProposals(scope: Scope, on db: any Database) async throws -> [Proposal] {
        guard let sql = db as? any SQLDatabase else { throw DatabaseUnavailable() }
        struct Raw: Decodable {
            let target: String
            let target_id: Int
            let comment: String
            let created_at: Date?
            let ref: String?
            let school: String?
        }
        let rows = try await sql.raw(
            """
            SELECT e.target, e.target_id, e.comment, e.created_at, COALESCE(n.number, c.tracking_code) AS ref, s.name AS school
            FROM case_events e
            LEFT JOIN rectification_notices n ON e.target = 'notice' AND n.id = e.target_id
            LEFT JOIN complaints c ON e.target = 'complaint' AND c.id = e.target_id
            LEFT JOIN schools s ON s.id = COALESCE(n.school_id, c.school_id)
            WHERE e.action LIKE 'propose:%'
                AND \(Subtree.sql("COALESCE(n.org_path, c.org_path)", scope.principal.orgPath))
                AND e.id = (SELECT MAX(l.id) FROM case_events l
                    WHERE l.target = e.target AND l.target_id = e.target_id AND l.action LIKE 'propose:%')
                AND NOT EXISTS (SELECT 1 FROM accountability_decisions d
                    WHERE d.source = e.target AND d.source_id = e.target_id)
            ORDER BY e.id DESC LIMIT \(bind: proposalsShown)
            """
        ).all(decoding: Raw.self)
        return rows.map {
            Proposal(
                isNotice: $0.target == "notice", sourceID: $0.target_id, ref: $0.ref ?? "", school: $0.school,
                comment: $0.comment, createdAt: $0.created_at)
        }
    }
}
