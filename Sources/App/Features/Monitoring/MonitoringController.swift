import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 质量监测: the office runs a round (steps, sample, incidents, findings, follow-up problems); leaders and admin
/// read it.
enum MonitoringController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let model = try await MonitoringList.load(
            district: district, mayCreate: scope.principal.role == .office, today: req.today, on: req.db)
        return MonitoringListView(ctx: req.pageContext(), model: model).render()
    }

    /// The rounds as the list shows them.
    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let model = try await MonitoringList.load(district: district, mayCreate: false, today: req.today, on: req.db)
        let rows =
            [["年度", "监测学科", "测试日期", "已完成环节", "环节"]]
            + model.items.map { [String($0.year), $0.subjects, $0.testDay, String($0.done), String($0.steps)] }
        return try Download.table(.init(rows: rows), name: "质量监测", format: ExportFormat(request: req))
    }

    /// One round: its steps, sample schools with their follow-up problems, and incidents, one block after another.
    static func roundExport(req: Request) async throws -> Response {
        let (_, round) = try await load(req)
        let m = try await MonitoringRoundPage.load(round, mayEdit: false, today: req.today, on: req.db)
        var rows = [["环节", "截止日期", "负责", "完成日期", "状态", "说明"]]
        rows += m.steps.map { [$0.title, $0.due.description, $0.owner, $0.doneOn ?? "", $0.status.label, $0.note] }
        rows += [[], ["样本校", "学段", "整改跟踪问题", "状态"]]
        for s in m.samples {
            if s.followUps.isEmpty { rows.append([s.school, s.section.label, "", ""]) }
            rows += s.followUps.map { [s.school, s.section.label, $0.text, $0.open ? "待整改" : "已销号"] }
        }
        rows += [[], ["异常情况日期", "学校", "情况"]] + m.incidents.map { [$0.day, $0.school, $0.text] }
        if !m.findings.isEmpty { rows += [[], ["监测结果分析"], [m.findings]] }
        return try Download.table(
            .init(rows: rows), name: "\(m.year)年质量监测-\(m.subjects)", format: ExportFormat(request: req))
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let yearText = String(((try? req.content.get(String.self, at: "year")) ?? "").prefix(10))
        let dayText = String(((try? req.content.get(String.self, at: "testDay")) ?? "").prefix(20))
        var errors: [FieldError] = []
        var year = 0
        if case .success(let y?) = InputBounds.parse(yearText, InputBounds.Year.self) {
            year = y
        } else {
            errors.append(FieldError("year", "年度应为 1900–2100 之间的整数"))
        }
        let testDay = Day(parsing: dayText)
        if testDay == nil { errors.append(FieldError("testDay", "请选择测试日")) }
        if year > 0,
            try await MonitoringRound.query(on: req.db).filter(\.$districtID == district.id!).filter(\.$year == year)
                .count() > 0
        {
            errors.append(FieldError("year", "\(year) 年的质量监测已经建立"))
        }
        guard errors.isEmpty, let testDay else {
            let model = try await MonitoringList.load(district: district, mayCreate: true, today: req.today, on: req.db)
            return try await MonitoringListView(ctx: req.pageContext(), model: model, errors: errors).render()
                .encodeResponse(for: req)
        }
        let principal = scope.principal
        let chosenYear = year
        let round = try await req.db.writeTransaction { db in
            let r = MonitoringRound()
            r.districtID = district.id!
            r.orgPath = district.path
            r.year = chosenYear
            r.subjects = QualityMonitoring.subjects(chosenYear).joined(separator: "、")
            r.testDay = testDay.description
            r.findings = ""
            r.createdBy = principal.displayName
            try await r.create(on: db)
            for (k, step) in QualityMonitoring.steps(testDay: testDay).enumerated() {
                let s = MonitoringStep()
                s.roundID = r.id!
                s.position = k + 1
                s.title = step.title
                s.due = step.due.description
                s.owner = step.owner
                s.note = ""
                s.files = "[]"
                try await s.create(on: db)
            }
            try await Audit.record(
                on: db, actor: principal, action: "create", entity: "monitoring_rounds", id: r.id!,
                orgPath: district.path, summary: "新建\(chosenYear)年质量监测，测试日\(testDay.chinese)")
            return r
        }
        req.flash("已新建\(year)年质量监测，请确认样本校")
        return req.redirect(to: SiteURL.monitoringRound(round.id!).path)
    }

    static func load(_ req: Request) async throws -> (Scope, MonitoringRound) {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        guard let round = try await MonitoringRound.find(try req.parameters.id(), on: req.db),
            round.districtID == district.id
        else { throw Abort(.notFound, reason: "未找到该质量监测") }
        return (scope, round)
    }

    static func show(req: Request) async throws -> Page {
        let (scope, round) = try await load(req)
        let model = try await MonitoringRoundPage.load(
            round, mayEdit: scope.principal.role == .office, today: req.today, on: req.db)
        return MonitoringRoundView(ctx: req.pageContext(), model: model).render()
    }

    /// Every change of a round, by `action`.
    static func act(req: Request) async throws -> Response {
        let (scope, round) = try await load(req)
        guard scope.principal.role == .office else { throw Abort(.forbidden, reason: "只有督导室可以安排质量监测") }
        let form = try req.content.decode([String: String].self).mapValues { String($0.prefix(6000)) }
        let principal = scope.principal
        let today = req.today
        func refuse(_ field: String, _ message: String) async throws -> Response {
            var model = try await MonitoringRoundPage.load(round, mayEdit: true, today: today, on: req.db)
            model.errors = [FieldError(field, message)]
            return try await MonitoringRoundView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        var message = "已保存"
        switch form["action"] ?? "" {
        case "done":
            guard let id = form["step"].flatMap(Int.init),
                let step = try await MonitoringStep.find(id, on: req.db), step.roundID == round.id
            else { throw Abort(.notFound, reason: "未找到该步骤") }
            step.doneOn = today.description
            try await step.save(on: req.db)
            message = "已标记完成：\(step.title)"
        case "draw":
            guard try await MonitoringSample.query(on: req.db).filter(\.$roundID == round.id!).count() == 0 else {
                return try await refuse("code", "已有样本校，不能重新抽取")
            }
            try await drawSample(round, on: req.db)
            message = "已抽取样本校"
        case "addSample":
            let code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
            let section = SchoolSection.balanceSection(form["section"] ?? "") ?? .primary
            guard
                let school = try await School.query(on: req.db).filter(\.$districtID == round.districtID)
                    .filter(\.$code == code).first()
            else { return try await refuse("code", "本区没有学校标识码为“\(code.prefix(20))”的学校") }
            guard school.type.sections.contains(section) else {
                return try await refuse("code", "\(school.name)没有\(section.label)学段")
            }
            guard
                try await MonitoringSample.query(on: req.db).filter(\.$roundID == round.id!)
                    .filter(\.$schoolID == school.id!).count() == 0
            else { return try await refuse("code", "\(school.name)已是样本校") }
            let s = MonitoringSample()
            (s.roundID, s.schoolID, s.section) = (round.id!, school.id!, section)
            try await s.create(on: req.db)
            message = "已加入样本校：\(school.name)"
        case "incident":
            let text = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, text.count <= 1000 else { return try await refuse("text", "请填写情况（最多 1000 字）") }
            let i = MonitoringIncident()
            (i.roundID, i.day, i.text, i.recordedBy) = (round.id!, today.description, text, principal.displayName)
            i.schoolID = try await sampleSchool(form["school"], round, on: req.db)?.id
            try await i.create(on: req.db)
            message = "已记录突发事件"
        case "findings":
            let text = (form["findings"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard text.count <= 5000 else { return try await refuse("findings", "最多 5000 字") }
            round.findings = text
            try await round.save(on: req.db)
        case "followUp":
            let text = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let school = try await sampleSchool(form["school"], round, on: req.db) else {
                throw Abort(.notFound, reason: "该校不是本次监测的样本校")
            }
            guard !text.isEmpty, text.count <= 500 else { return try await refuse("text", "请填写整改要求（最多 500 字）") }
            guard let inspector = try await Assignment.current(on: req.db).filter(\.$schoolID == school.id!).first()
            else { return try await refuse("text", "\(school.name)没有责任督学，请先挂牌再列入整改") }
            let p = Problem()
            p.schoolID = school.id!
            p.orgPath = school.orgPath
            p.inspectorID = inspector.inspectorID
            p.category = "质量监测"
            p.severity = .minor
            p.disposition = .rectify
            p.description = MonitoringRoundPage.followUpTag(year: round.year) + text
            p.state = .open
            p.draft = false
            p.referralDepartment = ""
            p.referralReply = ""
            try await p.create(on: req.db)
            message = "已列入\(school.name)的问题台账，由责任督学跟进整改"
        default:
            throw BadInput(message: "操作不正确")
        }
        try await Audit.record(
            on: req.db, actor: principal, action: "update", entity: "monitoring_rounds", id: round.id!,
            orgPath: round.orgPath, summary: "\(round.year)年质量监测：\(message)")
        req.flash(message)
        return req.redirect(to: SiteURL.monitoringRound(round.id!).path)
    }

    static func sampleSchool(_ text: String?, _ round: MonitoringRound, on db: any Database) async throws -> School? {
        guard let id = text.flatMap(Int.init),
            try await MonitoringSample.query(on: db).filter(\.$roundID == round.id!).filter(\.$schoolID == id)
                .count() > 0
        else { return nil }
        return try await School.find(id, on: db)
    }

    /// 12 primary and 8 junior schools of the district, drawn with the round's year as the seed.
    static func drawSample(_ round: MonitoringRound, on db: any Database) async throws {
        let schools = try await School.query(on: db).filter(\.$districtID == round.districtID)
            .filter(\.$status == .open).all()
        let primary = schools.filter { $0.type.sections.contains(.primary) && $0.type != .teachingPoint }
        let junior = schools.filter { $0.type.sections.contains(.junior) }
        let seed = UInt64(round.year) &* 31 &+ UInt64(round.districtID)
        let chosenPrimary = QualityMonitoring.draw(
            primary.compactMap(\.id), count: QualityMonitoring.primarySample, seed: seed)
        let chosenJunior = QualityMonitoring.draw(
            junior.compactMap(\.id).filter { !chosenPrimary.contains($0) }, count: QualityMonitoring.juniorSample,
            seed: seed &+ 1)
        for (ids, section) in [(chosenPrimary, SchoolSection.primary), (chosenJunior, .junior)] {
            for id in ids {
                let s = MonitoringSample()
                (s.roundID, s.schoolID, s.section) = (round.id!, id, section)
                try await s.create(on: db)
            }
        }
    }
}
