import DudaoCore
import Vapor

extension VisitsController {
    /// 主题检查表: the author of a draft saves the list the month's theme offers (or, once begun, the same version).
    static func saveChecklist(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let v = try await draft(req, scope: scope)
        guard let school = try await School.find(v.schoolID, on: req.db),
            let list = try await VisitChecklist.load(v, school: school, on: req.db)
        else { throw Abort(.notFound, reason: "本月主题没有指定检查表") }
        // Kept as typed for the page shown again; a note past its limit is refused by the rule, not cut here.
        let form = try req.content.decode([String: String].self).mapValues {
            String($0.prefix(2 * ThemeChecklist.maxNote))
        }
        switch ThemeChecklist.check(items: list.items, form: form, versionID: list.versionID, name: list.name) {
        case .failure(let errors):
            return try await sectionError(
                req, scope: scope, visit: v, section: "checklist", errors: errors, typed: form)
        case .success(let record):
            v.checklistRecord = record
            try await v.save(on: req.db)
            return back(req, v, "checklist", "已保存主题检查表")
        }
    }
}
