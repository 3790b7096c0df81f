import DudaoCore
import Fluent
import Plot
import Vapor

/// 四个公开: the schools and their responsible inspectors, the supervision items, the complaint
/// channel and who is responsible — no login. Only what the sign at the school gate shows.
enum PublicController {
    struct Query: Content {
        @RecordID var district: Int?
        var q: String?
        @PageNumber var page: Int?
    }

    static func home(req: Request) async throws -> Page {
        let query = try req.query.decode(Query.self)
        let districts = try await OrgUnit.query(on: req.db).filter(\.$level == .district).sort(\.$id).limit(200).all()
        guard let district = districts.first(where: { $0.id == query.district }) ?? districts.first else {
            return Layout.page("公开信息", req.pageContext(), .el("h1", [], [.text("暂无公开信息")]))
        }
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let paging = Paging(page: query.page, per: 100)
        var q = School.query(on: req.db).filter(\.$districtID == district.id!).filter(\.$status == .open)
        if let text = query.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty { q = q.filter(\.$name ~~ text) }
        let total = try await q.copy().count()
        let schools = try await q.sort(\.$townshipID).sort(\.$name).range(paging.offset..<(paging.offset + paging.per)).all()
        let responsible = try await DirectoryQueries.currentInspectors(of: schools.compactMap(\.id), on: req.db)
        let townships = try await OrgUnit.townships(under: district.path, on: req.db)
        return PublicPage(ctx: req.pageContext(), district: district, districts: districts, settings: settings, query: query,
            paging: paging, total: total, schools: schools, responsible: responsible,
            townships: Dictionary(uniqueKeysWithValues: townships.map { ($0.id!, $0.name) })).render()
    }

    static func sign(req: Request) async throws -> Page {
        let id = try req.parameters.id()
        guard let school = try await School.find(id, on: req.db),
            school.status == .open
        else { throw Abort(.notFound, reason: "未找到该学校") }
        let inspector = try await DirectoryQueries.currentInspectors(of: [id], on: req.db)[id]
        let settings = try await DistrictSettings.forDistrict(school.districtID, on: req.db)
        let district = try await OrgUnit.find(school.districtID, on: req.db)
        return SignPage(ctx: req.pageContext(), school: school, inspector: inspector, settings: settings,
            districtName: district?.name ?? "").render()
    }

    /// Inspector photos (public, as on the sign). Other stored files are not served here.
    static func file(req: Request) async throws -> Response {
        guard let hash = req.parameters.get("hash"),
            try await Inspector.query(on: req.db).filter(\.$photo == hash).count() > 0,
            let data = try req.attachments.get(hash)
        else { throw Abort(.notFound, reason: "文件不存在") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: ImageKind(sniffing: data)?.rawValue ?? "application/octet-stream")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400, immutable")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

struct PublicPage {
    let ctx: PageContext
    let district: OrgUnit
    let districts: [OrgUnit]
    let settings: DistrictSettings
    let query: PublicController.Query
    let paging: Paging
    let total: Int
    let schools: [School]
    let responsible: [Int: Inspector]
    let townships: [Int: String]

    func render() -> Page {
        Layout.page(
            "\(district.name)责任督学挂牌督导公示", ctx, wide: true,
            .el("h1", [], [.text("\(district.name)中小学校（幼儿园）责任督学挂牌督导公示")]),
            .el("div", [("class", "grid-2")], [
                .el("section", [("class", "card")], [
                    .el("h2", [], [.text("督导事项")]),
                    .el("ul", [], settings.supervisionItems.split(whereSeparator: { "；;\n".contains($0) })
                        .map { .el("li", [], [.text(String($0).trimmingCharacters(in: CharacterSet(charactersIn: " 。")))]) }),
                ]),
                .el("section", [("class", "card")], [
                    .el("h2", [], [.text("举报投诉与责任人")]),
                    .facts([
                        ("督导机构", settings.officeName), ("举报投诉电话", settings.complaintPhone),
                        ("其他渠道", settings.complaintChannel),
                        ("区级负责人", settings.responsiblePerson + (settings.responsiblePhone.isEmpty ? "" : "（\(settings.responsiblePhone)）")),
                    ]),
                    .el("p", [("class", "hint")], [.text("对学校办学行为有意见或建议，可直接联系该校责任督学，或拨打举报投诉电话。")]),
                    .el("p", [], [
                        .button(SiteURL.publicComplaintNew.with([("district", String(district.id!))]), "网上举报投诉"),
                        .text(" "), .link(SiteURL.publicComplaintTrack.path, "凭查询码查进度"),
                    ]),
                ]),
            ]),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("学校及责任督学名单")]),
                .el("form", [("method", "get"), ("action", SiteURL.publicHome.path), ("class", "filters"), ("role", "search")], [
                    districts.count > 1 ? .selectField("区县", name: "district", options: districts.map { (String($0.id!), $0.name) },
                        selected: String(district.id!), blank: nil) : .hidden("district", String(district.id!)),
                    .field("查找学校", name: "q", value: query.q ?? "", attrs: [("type", "search"), ("placeholder", "输入学校名称")]),
                    .el("div", [("class", "field submit")], [.el("button", [("type", "submit"), ("class", "btn primary")], [.text("查找")])]),
                ]),
                .dataTable(["学校", "镇街", "责任督学", "联系电话", ""], schools.map { s in
                    let i = responsible[s.id!]
                    return [
                        .text(s.name), .text(townships[s.townshipID] ?? ""),
                        i.map { i in .el("span", [("class", "person-inline")], [
                            .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }, size: "small"), .text(i.name)]) }
                            ?? .text("待安排"),
                        i.map { .el("a", [("href", "tel:" + $0.phone)], [.text($0.phone)]) } ?? .text(""),
                        .link(SiteURL.publicSign(s.id!).path, "公示牌"),
                    ]
                }, empty: "没有找到学校"),
                .pager(paging, total: total, link: {
                    SiteURL.publicHome.with([("district", String(district.id!)), ("q", query.q ?? ""), ("page", String($0))])
                }),
            ])
        )
    }
}

/// The sign at the school gate, for printing (A4 or A3).
struct SignPage {
    let ctx: PageContext
    let school: School
    let inspector: Inspector?
    let settings: DistrictSettings
    let districtName: String

    func render() -> Page {
        Layout.page(
            "挂牌督导公示牌 · \(school.name)", ctx, printable: true,
            .el("div", [("class", "no-print actions")], [
                .el("button", [("type", "button"), ("class", "btn primary"), ("data-print", "1")], [.text("打印公示牌")]),
                .link(SiteURL.publicHome.path, "返回公示名单"),
            ]),
            .el("article", [("class", "sign")], [
                .el("header", [], [
                    .el("p", [("class", "sign-org")], [.text(districtName + "人民政府教育督导委员会")]),
                    .el("h1", [], [.text("责任督学挂牌督导公示牌")]),
                    .el("p", [("class", "sign-school")], [.text(school.name)]),
                ]),
                inspector.map { i in
                    .el("div", [("class", "sign-body")], [
                        .avatar(name: i.name, photoURL: i.photo.map { SiteURL.file($0).path }, size: "portrait"),
                        .el("dl", [("class", "facts")], [
                            .el("dt", [], [.text("责任督学")]), .el("dd", [("class", "big")], [.text(i.name)]),
                            .el("dt", [], [.text("联系电话")]), .el("dd", [("class", "big")], [.text(i.phone)]),
                            .el("dt", [], [.text("工作单位")]), .el("dd", [], [.text(i.employer)]),
                        ]),
                    ])
                } ?? .el("p", [("class", "big")], [.text("责任督学：待安排")]),
                .el("section", [], [
                    .el("h2", [], [.text("督学职责")]),
                    .el("p", [], [.text(inspector?.duties ?? Inspector.defaultDuties)]),
                ]),
                .el("section", [], [
                    .el("h2", [], [.text("督导事项")]),
                    .el("p", [], [.text(settings.supervisionItems)]),
                ]),
                .el("footer", [], [
                    .el("p", [], [.text("举报投诉电话：" + (settings.complaintPhone.isEmpty ? "—" : settings.complaintPhone))]),
                    settings.complaintChannel.isEmpty ? .empty : .el("p", [], [.text("投诉渠道：" + settings.complaintChannel)]),
                    .el("p", [], [.text("监督单位：" + settings.officeName)]),
                ]),
            ])
        )
    }
}
