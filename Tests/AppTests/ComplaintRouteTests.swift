import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 举报投诉 on the pages: public intake with a tracking code, tracking without identity, the complainant's identity
/// for the office only, handling against working-day limits, turning a complaint into a school problem, phone log
/// and reassignment.
final class ComplaintRouteTests: XCTestCase {
    static let codePattern = #"^TS-[A-Z0-9]{4}-[A-Z0-9]{4}$"#

    /// A public complaint about school 1 (王建华's) with a name and phone; returns the stored complaint.
    static func submitted(_ app: Application, _ change: (inout PublicComplaint) -> Void = { _ in }) async throws
        -> Complaint
    {
        var form = PublicComplaint(district: try await app.demoDistrict().id!)
        change(&form)
        let res = try await submitPublicComplaint(app, form)
        guard res.status == .ok, let code = trackingCode(in: res.body.string) else {
            throw TestSetupError("public complaint refused: \(res.status.code)")
        }
        return try await app.complaint(code: code)
    }

    static func districtSettings(_ app: Application) async throws -> DistrictSettings {
        try await DistrictSettings.forDistrict(try await app.demoDistrict().id!, on: app.db)
    }

    // MARK: - Public intake

    func testAnyoneCanComplainWithoutLoginAndGetsATrackingCode() async throws {
        try await withApp { app in
            let district = try await app.demoDistrict()
            let visitor = TestSession(app: app)
            let before = try await Complaint.query(on: app.db).count()

            let form = try await visitor.get("/public/complaints/new")
            let res = try await submitPublicComplaint(app, PublicComplaint(district: district.id!), session: visitor)

            XCTAssertEqual(form.status, .ok)
            XCTAssertNotNil(visitor.csrf, "the form carries a token for the anonymous session")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("已收到您的反映"))
            let code = try XCTUnwrap(trackingCode(in: res.body.string))
            XCTAssertNotNil(code.range(of: Self.codePattern, options: .regularExpression), code)
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before + 1)
            let c = try await app.complaint(code: code)
            XCTAssertEqual(c.state, .received)
            XCTAssertEqual(c.channel, "online")
            XCTAssertEqual(c.schoolID, 1)
            XCTAssertEqual(c.inspectorID, 1, "routed to the school's responsible inspector")
            XCTAssertEqual(c.complainantName, "赵晓梅")
            XCTAssertEqual(c.complainantPhone, "13912345678")
            XCTAssertFalse(c.anonymous)
            XCTAssertEqual(c.receivedOn, TestClock.today.description)
            let settings = try await Self.districtSettings(app)
            let acceptBy = settings.workingCalendar.adding(
                workingDays: settings.complaintTimeLimits.accept, to: TestClock.today)
            XCTAssertEqual(c.deadline, acceptBy.description)
        }
    }

    func testTheReceiptPromisesTheDistrictsOwnTimeToAccept() async throws {
        try await withApp(history: false) { app in
            let district = try await app.demoDistrict()
            _ = try await app.changeDistrictSettings {
                $0.complaintLimits =
                    (try? JSONColumn.encode(ComplaintTimeLimits(accept: 5, verify: 5, handle: 10, reply: 3))) ?? ""
            }

            let res = try await submitPublicComplaint(app, PublicComplaint(district: district.id!))

            XCTAssertTrue(res.body.string.contains("我们将在5个工作日内受理"), "not the national model's 3")
        }
    }

    func testAnAnonymousComplaintKeepsNoNameOrPhone() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app) { $0.anonymous = true }

            XCTAssertTrue(c.anonymous)
            XCTAssertEqual(c.complainantName, "")
            XCTAssertEqual(c.complainantPhone, "")
        }
    }

    func testAComplaintWithAnImageAttachmentIsAccepted() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app) { $0.files = [.png("现场.png")] }

            XCTAssertEqual(c.storedFiles.map(\.name), ["现场.png"])
            XCTAssertEqual(c.storedFiles.map(\.type), ["image/png"])
        }
    }

    func testTrackingByCodeInLowerCaseShowsTheStatusButNotTheIdentityNorTheContent() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let visitor = TestSession(app: app)

            let res = try await visitor.get("/public/complaints/track?code=" + c.trackingCode.lowercased())

            XCTAssertEqual(res.status, .ok)
            let html = res.body.string
            XCTAssertTrue(html.contains(c.trackingCode))
            XCTAssertTrue(html.contains("待受理"))
            XCTAssertFalse(html.contains("赵晓梅"))
            XCTAssertFalse(html.contains("13912345678"))
            XCTAssertFalse(html.contains(c.content))
            XCTAssertFalse(html.contains("没有找到"))
        }
    }

    func testTrackingAnUnknownCodeSaysNotFound() async throws {
        try await withApp { app in
            let visitor = TestSession(app: app)

            let unknown = try await visitor.get("/public/complaints/track?code=TS-ZZZZ-ZZZZ")
            let malformed = try await visitor.get("/public/complaints/track?code=hello")

            XCTAssertEqual(unknown.status, .ok)
            XCTAssertTrue(unknown.body.string.contains("没有找到这个查询码"))
            XCTAssertTrue(malformed.body.string.contains("没有找到这个查询码"))
        }
    }

    func testContentShorterThanTenCharactersIsRefusedAndNothingSaved() async throws {
        try await withApp { app in
            let before = try await Complaint.query(on: app.db).count()
            let district = try await app.demoDistrict()
            var form = PublicComplaint(district: district.id!)
            form.content = "学校乱收费"

            let res = try await submitPublicComplaint(app, form)

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请至少写10个字"))
            XCTAssertTrue(res.body.string.contains("学校乱收费"), "what was typed is kept")
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }

    func testAnAttachmentThatIsNotAnImageOrPDFIsRefusedAndNothingSaved() async throws {
        try await withApp { app in
            let before = try await Complaint.query(on: app.db).count()
            let district = try await app.demoDistrict()
            var form = PublicComplaint(district: district.id!)
            form.files = [.text("证据.txt")]

            let res = try await submitPublicComplaint(app, form)

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("“证据.txt”不是可接受的文件"))
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }

    func testASchoolOfAnotherDistrictCannotBeChosen() async throws {
        try await withApp { app in
            let second = try await Factory.secondDistrict(on: app.db)
            let before = try await Complaint.query(on: app.db).count()
            let district = try await app.demoDistrict()
            var form = PublicComplaint(district: district.id!)
            form.school = String(second.school.id!)

            let res = try await submitPublicComplaint(app, form)

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请选择反映的学校"))
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }

    func testTheSixthComplaintFromTheSameAddressWithinAnHourIsRefused() async throws {
        try await withApp { app in
            let district = try await app.demoDistrict()
            // Every test request comes from the same (unknown) address, whatever its session.
            for n in 1...ComplaintsController.perAddressPerHour {
                let res = try await submitPublicComplaint(app, PublicComplaint(district: district.id!))
                XCTAssertEqual(res.status, .ok, "submission \(n)")
            }
            let before = try await Complaint.query(on: app.db).count()

            let sixth = try await submitPublicComplaint(app, PublicComplaint(district: district.id!))

            XCTAssertEqual(sixth.status, .tooManyRequests)
            XCTAssertTrue(sixth.body.string.contains("提交过于频繁，请一小时后再试"))
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }

    func testSubmissionsOlderThanAnHourDoNotCountTowardsTheLimit() async throws {
        try await withApp { app in
            let district = try await app.demoDistrict()
            let first = try await Self.submitted(app)
            for _ in 2...ComplaintsController.perAddressPerHour { _ = try await Self.submitted(app) }
            // The first one was two hours ago.
            try await Complaint.query(on: app.db).filter(\.$id == first.id!)
                .set(\.$createdAt, to: TestClock.now.addingTimeInterval(-7200)).update()

            let res = try await submitPublicComplaint(app, PublicComplaint(district: district.id!))

            XCTAssertEqual(res.status, .ok)
        }
    }

    // MARK: - Identity for the office only

    func testTheOfficeSeesTheComplainantsNameAndPhone() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let office = try await login(app, "office")

            let res = try await office.get("/complaints/\(c.id!)")

            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("赵晓梅"))
            XCTAssertTrue(res.body.string.contains("13912345678"))
        }
    }

    func testTheAssignedInspectorSeesTheComplaintButNeitherNameNorPhone() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            XCTAssertEqual(c.inspectorID, 1)
            let inspector = try await login(app, "inspector")

            let list = try await inspector.get("/complaints")
            let page = try await inspector.get("/complaints/\(c.id!)")

            XCTAssertTrue(list.body.string.contains(c.trackingCode))
            XCTAssertEqual(page.status, .ok)
            let html = page.body.string
            XCTAssertTrue(html.contains(c.content), "the inspector reads what is complained about")
            XCTAssertFalse(html.contains("赵晓梅"))
            XCTAssertFalse(html.contains("13912345678"))
            XCTAssertFalse(html.contains("反映人"))
        }
    }

    func testTheAssignedInspectorDoesNotSeeTheIdentityOfADemoPhoneComplaintEither() async throws {
        try await withApp { app in
            let c = try await app.complaint(code: "TS-QC26-4567")
            XCTAssertEqual(c.complainantName, "李先生")
            let inspector = try await login(app, "inspector")

            let page = try await inspector.get("/complaints/\(c.id!)")

            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("李先生"))
            XCTAssertFalse(page.body.string.contains("13905735678"))
        }
    }

    func testAnInspectorCannotOpenAComplaintAssignedToSomeoneElse() async throws {
        try await withApp { app in
            // School 5 is 李秀英's.
            let c = try await Self.submitted(app) { $0.school = "5" }
            XCTAssertEqual(c.inspectorID, 2)
            let inspector = try await login(app, "inspector")

            let page = try await inspector.get("/complaints/\(c.id!)")
            let accept = try await inspector.act(onComplaint: c.id!, .accept)

            XCTAssertEqual(page.status, .notFound)
            XCTAssertEqual(accept.status, .notFound)
            try await assertState(app, complaint: c.id!, .received)
        }
    }

    func testTheSchoolAccountCannotOpenComplaintsAtAll() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let school = try await login(app, "school")

            let list = try await school.get("/complaints")
            let page = try await school.get("/complaints/\(c.id!)")
            let act = try await school.act(onComplaint: c.id!, .accept)

            XCTAssertEqual(list.status, .forbidden)
            XCTAssertEqual(page.status, .forbidden)
            XCTAssertFalse(page.body.string.contains("赵晓梅"))
            XCTAssertFalse(page.body.string.contains(c.content))
            XCTAssertEqual(act.status, .forbidden)
            try await assertState(app, complaint: c.id!, .received)
        }
    }

    // MARK: - Handling

    func testHandlingRunsAcceptVerifyReplyCloseWithWorkingDayDeadlinesAndTheReplyIsTracked() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let id = c.id!
            let settings = try await Self.districtSettings(app)
            let calendar = settings.workingCalendar
            let limits = settings.complaintTimeLimits
            let today = TestClock.today
            let inspector = try await login(app, "inspector")
            try await inspector.get("/complaints/\(id)")

            // 受理: the 核实 stage starts, its limit in working days.
            let accept = try await inspector.act(onComplaint: id, .accept, comment: "属于督导范围")
            XCTAssertEqual(accept.status, .seeOther)
            let accepted = try await app.complaint(id)
            XCTAssertEqual(accepted.state, .accepted)
            XCTAssertEqual(accepted.stageStarted, today.description)
            let verifyBy = calendar.adding(workingDays: limits.verify, to: today)
            XCTAssertEqual(accepted.deadline, verifyBy.description)
            XCTAssertEqual(calendar.workingDays(from: today, to: verifyBy), limits.verify)

            // 开始核实 does not restart the clock; 核实完毕 starts 处理.
            try await inspector.act(onComplaint: id, .startVerifying)
            let verifying = try await app.complaint(id)
            XCTAssertEqual(verifying.state, .verifying)
            XCTAssertEqual(verifying.deadline, verifyBy.description)
            try await inspector.act(onComplaint: id, .finishVerifying, comment: "已到校核实")
            let handling = try await app.complaint(id)
            XCTAssertEqual(handling.state, .handling)
            XCTAssertEqual(handling.deadline, calendar.adding(workingDays: limits.handle, to: today).description)

            // A reply needs its text: the page again, saying so next to the field.
            let empty = try await inspector.act(onComplaint: id, .reply, reply: "   ")
            XCTAssertEqual(empty.status, .unprocessableEntity)
            XCTAssertTrue(empty.body.string.contains("请填写答复内容"))
            try await assertState(app, complaint: id, .handling)
            let reply = "经核实，学校已停止周六补课，并退还已收取的费用。感谢您的监督。"
            let replied = try await inspector.act(onComplaint: id, .reply, reply: reply)
            XCTAssertEqual(replied.status, .seeOther)
            let afterReply = try await app.complaint(id)
            XCTAssertEqual(afterReply.state, .replied)
            XCTAssertEqual(afterReply.reply, reply)
            XCTAssertEqual(afterReply.repliedOn, today.description)
            XCTAssertNil(afterReply.deadline)

            // Only the office closes.
            let inspectorClose = try await inspector.act(onComplaint: id, .close)
            XCTAssertEqual(inspectorClose.status, .forbidden)
            XCTAssertTrue(inspectorClose.body.string.contains("只有督导室可以办结举报投诉"))
            let office = try await login(app, "office")
            try await office.get("/complaints/\(id)")
            let close = try await office.act(onComplaint: id, .close)
            XCTAssertEqual(close.status, .seeOther)
            try await assertState(app, complaint: id, .closed)
            let actions = try await app.events("complaint", id).map(\.action)
            XCTAssertEqual(actions, ["create", "accept", "startVerifying", "finishVerifying", "reply", "close"])

            // The complainant sees the reply by the code.
            let track = try await TestSession(app: app).get("/public/complaints/track?code=\(c.trackingCode)")
            XCTAssertTrue(track.body.string.contains("已办结"))
            XCTAssertTrue(track.body.string.contains(reply))
        }
    }

    func testTheAcceptDeadlineSkipsTheDistrictsHolidays() async throws {
        try await withApp { app in
            // Make the next three weekdays holidays: the deadline moves past them.
            let today = TestClock.today
            var weekdays: [Day] = []
            var d = today
            while weekdays.count < 3 {
                d = d.adding(days: 1)
                if !d.isWeekend { weekdays.append(d) }
            }
            try await app.changeDistrictSettings { $0.holidays = weekdays.map(\.description).joined(separator: "\n") }
            let c = try await Self.submitted(app)
            let inspector = try await login(app, "inspector")
            try await inspector.get("/complaints/\(c.id!)")

            try await inspector.act(onComplaint: c.id!, .accept)

            let settings = try await Self.districtSettings(app)
            let expected = settings.workingCalendar.adding(workingDays: settings.complaintTimeLimits.verify, to: today)
            let plain = WorkingCalendar().adding(workingDays: settings.complaintTimeLimits.verify, to: today)
            XCTAssertGreaterThan(expected, plain, "the holidays push the deadline out")
            let accepted = try await app.complaint(c.id!)
            XCTAssertEqual(accepted.deadline, expected.description)
        }
    }

    func testTheLeaderReadsButCannotHandleAComplaint() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let leader = try await login(app, "leader")

            let page = try await leader.get("/complaints/\(c.id!)")
            let accept = try await leader.act(onComplaint: c.id!, .accept)
            let problem = try await leader.post("/complaints/\(c.id!)/problem")

            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(accept.status, .forbidden)
            XCTAssertEqual(problem.status, .forbidden)
            try await assertState(app, complaint: c.id!, .received)
        }
    }

    func testAVerifiedComplaintBecomesASchoolProblemInTheRegisterOnce() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let inspector = try await login(app, "inspector")
            try await inspector.get("/complaints/\(c.id!)")
            try await inspector.act(onComplaint: c.id!, .accept)
            try await inspector.act(onComplaint: c.id!, .startVerifying)
            let page = try await inspector.get("/complaints/\(c.id!)")
            XCTAssertTrue(
                page.body.string.contains(#"action="/complaints/\#(c.id!)/problem""#), "offered while verifying")

            let res = try await inspector.post("/complaints/\(c.id!)/problem")
            let again = try await inspector.post("/complaints/\(c.id!)/problem")

            XCTAssertEqual(res.status, .seeOther)
            let problems = try await Problem.query(on: app.db).filter(\.$complaintID == c.id!).all()
            XCTAssertEqual(problems.count, 1)
            let p = try XCTUnwrap(problems.first)
            XCTAssertEqual(p.schoolID, 1)
            XCTAssertEqual(p.inspectorID, 1)
            XCTAssertNil(p.visitID)
            XCTAssertEqual(p.state, .open)
            XCTAssertEqual(p.disposition, .rectify)
            XCTAssertTrue(p.description.contains(c.trackingCode))
            XCTAssertEqual(again.status, .badRequest)
            XCTAssertTrue(again.body.string.contains("该投诉已转为问题"))
            let register = try await inspector.get("/problems")
            XCTAssertTrue(register.body.string.contains(#"href="/problems/\#(p.id!)""#))
            XCTAssertTrue(register.body.string.contains(c.trackingCode))
            let officeRegister = try await login(app, "office").get("/problems?school=1")
            XCTAssertTrue(officeRegister.body.string.contains(#"href="/problems/\#(p.id!)""#))
            // …and it can be put on a notice like a problem found on a visit.
            let form = try await inspector.get("/notices/new?school=1")
            XCTAssertTrue(form.body.string.contains(#"name="problems[]" value="\#(p.id!)""#))
        }
    }

    /// The page offers "核实属实，转为学校问题" only while a complaint is being verified or handled; the server must
    /// refuse it before acceptance and after a complaint is finished, as it refuses every other out-of-order step.
    func testOnlyAComplaintBeingVerifiedOrHandledCanBecomeASchoolProblem() async throws {
        try await withApp { app in
            let received = try await app.complaint(code: "TS-QC26-2345")
            let closed = try await app.complaint(code: "TS-QC26-7892")
            XCTAssertEqual(received.state, .received)
            XCTAssertEqual(closed.state, .closed)
            let inspector = try await login(app, "inspector")
            let office = try await login(app, "office")
            let page = try await inspector.get("/complaints/\(received.id!)")
            XCTAssertFalse(page.body.string.contains(#"action="/complaints/\#(received.id!)/problem""#), "not offered")

            let early = try await inspector.post("/complaints/\(received.id!)/problem")
            let late = try await office.post("/complaints/\(closed.id!)/problem")

            XCTAssertTrue((400..<500).contains(early.status.code), "received: \(early.status.code)")
            XCTAssertTrue((400..<500).contains(late.status.code), "closed: \(late.status.code)")
            let made = try await Problem.query(on: app.db).filter(\.$complaintID ~~ [received.id!, closed.id!]).count()
            XCTAssertEqual(made, 0)
        }
    }

    func testAComplaintAboutTheWholeDistrictCannotBecomeASchoolProblem() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app) { $0.school = "district" }
            XCTAssertNil(c.schoolID)
            XCTAssertNil(c.inspectorID, "no school, no responsible inspector: the office handles it")
            let office = try await login(app, "office")

            let res = try await office.post("/complaints/\(c.id!)/problem")

            XCTAssertEqual(res.status, .badRequest)
            let count = try await Problem.query(on: app.db).filter(\.$complaintID == c.id!).count()
            XCTAssertEqual(count, 0)
        }
    }

    // MARK: - Phone log and reassignment

    func testTheOfficeLogsAPhoneComplaintRoutedToTheSchoolsInspector() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            let officeID = try await app.user("office").id!
            let form = try await office.get("/complaints/new")
            XCTAssertEqual(form.status, .ok)

            let res = try await office.post(
                "/complaints",
                form: [
                    ("receivedAt", TestClock.today.description), ("name", "钱先生"), ("phone", "13600001111"),
                    ("school", "2"),
                    ("category", "乱收费"), ("content", "学校要求家长统一购买指定教辅资料，每人180元。"),
                ])

            XCTAssertEqual(res.status, .seeOther)
            let id = try XCTUnwrap(redirectID(res, under: "/complaints"))
            let c = try await app.complaint(id)
            XCTAssertEqual(c.channel, "phone")
            XCTAssertEqual(c.recordedBy, officeID)
            XCTAssertEqual(c.schoolID, 2)
            XCTAssertEqual(c.inspectorID, 1)
            XCTAssertEqual(c.complainantName, "钱先生")
            XCTAssertEqual(c.state, .received)
            let flash = try await office.flash(at: "/complaints/\(id)")
            XCTAssertEqual(flash, "已登记，查询码 \(c.trackingCode)（可告知来电人）")
        }
    }

    /// The phone form asks for the day of the call (来电日期), and the limits run from the day a complaint is received.
    func testAPhoneComplaintLoggedTheDayAfterTheCallCountsFromTheDayOfTheCall() async throws {
        try await withApp { app in
            let settings = try await Self.districtSettings(app)
            let calendar = settings.workingCalendar
            let today = TestClock.today
            let callDay = calendar.adding(workingDays: -1, to: today)
            let office = try await login(app, "office")
            try await office.get("/complaints/new")

            let res = try await office.post(
                "/complaints",
                form: [
                    ("receivedAt", callDay.description), ("name", ""), ("phone", ""), ("school", "2"),
                    ("category", "乱收费"), ("content", "学校要求家长统一购买指定教辅资料，每人180元。"),
                ])

            XCTAssertEqual(res.status, .seeOther)
            let id = try XCTUnwrap(redirectID(res, under: "/complaints"))
            let c = try await app.complaint(id)
            XCTAssertEqual(c.receivedOn, callDay.description, "the day of the call, as entered")
            XCTAssertEqual(
                c.deadline, calendar.adding(workingDays: settings.complaintTimeLimits.accept, to: callDay).description)
        }
    }

    func testAPhoneComplaintNeedsContentAndAValidPhone() async throws {
        try await withApp { app in
            let before = try await Complaint.query(on: app.db).count()
            let office = try await login(app, "office")
            try await office.get("/complaints/new")

            let res = try await office.post(
                "/complaints",
                form: [
                    ("receivedAt", TestClock.today.description), ("name", "钱先生"), ("phone", "12345"), ("school", "2"),
                    ("category", "乱收费"), ("content", ""),
                ])

            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("请填写来电内容"))
            let after = try await Complaint.query(on: app.db).count()
            XCTAssertEqual(after, before)
        }
    }

    func testTheInspectorCannotLogPhoneComplaintsOrReassign() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let inspector = try await login(app, "inspector")

            let log = try await inspector.post(
                "/complaints",
                form: [
                    ("receivedAt", TestClock.today.description), ("school", "1"), ("category", "乱收费"),
                    ("content", "来电反映学校乱收费。"),
                ])
            let assign = try await inspector.post("/complaints/\(c.id!)/assign", form: [("inspector", "2")])

            XCTAssertEqual(log.status, .forbidden)
            XCTAssertEqual(assign.status, .forbidden)
            let after = try await app.complaint(c.id!)
            XCTAssertEqual(after.inspectorID, 1)
        }
    }

    func testTheOfficeReassignsAComplaintToAnotherInspectorWhoIsTold() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let li = try await app.inspector(named: "李秀英")
            let liAccount = try await Factory.inspectorAccount("lixiuying", for: li, on: app.db)
            let office = try await login(app, "office")
            try await office.get("/complaints/\(c.id!)")

            let res = try await office.post("/complaints/\(c.id!)/assign", form: [("inspector", String(li.id!))])

            XCTAssertEqual(res.status, .seeOther)
            let after = try await app.complaint(c.id!)
            XCTAssertEqual(after.inspectorID, li.id)
            let flash = try await office.flash(at: "/complaints/\(c.id!)")
            XCTAssertEqual(flash, "已改派给 李秀英")
            let actions = try await app.events("complaint", c.id!).map(\.action)
            XCTAssertEqual(actions, ["create", "assign"])
            let told = try await AppNotification.query(on: app.db).filter(\.$userID == liAccount.id!)
                .filter(\.$link == "/complaints/\(c.id!)").all()
            XCTAssertEqual(told.map(\.title), ["督导室转办投诉 \(c.trackingCode)"])
            // The new inspector handles it; the former one no longer sees it.
            let newInspector = try await login(app, "lixiuying")
            let page = try await newInspector.get("/complaints/\(c.id!)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("赵晓梅"))
            let former = try await login(app, "inspector").get("/complaints/\(c.id!)")
            XCTAssertEqual(former.status, .notFound)
        }
    }

    func testReassigningToAnUnknownInspectorChangesNothing() async throws {
        try await withApp { app in
            let c = try await Self.submitted(app)
            let office = try await login(app, "office")
            try await office.get("/complaints/\(c.id!)")

            let res = try await office.post("/complaints/\(c.id!)/assign", form: [("inspector", "99999")])

            XCTAssertEqual(res.status, .seeOther)
            let flash = try await office.flash(at: "/complaints/\(c.id!)")
            XCTAssertEqual(flash, "请选择本区在岗督学")
            let after = try await app.complaint(c.id!)
            XCTAssertEqual(after.inspectorID, 1)
        }
    }
}
