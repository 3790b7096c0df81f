import DudaoCore
import Fluent
import Vapor

/// 新学年挂牌调整: the office carries all assignments into a new school year in one step, after reviewing the
/// proposed table. Every change is audited; a second submit of the same table changes nothing more.
enum RolloverController {
    static func page(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let start =
            req.query[String.self, at: "start"].flatMap(Day.init(parsing:))
            ?? Rollover.nextYearStart(after: req.today)
        let facts = try await Rollover.facts(scope: scope, on: req.db)
        return RolloverView(ctx: req.pageContext(), model: Rollover.build(facts, start: start)).render()
    }

    struct Form: Content {
        var start: String?
        var rows: [String: String]?
        var preview: String?
    }

    static func apply(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(Form.self)
        let facts = try await Rollover.facts(scope: scope, on: req.db)
        var errors: [FieldError] = []
        let start = form.start.flatMap(Day.init(parsing:))
        if start == nil { errors.append(.init("start", "请填写新学年开始日期，如 2027-09-01")) }
        let known = Dictionary(uniqueKeysWithValues: facts.current.map { ($0.assignmentID, $0) })
        let active = Set(facts.holders.filter(\.active).map(\.id))
        // Only what the office saw and sent is applied: an assignment not on the submitted table is kept, and a row
        // whose assignment is no longer current (a second submit, another clerk) is skipped and counted.
        var chosen = Dictionary(uniqueKeysWithValues: facts.current.map { ($0.assignmentID, YearRollover.Action.keep) })
        var stale = 0
        for (key, value) in (form.rows ?? [:]).prefix(Rollover.maxRows) {
            guard let id = Int(key), let current = known[id] else {
                stale += 1
                continue
            }
            guard let action = YearRollover.Action(formValue: value) else {
                errors.append(.init("rows[\(id)]", "“\(current.schoolName)”的调整无法识别，请重新选择"))
                continue
            }
            if case .move(let to) = action, !active.contains(to) || to == current.inspectorID {
                errors.append(.init("rows[\(id)]", "“\(current.schoolName)”只能改派给本区在岗的其他督学"))
                continue
            }
            chosen[id] = action
        }
        let shown = Rollover.build(
            facts, start: start ?? Rollover.nextYearStart(after: req.today), chosen: chosen, errors: errors)
        guard errors.isEmpty, let start, form.preview == nil else {
            let page = RolloverView(ctx: req.pageContext(), model: shown).render()
            return try await (errors.isEmpty ? page.encodeResponse(for: req) : page.refused(for: req))
        }
        let outcome = try await carry(shown.rows, start: start, names: facts.names, scope: scope, on: req.db)
        req.flash(outcome + (stale > 0 ? "；\(stale)所已在此前调整，未重复处理" : ""))
        return req.redirect(to: SiteURL.coverage.path)
    }

    /// Applies the rows in one transaction, each assignment checked still current under the write lock.
    static func carry(_ rows: [Rollover.Row], start: Day, names: [Int: String], scope: Scope, on db: any Database)
        async throws -> String
    {
        let p = scope.principal
        let year = start.year
        let changing = rows.filter { $0.chosen != .keep }
        // The schools changed, in one query (not one per row).
        let schools = try await School.query(on: db).filter(\.$id ~~ Set(changing.map(\.schoolID))).all()
        let schoolByID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0) })
        let (moved, ended, skipped) = try await db.writeTransaction { db -> (Int, Int, Int) in
            var moved = 0
            var ended = 0
            var skipped = 0
            for r in changing {
                guard let a = try await db.lockedFind(Assignment.self, r.assignmentID), a.endDate == nil,
                    let school = schoolByID[r.schoolID]
                else {
                    skipped += 1
                    continue
                }
                let began = Day(parsing: a.startDate) ?? start
                a.endDate = max(began, start.adding(days: -1)).description
                try await a.save(on: db)
                var after = ["责任督学": ""]
                var summary = "\(year)学年挂牌调整：\(school.name) 解除 \(r.inspectorName) 的挂牌"
                if case .move(let to) = r.chosen {
                    try await Assignment(inspectorID: to, schoolID: school.id!, start: start, note: "\(year)学年挂牌调整")
                        .save(on: db)
                    after["责任督学"] = names[to] ?? ""
                    summary = "\(year)学年挂牌调整：\(school.name) 的责任督学由 \(r.inspectorName) 改为 \(names[to] ?? "另一位督学")"
                    moved += 1
                } else {
                    ended += 1
                }
                try await Audit.record(
                    on: db, actor: p, action: "assign", entity: "school", id: school.id!, orgPath: school.orgPath,
                    summary: summary, before: ["责任督学": r.inspectorName], after: after)
            }
            return (moved, ended, skipped)
        }
        let kept = rows.filter { $0.chosen == .keep }.count
        return "已完成\(year)学年挂牌调整：保留\(kept)所，改派\(moved)所，解除\(ended)所"
            + (skipped > 0 ? "；\(skipped)所刚被他人调整，未重复处理" : "")
    }
}
