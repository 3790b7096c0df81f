import DudaoCore
import Fluent
import Plot
import SQLKit
import Vapor

/// 举报投诉: public intake with a tracking code, phone complaints logged by the office, routing to the
/// school's responsible inspector, handling 受理 → 核实 → 处理 → 回复 → 办结 against working-day limits.
enum ComplaintsController {
    static let categories = ["乱收费", "违规补课", "课业负担", "师德师风", "校园安全", "食堂卫生", "招生入学", "其他"]
    static let maxContent = 2000
    static let maxFiles = 3
    static let maxFileBytes = 5 * 1024 * 1024
    /// Online complaints accepted from one address per hour.
    static let perAddressPerHour = 5

    // MARK: - Public intake

    struct PublicForm: Content {
        @RecordID var district: Int?
        var school: String?
        var category: String?
        var content: String?
        var name: String?
        var phone: String?
        var anonymous: String?
    }

    static let uploadLimits = UploadLimits(maxFiles: maxFiles, maxFileBytes: maxFileBytes, maxFieldBytes: 64 * 1024)

    static func publicForm(req: Request) async throws -> Page {
        let district = try await publicDistrict(try req.query.bounded("district", InputBounds.ID.self), on: req.db)
        return try await publicPage(req, district: district, form: PublicForm(school: req.query[String.self, at: "school"]), errors: [])
    }

    static func publicDistrict(_ id: Int?, on db: any Database) async throws -> OrgUnit {
        if let id, let d = try await OrgUnit.find(id, on: db), d.level == .district { return d }
        guard let d = try await OrgUnit.query(on: db).filter(\.$level == .district).sort(\.$id).first() else {
            throw Abort(.notFound, reason: "暂未开通")
        }
        return d
    }

    static func publicPage(_ req: Request, district: OrgUnit, form: PublicForm, errors: [FieldError]) async throws -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let schools = try await School.query(on: req.db).filter(\.$districtID == district.id!).filter(\.$status == .open)
            .sort(\.$name).limit(2000).all()
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db)
        let ctx = req.pageContext()
        var page = Layout.page(
            "举报投诉", ctx,
            .el("h1", [], [.text("\(district.name)教育督导举报投诉")]),
            .el("p", [], [.text("也可拨打举报投诉电话 \(settings.complaintPhone)。提交后会得到一个查询码，凭查询码可查看办理进度和答复。")]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.publicComplaintNew.path), ("enctype", "multipart/form-data"), ("class", "card")], [
                .csrf(ctx.csrf), .hidden("district", String(district.id!)),
                .selectField("反映的学校", name: "school", options: [("district", "（反映区教育局或全区性问题）")] + schools.map { (String($0.id!), $0.name) },
                    selected: form.school ?? "", error: err("school"), required: true),
                .selectField("问题类别", name: "category", options: categories.map { ($0, $0) }, selected: form.category ?? "", error: err("category"), required: true),
                .textareaField("反映内容（时间、地点、经过，越具体越便于核实）", name: "content", value: form.content ?? "", error: err("content"), rows: 6),
                .field("姓名（可不填）", name: "name", value: form.name ?? "", error: err("name")),
                .field("联系电话（可不填，填写后便于回访）", name: "phone", value: form.phone ?? "", error: err("phone"), type: "tel"),
                .el("label", [("class", "check")], [.void("input", [("type", "checkbox"), ("name", "anonymous"), ("value", "on")] + (form.anonymous == "on" ? [("checked", "checked")] : [])),
                    .text(" 匿名反映（不保存姓名和电话）")]),
                .el("div", [("class", "field")], [
                    .el("label", [("for", "files")], [.text("附件（照片或 PDF，最多\(maxFiles)个，每个不超过5MB，可不传）")]),
                    .void("input", [("type", "file"), ("id", "files"), ("name", "files[]"), ("multiple", nil), ("accept", "image/*,application/pdf")]),
                    .errorText("f-files", err("files")),
                ]),
                .el("p", [("class", "hint")], [.text("您的姓名和电话只有督导室工作人员可见，不会告知被反映的学校。")]),
                .el("button", [("type", "submit"), ("class", "btn primary block")], [.text("提交")]),
            ]),
            .el("p", [], [.link(SiteURL.publicComplaintTrack.path, "已提交过？凭查询码查看进度")]))
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func publicSubmit(req: Request) async throws -> Response {
        let ip = req.clientAddress
        let hourAgo = req.now.addingTimeInterval(-3600)
        let recent = try await Complaint.query(on: req.db).filter(\.$sourceIP == ip).filter(\.$createdAt >= hourAgo).count()
        if recent >= perAddressPerHour {
            throw Abort(.tooManyRequests, reason: "提交过于频繁，请一小时后再试，或拨打举报投诉电话")
        }
        let upload = try await UploadReader.read(req, limits: uploadLimits)
        defer { upload.discard() }
        let form = try upload.decode(PublicForm.self)
        let district = try await publicDistrict(form.district, on: req.db)
        var errors: [FieldError] = []
        var school: School?
        switch form.school {
        case "district": break
        case let s?: school = try await Int(s).asyncMap { try await School.find($0, on: req.db) } ?? nil
            if school == nil || school?.districtID != district.id { errors.append(.init("school", "请选择反映的学校")) }
        case nil: errors.append(.init("school", "请选择反映的学校"))
        }
        let category = (form.category ?? "").trimmingCharacters(in: .whitespaces)
        if !categories.contains(category) { errors.append(.init("category", "请选择问题类别")) }
        let content = (form.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if content.count < 10 { errors.append(.init("content", "请至少写10个字，说明具体情况")) }
        if content.count > maxContent { errors.append(.init("content", "内容不能超过\(maxContent)个字")) }
        let anonymous = form.anonymous == "on"
        let name = anonymous ? "" : (form.name ?? "").trimmingCharacters(in: .whitespaces)
        let phone = anonymous ? "" : (form.phone ?? "").trimmingCharacters(in: .whitespaces)
        if name.count > 20 { errors.append(.init("name", "姓名不能超过20个字")) }
        if let e = Validate.phone(phone) { errors.append(.init("phone", e)) }
        let evidence = EvidenceUpload.check(upload, field: "files[]")
        errors += evidence.errors
        guard errors.isEmpty else { return try await publicPage(req, district: district, form: form, errors: errors).encodeResponse(for: req) }
        let stored = try evidence.store(in: req.attachments)
        let c = try await create(district: district, school: school, channel: "online", category: category, content: content,
            name: name, phone: phone, anonymous: anonymous || (name.isEmpty && phone.isEmpty), files: stored, recordedBy: nil, ip: ip, receivedOn: req.today, now: req.now, on: req.db)
        return try await Layout.page(
            "已提交", req.pageContext(),
            .el("section", [("class", "card narrow")], [
                .el("h1", [], [.text("已收到您的反映")]),
                .el("p", [], [.text("请记下查询码：")]),
                .el("p", [("class", "tracking-code")], [.text(c.trackingCode)]),
                .el("p", [], [.text("我们将在\(ComplaintTimeLimits().accept)个工作日内受理，凭查询码可查看办理进度和答复。")]),
                .link(SiteURL.publicComplaintTrack.with([("code", c.trackingCode)]), "查看进度"),
            ])).encodeResponse(for: req)
    }

    /// Creates a complaint, routes it to the school's responsible inspector and tells them and the office.
    static func create(district: OrgUnit, school: School?, channel: String, category: String, content: String, name: String,
        phone: String, anonymous: Bool, files: [StoredFile], recordedBy: Int?, ip: String, receivedOn: Day, now: Date,
        on db: any Database) async throws -> Complaint
    {
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        // Time limits count from the day the complaint came in (a phone call may be logged the day after).
        let today = receivedOn
        let c = Complaint()
        c.districtID = district.id!
        c.orgPath = school?.orgPath ?? district.path
        c.schoolID = school?.id
        c.channel = channel
        c.category = category
        c.content = content
        c.complainantName = name
        c.complainantPhone = phone
        c.anonymous = anonymous
        c.files = try JSONColumn.encode(files)
        c.state = .received
        c.inspectorID = try await school.asyncMap { try await DirectoryQueries.currentInspectors(of: [$0.id!], on: db)[$0.id!]?.id } ?? nil
        c.receivedOn = today.description
        c.stageStarted = today.description
        c.deadline = ComplaintMachine.deadline(state: .received, stageStarted: today, limits: settings.complaintTimeLimits,
            calendar: settings.workingCalendar)?.description
        c.reply = ""
        c.recordedBy = recordedBy
        c.sourceIP = ip
        c.createdAt = now
        try await db.writeTransaction { db in
            for _ in 0..<5 {
                c.trackingCode = TrackingCode.make()
                if try await Complaint.query(on: db).filter(\.$trackingCode == c.trackingCode).count() == 0 { break }
            }
            try await c.save(on: db)
            try await event(on: db, c, action: "create", actor: nil, name: channel == "phone" ? "督导室（电话登记）" : "网上投诉", comment: "")
            let users = try await Notifier.officeUsers(districtPath: district.path, on: db) + Notifier.inspectorUsers(c.inspectorID, on: db)
            try await Notifier.notify(userIDs: users, title: "新的举报投诉（\(category)）：\(school?.name ?? district.name)",
                link: SiteURL.complaint(c.id!).path, districtID: district.id, on: db)
        }
        return c
    }

    static func event(on db: any Database, _ c: Complaint, action: String, actor: Principal?, name: String? = nil, comment: String) async throws {
        let e = CaseEvent()
        e.target = "complaint"
        e.targetID = c.id!
        e.action = action
        e.actorID = actor?.userID
        e.actorName = name ?? actor?.displayName ?? "系统"
        e.comment = comment
        try await e.save(on: db)
    }

    // MARK: - Public tracking: status and reply for a code, nothing else

    static func track(req: Request) async throws -> Page {
        let raw = req.query[String.self, at: "code"] ?? ""
        var found: Complaint?
        var message: String?
        if !raw.isEmpty {
            if let code = TrackingCode.normalise(raw) {
                found = try await Complaint.query(on: req.db).filter(\.$trackingCode == code).first()
            }
            if found == nil { message = "没有找到这个查询码，请核对后重新输入" }
        }
        let ctx = req.pageContext()
        return Layout.page(
            "投诉进度查询", ctx,
            .el("section", [("class", "card narrow")], [
                .el("h1", [], [.text("投诉进度查询")]),
                .el("form", [("method", "get"), ("action", SiteURL.publicComplaintTrack.path)], [
                    .field("查询码", name: "code", value: raw, error: message, required: true, attrs: [("placeholder", "TS-XXXX-XXXX"), ("autocapitalize", "characters")]),
                    .el("button", [("type", "submit"), ("class", "btn primary")], [.text("查询")]),
                ]),
                found.map { c in
                    .el("div", [("class", "track-result")], [
                        .facts([("查询码", c.trackingCode), ("办理状态", c.state.label), ("受理日期", Format.day(c.receivedOn))]),
                        [.replied, .closed].contains(c.state) ? .el("div", [], [.el("h2", [], [.text("答复")]), .el("p", [("class", "prewrap")], [.text(c.reply)])]) : .empty,
                        c.state == .rejected ? .el("p", [], [.text("答复：" + (c.reply.isEmpty ? "不属于教育督导受理范围，请向相关部门反映。" : c.reply))]) : .empty,
                    ])
                } ?? .empty,
            ]))
    }

    // MARK: - Office and inspectors

    static func list(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let paging = Paging(page: try req.query.page(), per: 50)
        let filter = req.query[String.self, at: "state"] ?? "open"
        var q = scope.complaintAccess.readable(Complaint.query(on: req.db))
        let today = req.today.description
        switch filter {
        case "open": q = q.filter(\.$state ~~ [.received, .accepted, .verifying, .handling])
        case "overdue": q = q.filter(\.$state ~~ [.received, .accepted, .verifying, .handling]).filter(\.$deadline < today)
        case "all": break
        default: if let s = ComplaintState(rawValue: filter) { q = q.filter(\.$state == s) }
        }
        let total = try await q.copy().count()
        let rows = try await q.sort(\.$id, .descending).range(paging.offset..<(paging.offset + paging.per)).all()
        let schools = try await School.query(on: req.db).filter(\.$id ~~ Set(rows.compactMap(\.schoolID))).all()
        let nameOf = Dictionary(uniqueKeysWithValues: schools.map { ($0.id!, $0.name) })
        let stats = scope.principal.role == .inspector ? [] : try await inspectorStats(scope: scope, on: req.db)
        let ctx = req.pageContext()
        return Layout.page(
            "举报投诉", ctx, wide: true,
            .el("div", [("class", "page-head")], [
                .el("h1", [], [.text("举报投诉")]),
                .el("div", [("class", "actions")], scope.principal.mayEditDirectory ? [.button(SiteURL.complaintNew.path, "登记电话投诉")] : []),
            ]),
            .el("nav", [("class", "tabs")], [("open", "办理中"), ("overdue", "已超时"), ("replied", "已回复"), ("closed", "已办结"), ("all", "全部")].map { key, label in
                .el("a", [("href", SiteURL.complaints.with([("state", key)]))] + (filter == key ? [("aria-current", "page")] : []), [.text(label)])
            }),
            .dataTable(["查询码", "学校", "类别", "状态", "本环节期限", "督办"], rows.map { c in
                let overdue = c.state.isOpen && (c.deadline ?? "9999") < today
                return [
                    .link(SiteURL.complaint(c.id!).path, c.trackingCode), .text(c.schoolID.flatMap { nameOf[$0] } ?? "全区"), .text(c.category),
                    .badge(c.state.label, c.state == .closed ? "ok" : ""),
                    overdue ? .badge("超时 " + Format.day(c.deadline), "warn") : .text(Format.day(c.deadline)),
                    c.escalation.map { .badge($0.label, "warn") } ?? .text(""),
                ]
            }, empty: "没有举报投诉"),
            .pager(paging, total: total, link: { SiteURL.complaints.with([("state", filter), ("page", String($0))]) }),
            stats.isEmpty ? .empty : .el("section", [("class", "card")], [
                .el("h2", [], [.text("各督学办理情况")]),
                .dataTable(["督学", "收到", "已办结", "按时答复", "平均答复用时（工作日）"], stats.map { s in
                    [.text(s.name), .text("\(s.received)"), .text("\(s.handled)"), .text("\(s.onTime)"),
                     .text(s.averageDays.map { String(format: "%.1f", $0) } ?? "—")]
                }),
            ])
        )
    }

    struct InspectorStat {
        let name: String
        let received: Int
        let handled: Int
        let onTime: Int
        let averageDays: Double?
    }

    /// Per inspector: received, handled, replied on time, average working days from receipt to reply.
    static func inspectorStats(scope: Scope, on db: any Database) async throws -> [InspectorStat] {
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db)
        let calendar = settings.workingCalendar
        let limits = settings.complaintTimeLimits
        let all = try await scope.complaintAccess.readable(Complaint.query(on: db)).filter(\.$inspectorID != nil).sort(\.$id, .descending).limit(5000).all()
        let inspectors = try await Inspector.query(on: db).filter(\.$id ~~ Set(all.compactMap(\.inspectorID))).all()
        return inspectors.sorted { $0.name < $1.name }.map { i in
            let mine = all.filter { $0.inspectorID == i.id }
            let replied = mine.compactMap { c -> (Day, Day)? in
                guard let r = c.repliedOn.flatMap(Day.init(parsing:)), let s = Day(parsing: c.receivedOn) else { return nil }
                return (s, r)
            }
            let onTime = replied.filter { s, r in r <= ComplaintMachine.replyDue(received: s, limits: limits, calendar: calendar) }.count
            let days = replied.map { Double(calendar.workingDays(from: $0.0, to: $0.1)) }
            return InspectorStat(name: i.name, received: mine.count, handled: mine.filter { [.replied, .closed].contains($0.state) }.count,
                onTime: onTime, averageDays: days.isEmpty ? nil : days.reduce(0, +) / Double(days.count))
        }
    }

    struct PhoneForm: Content {
        var school: String?
        var category: String?
        var content: String?
        var name: String?
        var phone: String?
        var receivedAt: String?
        var receivedTime: String?
    }

    static func phoneForm(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        return try await phonePage(req, scope: scope, form: PhoneForm(receivedAt: req.today.description), errors: [])
    }

    static func phonePage(_ req: Request, scope: Scope, form: PhoneForm, errors: [FieldError]) async throws -> Page {
        func err(_ f: String) -> String? { errors.first { $0.field == f }?.message }
        let district = try await scope.district(on: req.db)
        let schools = try await School.query(on: req.db).filter(\.$districtID == district.id!).filter(\.$status == .open).sort(\.$name).all()
        let ctx = req.pageContext()
        var page = Layout.page(
            "登记电话投诉", ctx,
            .el("h1", [], [.text("登记电话投诉")]),
            .errorSummary(errors),
            .el("form", [("method", "post"), ("action", SiteURL.complaints.path), ("class", "card")], [
                .csrf(ctx.csrf),
                .field("来电日期", name: "receivedAt", value: form.receivedAt ?? "", error: err("receivedAt"), type: "date", required: true),
                .field("来电时间", name: "receivedTime", value: form.receivedTime ?? "", error: err("receivedTime"), type: "time"),
                .field("来电人", name: "name", value: form.name ?? "", error: err("name")),
                .field("来电号码", name: "phone", value: form.phone ?? "", error: err("phone"), type: "tel"),
                .selectField("反映的学校", name: "school", options: [("district", "（区教育局或全区性问题）")] + schools.map { (String($0.id!), $0.name) },
                    selected: form.school ?? "", error: err("school"), required: true),
                .selectField("问题类别", name: "category", options: categories.map { ($0, $0) }, selected: form.category ?? "", error: err("category"), required: true),
                .textareaField("来电内容", name: "content", value: form.content ?? "", error: err("content"), rows: 5),
                .el("button", [("type", "submit"), ("class", "btn primary")], [.text("登记")]),
            ]))
        if !errors.isEmpty { page.status = 422 }
        return page
    }

    static func phoneCreate(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let form = try req.content.decode(PhoneForm.self)
        let district = try await scope.district(on: req.db)
        var errors: [FieldError] = []
        var school: School?
        if form.school != "district" {
            school = try await form.school.flatMap(Int.init).asyncMap { try await School.find($0, on: req.db) } ?? nil
            if school == nil || school?.districtID != district.id { errors.append(.init("school", "请选择反映的学校")) }
        }
        let category = form.category ?? ""
        if !categories.contains(category) { errors.append(.init("category", "请选择问题类别")) }
        let content = (form.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let e = Validate.required(content, field: "来电内容", maxLength: maxContent) { errors.append(.init("content", e)) }
        if let e = Validate.phone(form.phone ?? "") { errors.append(.init("phone", e)) }
        if (form.name ?? "").count > 20 { errors.append(.init("name", "来电人不能超过20个字")) }
        let callDay = form.receivedAt.flatMap(Day.init(parsing:))
        if callDay == nil { errors.append(.init("receivedAt", "请填写来电日期")) }
        if let d = callDay, d > req.today { errors.append(.init("receivedAt", "来电日期不能晚于今天")) }
        if let t = form.receivedTime, !t.isEmpty, WorkloadRules.minutesOfDay(t) == nil { errors.append(.init("receivedTime", "时间格式应为 09:30")) }
        guard errors.isEmpty else { return try await phonePage(req, scope: scope, form: form, errors: errors).encodeResponse(for: req) }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        let phone = (form.phone ?? "").trimmingCharacters(in: .whitespaces)
        let when = [form.receivedAt ?? "", form.receivedTime ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        let c = try await create(district: district, school: school, channel: "phone", category: category,
            content: "【来电 \(when)，登记人 \(scope.principal.displayName)】\n" + content, name: name,
            phone: phone, anonymous: name.isEmpty && phone.isEmpty, files: [], recordedBy: scope.principal.userID, ip: "phone",
            receivedOn: callDay ?? req.today, now: req.now, on: req.db)
        req.flash("已登记，查询码 \(c.trackingCode)（可告知来电人）")
        return req.redirect(to: SiteURL.complaint(c.id!).path)
    }

    static func load(_ req: Request, scope: Scope) async throws -> Complaint {
        try await scope.complaintAccess.load(try req.parameters.id(), on: req.db)
    }

    /// An attachment of a complaint: the office only (it may identify the complainant).
    static func file(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let f = try await scope.complaintAccess.attachment(
            complaintID: try req.parameters.id(), hash: req.parameters.get("hash"), on: req.db)
        return try req.attachments.response(for: f)
    }

    static func show(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        let school = try await c.schoolID.asyncMap { try await School.find($0, on: req.db) } ?? nil
        let inspector = try await c.inspectorID.asyncMap { try await Inspector.find($0, on: req.db) } ?? nil
        let events = try await CaseEvent.query(on: req.db).filter(\.$target == "complaint").filter(\.$targetID == c.id!).sort(\.$id).all()
        let inspectors = scope.complaintAccess.mayAssign(c)
            ? try await Inspector.query(on: req.db).filter(\.$districtID == c.districtID).filter(\.$status == .active).sort(\.$name).all() : []
        let problem = try await Problem.query(on: req.db).filter(\.$complaintID == c.id!).first()
        return ComplaintPage(ctx: req.pageContext(), complaint: c, school: school, inspector: inspector, events: events,
            inspectors: inspectors, problem: problem, role: scope.principal.role,
            seesIdentity: scope.complaintAccess.seesIdentity).render()
    }

    struct ActForm: Content {
        var action: String?
        var comment: String?
        var reply: String?
    }

    static func act(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        guard scope.complaintAccess.mayAct else { throw Abort(.forbidden, reason: "只有承办督学和督导室可以办理投诉") }
        let form = try req.content.decode(ActForm.self)
        guard let action = form.action.flatMap(ComplaintAction.init(rawValue:)) else { throw Abort(.badRequest, reason: "无效的操作") }
        let stateBefore = c.state
        let next: ComplaintState
        switch ComplaintMachine.next(from: c.state, action: action, role: scope.principal.role) {
        case .failure(let e): throw Abort(.forbidden, reason: e.message)
        case .success(let s): next = s
        }
        let comment = (form.comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if action == .reply || action == .reject {
            let reply = (form.reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reply.isEmpty, reply.count <= 2000 else {
                req.flash("请填写答复内容（不超过2000字）")
                return req.redirect(to: SiteURL.complaint(c.id!).path)
            }
            c.reply = reply
            c.repliedOn = req.today.description
        }
        let settings = try await DistrictSettings.forDistrict(c.districtID, on: req.db)
        let today = req.today
        // The verify clock starts at acceptance and is not restarted when verification begins.
        if action != .startVerifying { c.stageStarted = today.description }
        c.state = next
        c.deadline = ComplaintMachine.deadline(state: next, stageStarted: Day(parsing: c.stageStarted) ?? today,
            limits: settings.complaintTimeLimits, calendar: settings.workingCalendar)?.description
        if !next.isOpen { c.escalation = nil }
        try await req.db.writeTransaction { [before = stateBefore] db in
            guard let fresh = try await db.lockedFind(Complaint.self, c.id!), fresh.state == before else { throw AlreadyHandled() }
            try await c.save(on: db)
            try await event(on: db, c, action: action.rawValue, actor: scope.principal, comment: comment)
            try await Audit.record(on: db, actor: scope.principal, action: action.rawValue, entity: "complaint", id: c.id!,
                orgPath: c.orgPath, summary: "投诉 \(c.trackingCode)：\(action.label)")
        }
        req.flash("已\(action.label)")
        return req.redirect(to: SiteURL.complaint(c.id!).path)
    }

    struct AssignForm: Content { var inspector: Int? }

    static func assign(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        guard scope.complaintAccess.mayAssign(c) else { throw Abort(.forbidden, reason: "只有督导室可以改派") }
        let form = try req.content.decode(AssignForm.self)
        guard let id = form.inspector, let i = try await Inspector.find(id, on: req.db), i.districtID == c.districtID, i.status == .active else {
            req.flash("请选择本区在岗督学")
            return req.redirect(to: SiteURL.complaint(c.id!).path)
        }
        c.inspectorID = id
        try await req.db.writeTransaction { db in
            try await c.save(on: db)
            try await event(on: db, c, action: "assign", actor: scope.principal, comment: "改派给 \(i.name)")
            try await Notifier.notify(userIDs: try await Notifier.inspectorUsers(id, on: db), title: "督导室转办投诉 \(c.trackingCode)",
                link: SiteURL.complaint(c.id!).path, districtID: c.districtID, on: db)
        }
        req.flash("已改派给 \(i.name)")
        return req.redirect(to: SiteURL.complaint(c.id!).path)
    }

    /// Turns a verified complaint into a problem of the school, so it can be rectified like any other.
    static func makeProblem(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let c = try await load(req, scope: scope)
        guard scope.complaintAccess.mayMakeProblem(c) else { throw Abort(.forbidden, reason: "领导账号只能查看") }
        guard let schoolID = c.schoolID, let school = try await School.find(schoolID, on: req.db) else {
            throw Abort(.badRequest, reason: "反映全区性问题的投诉不能转为学校问题")
        }
        guard [.verifying, .handling].contains(c.state) else {
            throw Abort(.badRequest, reason: "只有核实中或处理中的投诉可以转为学校问题")
        }
        guard try await Problem.query(on: req.db).filter(\.$complaintID == c.id!).count() == 0 else {
            throw Abort(.badRequest, reason: "该投诉已转为问题")
        }
        var inspectorID = c.inspectorID
        if inspectorID == nil { inspectorID = try await DirectoryQueries.currentInspectors(of: [schoolID], on: req.db)[schoolID]?.id }
        guard let inspectorID else { throw Abort(.badRequest, reason: "该校没有责任督学，请先安排") }
        let p = Problem()
        p.visitID = nil
        p.complaintID = c.id
        p.schoolID = schoolID
        p.orgPath = school.orgPath
        p.inspectorID = inspectorID
        p.category = "其他"
        p.severity = .serious
        p.disposition = .rectify
        p.description = "（举报投诉 \(c.trackingCode) 经核实）" + String(c.content.prefix(500))
        p.state = .open
        p.referralDepartment = ""
        p.referralReply = ""
        try await req.db.writeTransaction { db in
            // Checked under the write lock, so a double click makes one problem.
            _ = try await db.lockedFind(Complaint.self, c.id!)
            guard try await Problem.query(on: db).filter(\.$complaintID == c.id!).count() == 0 else { throw AlreadyHandled() }
            try await p.save(on: db)
            try await event(on: db, c, action: "problem", actor: scope.principal, comment: "转为学校问题，进入整改")
        }
        req.flash("已转为学校问题，可下达整改通知")
        return req.redirect(to: SiteURL.complaint(c.id!).path)
    }
}

struct ComplaintPage {
    let ctx: PageContext
    let complaint: Complaint
    let school: School?
    let inspector: Inspector?
    let events: [CaseEvent]
    let inspectors: [Inspector]
    let problem: Problem?
    let role: Role
    /// The complainant's identity is for office users only.
    let seesIdentity: Bool

    func render() -> Page {
        let c = complaint
        let actions = ComplaintMachine.allowedActions(from: c.state, role: role)
        var facts: [(String, String)] = [
            ("查询码", c.trackingCode), ("渠道", c.channel == "phone" ? "电话" : "网上"), ("学校", school?.name ?? "全区性问题"),
            ("类别", c.category), ("受理日期", Format.day(c.receivedOn)), ("状态", c.state.label),
            ("本环节期限", Format.day(c.deadline)), ("承办督学", inspector?.name ?? "未分派"), ("督办", c.escalation?.label ?? "无"),
        ]
        if seesIdentity {
            facts.append(("反映人", c.anonymous ? "匿名" : [c.complainantName, c.complainantPhone].filter { !$0.isEmpty }.joined(separator: " ")))
        }
        return Layout.page(
            "投诉 \(c.trackingCode)", ctx,
            .el("h1", [], [.text("举报投诉 \(c.trackingCode)"), .badge(c.state.label)]),
            .el("section", [("class", "card")], [
                .facts(facts),
                .el("h2", [], [.text("反映内容")]),
                .el("p", [("class", "prewrap")], [.text(c.content)]),
                c.storedFiles.isEmpty
                    ? .empty
                    : seesIdentity
                        ? .el("ul", [("class", "files")], c.storedFiles.map { f in
                            .el("li", [], [.link(SiteURL.complaintFile(c.id!, f.hash).path, f.name)])
                        })
                        : .el("p", [("class", "muted")], [.text("附件 \(c.storedFiles.count) 个（仅督导室可查看）")]),
                c.reply.isEmpty ? .empty : .group([.el("h2", [], [.text("答复")]), .el("p", [("class", "prewrap")], [.text(c.reply)])]),
                problem.map { _ in .el("p", [], [.link(SiteURL.problems.with([("school", String(c.schoolID ?? 0))]), "已转为学校问题，查看问题台账")]) } ?? .empty,
            ]),
            actions.isEmpty ? .empty : .el("section", [("class", "card")], [
                .el("h2", [], [.text("办理")]),
                .el("form", [("method", "post"), ("action", SiteURL.complaintAct(c.id!).path)], [
                    .csrf(ctx.csrf),
                    actions.contains(.reply) || actions.contains(.reject)
                        ? .textareaField("答复内容（答复或不予受理时填写，反映人凭查询码可见）", name: "reply", value: c.reply, rows: 4) : .empty,
                    .field("办理意见", name: "comment", value: ""),
                    .el("div", [("class", "actions")], actions.map { a in
                        .el("button", [("type", "submit"), ("name", "action"), ("value", a.rawValue), ("class", "btn " + (a == .reject ? "danger" : "primary"))], [.text(a.label)])
                    }),
                ]),
            ]),
            role != .leader && problem == nil && c.schoolID != nil && [.verifying, .handling].contains(c.state)
                ? .postButton(SiteURL.complaintProblem(c.id!).path, "核实属实，转为学校问题（进入整改）", csrf: ctx.csrf, style: "secondary") : .empty,
            inspectors.isEmpty || !c.state.isOpen ? .empty : .el("details", [("class", "card")], [
                .el("summary", [], [.text("改派承办督学")]),
                .el("form", [("method", "post"), ("action", SiteURL.complaintAssign(c.id!).path)], [
                    .csrf(ctx.csrf),
                    .selectField("督学", name: "inspector", options: inspectors.map { (String($0.id!), $0.name) }, selected: c.inspectorID.map(String.init) ?? ""),
                    .el("button", [("type", "submit"), ("class", "btn secondary")], [.text("改派")]),
                ]),
            ]),
            .el("section", [("class", "card")], [
                .el("h2", [], [.text("办理记录")]),
                .dataTable(["时间", "办理人", "事项", "意见"], events.map { e in
                    [.text(Format.date(e.createdAt)), .text(seesIdentity || e.action != "create" ? e.actorName : "—"),
                     .text(e.action.hasPrefix("escalate:") ? (EscalationStep(rawValue: String(e.action.dropFirst(9)))?.label ?? e.action)
                        : (ComplaintAction(rawValue: e.action)?.label ?? ["create": "收到", "assign": "改派", "problem": "转为问题"][e.action] ?? e.action)),
                     .text(e.comment)]
                }),
            ])
        )
    }
}
