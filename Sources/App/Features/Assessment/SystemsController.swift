import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 指标体系: the office keeps its district's systems (the leader reads them). Parse → authorise → load → rule → render.
enum SystemsController {
    static let uploadLimits = UploadLimits(maxFiles: 1, maxFileBytes: 5 << 20, maxFieldBytes: 4096)

    /// The district's system named by the path; another district's reads as not found.
    struct Loaded {
        let scope: Scope
        let district: OrgUnit
        let template: IndicatorTemplate
        var mayEdit: Bool { scope.principal.mayEditDirectory }
    }

    static func load(_ req: Request) async throws -> Loaded {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        guard let template = try await IndicatorTemplate.find(req.parameters.id(), districtID: district.id!, on: req.db)
        else { throw Abort(.notFound, reason: "未找到该指标体系") }
        return Loaded(scope: scope, district: district, template: template)
    }

    /// The template's draft, or the refusal when it has none (the page offers 修改 first).
    static func draft(_ l: Loaded, on db: any Database) async throws -> IndicatorVersion {
        guard let draft = try await IndicatorVersion.all(templateID: l.template.id!, on: db).first,
            draft.state == .draft
        else { throw Abort(.conflict, reason: IndicatorLibrary.Refusal.notDraft.message) }
        return draft
    }

    /// A form of the draft asked for when there is none (an old link, another tab published it): back to the
    /// system's page, which says why.
    static func withDraft(
        _ req: Request, _ render: (Loaded, IndicatorVersion) async throws -> Page
    ) async throws -> Response {
        let l = try await load(req)
        guard let draft = try await IndicatorVersion.all(templateID: l.template.id!, on: req.db).first,
            draft.state == .draft
        else {
            req.flash(IndicatorLibrary.Refusal.notDraft.message)
            return req.redirect(to: SiteURL.system(l.template.id!).path)
        }
        return try await render(l, draft).encodeResponse(for: req)
    }

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let model = try await SystemList.query(
            districtID: district.id!, paging: Paging(page: try req.query.page(), per: nil),
            mayEdit: scope.principal.mayEditDirectory, on: req.db)
        return SystemListView(ctx: req.pageContext(), model: model).render()
    }

    static func show(req: Request) async throws -> Page {
        let l = try await load(req)
        let number = try req.query.bounded("version", InputBounds.Count.self)
        guard
            let model = try await SystemDetail.query(
                template: l.template, number: number, mayEdit: l.mayEdit, on: req.db)
        else { throw Abort(.notFound, reason: "未找到该版本") }
        return SystemDetailView(ctx: req.pageContext(), model: model).render()
    }

    static func export(req: Request, json: Bool) async throws -> Response {
        let l = try await load(req)
        let number = try req.query.bounded("version", InputBounds.Count.self)
        let versions = try await IndicatorVersion.all(templateID: l.template.id!, on: req.db)
        guard let version = number.map({ n in versions.first { $0.number == n } }) ?? versions.first else {
            throw Abort(.notFound, reason: "未找到该版本")
        }
        let system = try version.system()
        let name = "\(system.name)-第\(version.number)版"
        if json {
            return Download.file(
                try system.jsonData(), type: "application/json; charset=utf-8", fileName: name + ".json")
        }
        return try Download.table(IndicatorSheet.table(system), name: name, format: .xlsx, sheet: "指标体系")
    }

    static func newForm(req: Request) async throws -> Page {
        let values = SystemSettingsInput.values(
            of: IndicatorSystem(name: "", kind: .school, nodes: []))
        return SystemSettingsView(
            ctx: req.pageContext(), model: SystemSettingsForm(id: nil, values: values, errors: [])
        )
        .render()
    }

    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let values = try formValues(req, ["name", "kind", "fullScore", "bands", "source"])
        switch SystemSettingsInput.apply(values, to: nil) {
        case .failure(let errors):
            return try await SystemSettingsView(
                ctx: req.pageContext(), model: SystemSettingsForm(id: nil, values: values, errors: errors)
            ).render().encodeResponse(for: req)
        case .success(let system):
            let template = try await IndicatorLibrary.create(
                system, district: district, by: scope.principal, at: req.now, on: req.db)
            req.flash("已建立「\(system.name)」第1版草稿，请添加指标")
            return req.redirect(to: SiteURL.system(template.id!).path)
        }
    }

    static func importNew(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        switch try await readUpload(req) {
        case .failure(let errors):
            let values = SystemSettingsInput.values(of: IndicatorSystem(name: "", kind: .school, nodes: []))
            var view = SystemSettingsView(
                ctx: req.pageContext(), model: SystemSettingsForm(id: nil, values: values, errors: []))
            view.importErrors = errors
            return try await view.render().encodeResponse(for: req)
        case .success(let system):
            let template = try await IndicatorLibrary.create(
                system, district: district, by: scope.principal, at: req.now, on: req.db)
            req.flash("已导入「\(system.name)」（\(system.leaves.count)个检查项），为第1版草稿")
            return req.redirect(to: SiteURL.system(template.id!).path)
        }
    }

    static func copy(req: Request) async throws -> Response {
        let l = try await load(req)
        guard let newest = try await IndicatorVersion.all(templateID: l.template.id!, on: req.db).first else {
            throw Abort(.notFound)
        }
        var system = try newest.system()
        system.name = String((system.name + "（副本）").prefix(100))
        let copy = try await IndicatorLibrary.create(
            system, district: l.district, copiedFrom: l.template.id, by: l.scope.principal, at: req.now, on: req.db)
        req.flash("已复制为「\(system.name)」，可修改后发布")
        return req.redirect(to: SiteURL.system(copy.id!).path)
    }

    static func startDraft(req: Request) async throws -> Response {
        let l = try await load(req)
        let draft = try await IndicatorLibrary.draft(
            of: l.template, district: l.district, by: l.scope.principal, at: req.now, on: req.db)
        req.flash("第\(draft.number)版草稿可以修改；已评分的结果仍按原版本保存")
        return req.redirect(to: SiteURL.system(l.template.id!).path)
    }

    static func publish(req: Request) async throws -> Response {
        let l = try await load(req)
        let draft = try await draft(l, on: req.db)
        do {
            try await IndicatorLibrary.publish(
                draft, template: l.template, district: l.district, by: l.scope.principal, at: req.now, on: req.db)
        } catch let refusal as IndicatorLibrary.Refusal {
            var model = try await SystemDetail.query(template: l.template, number: nil, mayEdit: true, on: req.db)!
            model.error = refusal.message
            return try await SystemDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        req.flash("已发布第\(draft.number)版")
        return req.redirect(to: SiteURL.system(l.template.id!).path)
    }

    static func nodeForm(req: Request) async throws -> Response {
        let code = try req.query.boundedText("code", max: 30)
        let parent = try req.query.boundedText("parent", max: 30)
        return try await withDraft(req) { l, draft in
            let system = try draft.system()
            if let code {
                guard let node = system.node(code) else {
                    throw Abort(.notFound, reason: "指标 \(code) 不存在（可能已被删除）")
                }
                return SystemNodeView(
                    ctx: req.pageContext(),
                    model: .make(
                        id: l.template.id!, version: draft.number, system: system, original: code,
                        values: IndicatorSheet.formValues(node))
                ).render()
            }
            return SystemNodeView(
                ctx: req.pageContext(),
                model: .new(
                    id: l.template.id!, version: draft.number, system: system, parent: parent.flatMap(system.node)?.code
                )
            ).render()
        }
    }

    static func saveNode(req: Request) async throws -> Response {
        let l = try await load(req)
        let draft = try await draft(l, on: req.db)
        let system = try draft.system()
        let values = try formValues(req, IndicatorSheet.fields.map(\.name) + ["original"])
        let original = values["original"].flatMap { $0.isEmpty ? nil : $0 }
        var (node, errors) = IndicatorSheet.node(formValues: values)
        var saved: IndicatorSystem?
        if let node {
            do {
                saved = try system.saving(node, replacing: original)
            } catch {
                errors.append(error.description)
            }
            if let s = saved, s.nodes.count > IndicatorSystem.maxNodes {
                errors.append("指标不能超过 \(IndicatorSystem.maxNodes) 个")
            }
        }
        guard let saved, errors.isEmpty else {
            return try await SystemNodeView(
                ctx: req.pageContext(),
                model: .make(
                    id: l.template.id!, version: draft.number, system: system, original: original, values: values,
                    errors: errors)
            ).render().encodeResponse(for: req)
        }
        try await IndicatorLibrary.saveDraft(
            draft, system: saved, template: l.template, district: l.district,
            summary: original == nil ? "新增指标 \(node!.code)" : "修改指标 \(node!.code)", by: l.scope.principal,
            at: req.now, on: req.db)
        req.flash("已保存指标 \(node!.code) \(node!.title)")
        return req.redirect(to: SiteURL.system(l.template.id!).path)
    }

    static func removeNode(req: Request) async throws -> Response {
        let l = try await load(req)
        let draft = try await draft(l, on: req.db)
        let code = try formValues(req, ["code"])["code"] ?? ""
        let system: IndicatorSystem
        do {
            system = try draft.system().removing(code)
        } catch let error as IndicatorSystem.EditError {
            // Already gone (a second tap, another tab): say so on the system's page.
            req.flash(error.description)
            return req.redirect(to: SiteURL.system(l.template.id!).path)
        }
        try await IndicatorLibrary.saveDraft(
            draft, system: system, template: l.template, district: l.district, summary: "删除指标 \(code) 及其下级",
            by: l.scope.principal, at: req.now, on: req.db)
        req.flash("已删除指标 \(code) 及其下级")
        return req.redirect(to: SiteURL.system(l.template.id!).path)
    }

    static func importIntoDraft(req: Request) async throws -> Response {
        let l = try await load(req)
        let draft = try await draft(l, on: req.db)
        switch try await readUpload(req) {
        case .failure(let errors):
            var model = try await SystemDetail.query(template: l.template, number: nil, mayEdit: true, on: req.db)!
            model.error = "文件未导入，草稿没有改动：" + errors.prefix(20).joined(separator: "；")
            return try await SystemDetailView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .success(let system):
            try await IndicatorLibrary.saveDraft(
                draft, system: system, template: l.template, district: l.district,
                summary: "导入文件替换草稿（\(system.leaves.count)个检查项）", by: l.scope.principal, at: req.now, on: req.db)
            req.flash("已用文件替换第\(draft.number)版草稿（\(system.leaves.count)个检查项）")
            return req.redirect(to: SiteURL.system(l.template.id!).path)
        }
    }

    static func settingsForm(req: Request) async throws -> Response {
        try await withDraft(req) { l, draft in
            SystemSettingsView(
                ctx: req.pageContext(),
                model: SystemSettingsForm(
                    id: l.template.id!, values: SystemSettingsInput.values(of: try draft.system()), errors: [])
            ).render()
        }
    }

    static func saveSettings(req: Request) async throws -> Response {
        let l = try await load(req)
        let draft = try await draft(l, on: req.db)
        let values = try formValues(req, ["name", "kind", "fullScore", "bands", "source"])
        switch SystemSettingsInput.apply(values, to: try draft.system()) {
        case .failure(let errors):
            return try await SystemSettingsView(
                ctx: req.pageContext(), model: SystemSettingsForm(id: l.template.id!, values: values, errors: errors)
            ).render().encodeResponse(for: req)
        case .success(let system):
            try await IndicatorLibrary.saveDraft(
                draft, system: system, template: l.template, district: l.district, summary: "修改名称、满分与等级",
                by: l.scope.principal, at: req.now, on: req.db)
            req.flash("已保存")
            return req.redirect(to: SiteURL.system(l.template.id!).path)
        }
    }

    /// Text fields of a urlencoded form, each at most 2 000 characters (a longer value is refused, not cut).
    static func formValues(_ req: Request, _ names: [String]) throws -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            guard let value = try? req.content.get(String.self, at: name) else { continue }
            guard value.count <= 2_000 else { throw Abort(.badRequest, reason: "填写的内容过长") }
            values[name] = value
        }
        return values
    }

    enum UploadOutcome {
        case success(IndicatorSystem)
        case failure([String])
    }

    /// An uploaded system: .xlsx by the sheet's rows, .json by its schema; either way checked whole.
    static func readUpload(_ req: Request) async throws -> UploadOutcome {
        let upload = try await UploadReader.read(req, limits: uploadLimits)
        defer { upload.discard() }
        if let refused = upload.errors.first { return .failure([refused.message]) }
        guard let file = upload.files(named: "file").first, file.size > 0 else {
            return .failure(["请选择要导入的文件（.xlsx 或 .json）"])
        }
        let data = try file.data
        if file.filename.lowercased().hasSuffix(".json") {
            guard let system = try? IndicatorSystem.fromJSON(data) else {
                return .failure(["JSON 文件不是本平台导出的指标体系格式"])
            }
            let problems = system.problems()
            return problems.isEmpty ? .success(system) : .failure(problems)
        }
        let table: SpreadsheetTable
        do {
            table = try XLSX.read(data)
        } catch let e as SpreadsheetError {
            return .failure([e.message])
        }
        let read = IndicatorSheet.read(table)
        if let system = read.system { return .success(system) }
        return .failure(read.fileErrors + read.rowErrors.map { "第\($0.row)行：" + $0.messages.joined(separator: "；") })
    }
}
