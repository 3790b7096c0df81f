import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 督导简报: the office drafts from the data, edits, approves (numbering it) and publishes; schools, inspectors and
/// leaders of the district read what is published; the public what the office chose to make public.
enum BulletinsController {
    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let model = try await BulletinList.load(
            district: district, office: scope.principal.role == .office,
            paging: Paging(page: try req.query.page(), per: nil), today: req.today, on: req.db)
        return BulletinListView(ctx: req.pageContext(), model: model).render()
    }

    /// The issues the list shows to the account (the office also its drafts), newest period first.
    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let (office, today, db) = (scope.principal.role == .office, req.today, req.db)
        return Download.stream(
            name: "督导简报", format: ExportFormat(request: req),
            headers: ["期号", "标题", "期间", "状态", "发布日期", "向社会公开"]
        ) { page in
            let number = page ?? 1
            let list = try await BulletinList.load(
                district: district, office: office, paging: Paging(page: number, per: Paging.maxPer), today: today,
                on: db)
            let rows = list.items.map {
                [$0.issue, $0.title, $0.period, $0.state.label, $0.publishedOn ?? "", $0.isPublic ? "是" : ""]
            }
            return ExportPage(rows: rows, page: number, per: Paging.maxPer)
        }
    }

    /// The bulletin of the path, if the account may read it: the office of its district every one, others of the
    /// district the published ones.
    static func load(_ req: Request) async throws -> (Scope, Bulletin) {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        guard let b = try await Bulletin.find(try req.parameters.id(), on: req.db), b.districtID == district.id,
            scope.principal.role == .office || scope.principal.role == .leader || scope.principal.role == .admin
                || b.state == .published
        else { throw Abort(.notFound, reason: "未找到该简报，或您无权查看") }
        return (scope, b)
    }

    static func show(req: Request) async throws -> Page {
        let (scope, b) = try await load(req)
        let model = try await BulletinPage.load(b, isOffice: scope.principal.role == .office, on: req.db)
        return BulletinView(ctx: req.pageContext(), model: model).render()
    }

    static func printable(req: Request) async throws -> Page {
        let (scope, b) = try await load(req)
        let model = try await BulletinPage.load(b, isOffice: scope.principal.role == .office, on: req.db)
        return BulletinPrintView(ctx: req.pageContext(), model: model, district: try await districtName(b, req))
            .render()
    }

    static func docx(req: Request) async throws -> Response {
        let (scope, b) = try await load(req)
        let model = try await BulletinPage.load(b, isOffice: scope.principal.role == .office, on: req.db)
        let view = BulletinPrintView(ctx: req.pageContext(), model: model, district: try await districtName(b, req))
        let data = try WordDocument.write(view.wordBlocks)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
        headers.contentDisposition = .init(.attachment, filename: "督导简报-\(b.issueLabel).docx")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    static func districtName(_ b: Bulletin, _ req: Request) async throws -> String {
        try await OrgUnit.find(b.districtID, on: req.db)?.name ?? ""
    }

    /// A new draft from a month's records.
    static func create(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let text = String(((try? req.content.get(String.self, at: "month")) ?? "").prefix(10))
        guard let month = YearMonth(parsing: text), month <= YearMonth(req.today) else {
            throw BadInput(message: "请选择要起草简报的月份")
        }
        let ranking = (try? req.content.get(String.self, at: "ranking")) == "on"
        let b = try await draft(
            district: district, month: month, today: req.today, ranking: ranking, by: scope.principal.displayName,
            on: req.db)
        try await Audit.record(
            on: req.db, actor: scope.principal, action: "create", entity: "bulletins", id: b.id!,
            orgPath: district.path,
            summary: "起草\(month.label)督导简报")
        req.flash("已按\(month.label)的数据起草简报，请修改后核准")
        return req.redirect(to: SiteURL.bulletin(b.id!).path)
    }

    /// Drafts the bulletin of `month` from the records (the job calls it too).
    static func draft(
        district: OrgUnit, month: YearMonth, today: Day, ranking: Bool = false, by author: String, on db: any Database
    ) async throws -> Bulletin {
        let facts = try await BulletinFacts.count(
            district: district, month: month, today: today, ranking: ranking, on: db)
        let b = Bulletin()
        b.districtID = district.id!
        b.orgPath = district.path
        b.period = month.description
        b.title = "\(district.name)\(month.label)教育督导工作情况"
        b.sectionsJSON = try JSONColumn.encode(BulletinDraft.sections(facts))
        b.state = .draft
        b.publishedPublic = false
        b.createdBy = author
        try await b.create(on: db)
        return b
    }

    static func save(req: Request) async throws -> Response {
        let (scope, b) = try await load(req)
        guard scope.principal.role == .office else { throw Abort(.forbidden, reason: "只有督导室可以修改简报") }
        guard b.state == .draft else { throw Abort(.conflict, reason: "简报已核准，不能再修改；如需更正请发更正") }
        let form = try req.content.decode([String: String].self).mapValues {
            String($0.prefix(BulletinEdit.maxText + 100))
        }
        let current = b.sections
        let input = BulletinEdit.Input(
            title: form["title"] ?? "",
            sections: current.indices.map { i in
                (
                    form["h\(i)"] ?? current[i].heading, form["t\(i)"] ?? current[i].text, form["o\(i)"] ?? "",
                    form["x\(i)"] == "on"
                )
            }, newHeading: form["newHeading"] ?? "", newText: form["newText"] ?? "")
        switch BulletinEdit.apply(input, to: current) {
        case .failure(let errors):
            var model = try await BulletinPage.load(b, isOffice: true, on: req.db)
            model.errors = errors
            model.typed = form
            return try await BulletinView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        case .success(let edited):
            b.title = edited.title
            b.sectionsJSON = try JSONColumn.encode(edited.sections)
            try await req.db.writeTransaction { db in
                try await b.save(on: db)
                try await Audit.record(
                    on: db, actor: scope.principal, action: "update", entity: "bulletins", id: b.id!,
                    orgPath: b.orgPath,
                    summary: "修改督导简报草稿「\(edited.title)」")
            }
            req.flash("已保存草稿")
            return req.redirect(to: SiteURL.bulletin(b.id!).path)
        }
    }

    static func act(req: Request) async throws -> Response {
        let (scope, b) = try await load(req)
        guard scope.principal.role == .office else { throw Abort(.forbidden, reason: "只有督导室可以核准和印发简报") }
        let action = (try? req.content.get(String.self, at: "action")) ?? ""
        let today = req.today
        let principal = scope.principal
        switch (action, b.state) {
        case ("approve", .draft):
            try await req.db.writeTransaction { db in
                let last =
                    try await Bulletin.query(on: db).filter(\.$districtID == b.districtID)
                    .filter(\.$year == today.year).max(\.$number) ?? 0
                b.year = today.year
                b.number = last + 1
                b.state = .approved
                b.approvedOn = today.description
                try await b.save(on: db)
                try await Audit.record(
                    on: db, actor: principal, action: "approve", entity: "bulletins", id: b.id!, orgPath: b.orgPath,
                    summary: "核准督导简报\(b.issueLabel)")
            }
            req.flash("已核准为\(b.issueLabel)")
        case ("publish", .approved):
            let isPublic = (try? req.content.get(String.self, at: "public")) == "on"
            try await req.db.writeTransaction { db in
                b.state = .published
                b.publishedOn = today.description
                b.publishedPublic = isPublic
                try await b.save(on: db)
                try await Audit.record(
                    on: db, actor: principal, action: "publish", entity: "bulletins", id: b.id!, orgPath: b.orgPath,
                    summary: "印发督导简报\(b.issueLabel)" + (isPublic ? "，向社会公开" : ""))
            }
            req.flash("已印发\(b.issueLabel)")
        case ("refresh", .draft):
            guard let month = YearMonth(parsing: b.period),
                let district = try await OrgUnit.find(b.districtID, on: req.db)
            else { throw Abort(.internalServerError) }
            let facts = try await BulletinFacts.count(district: district, month: month, today: today, on: req.db)
            b.sectionsJSON = try JSONColumn.encode(BulletinDraft.sections(facts))
            try await b.save(on: req.db)
            req.flash("已按最新数据重新生成")
        case ("correct", .published):
            let correction = Bulletin()
            correction.districtID = b.districtID
            correction.orgPath = b.orgPath
            correction.period = b.period
            correction.title = String("关于\(b.issueLabel)《\(b.title)》的更正".prefix(BulletinEdit.maxTitle))
            correction.sectionsJSON = b.sectionsJSON
            correction.state = .draft
            correction.publishedPublic = false
            correction.correctsID = b.id
            correction.createdBy = principal.displayName
            try await correction.create(on: req.db)
            req.flash("已起草更正，原\(b.issueLabel)保持不变")
            return req.redirect(to: SiteURL.bulletin(correction.id!).path)
        default:
            throw Abort(.conflict, reason: "简报当前为“\(b.state.label)”，不能这样操作")
        }
        return req.redirect(to: SiteURL.bulletin(b.id!).path)
    }

    /// A bulletin the office published to the public.
    static func publicPage(req: Request) async throws -> Page {
        guard let b = try await Bulletin.find(try req.parameters.id(), on: req.db), b.state == .published,
            b.publishedPublic
        else { throw Abort(.notFound, reason: "未找到该简报") }
        let model = try await BulletinPage.load(b, isOffice: false, on: req.db)
        return BulletinPrintView(
            ctx: req.pageContext(), model: model, district: try await districtName(b, req),
            back: SiteURL.publicHome.path
        ).render()
    }
}
