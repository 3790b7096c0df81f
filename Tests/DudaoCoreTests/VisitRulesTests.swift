import XCTest

@testable import DudaoCore

final class WorkloadRulesTests: XCTestCase {
    func observation(_ band: GradeBand, _ configure: (inout WorkloadObservation) -> Void) -> [WorkloadFinding] {
        var o = WorkloadObservation()
        o.band = band
        configure(&o)
        return WorkloadRules.findings(o)
    }

    func testGradesOneAndTwoHaveNoWrittenHomework() {
        XCTAssertEqual(observation(.lowerPrimary) { $0.homeworkMinutes = 0 }.map(\.ok), [true])
        let f = observation(.lowerPrimary) { $0.homeworkMinutes = 20 }
        XCTAssertEqual(f.map(\.ok), [false])
        XCTAssertTrue(f[0].message.contains("一二年级不布置书面家庭作业"))
    }

    func testHomeworkLimitsAreSixtyAndNinetyMinutes() {
        XCTAssertEqual(observation(.upperPrimary) { $0.homeworkMinutes = 60 }.map(\.ok), [true])
        XCTAssertEqual(observation(.upperPrimary) { $0.homeworkMinutes = 61 }.map(\.ok), [false])
        XCTAssertEqual(observation(.junior) { $0.homeworkMinutes = 90 }.map(\.ok), [true])
        XCTAssertEqual(observation(.junior) { $0.homeworkMinutes = 95 }.map(\.ok), [false])
        XCTAssertTrue(observation(.senior) { $0.homeworkMinutes = 200 }.isEmpty, "no national limit for senior high")
    }

    func testSleepAndFirstLessonFollowTheBand() {
        XCTAssertEqual(observation(.upperPrimary) { $0.sleepHours = 10 }.map(\.ok), [true])
        XCTAssertEqual(observation(.upperPrimary) { $0.sleepHours = 9.5 }.map(\.ok), [false])
        XCTAssertEqual(observation(.junior) { $0.sleepHours = 9 }.map(\.ok), [true])
        XCTAssertEqual(observation(.senior) { $0.sleepHours = 8 }.map(\.ok), [true])
        XCTAssertEqual(observation(.upperPrimary) { $0.firstLesson = "08:20" }.map(\.ok), [true])
        XCTAssertEqual(observation(.upperPrimary) { $0.firstLesson = "08:10" }.map(\.ok), [false])
        XCTAssertEqual(observation(.junior) { $0.firstLesson = "8:00" }.map(\.ok), [true])
        XCTAssertEqual(observation(.junior) { $0.firstLesson = "7:50" }.map(\.ok), [false])
    }

    func testPELessonsPerWeek() {
        XCTAssertEqual(observation(.lowerPrimary) { $0.peLessonsPerWeek = 3 }.map(\.ok), [false])
        XCTAssertEqual(observation(.lowerPrimary) { $0.peLessonsPerWeek = 4 }.map(\.ok), [true])
        XCTAssertEqual(observation(.junior) { $0.peLessonsPerWeek = 3 }.map(\.ok), [true])
        XCTAssertEqual(observation(.senior) { $0.peLessonsPerWeek = 2 }.map(\.ok), [true])
    }

    func testYesNoItemsNeedNoBandAndUncheckedItemsSayNothing() {
        var o = WorkloadObservation()
        o.phonesManaged = false
        o.readingFiled = true
        o.exerciseHour = false
        o.homeworkMinutes = 200  // ignored without a band
        let f = WorkloadRules.findings(o)
        XCTAssertEqual(f.map(\.item), ["手机管理", "读物管理", "体质管理"])
        XCTAssertEqual(f.map(\.ok), [false, true, false])
        XCTAssertTrue(WorkloadRules.findings(WorkloadObservation()).isEmpty)
    }

    func testMinutesOfDay() {
        XCTAssertEqual(WorkloadRules.minutesOfDay("08:20"), 500)
        XCTAssertEqual(WorkloadRules.minutesOfDay("8:05"), 485)
        XCTAssertNil(WorkloadRules.minutesOfDay("25:00"))
        XCTAssertNil(WorkloadRules.minutesOfDay("八点"))
    }
}

final class RubricTests: XCTestCase {
    func testTheStandardRubricTotalsOneHundred() {
        XCTAssertEqual(Rubric.standard.total, 100)
        XCTAssertEqual(Rubric(setting: Rubric.standard.setting), .standard)
    }

    func testADistrictRubricParsesFromItsSetting() {
        let r = Rubric(setting: "教学设计：30；课堂实施:40\n教学效果:30")
        XCTAssertEqual(r?.dimensions.map(\.name), ["教学设计", "课堂实施", "教学效果"])
        XCTAssertEqual(r?.total, 100)
        XCTAssertNil(Rubric(setting: ""))
        XCTAssertNil(Rubric(setting: "教学设计"))
        XCTAssertNil(Rubric(setting: "教学设计:0"))
        XCTAssertNil(Rubric(setting: "教学设计:101"))
    }

    func testScoresMustBeWholeAndWithinTheMaximum() {
        guard case .success(let ok) = Rubric.standard.validate(["教学目标": "12", "教学内容": " 20 ", "教学效果": ""]) else {
            return XCTFail()
        }
        XCTAssertEqual(ok, ["教学目标": 12, "教学内容": 20])
        guard case .failure(let e) = Rubric.standard.validate(["教学目标": "16", "学生参与": "abc"]) else { return XCTFail() }
        XCTAssertEqual(e.map(\.field), ["score_教学目标", "score_学生参与"])
    }

    func testGradeBandsNeedEveryDimension() {
        let r = Rubric.standard
        XCTAssertNil(r.grade(["教学目标": 15]))
        XCTAssertEqual(r.grade(["教学目标": 13, "教学内容": 17, "教学方法": 17, "学生参与": 21, "教学效果": 17]), "优秀（85分）")
        XCTAssertEqual(r.grade(["教学目标": 12, "教学内容": 15, "教学方法": 15, "学生参与": 18, "教学效果": 15]), "良好（75分）")
        XCTAssertEqual(r.grade(["教学目标": 9, "教学内容": 12, "教学方法": 12, "学生参与": 15, "教学效果": 12]), "合格（60分）")
        XCTAssertEqual(r.grade(["教学目标": 5, "教学内容": 5, "教学方法": 5, "学生参与": 5, "教学效果": 5]), "待改进（25分）")
    }
}

final class VisitSettingsTests: XCTestCase {
    func testComplianceSettingsFormRoundTripsAndRejectsNonsense() {
        let input = ComplianceSettingsInput(ComplianceSettings())
        guard case .success(let s) = input.validated() else { return XCTFail() }
        XCTAssertEqual(s, ComplianceSettings())

        var custom = input
        custom.vacationMonths = "1、2，7,8"
        custom.teachersPerVisit = "3"
        guard case .success(let c) = custom.validated() else { return XCTFail() }
        XCTAssertEqual(c.vacationMonths, [1, 2, 7, 8])
        XCTAssertEqual(c.teachersPerVisit, 3)

        var bad = input
        bad.vacationMonths = "13"
        bad.studentsPerVisit = "很多"
        guard case .failure(let e) = bad.validated() else { return XCTFail() }
        XCTAssertEqual(Set(e.map(\.field)), ["vacationMonths", "studentsPerVisit"])
    }

    func testVisitChecksSurviveTheirJSON() throws {
        var c = VisitChecks()
        c.documents = ["作业布置与批改"]
        c.workload.band = .junior
        c.workload.homeworkMinutes = 100
        let back = try JSONDecoder().decode(VisitChecks.self, from: JSONEncoder().encode(c))
        XCTAssertEqual(back, c)
        XCTAssertEqual(back.findings.map(\.ok), [false])
    }
}
