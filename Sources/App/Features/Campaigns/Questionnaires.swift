import Crypto
import DudaoCore
import Fluent
import Foundation
import Plot
import SQLKit
import Vapor

/// 问卷: the office adds questionnaires to a campaign and hands each target its own link; students, parents or
/// teachers answer anonymously on a phone, once per device, until the closing date; the answers are tallied per
/// target and feed the 满意度 items of the team's rating.
enum QuestionnairesController {
    static let deviceCookie = "dudao_device"

    struct PageModel: Sendable {
        struct Row: Sendable {
            let target: Int
            let name: String
            let answers: Int
            let link: String
        }

        let campaignID: Int
        let campaignTitle: String
        let questionnaire: QuestionnaireRecord?
        let questionnaires: [(id: Int, title: String, audience: Audience, closesOn: String)]
        let rows: PageOf<Row>
        let tally: (target: String, answered: Int, questions: [(Question, [(option: String, count: Int)])])?
        let mayCreate: Bool
        /// The answer link of the target whose tally is shown (for its printable QR code).
        var tallyLink: String? = nil
        var values: [String: String] = [:]
        var errors: [FieldError] = []
    }

    /// The campaign's questionnaires page: create (office), the chosen questionnaire's per-target links and counts,
    /// and one target's tally.
    static func page(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        return QuestionnairePageView(ctx: req.pageContext(), model: try await model(req, scope, campaign)).render()
    }

    static func model(_ req: Request, _ scope: Scope, _ campaign: Campaign) async throws -> PageModel {
        let all = try await QuestionnaireRecord.query(on: req.db).filter(\.$campaignID == campaign.id!).sort(\.$id)
            .all()
        let chosenID = try req.query.bounded("q", InputBounds.ID.self)
        let chosen = all.first { $0.id == chosenID } ?? all.last
        let paging = Paging(page: try req.query.page(), per: nil)
        // Links go to parents by message or on paper: whole addresses, with this server's host.
        let host =
            req.headers.first(name: .host).map { (req.application.config.secureCookies ? "https://" : "http://") + $0 }
            ?? ""
        var rows = PageOf<PageModel.Row>(items: [], paging: paging, total: 0)
        var tally: (String, Int, [(Question, [(option: String, count: Int)])])?
        var tallyLink: String?
        if let chosen {
            let targets = try await CampaignTarget.query(on: req.db).filter(\.$campaignID == campaign.id!).sort(\.$id)
                .paginate(paging)
            let counts = try await answerCounts(
                questionnaire: chosen.id!, targets: targets.items.map { $0.id! }, on: req.db)
            rows = PageOf(
                items: targets.items.map {
                    PageModel.Row(
                        target: $0.id!, name: $0.name, answers: counts[$0.id!] ?? 0,
                        link: host
                            + SiteURL.questionnaireAnswer(chosen.id!, $0.id!).with([("k", chosen.key(target: $0.id!))]))
                }, paging: paging, total: targets.total)
            if let tid = try req.query.bounded("target", InputBounds.ID.self),
                let target = try await CampaignTarget.query(on: req.db).filter(\.$id == tid)
                    .filter(\.$campaignID == campaign.id!).first()
            {
                let answers = try await QuestionnaireAnswer.all(
                    questionnaireIDs: [chosen.id!], targetID: tid, on: req.db
                )
                .map(\.answers)
                tally = (
                    target.name, answers.count,
                    chosen.questions.map { ($0, QuestionnaireAnswers.tally($0, answers: answers)) }
                )
                tallyLink = host + SiteURL.questionnaireAnswer(chosen.id!, tid).with([("k", chosen.key(target: tid))])
            }
        }
        return PageModel(
            campaignID: campaign.id!, campaignTitle: campaign.title, questionnaire: chosen,
            questionnaires: all.map { ($0.id!, $0.title, $0.audience, $0.closesOn) }, rows: rows, tally: tally,
            mayCreate: scope.principal.mayEditDirectory, tallyLink: tallyLink,
            values: ["closesOn": Day(parsing: campaign.endsOn)?.description ?? "", "audience": "parents"])
    }

    /// How many answered for each target of a page: one grouped query, not one per row.
    static func answerCounts(questionnaire: Int, targets: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !targets.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        struct Count: Decodable {
            let target_id: Int
            let n: Int
        }
        let rows = try await sql.raw(
            """
            SELECT target_id, COUNT(*) AS n FROM questionnaire_answers
            WHERE questionnaire_id = \(bind: questionnaire) AND target_id IN (\(binds: targets)) GROUP BY target_id
            """
        ).all(decoding: Count.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.target_id, $0.n) })
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        var values: [String: String] = [:]
        for name in ["title", "audience", "closesOn", "questions"] {
            values[name] = String(((try? req.content.get(String.self, at: name)) ?? "").prefix(10_000))
        }
        var errors: [FieldError] = []
        let title = (values["title"] ?? "").trimmingCharacters(in: .whitespaces)
        if title.isEmpty || title.count > 100 { errors.append(FieldError("title", "请填写问卷名称（100 字以内）")) }
        let audience = Audience(rawValue: values["audience"] ?? "")
        if audience == nil { errors.append(FieldError("audience", "请选择调查对象")) }
        let closes = Day(parsing: values["closesOn"] ?? "")
        if closes == nil { errors.append(FieldError("closesOn", "请填写截止日期")) }
        let (questions, problems) = QuestionnaireText.parse(values["questions"] ?? "")
        errors += problems.map { FieldError("questions", $0) }
        guard errors.isEmpty, let audience, let closes else {
            var model = try await model(req, scope, campaign)
            model.values = values
            model.errors = errors
            return try await QuestionnairePageView(ctx: req.pageContext(), model: model).render().encodeResponse(
                for: req)
        }
        let q = QuestionnaireRecord()
        q.campaignID = campaign.id!
        q.title = title
        q.audience = audience
        q.questionsJSON = String(decoding: try JSONEncoder().encode(questions), as: UTF8.self)
        q.closesOn = closes.description
        q.linkSecret = DigitText.hex([UInt8].random(count: 16))
        q.createdAt = req.now
        try await req.db.writeTransaction { db in
            try await q.create(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "create", entity: "campaign", id: campaign.id!,
                orgPath: scope.principal.orgPath, summary: "「\(campaign.title)」添加问卷「\(title)」（\(questions.count)题）")
        }
        req.flash("已添加问卷「\(title)」，请把各对象的答卷链接发给\(audience.label)")
        return req.redirect(to: SiteURL.campaignPage(campaign.id!, "questionnaires").with([("q", String(q.id!))]))
    }

    // MARK: answering, anonymous

    struct Answering: Sendable {
        let questionnaire: QuestionnaireRecord
        let target: CampaignTarget
        let key: String
    }

    /// The questionnaire and target of a link, only with the link's key.
    static func answering(_ req: Request) async throws -> Answering {
        let qid = try req.parameters.id()
        let tid = try req.parameters.id("target")
        let key = try req.query.boundedText("k", max: 64) ?? ""
        guard let q = try await QuestionnaireRecord.find(qid, on: req.db), q.key(target: tid) == key,
            let target = try await CampaignTarget.query(on: req.db).filter(\.$id == tid)
                .filter(\.$campaignID == q.campaignID).first()
        else { throw Abort(.notFound, reason: "问卷链接无效，请向学校或督导室索取正确的链接") }
        return Answering(questionnaire: q, target: target, key: key)
    }

    /// The device, known only by a random cookie's hash (without cookies, the address and browser stand in).
    static func device(_ req: Request) -> String {
        let value = req.cookies[deviceCookie]?.string ?? ""
        if value.isEmpty {
            let fresh = UUID().uuidString
            req.pendingCookies[deviceCookie] = Sessions.cookie(fresh, req, lifetime: 400 * 86_400)
            let fallback = req.clientAddress + "|" + (req.headers.first(name: .userAgent) ?? "")
            return hash(fallback)
        }
        return hash(value)
    }

    static func hash(_ s: String) -> String {
        DigitText.hex(SHA256.hash(data: Data(s.utf8)))
    }

    static func answerForm(req: Request) async throws -> Page {
        let a = try await answering(req)
        _ = device(req)
        return QuestionnaireAnswerView(
            ctx: req.pageContext(), answering: a, state: state(a, req), fields: [:], errors: []
        )
        .render()
    }

    enum AnswerState { case open, closed, answered }

    static func state(_ a: Answering, _ req: Request) -> AnswerState {
        if let closes = Day(parsing: a.questionnaire.closesOn), req.today > closes { return .closed }
        return .open
    }

    static func answer(req: Request) async throws -> Response {
        let a = try await answering(req)
        let device = device(req)
        guard state(a, req) == .open else {
            return try await QuestionnaireAnswerView(
                ctx: req.pageContext(), answering: a, state: .closed, fields: [:], errors: []
            ).render().encodeResponse(for: req)
        }
        var fields: [String: [String]] = [:]
        for q in a.questionnaire.questions {
            if q.kind == .multiple {
                fields[q.code] = Array(((try? req.content.get([String].self, at: q.code)) ?? []).prefix(20))
            } else if let v = try? req.content.get(String.self, at: q.code) {
                fields[q.code] = [String(v.prefix(QuestionnaireAnswers.maxText + 1))]
            }
        }
        switch QuestionnaireAnswers.check(a.questionnaire.questions, fields: fields) {
        case .failure(let errors):
            return try await QuestionnaireAnswerView(
                ctx: req.pageContext(), answering: a, state: .open, fields: fields, errors: errors
            ).render().encodeResponse(for: req)
        case .success(let answers):
            let taken = try await req.db.writeTransaction { db -> Bool in
                let already = try await QuestionnaireAnswer.query(on: db).filter(
                    \.$questionnaireID == a.questionnaire.id!
                )
                .filter(\.$targetID == a.target.id!).filter(\.$deviceHash == device).count()
                guard already == 0 else { return false }
                let row = QuestionnaireAnswer()
                row.questionnaireID = a.questionnaire.id!
                row.targetID = a.target.id!
                row.deviceHash = device
                row.answersJSON = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
                row.createdAt = req.now
                try await row.create(on: db)
                return true
            }
            return try await QuestionnaireAnswerView(
                ctx: req.pageContext(), answering: a, state: .answered, fields: [:], errors: [],
                note: taken ? "提交成功，感谢您的参与！" : "本设备已提交过这份问卷，每台设备只能提交一次。"
            ).render().encodeResponse(for: req)
        }
    }

    /// The share of respondents choosing one of `positive` on the campaign's questionnaires for a target: the value
    /// of a 问卷 item of the team's rating.
    static func shares(
        system: IndicatorSystem, target: CampaignTarget, on db: any Database
    ) async throws -> ScoringEngine.Answers {
        let questionnaires = try await QuestionnaireRecord.query(on: db).filter(\.$campaignID == target.campaignID)
            .all()
        guard !questionnaires.isEmpty else { return [:] }
        var result: ScoringEngine.Answers = [:]
        for leaf in system.leaves {
            guard case .questionnaire(_, let key, let positive, _)? = leaf.form else { continue }
            for q in questionnaires {
                guard let question = QuestionnaireAnswers.question(key, in: q.questions) else { continue }
                let answers = try await QuestionnaireAnswer.all(
                    questionnaireIDs: [q.id!], targetID: target.id!, on: db
                ).map(\.answers)
                if let share = QuestionnaireAnswers.share(of: positive, question: question.code, answers: answers) {
                    result[leaf.code] = .share(share)
                    break
                }
            }
        }
        return result
    }
}
