import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App
@testable import Spreadsheet

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// 督导简报: drafted from the records (its figures equal them), edited, numbered per district and year, published
/// and then unchangeable, corrected by a new issue; read by the district's accounts once published, by the public
/// when chosen; exported as a Word document.
final class BulletinRouteTests: XCTestCase {
    let october = YearMonth(year: 2026, month: 10)

    func testTheDraftsFiguresEqualTheRecords() async throws {
        try await withApp { app in
            let district = try await app.demoDistrict()
            // An October campaign over two schools, one finished with 80 points, one on site.
            let version = try await IndicatorVersion.query(on: app.db).first()!
            let campaign = Campaign()
            campaign.districtID = district.id!
            campaign.kind = .special
            campaign.title = "十月专项督导"
            campaign.versionID = version.id!
            campaign.phaseList = "onSite"
            (campaign.startsOn, campaign.endsOn, campaign.announced) = ("2026-10-08", "2026-10-30", true)
            (campaign.createdBy, campaign.createdAt) = (1, TestClock.now)
            try await campaign.create(on: app.db)
            for (school, phase, total) in [(1, nil, 80.0), (2, CampaignPhase.onSite, nil)]
                as [(Int, CampaignPhase?, Double?)]
            {
                let s = try await School.find(school, on: app.db)!
                let t = CampaignTarget()
                (t.campaignID, t.schoolID, t.name, t.orgPath) = (campaign.id!, s.id, s.name, s.orgPath)
                (t.schoolType, t.phase, t.leadUserID, t.total, t.vetoed) = (s.type.rawValue, phase, 1, total, false)
                (t.preliminary, t.appeal, t.appealAnswer, t.opinion) = ("", "", "", "")
                t.updatedAt = TestClock.now
                try await t.create(on: app.db)
            }

            let facts = try await BulletinFacts.count(
                district: district, month: october, today: TestClock.today, on: app.db)

            let visits = try await Visit.query(on: app.db).filter(\.$status == .submitted)
                .filter(\.$visitDate >= "2026-10-01").filter(\.$visitDate <= "2026-10-31").all()
            XCTAssertGreaterThan(visits.count, 0)
            XCTAssertEqual(facts.visits, visits.count)
            XCTAssertEqual(facts.schoolsVisited, Set(visits.map(\.schoolID)).count)
            let interviews = try await Interview.query(on: app.db).filter(\.$visitID ~~ visits.compactMap(\.id)).count()
            XCTAssertEqual(facts.interviews, interviews)
            let problems = try await Problem.query(on: app.db)
                .filter(\.$createdAt >= october.firstDay.date()).filter(\.$createdAt < october.next.firstDay.date())
                .all()
            XCTAssertEqual(facts.problemsFound, problems.count)
            for (category, n) in facts.problems {
                XCTAssertEqual(n, problems.filter { $0.category == category }.count, category)
            }
            let october = try XCTUnwrap(facts.campaigns.first { $0.title == "十月专项督导" })
            XCTAssertEqual(october.targets, 2)
            XCTAssertEqual(october.finished, 1)
            XCTAssertEqual(october.mean, 80)
            for c in facts.campaigns {
                let campaign = try await Campaign.query(on: app.db).filter(\.$title == c.title).first()!
                let targets = CampaignTarget.query(on: app.db).filter(\.$campaignID == campaign.id!)
                let all = try await targets.copy().count()
                let finished = try await targets.copy().filter(\.$phase == nil).count()
                XCTAssertEqual(c.targets, all, c.title)
                XCTAssertEqual(c.finished, finished, c.title)
            }
            let text = BulletinDraft.sections(facts)[0].text
            XCTAssertTrue(text.contains("到校督导\(visits.count)次"))
            // Overdue today: the school still has the notice, the complaint's stage still runs.
            let today = TestClock.today.description
            let lateNotices = try await RectificationNotice.query(on: app.db)
                .filter(\.$state ~~ [.issued, .acknowledged, .returned]).filter(\.$deadline < today).count()
            let lateComplaints = try await Complaint.query(on: app.db)
                .filter(\.$state ~~ [.received, .accepted, .verifying, .handling]).filter(\.$deadline < today).count()
            XCTAssertEqual(facts.noticesOverdue, lateNotices)
            XCTAssertEqual(facts.complaintsOverdue, lateComplaints)
            XCTAssertGreaterThan(lateNotices + lateComplaints, 0, "the demo has overdue cases")
        }
    }

    func testTheOfficeEditsApprovesPublishesAndCorrects() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            try await office.get("/bulletins")
            let created = try await office.post("/bulletins", form: [("month", "2026-10")])
            let id = try XCTUnwrap(
                created.headers.first(name: .location)?.split(separator: "/").last.flatMap { Int($0) })
            let draft = try await Bulletin.find(id, on: app.db)!
            var form: [(String, String)] = [("title", "十月督导简报")]
            for (i, s) in draft.sections.enumerated() {
                form += [("h\(i)", s.heading), ("t\(i)", i == 0 ? "本月督导有序开展。" : s.text), ("o\(i)", String(i + 1))]
            }
            form += [("x1", "on"), ("newHeading", "下月工作"), ("newText", "做好冬季安全检查。")]

            let saved = try await office.post("/bulletins/\(id)", form: form)
            let approved = try await office.post("/bulletins/\(id)/act", form: [("action", "approve")])
            let changed = try await office.post("/bulletins/\(id)", form: form)
            let published = try await office.post(
                "/bulletins/\(id)/act", form: [("action", "publish"), ("public", "on")])
            let again = try await office.post("/bulletins/\(id)/act", form: [("action", "approve")])
            let corrected = try await office.post("/bulletins/\(id)/act", form: [("action", "correct")])

            XCTAssertEqual(saved.status, .seeOther)
            XCTAssertEqual(approved.status, .seeOther)
            XCTAssertEqual(changed.status, .conflict)
            XCTAssertEqual(published.status, .seeOther)
            XCTAssertEqual(again.status, .conflict)
            XCTAssertEqual(corrected.status, .seeOther)
            let b = try await Bulletin.find(id, on: app.db)!
            XCTAssertEqual(b.title, "十月督导简报")
            XCTAssertEqual(b.issueLabel, "2026年第2期", "the demo issued 第1期 of 2026")
            XCTAssertEqual(b.state, .published)
            XCTAssertEqual(b.sections.first?.text, "本月督导有序开展。")
            XCTAssertEqual(b.sections.last?.heading, "下月工作")
            XCTAssertFalse(b.sections.contains { $0.key == "problems" })
            let correction = try await Bulletin.query(on: app.db).filter(\.$correctsID == id).first()
            XCTAssertEqual(correction?.state, .draft)
            XCTAssertEqual(correction?.sectionsJSON, b.sectionsJSON)
            let anonymous = try await app.sendRequest(.GET, "/public/bulletins/\(id)")
            XCTAssertEqual(anonymous.status, .ok)
            XCTAssertTrue(anonymous.body.string.contains("报：青川区人民政府"))
        }
    }

    func testASchoolReadsPublishedIssuesOnlyAndAnotherDistrictNone() async throws {
        try await withApp { app in
            _ = try await Factory.secondDistrict(on: app.db)
            let draft = try await Bulletin.query(on: app.db).filter(\.$state == .draft).first()!
            let issued = try await Bulletin.query(on: app.db).filter(\.$state == .published).first()!
            let school = try await login(app, "school")
            let far = try await login(app, "school2")

            let list = try await school.get("/bulletins")
            let readDraft = try await school.get("/bulletins/\(draft.id!)")
            let readIssued = try await school.get("/bulletins/\(issued.id!)")
            let farIssued = try await far.get("/bulletins/\(issued.id!)")
            let draftInPublic = try await app.sendRequest(.GET, "/public/bulletins/\(draft.id!)")

            XCTAssertFalse(list.body.string.contains(draft.title + "</a>") && list.body.string.contains("草稿"))
            XCTAssertEqual(readDraft.status, .notFound)
            XCTAssertEqual(readIssued.status, .ok)
            XCTAssertEqual(farIssued.status, .notFound)
            XCTAssertEqual(draftInPublic.status, .notFound)
        }
    }

    func testTheWordExportIsAValidDocumentWithTheBulletin() async throws {
        try await withApp { app in
            let issued = try await Bulletin.query(on: app.db).filter(\.$state == .published).first()!
            let office = try await login(app, "office")

            let res = try await office.get("/bulletins/\(issued.id!)/export.docx")

            XCTAssertEqual(res.status, .ok)
            let data = Data(buffer: res.body)
            let xml = try XCTUnwrap(try XLSX.unzip("word/document.xml", from: data))
            let parser = XMLParser(data: Data(xml))
            XCTAssertTrue(parser.parse(), "document.xml is well-formed")
            let text = String(decoding: xml, as: UTF8.self)
            XCTAssertTrue(text.contains("督导简报"))
            XCTAssertTrue(text.contains(issued.title))
            XCTAssertTrue(text.contains("2026年第1期"))
            XCTAssertTrue(text.contains("w:pgSz w:w=\"11906\" w:h=\"16838\""), "A4")
        }
    }

    func testLastMonthsDraftIsReadyOnTheFirstWorkingDay() async throws {
        try await withApp(history: false) { app in
            // 1 November 2026 is a Sunday: the first working day is Monday 2 November.
            let sunday = try await BulletinDraftJob.run(on: app.db, today: Day(year: 2026, month: 11, day: 1)!)
            let monday = try await BulletinDraftJob.run(on: app.db, today: Day(year: 2026, month: 11, day: 2)!)
            let tuesday = try await BulletinDraftJob.run(on: app.db, today: Day(year: 2026, month: 11, day: 3)!)

            XCTAssertEqual(sunday, 0)
            XCTAssertEqual(monday, 1)
            XCTAssertEqual(tuesday, 0, "one draft a month")
            let drafts = try await Bulletin.query(on: app.db).all()
            XCTAssertEqual(drafts.map(\.period), ["2026-10"])
        }
    }

    func testARankingAskedForListsEveryResponsibleInspectorWithTheSchoolsTheyVisited() async throws {
        try await withApp { app in
            let office = try await login(app, "office")
            try await office.get("/bulletins")

            let created = try await office.post("/bulletins", form: [("month", "2026-10"), ("ranking", "on")])

            let id = try XCTUnwrap(
                created.headers.first(name: .location)?.split(separator: "/").last.flatMap { Int($0) })
            let bulletin = try await Bulletin.find(id, on: app.db)!
            let section = try XCTUnwrap(bulletin.sections.first { $0.key == "ranking" })
            let current = try await Assignment.query(on: app.db).filter(\.$endDate == nil).all()
            let visits = try await Visit.query(on: app.db).filter(\.$status == .submitted)
                .filter(\.$visitDate >= "2026-10-01").filter(\.$visitDate <= "2026-10-31").all()
            let inspectors = try await Inspector.query(on: app.db).filter(\.$id ~~ Set(current.map(\.inspectorID)))
                .all()
            XCTAssertEqual(section.table.count - 1, inspectors.count)
            for row in section.table.dropFirst() {
                let inspector = try XCTUnwrap(inspectors.first { $0.name == row[1] })
                let mine = Set(current.filter { $0.inspectorID == inspector.id }.map(\.schoolID))
                let visited = Set(
                    visits.filter { $0.inspectorID == inspector.id && mine.contains($0.schoolID) }.map(\.schoolID))
                XCTAssertEqual(row[2], String(mine.count), inspector.name)
                XCTAssertEqual(row[3], String(visited.count), inspector.name)
            }
            let plain = try await office.post("/bulletins", form: [("month", "2026-09")])
            let plainID = try XCTUnwrap(
                plain.headers.first(name: .location)?.split(separator: "/").last.flatMap { Int($0) })
            let plainBulletin = try await Bulletin.find(plainID, on: app.db)!
            XCTAssertFalse(plainBulletin.sections.contains { $0.key == "ranking" })
        }
    }
}
