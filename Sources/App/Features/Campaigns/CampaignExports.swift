import DudaoCore
import Fluent
import Vapor

/// 督导任务 as files: the list, one campaign's progress board, its results and ranking, its questionnaires'
/// answers per target. Each streams with the scope of its page.
enum CampaignExports {
    /// The campaigns the account may read, as the list shows them.
    static func list(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let districts = try await scope.campaignDistricts(on: req.db)
        let db = req.db
        let many = CampaignList.namesDistricts(districts, scope: scope)
        return Download.stream(
            name: "督导任务", format: ExportFormat(request: req),
            headers: (many ? ["区（县）"] : []) + ["任务", "类型", "开始日期", "结束日期", "对象", "已完成"]
        ) { page in
            let number = page ?? 1
            let list = try await CampaignList.query(
                scope: scope, districts: districts, paging: Paging(page: number, per: Paging.maxPer), on: db)
            let rows = list.page.items.map {
                ($0.district.map { [$0] } ?? [])
                    + [$0.title, $0.kind.label, $0.startsOn, $0.endsOn, String($0.targets), String($0.finished)]
            }
            return ExportPage(rows: rows, page: number, per: Paging.maxPer)
        }
    }

    /// The progress board: every target the account may read, with its phase (the board's filter kept).
    static func progress(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        let phase = (try? req.query.get(String.self, at: "phase")).flatMap(CampaignPhase.init(rawValue:))
        let (id, db) = (campaign.id!, req.db)
        return Download.stream(
            name: "\(campaign.title)-进度", format: ExportFormat(request: req),
            headers: ["对象", "当前环节", "得分", "等级", "一票否决"]
        ) { after in
            var query = scope.campaignAccess.readable(CampaignTarget.query(on: db)).filter(\.$campaignID == id)
            if let phase { query = query.filter(\.$phase == phase) }
            if let after { query = query.filter(\.$id > after) }
            let targets = try await query.sort(\.$id).limit(Download.pageSize).all()
            let rows = targets.map { t in
                [
                    t.name, t.phase?.label ?? "已完成", t.total.map(Score.text) ?? "", t.grade ?? "",
                    t.vetoed ? "是" : "",
                ]
            }
            return ExportPage(rows: rows, lastKey: targets.last?.id, limit: Download.pageSize)
        }
    }

    /// Results and ranking, best first, with each first-level area's share of its points.
    static func results(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        let db = req.db
        let first = try await CampaignResults.query(campaign: campaign, paging: Paging(page: 1, per: 1), on: db)
        let rechecked = campaign.recheckPercent > 0
        let headers =
            ["名次", "对象"] + (first.showsSelf ? ["自评"] : []) + ["得分", "等级", "否决"]
            + first.columns.map { "\($0.code) \($0.title)（得分率）" }
            + (rechecked ? ["市级抽评", "抽评差异"] : [])
        return Download.stream(
            name: "\(campaign.title)-结果", format: ExportFormat(request: req), headers: headers
        ) { page in
            let number = page ?? 1
            let results = try await CampaignResults.query(
                campaign: campaign, paging: Paging(page: number, per: Paging.maxPer), on: db)
            let rows = results.page.items.map {
                [String($0.place), $0.name] + (results.showsSelf ? [$0.selfTotal.map(Score.text) ?? ""] : [])
                    + [Score.text($0.total), $0.grade ?? "", $0.vetoed ? "是" : ""]
                    + $0.ratios.map { $0.map(Score.percent) ?? "不适用" } + (rechecked ? $0.recheckCells : [])
            }
            return ExportPage(rows: rows, page: number, per: Paging.maxPer)
        }
    }

    /// One questionnaire's answers (the page's chosen one, else the latest): per target, how many answered and how
    /// many chose each option of each question (填空 answers are read on the tally page).
    static func questionnaire(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let campaign = try await CampaignsController.campaign(req, scope)
        let db = req.db
        var query = QuestionnaireRecord.query(on: db).filter(\.$campaignID == campaign.id!)
        if let chosen = try req.query.bounded("q", InputBounds.ID.self) { query = query.filter(\.$id == chosen) }
        guard let record = try await query.sort(\.$id, .descending).first() else {
            throw Abort(.notFound, reason: "该督导任务还没有问卷")
        }
        let (qid, campaignID) = (record.id!, campaign.id!)
        let questions = record.questions.filter { $0.kind != .text }
        let headers =
            ["对象", "答卷数"]
            + questions.flatMap { q in q.options.map { "\(q.code) \(q.text)：\($0)" } }
        // The answers of a page of targets are read at once to tally them: 50 targets keeps that bounded.
        let pageSize = 50
        return Download.stream(
            name: "\(campaign.title)-\(record.title)", format: ExportFormat(request: req), headers: headers
        ) { after in
            var targets = CampaignTarget.query(on: db).filter(\.$campaignID == campaignID)
            if let after { targets = targets.filter(\.$id > after) }
            let page = try await targets.sort(\.$id).limit(pageSize).all()
            guard !page.isEmpty else { return ExportPage(rows: [], lastKey: nil, limit: pageSize) }
            let answers = try await QuestionnaireAnswer.query(on: db).filter(\.$questionnaireID == qid)
                .filter(\.$targetID ~~ page.compactMap(\.id)).all()
            let byTarget = Dictionary(grouping: answers, by: \.targetID).mapValues { $0.map(\.answers) }
            let rows = page.map { target in
                let mine = byTarget[target.id!] ?? []
                return [target.name, String(mine.count)]
                    + questions.flatMap { QuestionnaireAnswers.tally($0, answers: mine).map { String($0.count) } }
            }
            return ExportPage(rows: rows, lastKey: page.last?.id, limit: pageSize)
        }
    }
}
