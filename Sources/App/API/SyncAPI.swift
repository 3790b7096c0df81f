import DudaoCore
import Fluent
import Foundation
import Vapor

/// The records a provincial platform or a BI tool copies: 整改通知书, 投诉举报 and 督导简报 here, problems and monthly
/// reports in `SyncAPI+Records`, campaigns, their results and the balance statistics in `CampaignsAPI`; scoped
/// like the pages.
/// Each list is in update order (`updatedAt`, then `id`); `updatedSince` gives the records changed at or after a
/// moment, so a client asks again from the last `updatedAt` it saw and keeps each record by its `id`.
enum SyncAPI {
    static let handlers: [String: APIRouteTable.Handler] = [
        "listNotices": .init(notices),
        "listComplaints": .init(complaints),
        "listBulletins": .init(bulletins),
        "listProblems": .init(problems),
        "listMonthlyReports": .init(monthlyReports),
        "listWorkReports": .init(workReports),
    ]

    /// `updatedSince` as an RFC 3339 moment (`2026-11-30T02:00:00Z`, `+08:00`, fractions of a second allowed).
    static func updatedSince(_ req: Request) throws -> Date? {
        guard let text = req.query[String.self, at: "updatedSince"] else { return nil }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions.insert(.withFractionalSeconds)
        // The formatter rolls 11-31 over to 12-01; the calendar day must exist as written.
        guard text.count <= 40, Day(parsing: String(text.prefix(10))) != nil,
            let date = plain.date(from: text) ?? fractional.date(from: text),
            // 1900 to 2100 in any time zone.
            (-2_209_161_600...4_134_153_599).contains(date.timeIntervalSince1970)
        else {
            throw APIError(
                status: .badRequest, code: "bad_request",
                message: "updatedSince 应为带时区的时间，如 2026-11-30T10:00:00+08:00（1900–2100 年）")
        }
        return date
    }

    /// One page of `q` changed at or after `updatedSince`, in update order (the column `updatedAt`, then the id),
    /// with the total.
    static func page<M: Model, T: Content>(
        _ q: QueryBuilder<M>, updatedAt: FieldKey = "updated_at", _ req: Request,
        items: ([M]) async throws -> [T]
    ) async throws -> APIController.PageOf<T> {
        let paging = try APIController.paging(req)
        var q = q
        if let since = try updatedSince(req) {
            let column = DatabaseQuery.Field.extendedPath(
                [updatedAt], schema: M.schemaOrAlias, space: M.spaceIfNotAliased)
            q = q.filter(column, .greaterThanOrEqual, .bind(since))
        }
        return try await APIController.page(q, paging, order: { $0.sort(updatedAt).sort(\._$id) }, items: items)
    }

    // MARK: - 整改通知书

    struct NoticeDTO: Content {
        let id: Int
        let number: String
        let schoolId: Int
        let inspectorId: Int
        let requirements: String
        let deadline: String
        let state: String
        let stateLabel: String
        let escalation: String?
        let issuedAt: Date?
        let closedAt: Date?
        let problemIds: [Int]
        let updatedAt: Date?
    }

    static func notices(req: Request) async throws -> APIController.PageOf<NoticeDTO> {
        let scope = try await Scope.of(req)
        let state = try APIQuery.choice(req, "state", as: NoticeState.self, label: "通知书状态")
        var q = scope.noticeAccess.readable(RectificationNotice.query(on: req.db))
        if let state { q = q.filter(\.$state == state) }
        return try await page(q, req) { rows in
            let problems = try await Problem.query(on: req.db).filter(\.$noticeID ~~ rows.compactMap(\.id))
                .sort(\.$id).all()
            let byNotice = Dictionary(grouping: problems, by: { $0.noticeID ?? 0 })
            return rows.map { n in
                NoticeDTO(
                    id: n.id!, number: n.number, schoolId: n.schoolID, inspectorId: n.inspectorID,
                    requirements: n.requirements, deadline: n.deadline, state: n.state.rawValue,
                    stateLabel: n.state.label, escalation: n.escalation?.rawValue, issuedAt: n.issuedAt,
                    closedAt: n.closedAt, problemIds: (byNotice[n.id!] ?? []).compactMap(\.id), updatedAt: n.updatedAt)
            }
        }
    }

    // MARK: - 投诉举报

    struct ComplainantDTO: Content {
        let name: String
        let phone: String
    }

    struct ComplaintDTO: Content {
        let id: Int
        let trackingCode: String
        let channel: String
        let category: String
        let content: String
        let schoolId: Int?
        let state: String
        let stateLabel: String
        let inspectorId: Int?
        let receivedOn: String
        let deadline: String?
        let reply: String
        let repliedOn: String?
        let escalation: String?
        let anonymous: Bool
        /// Who complained: for the office only, and never for an anonymous complaint.
        let complainant: ComplainantDTO?
        let updatedAt: Date?
    }

    static func complaints(req: Request) async throws -> APIController.PageOf<ComplaintDTO> {
        let scope = try await Scope.of(req)
        let state = try APIQuery.choice(req, "state", as: ComplaintState.self, label: "办理状态")
        let access = scope.complaintAccess
        var q = access.readable(Complaint.query(on: req.db))
        if let state { q = q.filter(\.$state == state) }
        return try await page(q, req) { rows in
            rows.map { c in
                ComplaintDTO(
                    id: c.id!, trackingCode: c.trackingCode, channel: c.channel, category: c.category,
                    content: c.content, schoolId: c.schoolID, state: c.state.rawValue, stateLabel: c.state.label,
                    inspectorId: c.inspectorID, receivedOn: c.receivedOn, deadline: c.deadline, reply: c.reply,
                    repliedOn: c.repliedOn, escalation: c.escalation?.rawValue, anonymous: c.anonymous,
                    complainant: access.seesIdentity && !c.anonymous
                        ? ComplainantDTO(name: c.complainantName, phone: c.complainantPhone) : nil,
                    updatedAt: c.updatedAt)
            }
        }
    }

    // MARK: - 督导简报

    struct BulletinSectionDTO: Content {
        let heading: String
        let text: String
        /// Rows of figures, the first row the headers.
        let table: [[String]]
    }

    struct BulletinDTO: Content {
        let id: Int
        let period: String
        let title: String
        let issue: String
        let state: String
        let stateLabel: String
        let publishedOn: String?
        let publishedPublic: Bool
        let sections: [BulletinSectionDTO]
        let updatedAt: Date?
    }

    /// The district's bulletins: the published ones, and for the office its drafts too (as the list page).
    static func bulletins(req: Request) async throws -> APIController.PageOf<BulletinDTO> {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        var q = Bulletin.query(on: req.db).filter(\.$districtID == district.id!)
        if scope.principal.role != .office { q = q.filter(\.$state == .published) }
        return try await page(q, req) { rows in
            rows.map { b in
                BulletinDTO(
                    id: b.id!, period: b.period, title: b.title, issue: b.issueLabel, state: b.state.rawValue,
                    stateLabel: b.state.label, publishedOn: b.publishedOn, publishedPublic: b.publishedPublic,
                    sections: b.sections.map {
                        BulletinSectionDTO(heading: $0.heading, text: $0.text, table: $0.table)
                    },
                    updatedAt: b.updatedAt)
            }
        }
    }
}
