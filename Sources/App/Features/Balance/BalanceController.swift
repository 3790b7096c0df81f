import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 均衡发展 and 普及普惠: the statistics (office, leaders, admin of the district), the yearly returns (the school
/// its own, the office all and locks them), the import, the section weights and the townships' populations.
enum BalanceController {
    /// The statistics are kept for the figures' lifetime with the page's content drawn from them: a district's
    /// two years of returns took most of each request (perf: reading 360 returns, computing, drawing). A change made
    /// through these pages forgets them at once (`forgetFigures`). The years for the filter are counted with them.
    static func overview(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db).id!
        let (year, years) = try await BalanceData.keptYear(req, district: district)
        let standard = try BalanceData.standard(req)
        let db = req.db
        let kept = try await req.application.figuresCaches.balance.value(
            for: .init(district: district, year: year, standard: standard), now: req.now,
            count: {
                var model = try await BalanceOverview.load(district: district, year: year, standard: standard, on: db)
                model.years = years
                return model
            },
            draw: BalanceOverviewContent.drawn)
        let ctx = req.pageContext()
        let mayEdit = scope.principal.mayEditDirectory
        if let page = BalanceOverviewView.kept(ctx: ctx, drawn: kept.drawn, mayEdit: mayEdit) { return page }
        var model = kept.value
        (model.mayEdit, model.countedAt) = (mayEdit, kept.countedAt)
        return BalanceOverviewView(ctx: ctx, model: model).render()
    }

    /// After a change to the district's returns or weights, its statistics and years are counted again on the next
    /// request.
    static func forgetFigures(_ req: Request, district: Int) {
        req.application.figuresCaches.balance.forget { $0.district == district }
        req.application.figuresCaches.balanceYears.forget { $0 == district }
    }

    /// The year's statistics as .xlsx or CSV: every school section's values, the county values, the coefficients.
    static func export(req: Request, csv: Bool) async throws -> Response {
        let district = try await Scope.of(req).district(on: req.db)
        let (year, _) = try await BalanceData.year(req, district: district.id!)
        let standard = try BalanceData.standard(req)
        let weights = try await DistrictSettings.forDistrict(district.id!, on: req.db).balanceWeights
        let returns = try await BalanceData.returns(district: district.id!, year: year, on: req.db)
        let table = BalanceTable.sheet(
            BalanceComputation(rows: BalanceData.rows(returns, weights: weights), standard: standard))
        let name = "\(year)年度差异系数（\(standard.rawValue)标准）"
        return try Download.table(table, name: name, format: csv ? .csv : .xlsx, sheet: "差异系数")
    }

    static func whatIf(req: Request) async throws -> Page {
        let district = try await Scope.of(req).district(on: req.db)
        let (year, _) = try await BalanceData.year(req, district: district.id!)
        let weights = try await DistrictSettings.forDistrict(district.id!, on: req.db).balanceWeights
        let returns = try await BalanceData.returns(district: district.id!, year: year, on: req.db)
        var typed: [String: String]?
        if req.query[String.self, at: "try"] != nil {
            let keys = BalanceResource.allCases.map(\.rawValue) + SchoolSection.allCases.map(BalanceColumn.students)
            typed = try Dictionary(
                uniqueKeysWithValues: keys.compactMap { key in
                    try req.query.boundedText(key, max: 30).map { (key, $0) }
                })
        }
        let model = BalanceWhatIf.make(
            year: year, standard: try BalanceData.standard(req), returns: returns, weights: weights,
            schoolID: try req.query.bounded("school", InputBounds.ID.self), typed: typed)
        return BalanceWhatIfView(ctx: req.pageContext(), model: model).render()
    }

    static func returns(req: Request) async throws -> Page {
        let district = try await Scope.of(req).district(on: req.db)
        let (year, years) = try await BalanceData.year(req, district: district.id!)
        let state = try returnState(req)
        let model = try await BalanceReturnList.load(
            district: district.id!, year: year, years: years, state: state,
            paging: Paging(page: try req.query.page(), per: nil), on: req.db)
        return BalanceReturnListView(ctx: req.pageContext(), model: model).render()
    }

    // MARK: One school's return

    /// The school and year of the path, the school readable by the account and filing returns.
    struct Target {
        let scope: Scope
        let school: School
        let year: Int
        let existing: BalanceReturn?

        var isOffice: Bool { scope.canEdit(orgPath: school.orgPath) }
        var isOwnSchool: Bool { scope.principal.role == .school && scope.principal.schoolID == school.id }
        var mayEdit: Bool { isOffice || (isOwnSchool && existing?.state != .locked) }

        func form(fields: [String: String]? = nil, errors: [FieldError] = []) -> BalanceReturnForm {
            BalanceReturnForm(
                schoolID: school.id!, schoolName: school.name, code: school.code, type: school.type,
                ownership: school.ownership, year: year, state: existing?.state,
                fields: fields ?? existing?.figures.fields ?? [:], errors: errors, mayEdit: mayEdit,
                mayLock: isOffice, isOffice: isOffice, lockedBy: existing?.lockedBy ?? "")
        }
    }

    static func target(_ req: Request) async throws -> Target {
        let scope = try await Scope.of(req)
        let school = try await scope.schoolAccess.load(try req.parameters.id(), on: req.db)
        guard let text = req.parameters.get("year"),
            case .success(let year?) = InputBounds.parse(text, InputBounds.Year.self)
        else { throw Abort(.notFound, reason: "年度不正确") }
        guard BalanceFigures.files(school.type) else {
            throw Abort(.notFound, reason: "\(school.type.label)不填报办学条件数据")
        }
        return Target(
            scope: scope, school: school, year: year,
            existing: try await BalanceReturn.find(school: school.id!, year: year, on: req.db))
    }

    static func returnForm(req: Request) async throws -> Page {
        BalanceReturnFormView(ctx: req.pageContext(), model: try await target(req).form()).render()
    }

    static func saveReturn(req: Request) async throws -> Response {
        let t = try await target(req)
        guard t.mayEdit else {
            throw Abort(.forbidden, reason: t.existing?.state == .locked ? "该数据已审核锁定，如需更正请联系督导室" : "您无权填报该校数据")
        }
        let form = try req.content.decode([String: String].self).mapValues { String($0.prefix(40)) }
        let (figures, errors) = BalanceFigures.parse(form, type: t.school.type)
        guard let figures else {
            return try await BalanceReturnFormView(ctx: req.pageContext(), model: t.form(fields: form, errors: errors))
                .render().encodeResponse(for: req)
        }
        let submit = form["action"] == "submit" && t.isOwnSchool
        let principal = t.scope.principal
        try await req.db.writeTransaction { db in
            let r = try await BalanceReturn.find(school: t.school.id!, year: t.year, on: db) ?? BalanceReturn()
            if r.id != nil, r.state == .locked, !t.isOffice {
                throw Abort(.conflict, reason: "该数据刚刚被督导室审核锁定，未保存")
            }
            let created = r.id == nil
            r.$school.id = t.school.id!
            r.districtID = t.school.districtID
            r.orgPath = t.school.orgPath
            r.year = t.year
            r.figures = figures
            r.state = BalanceReturnState.afterSave(created ? nil : r.state, submit: submit, byOffice: t.isOffice)
            r.updatedBy = principal.displayName
            if created { r.lockedBy = "" }
            try await r.save(on: db)
            try await Audit.record(
                on: db, actor: principal, action: created ? "create" : "update", entity: "balance_returns", id: r.id!,
                orgPath: t.school.orgPath, summary: "填报\(t.school.name) \(t.year) 年度办学条件（\(r.state.label)）",
                after: figures.fields)
        }
        forgetFigures(req, district: t.school.districtID)
        req.flash(submit ? "已报送督导室" : "已保存")
        return req.redirect(to: SiteURL.balanceReturn(t.school.id!, year: t.year).path)
    }

    static func changeState(req: Request) async throws -> Response {
        let t = try await target(req)
        guard t.isOffice else { throw Abort(.forbidden, reason: "只有督导室可以审核锁定") }
        guard let existing = t.existing else { throw Abort(.conflict, reason: "该校还没有填报，无法审核") }
        let lock = (try? req.content.get(String.self, at: "action")) == "lock"
        let principal = t.scope.principal
        try await req.db.writeTransaction { db in
            existing.state = lock ? .locked : .submitted
            existing.lockedBy = lock ? principal.displayName : ""
            try await existing.save(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "balance_returns", id: existing.id!,
                orgPath: t.school.orgPath,
                summary: "\(lock ? "审核锁定" : "解锁")\(t.school.name) \(t.year) 年度办学条件")
        }
        forgetFigures(req, district: t.school.districtID)
        req.flash(lock ? "已审核锁定" : "已解锁，学校可以修改")
        return req.redirect(to: SiteURL.balanceReturn(t.school.id!, year: t.year).path)
    }

    // MARK: Settings of the office

    static func saveWeights(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let text = String(((try? req.content.get(String.self, at: "weights")) ?? "").prefix(100))
        guard let weights = SectionWeights(setting: text) else {
            let (year, years) = try await BalanceData.year(req, district: district.id!)
            var model = try await BalanceOverview.load(
                district: district.id!, year: year, standard: .quality2017, on: req.db)
            (model.years, model.mayEdit, model.weights) = (years, true, text)
            model.weightsError = "请写成“小学:1；初中:1.1；高中:1.32”，系数在 0.1 到 10 之间"
            return try await BalanceOverviewView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        try await req.db.writeTransaction { db in
            let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
            settings.sectionWeights = weights.setting
            try await settings.save(on: db)
            try await Audit.record(
                on: db, actor: scope.principal, action: "update", entity: "district_settings", id: district.id!,
                orgPath: district.path, summary: "修改一贯制学校学段折算系数为 \(weights.setting)")
        }
        req.flash("已保存学段折算系数")
        return req.redirect(to: SiteURL.balance.path)
    }

    /// The returns list's state filter: absent for every state, refused when unknown.
    static func returnState(_ req: Request) throws -> BalanceReturnState? {
        try req.query.boundedText("state", max: 20).map {
            guard let s = BalanceReturnState(rawValue: $0) else { throw BadInput(message: "状态不正确") }
            return s
        }
    }

    /// The year's returns, school by school with their state (the page's filter kept), streamed.
    static func returnsExport(req: Request) async throws -> Response {
        let district = try await Scope.of(req).district(on: req.db).id!
        let (year, years) = try await BalanceData.year(req, district: district)
        let state = try returnState(req)
        let db = req.db
        return Download.stream(
            name: "\(year)年度办学条件填报", format: ExportFormat(request: req), headers: ["学校代码", "学校", "类型", "状态", "填报人"]
        ) { page in
            let number = page ?? 1
            let list = try await BalanceReturnList.load(
                district: district, year: year, years: years, state: state,
                paging: Paging(page: number, per: Paging.maxPer), on: db)
            let rows = list.items.map { [$0.code, $0.name, $0.type.label, $0.state?.label ?? "未填报", $0.updatedBy] }
            return ExportPage(rows: rows, page: number, per: Paging.maxPer)
        }
    }

    static func preschoolExport(req: Request) async throws -> Response {
        let district = try await Scope.of(req).district(on: req.db)
        let (year, years) = try await BalanceData.year(req, district: district.id!)
        let model = try await PreschoolOverview.load(
            district: district.id!, year: year, years: years, mayEdit: false, on: req.db)
        return try Download.table(
            .init(rows: model.table), name: "\(year)年度学前教育普及普惠", format: ExportFormat(request: req))
    }

    static func preschool(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let (year, years) = try await BalanceData.year(req, district: district.id!)
        let model = try await PreschoolOverview.load(
            district: district.id!, year: year, years: years, mayEdit: scope.principal.mayEditDirectory, on: req.db)
        return PreschoolView(ctx: req.pageContext(), model: model).render()
    }

    static func savePopulations(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let form = try req.content.decode([String: String].self).mapValues { String($0.prefix(20)) }
        guard let yearText = form["year"], case .success(let year?) = InputBounds.parse(yearText, InputBounds.Year.self)
        else { throw BadInput(message: "年度应为 1900–2100 之间的整数") }
        let townships = try await OrgUnit.query(on: req.db).filter(\.$parentID == district.id!).all()
        var counts: [Int: Int] = [:]
        var errors: [FieldError] = []
        for t in townships {
            let field = PreschoolOverview.field(t.id!)
            let text = form[field]?.trimmingCharacters(in: .whitespaces) ?? ""
            if text.isEmpty { continue }
            switch BalanceNumber.students(text, minimum: 0) {
            case .success(let n): counts[t.id!] = n
            case .failure(let e): errors.append(FieldError(field, "\(t.name)适龄幼儿数" + e.message))
            }
        }
        guard errors.isEmpty else {
            var model = try await PreschoolOverview.load(
                district: district.id!, year: year,
                years: try await BalanceData.years(district: district.id!, on: req.db),
                mayEdit: true, typed: form, on: req.db)
            model.errors = errors
            return try await PreschoolView(ctx: req.pageContext(), model: model).render().encodeResponse(for: req)
        }
        let saved = counts
        try await req.db.writeTransaction { db in
            for (township, children) in saved {
                let row =
                    try await PreschoolPopulation.query(on: db).filter(\.$townshipID == township)
                    .filter(\.$year == year).first() ?? PreschoolPopulation()
                row.townshipID = township
                row.districtID = district.id!
                row.year = year
                row.children = children
                try await row.save(on: db)
            }
            try await Audit.record(
                on: db, actor: scope.principal, action: "update", entity: "preschool_populations", id: district.id!,
                orgPath: district.path, summary: "填写 \(year) 年度各镇街适龄幼儿数（\(saved.count) 个镇街）")
        }
        req.flash("已保存适龄幼儿数")
        return req.redirect(to: SiteURL.balancePage("preschool").with([("year", String(year))]))
    }
}
