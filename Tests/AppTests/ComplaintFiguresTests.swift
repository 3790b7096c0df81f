import DudaoCore
import Fluent
import XCTVapor

@testable import App

/// 各督学办理情况 on the complaint list: counted by the database, the working-day figures read page by page, so they
/// are the figures of every complaint however many there are (they once came from the newest 5 000 only).
final class ComplaintFiguresTests: XCTestCase {
    /// The figures as the page computed them in memory, over every complaint the account may see.
    static func inMemory(_ all: [Complaint], inspectors: [Inspector], settings: DistrictSettings) -> [ComplaintList
        .InspectorFigures]
    {
        let calendar = settings.workingCalendar
        let limits = settings.complaintTimeLimits
        return inspectors.sorted { ($0.name, $0.id!) < ($1.name, $1.id!) }.compactMap { i in
            let mine = all.filter { $0.inspectorID == i.id }
            guard !mine.isEmpty else { return nil }
            let replied = mine.compactMap { c -> (Day, Day)? in
                guard let r = c.repliedOn.flatMap(Day.init(parsing:)), let s = Day(parsing: c.receivedOn) else {
                    return nil
                }
                return (s, r)
            }
            let onTime = replied.filter { s, r in
                r <= ComplaintMachine.replyDue(received: s, limits: limits, calendar: calendar)
            }.count
            let days = replied.map { Double(calendar.workingDays(from: $0.0, to: $0.1)) }
            return .init(
                name: i.name, received: mine.count,
                handled: mine.filter { [.replied, .closed].contains($0.state) }.count,
                onTime: onTime, averageDays: days.isEmpty ? nil : days.reduce(0, +) / Double(days.count))
        }
    }

    func testTheFiguresCountEveryComplaintHoweverMany() async throws {
        try await withApp { app in
            let office = try await app.user("office")
            let scope = Scope(principal: Principal(office), assignedSchoolIDs: [])
            let wang = try await app.inspector(named: "王建华")
            let school = try await app.school(1)
            let before =
                try await ComplaintList.inspectorFigures(scope: scope, on: app.db).first { $0.name == wang.name }?
                .received ?? 0
            // 5 100 more complaints for one inspector: past the old cap, and five pages of replies and more.
            let start = Day(year: 2026, month: 3, day: 2)!
            let added = (0..<5100).map { n -> Complaint in
                let c = Complaint()
                c.districtID = school.districtID
                c.orgPath = school.orgPath
                c.schoolID = school.id
                c.trackingCode = "TS-FIG-\(n)"
                c.channel = "online"
                c.category = "其他"
                c.content = "用于统计的投诉"
                c.complainantName = ""
                c.complainantPhone = ""
                c.anonymous = true
                c.files = "[]"
                let received = start.adding(days: n % 180)
                c.receivedOn = received.description
                c.stageStarted = received.description
                c.reply = ""
                c.sourceIP = "test"
                c.inspectorID = wang.id
                switch n % 4 {
                case 0: c.state = .handling
                case 1: c.state = .rejected
                default: c.state = n % 8 == 2 ? .replied : .closed
                }
                if c.state != .handling { c.repliedOn = received.adding(days: n % 37).description }
                return c
            }
            for chunk in stride(from: 0, to: added.count, by: 500) {
                try await Array(added[chunk..<min(chunk + 500, added.count)]).create(on: app.db)
            }

            let figures = try await ComplaintList.inspectorFigures(scope: scope, on: app.db)

            let all = try await scope.complaintAccess.readable(Complaint.query(on: app.db)).filter(
                \.$inspectorID != nil
            ).all()
            let inspectors = try await Inspector.query(on: app.db).filter(\.$id ~~ Set(all.compactMap(\.inspectorID)))
                .all()
            let settings = try await DistrictSettings.forDistrict(school.districtID, on: app.db)
            XCTAssertEqual(figures, Self.inMemory(all, inspectors: inspectors, settings: settings))
            let mine = try XCTUnwrap(figures.first { $0.name == wang.name })
            XCTAssertEqual(mine.received, before + 5100)
            XCTAssertGreaterThan(mine.onTime, 0)
            XCTAssertNotNil(mine.averageDays)
        }
    }

    func testAnInspectorSeesNoFiguresAndALeaderTheSameAsTheOffice() async throws {
        try await withApp { app in
            let inspector = try await login(app, "inspector")
            let leader = try await login(app, "leader")
            let office = try await login(app, "office")

            let mine = try await inspector.get("/complaints").body.string
            let leaders = try await leader.get("/complaints?state=all").body.string
            let offices = try await office.get("/complaints?state=all").body.string

            XCTAssertFalse(mine.contains("各督学办理情况"))
            func figures(_ html: String) -> Substring? { html.range(of: "各督学办理情况").map { html[$0.lowerBound...] } }
            XCTAssertNotNil(figures(offices))
            XCTAssertEqual(figures(leaders)?.prefix(2000), figures(offices)?.prefix(2000))
        }
    }

    func testAProvinceListsTheHundredInspectorsWhoReceivedMostAndADistrictEveryone() {
        func figures(_ n: Int) -> [ComplaintList.InspectorFigures] {
            (0..<n).map {
                ComplaintList.InspectorFigures(
                    name: String(format: "督学%04d", $0), received: $0 % 7, handled: 0, onTime: 0, averageDays: nil)
            }
        }

        let district = ComplaintList.shown(figures(12))
        let province = ComplaintList.shown(figures(4000))

        XCTAssertEqual(district, figures(12), "a district's inspectors all, in name order")
        XCTAssertEqual(province.count, ComplaintList.figuresShown)
        XCTAssertTrue(province.allSatisfy { $0.received == 6 }, "those who received most")
        XCTAssertEqual(province.map(\.name), province.map(\.name).sorted(), "ties by name")
    }
}
