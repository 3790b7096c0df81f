import Spreadsheet
import XCTest

@testable import DudaoCore

final class SchoolCodeTests: XCTestCase {
    func testTenDigitsNotStartingWithZeroIsValid() {
        XCTAssertNil(Validate.schoolCode("3115000100"))
        XCTAssertNil(Validate.schoolCode(" 2132000123 "))
    }

    func testWrongLengthLettersAndLeadingZeroAreRefusedInChinese() {
        XCTAssertEqual(Validate.schoolCode(""), "请填写学校标识码")
        XCTAssertEqual(Validate.schoolCode("12345"), "学校标识码应为10位数字")
        XCTAssertEqual(Validate.schoolCode("31150001000"), "学校标识码应为10位数字")
        XCTAssertEqual(Validate.schoolCode("31150A0100"), "学校标识码应为10位数字")
        XCTAssertEqual(Validate.schoolCode("３１１５０００１００"), "学校标识码应为10位数字")  // full-width digits
        XCTAssertEqual(Validate.schoolCode("0115000100"), "学校标识码不能以0开头")
    }
}

final class PhoneTests: XCTestCase {
    func testMobileLandlineAndShortNumbers() {
        XCTAssertNil(Validate.phone("13957120000"))
        XCTAssertNil(Validate.phone("0573-82106688"))
        XCTAssertNil(Validate.phone("010-1234567"))
        XCTAssertNil(Validate.phone("12345"))
        XCTAssertNil(Validate.phone(""))
        XCTAssertNotNil(Validate.phone("", required: true))
        XCTAssertNotNil(Validate.phone("12957120000"))
        XCTAssertNotNil(Validate.phone("0573-821"))
        XCTAssertNotNil(Validate.phone("电话"))
    }
}

final class SchoolInputTests: XCTestCase {
    func input(_ overrides: [String: String] = [:]) -> SchoolInput {
        var row = [
            "学校标识码": "3115000100", "学校名称": "城关街道中心小学", "学校类型": "小学", "办学性质": "公办", "所属镇街": "城关街道",
            "在校生数": "1180", "班级数": "28", "教职工数": "84",
        ]
        row.merge(overrides) { $1 }
        return SchoolInput(row: row)
    }

    func testAValidRowBecomesARecord() throws {
        guard case .success(let r) = input().validated() else { return XCTFail("should be valid") }
        XCTAssertEqual(r.type, .primary)
        XCTAssertEqual(r.ownership, .publicSchool)
        XCTAssertEqual(r.students, 1180)
    }

    func testEveryProblemIsReportedAtOnce() {
        guard case .failure(let errors) = input(["学校标识码": "1", "学校类型": "大学", "办学性质": "私立", "在校生数": "-3"]).validated()
        else { return XCTFail("should be invalid") }
        XCTAssertEqual(Set(errors.map(\.field)), ["code", "type", "ownership", "students"])
        XCTAssertTrue(errors.first { $0.field == "type" }!.message.contains("九年一贯制"))
    }

    func testSectionEnrolmentMustAddUpAndBelongToTheType() {
        guard
            case .success(let ok) = input(["学校类型": "九年一贯制", "在校生数": "", "小学在校生数": "820", "初中在校生数": "460"]).validated()
        else { return XCTFail("should be valid") }
        XCTAssertEqual(ok.students, 1280)
        XCTAssertEqual(ok.sectionStudents, [.primary: 820, .junior: 460])

        guard
            case .failure(let mismatch) = input(["学校类型": "九年一贯制", "在校生数": "1000", "小学在校生数": "820", "初中在校生数": "460"])
                .validated()
        else { return XCTFail("sum mismatch must fail") }
        XCTAssertTrue(mismatch[0].message.contains("不一致"))

        guard case .failure(let wrongSection) = input(["小学在校生数": "500", "高中在校生数": "100", "在校生数": "600"]).validated()
        else { return XCTFail("a primary school has no senior section") }
        XCTAssertTrue(wrongSection.contains { $0.message == "小学没有高中学段" })
    }

    func testImplausibleClassSizeIsQuestioned() {
        guard case .failure(let e) = input(["在校生数": "1300", "班级数": "2"]).validated() else { return XCTFail() }
        XCTAssertEqual(e.map(\.field), ["classes"])
    }
}

final class InspectorTermTests: XCTestCase {
    func term(_ a: String, _ b: String) -> InspectorRules.Term {
        .init(start: Day(parsing: a)!, end: Day(parsing: b)!)
    }

    func testATermEndsAfterItStartsAndLastsAtMostThreeYears() {
        XCTAssertNil(InspectorRules.validate(term: term("2026-09-01", "2029-08-31")))
        XCTAssertNil(InspectorRules.validate(term: term("2026-09-01", "2029-09-01")))
        XCTAssertNotNil(InspectorRules.validate(term: term("2026-09-01", "2029-09-02")))
        XCTAssertNotNil(InspectorRules.validate(term: term("2026-09-01", "2026-09-01")))
    }

    func testAFourthConsecutivePartTimeTermIsWarned() {
        let previous = [
            term("2017-09-01", "2020-08-31"), term("2020-09-01", "2023-08-31"), term("2023-09-01", "2026-08-31"),
        ]
        let fourth = term("2026-09-01", "2029-08-31")
        XCTAssertEqual(InspectorRules.consecutiveTerms(previous + [fourth]), 4)
        XCTAssertNotNil(InspectorRules.termWarning(kind: .partTime, previousTerms: previous, proposed: fourth))
        XCTAssertEqual(
            InspectorRules.termWarning(kind: .fullTime, previousTerms: previous, proposed: fourth),
            "专职督学连续聘任将达4个聘期，超过连续3个聘期的规定", "every appointed inspector is checked")
        XCTAssertNil(
            InspectorRules.termWarning(kind: .partTime, previousTerms: Array(previous.dropFirst()), proposed: fourth))
    }

    func testAppointmentAndDutiesAreSeparateAndDutiesCombine() {
        var input = InspectorInput()
        input.name = "刘芳"
        input.kind = "兼职"
        input.gender = "女"
        input.phone = "13800000000"
        input.roles = ["特约督学", "responsible"]
        guard case .success(let r) = input.validated() else { return XCTFail("\(input.validated().errors)") }
        XCTAssertEqual(r.kind, .partTime)
        XCTAssertEqual(r.roles, [.responsible, .special], "in their fixed order")
        XCTAssertEqual(InspectorDuty.stored(r.roles), "responsible,special")
        XCTAssertEqual(InspectorDuty.parseStored("special,responsible,x"), [.responsible, .special])

        input.roles = []
        guard case .success(let plain) = input.validated() else { return XCTFail() }
        XCTAssertEqual(plain.roles, [.inspector], "no duty ticked: a 督学")

        input.roles = ["校长"]
        XCTAssertEqual(input.validated().errors.map(\.field), ["roles"])
    }

    func testTheOldSingleChoiceReadsAsAPartTimeAppointmentWithThatDuty() {
        for (old, duty) in [("责任督学", InspectorDuty.responsible), ("特约", .special), ("特约督学", .special)] {
            let row = ["姓名": "黄海燕", "督学类型": old, "性别": "女", "手机号": "13800000001"]
            guard case .success(let r) = InspectorInput(row: row).validated() else { return XCTFail(old) }
            XCTAssertEqual(r.kind, .partTime, old)
            XCTAssertEqual(r.roles, [duty], old)
        }
        let row = ["姓名": "周明", "聘任方式": "专职", "督学类别": "督学、责任督学", "性别": "男", "手机号": "13800000002"]
        guard case .success(let r) = InspectorInput(row: row).validated() else { return XCTFail() }
        XCTAssertEqual(r.kind, .fullTime)
        XCTAssertEqual(r.roles, [.inspector, .responsible])
    }

    func testASpecialInspectorAsResponsibleIsWarnedAboutUnlessTheDistrictAllowsIt() {
        XCTAssertNotNil(InspectorRules.specialAsResponsibleWarning(name: "黄海燕", duties: [.special], allowed: false))
        XCTAssertNil(InspectorRules.specialAsResponsibleWarning(name: "黄海燕", duties: [.special], allowed: true))
        XCTAssertNil(InspectorRules.specialAsResponsibleWarning(name: "刘芳", duties: [.responsible], allowed: false))
    }

    func testAGapOfMoreThanAMonthBreaksTheChain() {
        let terms = [
            term("2017-09-01", "2020-08-31"), term("2020-09-01", "2023-08-31"), term("2024-03-01", "2027-02-28"),
        ]
        XCTAssertEqual(InspectorRules.consecutiveTerms(terms), 1)
        let withinMonth = [term("2020-09-01", "2023-08-31"), term("2023-09-30", "2026-08-31")]
        XCTAssertEqual(InspectorRules.consecutiveTerms(withinMonth), 2)
        XCTAssertEqual(InspectorRules.consecutiveTerms([]), 0)
    }

    func testLoadWarningAboveTheDistrictLimit() {
        XCTAssertNil(InspectorRules.loadWarning(currentSchools: 4, limit: 5))
        XCTAssertNotNil(InspectorRules.loadWarning(currentSchools: 5, limit: 5))
    }
}

final class DayTests: XCTestCase {
    func testParsesTheFormsOfficesWrite() {
        XCTAssertEqual(Day(parsing: "2026-03-05"), Day(year: 2026, month: 3, day: 5))
        XCTAssertEqual(Day(parsing: "2026/3/5"), Day(year: 2026, month: 3, day: 5))
        XCTAssertEqual(Day(parsing: "2026年3月5日"), Day(year: 2026, month: 3, day: 5))
        XCTAssertNil(Day(parsing: "2026-02-30"))
        XCTAssertNil(Day(parsing: "明天"))
    }

    func testDayArithmeticAcrossMonthsYearsAndLeapDays() {
        let d = Day(year: 2028, month: 2, day: 28)!
        XCTAssertEqual(d.adding(days: 1), Day(year: 2028, month: 2, day: 29))
        XCTAssertEqual(d.adding(days: 2), Day(year: 2028, month: 3, day: 1))
        XCTAssertEqual(Day(year: 2026, month: 1, day: 1)!.adding(days: -1), Day(year: 2025, month: 12, day: 31))
        XCTAssertEqual(Day(year: 2028, month: 2, day: 29)!.adding(years: 1), Day(year: 2029, month: 2, day: 28))
        XCTAssertEqual(Day(ordinal: Day(year: 1999, month: 12, day: 31)!.ordinal), Day(year: 1999, month: 12, day: 31))
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)!.ordinal, 0)
        XCTAssertEqual(Day(year: 2026, month: 3, day: 5)!.description, "2026-03-05")
        XCTAssertEqual(Day(year: 2026, month: 3, day: 5)!.chinese, "2026年3月5日")
    }
}

final class ImportCheckTests: XCTestCase {
    let header = ["学校标识码", "学校名称", "学校类型", "办学性质", "所属镇街", "在校生数"]

    func testMissingColumnsAreNamed() {
        let checked = ImportCheck.schools(SpreadsheetTable(rows: [["学校名称", "学校类型"]]))
        XCTAssertEqual(checked.fileError, "缺少必需的列：学校标识码、办学性质、所属镇街。请使用导入模板的表头。")
    }

    func testEveryBadRowIsListedWithItsSpreadsheetRowNumber() {
        let table = SpreadsheetTable(rows: [
            header,
            ["3115000100", "甲小学", "小学", "公办", "城关街道", "100"],
            ["123", "乙小学", "小学", "公办", "城关街道", "100"],
            ["", "", "", "", "", ""],
            ["3115000101", "丙小学", "大学", "公办", "城关街道", "100"],
            ["3115000100", "丁小学", "小学", "公办", "城关街道", "100"],
        ])
        let checked = ImportCheck.schools(table)
        XCTAssertEqual(checked.errors.map(\.row), [3, 5, 6])
        XCTAssertTrue(checked.errors[2].messages[0].contains("第2行已出现"))
        XCTAssertEqual(checked.records.count, 1)
        XCTAssertFalse(checked.isClean)
    }

    func testInspectorsAreKeyedByMobile() {
        let table = SpreadsheetTable(rows: [
            ["姓名", "督学类型", "性别", "手机号"],
            ["王建华", "专职", "男", "13957120000"],
            ["王建华", "专职", "男", "13957120000"],
            ["李秀英", "兼职", "女", "1395712"],
        ])
        let checked = ImportCheck.inspectors(table)
        XCTAssertEqual(checked.errors.map(\.row), [3, 4])
    }

    func testAHeaderOnlyFileHasNoRows() {
        XCTAssertEqual(ImportCheck.schools(SpreadsheetTable(rows: [header])).fileError, "文件中没有数据行")
        XCTAssertEqual(ImportCheck.schools(SpreadsheetTable(rows: [])).fileError, "文件为空")
    }
}

final class SmallRulesTests: XCTestCase {
    func testAuditDiffListsOnlyChangedFieldsInOrder() {
        let changes = AuditDiff.changes(
            before: ["名称": "甲", "电话": "1", "地址": "x"], after: ["名称": "乙", "电话": "1", "校长": "张"])
        XCTAssertEqual(
            changes,
            [
                FieldChange(field: "名称", before: "甲", after: "乙"), FieldChange(field: "地址", before: "x", after: nil),
                FieldChange(field: "校长", before: nil, after: "张"),
            ].sorted { $0.field < $1.field })
    }

    func testPagingClampsPageAndSize() {
        XCTAssertEqual(Paging(page: 0, per: 1000), Paging(page: 1, per: 200))
        XCTAssertEqual(Paging(page: 3, per: nil).offset, 100)
        XCTAssertEqual(Paging(page: 1, per: 50).pageCount(total: 101), 3)
        XCTAssertEqual(Paging(page: 1, per: 50).pageCount(total: 0), 1)
    }

    func testPasswordRulesAndLockout() {
        XCTAssertNotNil(AccountRules.passwordProblem("abc12", username: "u"))
        XCTAssertNotNil(AccountRules.passwordProblem("abcdefgh", username: "u"))
        XCTAssertNotNil(AccountRules.passwordProblem("office123", username: "OFFICE123"))
        XCTAssertNil(AccountRules.passwordProblem("qingchuan2026", username: "office"))
        XCTAssertFalse(AccountRules.shouldLock(failuresInARow: 4))
        XCTAssertTrue(AccountRules.shouldLock(failuresInARow: 5))
        XCTAssertTrue(AccountRules.constantTimeEquals("abc", "abc"))
        XCTAssertFalse(AccountRules.constantTimeEquals("abc", "abd"))
        XCTAssertFalse(AccountRules.constantTimeEquals("abc", "abcd"))
    }

    func testEnumsParseTheirChineseLabels() {
        XCTAssertEqual(SchoolType(label: "九年一贯制"), .nineYear)
        XCTAssertEqual(SchoolType(label: "教学点"), .teachingPoint)
        XCTAssertEqual(InspectorKind(label: "兼职"), .partTime)
        XCTAssertEqual(InspectorDuty(label: "责任督学"), .responsible)
        XCTAssertEqual(Ownership(label: "民办"), .privateSchool)
        XCTAssertNil(SchoolType(label: "大学"))
        XCTAssertEqual(SchoolType.nineYear.sections, [.primary, .junior])
    }
}
