import Foundation
import XCTest

@testable import DudaoCore

private func d(_ text: String) -> Day { Day(parsing: text)! }

/// National Day 2026: 1–7 October off; Sunday 27 September and Saturday 10 October worked.
private let nationalDay = WorkingCalendar(
    holidays: Set((1...7).map { d("2026-10-0\($0)") }),
    makeUpWorkdays: [d("2026-09-27"), d("2026-10-10")])

// MARK: - 举报投诉

final class ComplaintMachineTests: XCTestCase {
    /// Every allowed transition; anything not listed must be refused.
    private let table: [(action: ComplaintAction, from: ComplaintState, roles: [Role], to: ComplaintState)] = [
        (.accept, .received, [.office, .inspector], .accepted),
        (.reject, .received, [.office], .rejected),
        (.startVerifying, .accepted, [.inspector, .office], .verifying),
        (.finishVerifying, .verifying, [.inspector, .office], .handling),
        (.reply, .handling, [.inspector, .office], .replied),
        (.close, .replied, [.office], .closed),
    ]

    private func expected(_ from: ComplaintState, _ action: ComplaintAction, _ role: Role) -> ComplaintState? {
        table.first { $0.action == action && $0.from == from && $0.roles.contains(role) }?.to
    }

    func testEveryStateActionAndRoleAgainstTheTable() {
        var allowed = 0
        var refused = 0
        for from in ComplaintState.allCases {
            for action in ComplaintAction.allCases {
                for role in Role.allCases {
                    let context = "\(from) —\(action)→ by \(role)"
                    switch (ComplaintMachine.next(from: from, action: action, role: role), expected(from, action, role))
                    {
                    case (.success(let to), let want?):
                        XCTAssertEqual(to, want, context)
                        allowed += 1
                    case (.failure(let error), nil):
                        XCTAssertFalse(error.message.isEmpty, context)
                        XCTAssertFalse(
                            error.message.contains { $0.isASCII && $0.isLetter }, "\(context): \(error.message)")
                        refused += 1
                    case (.success(let to), nil):
                        XCTFail("\(context) should be refused, went to \(to)")
                    case (.failure(let error), let want?):
                        XCTFail("\(context) should go to \(want), refused: \(error.message)")
                    }
                }
            }
        }
        XCTAssertEqual(allowed, 2 + 1 + 2 + 2 + 2 + 1)
        XCTAssertEqual(allowed + refused, 7 * 6 * 5)
    }

    func testAllowedActionsMatchNext() {
        for from in ComplaintState.allCases {
            for role in Role.allCases {
                XCTAssertEqual(
                    ComplaintMachine.allowedActions(from: from, role: role),
                    ComplaintAction.allCases.filter { expected(from, $0, role) != nil }, "\(from) \(role)")
            }
        }
        XCTAssertEqual(ComplaintMachine.allowedActions(from: .received, role: .office), [.accept, .reject])
        XCTAssertEqual(ComplaintMachine.allowedActions(from: .received, role: .inspector), [.accept])
        XCTAssertEqual(ComplaintMachine.allowedActions(from: .replied, role: .inspector), [])
        XCTAssertEqual(ComplaintMachine.allowedActions(from: .replied, role: .office), [.close])
        for state in ComplaintState.allCases {
            for role in [Role.school, .leader, .admin] {
                XCTAssertEqual(ComplaintMachine.allowedActions(from: state, role: role), [], "\(state) \(role)")
            }
        }
    }

    func testRefusalMessages() {
        func says(_ from: ComplaintState, _ action: ComplaintAction, _ role: Role) -> String? {
            if case .failure(let e) = ComplaintMachine.next(from: from, action: action, role: role) { return e.message }
            return nil
        }
        XCTAssertEqual(says(.received, .accept, .leader), "领导只能查看举报投诉，不能办理")
        XCTAssertEqual(says(.closed, .reply, .office), "这件举报投诉已办结，不能再回复投诉人")
        XCTAssertEqual(says(.rejected, .accept, .office), "这件举报投诉已决定不予受理，不能再受理")
        XCTAssertEqual(says(.received, .reject, .inspector), "只有督导室可以决定不予受理")
        XCTAssertEqual(says(.received, .accept, .school), "只有督学或督导室可以受理举报投诉")
        XCTAssertEqual(says(.replied, .close, .inspector), "只有督导室可以办结举报投诉")
        XCTAssertEqual(says(.accepted, .accept, .office), "这件举报投诉目前是“已受理”，不能受理")
        XCTAssertEqual(says(.received, .startVerifying, .inspector), "这件举报投诉目前是“待受理”，不能开始核实")
        XCTAssertEqual(says(.handling, .close, .office), "这件举报投诉目前是“处理中”，不能办结")
    }

    func testTheWholeCourse() throws {
        var state = ComplaintState.received
        for (action, role) in [
            (ComplaintAction.accept, Role.inspector), (.startVerifying, .inspector), (.finishVerifying, .inspector),
            (.reply, .inspector), (.close, .office),
        ] {
            state = try ComplaintMachine.next(from: state, action: action, role: role).get()
        }
        XCTAssertEqual(state, .closed)
        XCTAssertFalse(state.isOpen)
        XCTAssertEqual(try ComplaintMachine.next(from: .received, action: .reject, role: .office).get(), .rejected)
    }

    func testLabels() {
        XCTAssertEqual(
            ComplaintState.allCases.map(\.label), ["待受理", "已受理", "核实中", "处理中", "已回复", "已办结", "不予受理"])
        XCTAssertEqual(ComplaintAction.allCases.map(\.label), ["受理", "不予受理", "开始核实", "核实完毕", "回复投诉人", "办结"])
        XCTAssertEqual(ComplaintState.allCases.filter { !$0.isOpen }, [.closed, .rejected])
        XCTAssertEqual(ComplaintState(label: "核实中"), .verifying)
    }
}

// MARK: - 办理时限

final class ComplaintDeadlineTests: XCTestCase {
    let limits = ComplaintTimeLimits()

    func testDefaultLimits() {
        XCTAssertEqual([limits.accept, limits.verify, limits.handle, limits.reply], [3, 5, 5, 5])
        XCTAssertEqual(limits.total, 18)
        XCTAssertEqual(ComplaintTimeLimits(), ComplaintTimeLimits(accept: 3, verify: 5, handle: 5, reply: 5))
    }

    func testStageLimits() {
        let custom = ComplaintTimeLimits(accept: 1, verify: 2, handle: 4, reply: 8)
        XCTAssertEqual(ComplaintMachine.stageLimit(state: .received, limits: custom), 1)
        XCTAssertEqual(ComplaintMachine.stageLimit(state: .accepted, limits: custom), 2)
        XCTAssertEqual(ComplaintMachine.stageLimit(state: .verifying, limits: custom), 2)
        XCTAssertEqual(ComplaintMachine.stageLimit(state: .handling, limits: custom), 4)
        XCTAssertNil(ComplaintMachine.stageLimit(state: .replied, limits: custom))
        XCTAssertNil(ComplaintMachine.stageLimit(state: .closed, limits: custom))
        XCTAssertNil(ComplaintMachine.stageLimit(state: .rejected, limits: custom))
    }

    func testDeadlinesInAnOrdinaryWeek() {
        let plain = WorkingCalendar()
        let friday = d("2026-03-06")
        XCTAssertEqual(
            ComplaintMachine.deadline(state: .received, stageStarted: friday, limits: limits, calendar: plain),
            d("2026-03-11"))
        XCTAssertEqual(
            ComplaintMachine.deadline(state: .verifying, stageStarted: friday, limits: limits, calendar: plain),
            d("2026-03-13"))
    }

    func testDeadlinesAroundNationalDay() {
        func due(_ state: ComplaintState, _ started: String) -> Day? {
            ComplaintMachine.deadline(state: state, stageStarted: d(started), limits: limits, calendar: nationalDay)
        }
        XCTAssertEqual(due(.received, "2026-09-25"), d("2026-09-29"), "27 (make-up Sunday), 28, 29")
        XCTAssertEqual(due(.received, "2026-09-30"), d("2026-10-10"), "8, 9, 10 (make-up Saturday)")
        XCTAssertEqual(due(.received, "2026-10-02"), d("2026-10-10"), "received on a holiday")
        XCTAssertEqual(due(.accepted, "2026-09-30"), d("2026-10-13"))
        XCTAssertEqual(due(.verifying, "2026-09-30"), d("2026-10-13"), "the same 核实 clock")
        XCTAssertEqual(due(.handling, "2026-10-09"), d("2026-10-15"))
        XCTAssertNil(due(.replied, "2026-10-09"))
        XCTAssertNil(due(.closed, "2026-10-09"))
        XCTAssertNil(due(.rejected, "2026-10-09"))
    }

    func testDeadlineIsTheLimitInWorkingDays() {
        for offset in 0..<30 {
            let start = d("2026-09-20").adding(days: offset)
            for state in [ComplaintState.received, .accepted, .verifying, .handling] {
                let due = ComplaintMachine.deadline(
                    state: state, stageStarted: start, limits: limits, calendar: nationalDay)!
                XCTAssertEqual(
                    nationalDay.workingDays(from: start, to: due),
                    ComplaintMachine.stageLimit(state: state, limits: limits), "\(state) from \(start)")
                XCTAssertTrue(nationalDay.isWorkingDay(due))
            }
        }
    }

    func testReplyDueCountsEveryLimit() {
        XCTAssertEqual(
            ComplaintMachine.replyDue(received: d("2026-09-28"), limits: limits, calendar: nationalDay), d("2026-10-28")
        )
        XCTAssertEqual(
            ComplaintMachine.replyDue(received: d("2026-03-06"), limits: limits, calendar: WorkingCalendar()),
            d("2026-04-01"))
    }

    func testValidatedLimits() {
        guard case .success = limits.validated() else { return XCTFail("defaults are valid") }
        guard case .failure(let errors) = ComplaintTimeLimits(accept: 0, verify: 5, handle: 61, reply: 60).validated()
        else { return XCTFail("0 and 61 are out of range") }
        XCTAssertEqual(
            errors, [FieldError("accept", "受理时限应为1到60个工作日"), FieldError("handle", "处理时限应为1到60个工作日")])
    }

    func testCodable() throws {
        let custom = ComplaintTimeLimits(accept: 2, verify: 7, handle: 10, reply: 3)
        XCTAssertEqual(try JSONDecoder().decode(ComplaintTimeLimits.self, from: JSONEncoder().encode(custom)), custom)
    }

    /// The overdue lists, counts and the escalation job filter by `timed`: exactly the stages with a limit.
    func testTheTimedStagesAreThoseWithADeadline() {
        let limits = ComplaintTimeLimits()
        let withLimit = ComplaintState.allCases.filter { ComplaintMachine.stageLimit(state: $0, limits: limits) != nil }
        XCTAssertEqual(ComplaintState.timed, withLimit)
        XCTAssertTrue(ComplaintState.timed.allSatisfy(\.isOpen))
    }
}

// MARK: - 查询码

final class TrackingCodeTests: XCTestCase {
    func testAlphabetHasNoLookAlikes() {
        let alphabet = TrackingCode.alphabet
        XCTAssertEqual(alphabet.count, 31)
        XCTAssertEqual(Set(alphabet).count, alphabet.count, "no repeats")
        for c in "0O1IL" { XCTAssertFalse(alphabet.contains(c), "\(c)") }
        XCTAssertTrue(alphabet.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) })
    }

    func testFormat() {
        var g = SeededGenerator(seed: 1)
        for _ in 0..<500 {
            let code = TrackingCode.make(using: &g)
            let chars = Array(code)
            XCTAssertEqual(chars.count, 12, code)
            XCTAssertEqual(String(chars[0..<3]), "TS-", code)
            XCTAssertEqual(chars[7], "-", code)
            let body = chars[3..<7] + chars[8..<12]
            XCTAssertTrue(body.allSatisfy(TrackingCode.alphabet.contains), code)
            XCTAssertEqual(TrackingCode.normalise(code), code, "a code is already normal")
        }
    }

    func testSameSeedSameCodeAndEveryCharacterUsed() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        XCTAssertEqual(TrackingCode.make(using: &a), TrackingCode.make(using: &b))
        var g = SeededGenerator(seed: 9)
        var seen: Set<Character> = []
        var codes: Set<String> = []
        for _ in 0..<2000 {
            let code = TrackingCode.make(using: &g)
            codes.insert(code)
            seen.formUnion(code.dropFirst(3).filter { $0 != "-" })
        }
        XCTAssertEqual(seen, Set(TrackingCode.alphabet))
        XCTAssertEqual(codes.count, 2000, "no collisions in a small batch")
    }

    func testSystemRandomCodes() {
        let code = TrackingCode.make()
        XCTAssertEqual(TrackingCode.normalise(code), code)
        XCTAssertNotEqual(TrackingCode.make(), TrackingCode.make())
    }

    func testNormaliseAcceptsWhatPeopleType() {
        let accepted = [
            "TS-ABCD-2345", "ts-abcd-2345", "tsabcd2345", "TS ABCD 2345", " ts-ABcd 23-45 ", "ABCD2345", "abcd-2345",
            "ＴＳ－ＡＢＣＤ－２３４５", "ts　abcd　2345", "TS_ABCD_2345", "TS—ABCD—2345",
        ]
        for input in accepted { XCTAssertEqual(TrackingCode.normalise(input), "TS-ABCD-2345", input) }
        XCTAssertEqual(TrackingCode.normalise("TSAB2345"), "TS-TSAB-2345", "eight characters are the body")
        XCTAssertEqual(TrackingCode.normalise("TS-TSAB-2345"), "TS-TSAB-2345")
    }

    func testNormaliseRefusesMalformedCodes() {
        let refused = [
            "", "TS", "TS-ABCD-234", "TS-ABCD-23456", "TS-ABCO-2345", "TS-ABC0-2345", "TS-ABC1-2345", "TS-ABCI-2345",
            "TS-ABCL-2345", "XX-ABCD-2345", "TS-ABCD-2345-6789", "TS-ABC?-2345", "TS-举报ABC-2345",
        ]
        for input in refused { XCTAssertNil(TrackingCode.normalise(input), input) }
    }
}
