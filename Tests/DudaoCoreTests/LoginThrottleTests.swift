import DudaoCore
import Foundation
import XCTest

final class LoginThrottleTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func counted(_ counter: LoginThrottle.Counter, times: Int) -> LoginThrottle.State {
        var s = LoginThrottle.State()
        for _ in 0..<times { s = LoginThrottle.counting(s, as: counter, now: now) }
        return s
    }

    func testThePairLocksAtTheFifthFailureForFifteenMinutes() {
        XCTAssertNil(counted(.pair, times: 4).blockedUntil)
        let locked = counted(.pair, times: 5)
        XCTAssertEqual(locked.failures, 5)
        XCTAssertEqual(locked.blockedUntil, now.addingTimeInterval(15 * 60))
        let refusal = LoginThrottle.refusal(
            pair: locked, account: .init(), address: .init(), fromUsualAddress: false, now: now)
        XCTAssertEqual(refusal, .locked(seconds: 900))
        XCTAssertEqual(refusal?.message, "连续登录失败次数过多，已暂停此设备登录该账号，请15分钟后再试，或请管理员解锁")
    }

    func testTheAccountWaitsLongerAndLongerPastTenFailures() {
        XCTAssertNil(counted(.account, times: 9).blockedUntil)
        XCTAssertEqual(counted(.account, times: 10).blockedUntil, now.addingTimeInterval(1))
        XCTAssertEqual(counted(.account, times: 11).blockedUntil, now.addingTimeInterval(2))
        XCTAssertEqual(counted(.account, times: 14).blockedUntil, now.addingTimeInterval(16))
        XCTAssertEqual(counted(.account, times: 40).blockedUntil, now.addingTimeInterval(300), "at most five minutes")
    }

    func testTheAddressWaitsPastTwentyFailures() {
        XCTAssertNil(counted(.address, times: 19).blockedUntil)
        XCTAssertEqual(counted(.address, times: 20).blockedUntil, now.addingTimeInterval(1))
    }

    func testSuccessfulLoginsFromOneAddressNeverSlowItDown() {
        var address = LoginThrottle.State()
        for _ in 0..<100 {
            address = LoginThrottle.counting(address, as: .address, now: now)
            address = LoginThrottle.succeeded(address, now: now)
        }

        XCTAssertEqual(address, LoginThrottle.State(), "an office of a hundred behind one NAT signs in all day")
        XCTAssertNil(
            LoginThrottle.refusal(pair: .init(), account: .init(), address: address, fromUsualAddress: false, now: now))
    }

    func testASuccessGivesBackOnlyItsOwnAttemptAndTheAddressKeepsItsFailures() {
        let guessed = counted(.address, times: 25)
        let attempt = LoginThrottle.counting(guessed, as: .address, now: now)

        let after = LoginThrottle.succeeded(attempt, now: now)

        XCTAssertEqual(after.failures, 25)
        XCTAssertEqual(after.blockedUntil, now.addingTimeInterval(LoginThrottle.delay(25, free: 20)!))
        XCTAssertEqual(LoginThrottle.succeeded(counted(.address, times: 1), now: now), LoginThrottle.State())
        let dayOld = LoginThrottle.succeeded(guessed, now: now.addingTimeInterval(LoginThrottle.forgetAfter))
        XCTAssertEqual(dayOld, LoginThrottle.State(), "a quiet day forgets the count")
    }

    func testTheOwnersUsualAddressIsNotSlowedByTheAccountCounter() {
        let account = counted(.account, times: 30)
        XCTAssertNotNil(
            LoginThrottle.refusal(pair: .init(), account: account, address: .init(), fromUsualAddress: false, now: now))
        XCTAssertNil(
            LoginThrottle.refusal(pair: .init(), account: account, address: .init(), fromUsualAddress: true, now: now))
    }

    func testAPairLockStillAppliesAtTheUsualAddress() {
        let pair = counted(.pair, times: 5)
        XCTAssertNotNil(
            LoginThrottle.refusal(pair: pair, account: .init(), address: .init(), fromUsualAddress: true, now: now))
    }

    func testABlockEndsWhenItsTimeHasPassed() {
        let pair = counted(.pair, times: 5)
        let later = now.addingTimeInterval(15 * 60)
        XCTAssertNil(
            LoginThrottle.refusal(pair: pair, account: .init(), address: .init(), fromUsualAddress: false, now: later))
    }

    func testCountersAreForgottenAfterAQuietDay() {
        let s = counted(.pair, times: 4)
        let nextDay = now.addingTimeInterval(24 * 3600)
        XCTAssertEqual(LoginThrottle.current(s, now: nextDay), LoginThrottle.State())
        XCTAssertEqual(LoginThrottle.counting(s, as: .pair, now: nextDay).failures, 1)
    }

    func testWaitMessagesRoundUpToWholeSeconds() {
        XCTAssertEqual(LoginThrottle.Refusal.wait(seconds: 0).message, "登录失败次数过多，请1秒后再试")
        XCTAssertEqual(LoginThrottle.Refusal.wait(seconds: 16).message, "登录失败次数过多，请16秒后再试")
        XCTAssertEqual(LoginThrottle.Refusal.locked(seconds: 61).message.contains("2分钟"), true)
    }

    func testAttemptsLeftNeverGoesBelowZero() {
        XCTAssertEqual(LoginThrottle.attemptsLeft(pairFailures: 0), 5)
        XCTAssertEqual(LoginThrottle.attemptsLeft(pairFailures: 4), 1)
        XCTAssertEqual(LoginThrottle.attemptsLeft(pairFailures: 9), 0)
    }

    func testTheCountNeverOverflows() {
        let huge = LoginThrottle.State(failures: Int.max - 1, lastFailureAt: now)
        XCTAssertEqual(LoginThrottle.counting(huge, as: .account, now: now).failures, 1_000_000)
        XCTAssertEqual(LoginThrottle.delay(Int.max, free: 10), 300)
    }
}

final class InputBoundsTests: XCTestCase {
    func testNumbersInsideTheRangePass() {
        XCTAssertEqual(try InputBounds.parse("1", InputBounds.Page.self).get(), 1)
        XCTAssertEqual(try InputBounds.parse(" 100000 ", InputBounds.Page.self).get(), 100_000)
        XCTAssertEqual(try InputBounds.parse("200", InputBounds.PerPage.self).get(), 200)
        XCTAssertEqual(try InputBounds.parse("2147483647", InputBounds.ID.self).get(), 2_147_483_647)
        XCTAssertEqual(try InputBounds.parse("0", InputBounds.Count.self).get(), 0)
    }

    func testEmptyIsAbsent() {
        XCTAssertEqual(try InputBounds.parse("", InputBounds.Page.self).get(), nil)
        XCTAssertEqual(try InputBounds.parse("   ", InputBounds.ID.self).get(), nil)
    }

    func testEverythingElseIsRefusedWithItsName() {
        let hostile = [
            "0", "-1", "100001", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e30", "NaN",
            "1.5", "abc", "１", String(repeating: "9", count: 10_000),
        ]
        for text in hostile {
            guard case .failure(let e) = InputBounds.parse(text, InputBounds.Page.self) else {
                return XCTFail("accepted \(text.prefix(20))")
            }
            XCTAssertEqual(e.message, "页码应为 1–100000 之间的整数")
        }
        guard case .failure(let per) = InputBounds.parse("201", InputBounds.PerPage.self) else { return XCTFail() }
        XCTAssertEqual(per.message, "每页条数应为 1–200 之间的整数")
        guard case .failure(let year) = InputBounds.check(2199, InputBounds.Year.self) else { return XCTFail() }
        XCTAssertEqual(year.message, "年份应为 1900–2100 之间的整数")
    }

    func testPagingClampsWhatSlippedThrough() {
        let p = Paging(page: Int.max, per: Int.max)
        XCTAssertEqual(p.page, 100_000)
        XCTAssertEqual(p.per, 200)
        XCTAssertEqual(p.offset, 99_999 * 200)
        XCTAssertEqual(Paging(page: Int.min, per: Int.min).offset, 0)
        XCTAssertEqual(Paging(page: 1, per: 50).pageCount(total: Int.max), Int.max / 50 + 1)
    }

    func testDayArithmeticOnExtremeCountsDoesNotTrap() {
        let d = Day(year: 2100, month: 12, day: 31)!
        XCTAssertEqual(d.adding(years: 3).year, 2103)
        XCTAssertGreaterThan(d.adding(days: Int.max).year, 2100)
        XCTAssertLessThan(d.adding(days: Int.min).year, 2100)
        XCTAssertNil(Day(year: 2199, month: 1, day: 1), "typed dates stay within 1900–2100")
        XCTAssertNil(Day(parsing: "9999-12-31"))
    }
}
