import Foundation
import XCTest

@testable import DudaoCore

private let today = Day(year: 2026, month: 11, day: 16)!
private let school = 12
private let longText = String(repeating: "字", count: ComplaintIntake.maxContent + 1)

final class ComplaintIntakeTests: XCTestCase {
    private func online(_ input: ComplaintIntake.Input) -> Validated<ComplaintIntake> {
        ComplaintIntake.online(input, districtSchoolIDs: [school], today: today)
    }

    private func phone(_ input: ComplaintIntake.Input) -> Validated<ComplaintIntake> {
        ComplaintIntake.phone(input, recorder: "陈立新", districtSchoolIDs: [school], today: today)
    }

    private func errors(_ v: Validated<ComplaintIntake>) -> [FieldError] {
        if case .failure(let e) = v { return e }
        return []
    }

    private let goodOnline = ComplaintIntake.Input(
        school: "12", category: "乱收费", content: "学校要求每位学生购买指定教辅材料。", name: " 张三 ", phone: " 13800138000 ")

    private let goodPhone = ComplaintIntake.Input(
        school: "district", category: "违规补课", content: "  周末有老师在校外组织有偿补课。\n", name: " 李四 ", phone: "0512-66668888",
        receivedAt: "2026-11-15", receivedTime: "09:30")

    func testAGoodOnlineComplaintIsTrimmedAndReceivedToday() {
        guard case .success(let c) = online(goodOnline) else { return XCTFail("\(errors(online(goodOnline)))") }
        XCTAssertEqual(c.channel, .online)
        XCTAssertEqual(c.subject, .school(school))
        XCTAssertEqual(c.category, "乱收费")
        XCTAssertEqual(c.content, "学校要求每位学生购买指定教辅材料。")
        XCTAssertEqual(c.name, "张三")
        XCTAssertEqual(c.phone, "13800138000")
        XCTAssertFalse(c.anonymous)
        XCTAssertEqual(c.receivedOn, today)
    }

    func testAnonymousOnlineKeepsNeitherNameNorPhone() {
        var input = goodOnline
        input.anonymous = true
        input.phone = "not a phone"  // not kept, so not checked
        guard case .success(let c) = online(input) else { return XCTFail("\(errors(online(input)))") }
        XCTAssertEqual(c.name, "")
        XCTAssertEqual(c.phone, "")
        XCTAssertTrue(c.anonymous)
    }

    func testNoNameAndNoPhoneIsAnonymousOnBothChannels() {
        var o = goodOnline
        o.name = " "
        o.phone = ""
        guard case .success(let a) = online(o) else { return XCTFail() }
        XCTAssertTrue(a.anonymous)
        var p = goodPhone
        p.name = nil
        p.phone = " "
        guard case .success(let b) = phone(p) else { return XCTFail("\(errors(phone(p)))") }
        XCTAssertTrue(b.anonymous)
    }

    func testAPhoneLogIsDatedByTheCallAndSaysWhoLoggedIt() {
        guard case .success(let c) = phone(goodPhone) else { return XCTFail("\(errors(phone(goodPhone)))") }
        XCTAssertEqual(c.channel, .phone)
        XCTAssertEqual(c.subject, .district)
        XCTAssertEqual(c.receivedOn, Day(year: 2026, month: 11, day: 15)!)
        XCTAssertEqual(c.content, "【来电 2026-11-15 09:30，登记人 陈立新】\n周末有老师在校外组织有偿补课。")
        XCTAssertEqual(c.name, "李四")
        XCTAssertEqual(c.phone, "0512-66668888")
        XCTAssertFalse(c.anonymous)

        var noTime = goodPhone
        noTime.receivedTime = ""
        guard case .success(let d) = phone(noTime) else { return XCTFail() }
        XCTAssertTrue(d.content.hasPrefix("【来电 2026-11-15，登记人 陈立新】\n"))
    }

    /// One change to a good form, and the one message it must give (field, message).
    func testEachOnlineMistakeHasItsMessage() {
        let cases: [(String, (inout ComplaintIntake.Input) -> Void, [FieldError])] = [
            ("no school", { $0.school = nil }, [.init("school", "请选择反映的学校")]),
            ("not a number", { $0.school = "abc" }, [.init("school", "请选择反映的学校")]),
            ("another district's school", { $0.school = "13" }, [.init("school", "请选择反映的学校")]),
            ("no category", { $0.category = nil }, [.init("category", "请选择问题类别")]),
            ("unknown category", { $0.category = "别的" }, [.init("category", "请选择问题类别")]),
            ("too short", { $0.content = " 太短了 \n" }, [.init("content", "请至少写10个字，说明具体情况")]),
            ("too long", { $0.content = longText }, [.init("content", "内容不能超过2000个字")]),
            ("long name", { $0.name = String(repeating: "名", count: 21) }, [.init("name", "姓名不能超过20个字")]),
            (
                "bad phone", { $0.phone = "12" },
                [.init("phone", "电话格式不正确，手机号为11位数字，座机请写成“区号-号码”")]
            ),
        ]
        for (name, change, expected) in cases {
            var input = goodOnline
            change(&input)
            XCTAssertEqual(errors(online(input)), expected, name)
        }
        var district = goodOnline
        district.school = "district"
        guard case .success(let c) = online(district) else { return XCTFail() }
        XCTAssertEqual(c.subject, .district)
        var padded = goodOnline
        padded.category = " 乱收费 "
        guard case .success(let p) = online(padded) else { return XCTFail("online categories are trimmed") }
        XCTAssertEqual(p.category, "乱收费")
    }

    func testEachPhoneMistakeHasItsMessage() {
        let cases: [(String, (inout ComplaintIntake.Input) -> Void, [FieldError])] = [
            ("no school", { $0.school = nil }, [.init("school", "请选择反映的学校")]),
            ("another district's school", { $0.school = "13" }, [.init("school", "请选择反映的学校")]),
            ("unknown category", { $0.category = "别的" }, [.init("category", "请选择问题类别")]),
            ("category as sent", { $0.category = " 违规补课" }, [.init("category", "请选择问题类别")]),
            ("no content", { $0.content = " \n " }, [.init("content", "请填写来电内容")]),
            ("too long", { $0.content = longText }, [.init("content", "来电内容不能超过2000个字")]),
            (
                "bad phone", { $0.phone = "12" },
                [.init("phone", "电话格式不正确，手机号为11位数字，座机请写成“区号-号码”")]
            ),
            ("long name", { $0.name = String(repeating: "名", count: 21) }, [.init("name", "来电人不能超过20个字")]),
            ("no day", { $0.receivedAt = nil }, [.init("receivedAt", "请填写来电日期")]),
            ("not a day", { $0.receivedAt = "昨天" }, [.init("receivedAt", "请填写来电日期")]),
            ("tomorrow", { $0.receivedAt = "2026-11-17" }, [.init("receivedAt", "来电日期不能晚于今天")]),
            ("bad time", { $0.receivedTime = "9点半" }, [.init("receivedTime", "时间格式应为 09:30")]),
        ]
        for (name, change, expected) in cases {
            var input = goodPhone
            change(&input)
            XCTAssertEqual(errors(phone(input)), expected, name)
        }
        var today = goodPhone
        today.receivedAt = "2026-11-16"
        guard case .success = phone(today) else { return XCTFail("a call today is fine") }
    }

    /// Every message at once, in the order of each form.
    func testAllMistakesComeInTheOrderOfTheForm() {
        let bad = ComplaintIntake.Input(
            school: "x", category: "", content: "", name: String(repeating: "名", count: 21), phone: "1",
            receivedAt: "", receivedTime: "25:00")
        XCTAssertEqual(errors(online(bad)).map(\.field), ["school", "category", "content", "name", "phone"])
        XCTAssertEqual(
            errors(phone(bad)).map(\.field),
            ["school", "category", "content", "phone", "name", "receivedAt", "receivedTime"])
    }

    func testTheRequestedSchool() {
        XCTAssertEqual(ComplaintIntake.requestedSchoolID(.init(school: "12")), 12)
        XCTAssertNil(ComplaintIntake.requestedSchoolID(.init(school: "district")))
        XCTAssertNil(ComplaintIntake.requestedSchoolID(.init(school: "abc")))
        XCTAssertNil(ComplaintIntake.requestedSchoolID(.init(school: nil)))
    }
}

final class ComplaintProblemRuleTests: XCTestCase {
    /// Roles × states × about a school × already a problem, against the rule written out.
    func testEveryCombinationAgainstTheTable() {
        var allowed = 0
        for role in Role.allCases {
            for state in ComplaintState.allCases {
                for aboutSchool in [true, false] {
                    for already in [true, false] {
                        let got = ComplaintMachine.problemRefusal(
                            state: state, aboutSchool: aboutSchool, alreadyAProblem: already, role: role)
                        let want: ComplaintProblemRefusal? =
                            ![.office, .inspector].contains(role)
                            ? .readOnly
                            : !aboutSchool
                                ? .notAboutASchool
                                : ![.verifying, .handling].contains(state)
                                    ? .notBeingHandled
                                    : already ? .alreadyAProblem : nil
                        XCTAssertEqual(got, want, "\(role) \(state) school:\(aboutSchool) already:\(already)")
                        if got == nil { allowed += 1 }
                    }
                }
            }
        }
        XCTAssertEqual(allowed, 4, "office and inspector, while verifying or handling, a school's, not yet a problem")
    }

    func testTheMessages() {
        let table: [(ComplaintProblemRefusal, String)] = [
            (.readOnly, "领导账号只能查看"), (.notAboutASchool, "反映全区性问题的投诉不能转为学校问题"),
            (.notBeingHandled, "只有核实中或处理中的投诉可以转为学校问题"), (.alreadyAProblem, "该投诉已转为问题"),
        ]
        for (refusal, message) in table { XCTAssertEqual(refusal.message, message) }
    }
}
